package dev.dynaseed.seed;

import dev.dynaseed.RunDeadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items with BatchWriteItem, 25 per request and up to {@code maxInFlight} requests at once (shared by every
 * table written through this writer). Items DynamoDB returns as UnprocessedItems are resent with exponential backoff
 * and full jitter until written or out of attempts; throttling and 5xx are retried by the SDK itself first. A batch
 * DynamoDB rejects as invalid is retried item by item, so one bad item cannot take 24 good ones with it.
 */
public final class BatchWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final int MAX_ERRORS_KEPT = 5;

    private static final String NOT_SENT_DEADLINE = "not sent: no time left before the deadline";

    private final DynamoDbClient client;
    private final WriteOptions options;
    private final ExecutorService pool;
    private final Semaphore inFlight;

    public BatchWriter(DynamoDbClient client, WriteOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(options.maxInFlight(), runnable -> {
            Thread thread = new Thread(runnable, "dynaseed-writer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.inFlight = new Semaphore(options.maxInFlight());
    }

    /**
     * Writes every item of {@code source} to {@code table}; returns once each has a final state. Once the deadline
     * says stop no further batch starts, and the items not started are reported as skipped.
     */
    public SeedOutcome write(
            String table, List<String> keyNames, ItemSource source, SeedProgress progress, RunDeadline deadline)
            throws InterruptedException {
        long started = System.nanoTime();
        TableCounters counters = new TableCounters(table, source.size(), progress);
        Phaser pending = new Phaser(1);
        Iterator<Map<String, AttributeValue>> items = source.iterator();
        List<WriteRequest> batch = new ArrayList<>(WriteOptions.BATCH_SIZE);
        Set<List<AttributeValue>> keysInBatch = new HashSet<>();
        long submitted = 0;
        boolean stopped = false;
        while (items.hasNext()) {
            Map<String, AttributeValue> item = items.next();
            List<AttributeValue> key = keyNames.stream().map(item::get).toList();
            // BatchWriteItem rejects two writes to one key in a request; the later one goes in the next batch, so
            // the result is the same as writing the items one after another.
            if (batch.size() == WriteOptions.BATCH_SIZE || keysInBatch.contains(key)) {
                if (deadline.stopStarting()) {
                    stopped = true;
                    break;
                }
                submitted += submit(table, batch, counters, pending, deadline);
                batch = new ArrayList<>(WriteOptions.BATCH_SIZE);
                keysInBatch.clear();
            }
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
            keysInBatch.add(key);
        }
        if (!stopped && !batch.isEmpty()) {
            if (deadline.stopStarting()) {
                stopped = true;
            } else {
                submitted += submit(table, batch, counters, pending, deadline);
            }
        }
        pending.arriveAndAwaitAdvance();
        long skipped = source.size() - submitted;
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(
                "table {}: {} written, {} failed, {} skipped, {} resent in {} ms",
                table,
                counters.written.get(),
                counters.failed.get(),
                skipped,
                counters.retried.get(),
                duration.toMillis());
        return new SeedOutcome(
                source.size(),
                counters.written.get(),
                counters.failed.get(),
                skipped,
                counters.retried.get(),
                stopped ? Optional.of(SkipReason.DEADLINE) : Optional.empty(),
                counters.errors(),
                duration);
    }

    private int submit(
            String table, List<WriteRequest> batch, TableCounters counters, Phaser pending, RunDeadline deadline)
            throws InterruptedException {
        inFlight.acquire();
        pending.register();
        try {
            pool.execute(() -> {
                try {
                    writeBatch(table, batch, counters, deadline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    counters.fail(batch.size(), "interrupted before the batch was written");
                } catch (RuntimeException e) {
                    counters.fail(batch.size(), e.toString());
                } finally {
                    inFlight.release();
                    pending.arriveAndDeregister();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            pending.arriveAndDeregister();
            throw e;
        }
        return batch.size();
    }

    private void writeBatch(String table, List<WriteRequest> batch, TableCounters counters, RunDeadline deadline)
            throws InterruptedException {
        List<WriteRequest> toSend = batch;
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> timeLeft = deadline.timeToFinish();
            if (timeLeft.isPresent() && timeLeft.get().isZero()) {
                counters.fail(toSend.size(), NOT_SENT_DEADLINE);
                return;
            }
            BatchWriteItemResponse response;
            try {
                List<WriteRequest> sending = toSend;
                // Under a deadline no request may outlive it: the SDK abandons it, and its items count as failed.
                response = client.batchWriteItem(r -> {
                    r.requestItems(Map.of(table, sending));
                    r.overrideConfiguration(deadline.bound(client));
                });
            } catch (DynamoDbException e) {
                if (isInvalidRequest(e) && toSend.size() > 1) {
                    writeOneByOne(table, toSend, counters, deadline);
                } else {
                    counters.fail(toSend.size(), describe(e));
                }
                return;
            } catch (SdkException e) {
                counters.fail(toSend.size(), describe(e));
                return;
            }
            List<WriteRequest> unprocessed = response.hasUnprocessedItems()
                    ? response.unprocessedItems().getOrDefault(table, List.of())
                    : List.of();
            counters.written(toSend.size() - unprocessed.size());
            if (unprocessed.isEmpty()) {
                return;
            }
            if (attempt >= options.maxAttempts()) {
                counters.fail(
                        unprocessed.size(),
                        "still unprocessed after " + attempt + " attempts; lower"
                                + " --concurrency or raise the table's write capacity");
                return;
            }
            if (deadline.stopStarting()) {
                counters.fail(unprocessed.size(), "unprocessed and not resent: stopped before the deadline");
                return;
            }
            counters.retried.addAndGet(unprocessed.size());
            LOG.debug("table {}: {} unprocessed items, attempt {}", table, unprocessed.size(), attempt);
            Thread.sleep(backoffMillis(attempt));
            toSend = unprocessed;
        }
    }

    private void writeOneByOne(String table, List<WriteRequest> batch, TableCounters counters, RunDeadline deadline) {
        for (WriteRequest request : batch) {
            try {
                client.putItem(r -> r.tableName(table)
                        .item(request.putRequest().item())
                        .overrideConfiguration(deadline.bound(client)));
                counters.written(1);
            } catch (SdkException e) {
                counters.fail(1, describe(e));
            }
        }
    }

    /** Full jitter: a random delay between 0 and min(maxDelay, baseDelay * 2^(attempt-1)). */
    long backoffMillis(int attempt) {
        long cap = options.baseDelay().toMillis() << Math.min(attempt - 1, 20);
        cap = Math.min(cap, options.maxDelay().toMillis());
        return ThreadLocalRandom.current().nextLong(cap + 1);
    }

    private static boolean isInvalidRequest(DynamoDbException e) {
        return e.statusCode() == 400
                && e.awsErrorDetails() != null
                && "ValidationException".equals(e.awsErrorDetails().errorCode());
    }

    private static String describe(SdkException e) {
        if (e instanceof ApiCallTimeoutException) {
            return "ApiCallTimeoutException: the request was abandoned at the deadline; DynamoDB may or may not have"
                    + " written its items";
        }
        if (e instanceof DynamoDbException dynamo && dynamo.awsErrorDetails() != null) {
            return dynamo.awsErrorDetails().errorCode() + ": "
                    + dynamo.awsErrorDetails().errorMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** One table's counters, shared by the batches in flight for it. */
    private static final class TableCounters {
        final AtomicLong written = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong retried = new AtomicLong();
        private final Set<String> errors = ConcurrentHashMap.newKeySet();
        private final String table;
        private final long requested;
        private final SeedProgress progress;

        TableCounters(String table, long requested, SeedProgress progress) {
            this.table = table;
            this.requested = requested;
            this.progress = progress;
        }

        void written(long count) {
            written.addAndGet(count);
            report();
        }

        void fail(long count, String error) {
            failed.addAndGet(count);
            if (errors.size() < MAX_ERRORS_KEPT) {
                errors.add(error);
            }
            report();
        }

        List<String> errors() {
            return errors.stream().sorted().toList();
        }

        private void report() {
            progress.update(table, written.get() + failed.get(), requested);
        }
    }
}
