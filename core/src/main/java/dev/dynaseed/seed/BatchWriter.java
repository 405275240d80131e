package dev.dynaseed.seed;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.cost.ItemSize;
import dev.dynaseed.pace.InFlightLimit;
import dev.dynaseed.pace.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items with BatchWriteItem, 25 per request and up to {@code maxInFlight} requests at once (shared by every
 * table written through this writer; by default the number in flight adapts, see {@link InFlightLimit}, and a
 * table's writes may be held to a rate, see {@link WriteRate}). Only the batches in flight are held in memory,
 * whatever the number of items. Every resend is the writer's own, so each is counted: the SDK's retries are
 * off for its requests, and items DynamoDB returns as UnprocessedItems or whose request failed for a passing reason
 * (throttling, 5xx, timeouts, connection failures) are resent with exponential backoff and full jitter until written
 * or out of attempts. A batch DynamoDB rejects as invalid is retried item by item, so one bad item cannot take 24
 * good ones with it.
 */
public final class BatchWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private static final String NOT_SENT_DEADLINE = "not sent: no time left before the deadline";
    private static final String ABANDONED_AT_DEADLINE =
            "the request was abandoned at the" + " deadline; DynamoDB may or may not have written its items";
    private static final String STOPPED_BEFORE_DEADLINE = "not resent: stopped before the deadline";
    private static final String INTERRUPTED = "not resent: the writer was closed";
    private static final String MAY_HAVE_BEEN_WRITTEN =
            "; the answer was lost, so DynamoDB may or may not have written these items";
    private static final String NOT_RESENT_INTERRUPTED = "not resent: the run was interrupted";
    /** A request timing out with less than this left before the deadline was cut off by the deadline itself. */
    private static final Duration DEADLINE_TOLERANCE = Duration.ofMillis(100);

    /** Turns the SDK's own retries off for the writer's requests: the writer resends, backs off and counts itself. */
    private static final SdkPlugin NO_SDK_RETRIES =
            config -> config.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));

    private final DynamoDbClient client;
    private final WriteOptions options;
    private final ExecutorService pool;
    private final InFlightLimit inFlight;

    public BatchWriter(DynamoDbClient client, WriteOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(options.maxInFlight(), runnable -> {
            Thread thread = new Thread(runnable, "dynaseed-writer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.inFlight = options.adaptive()
                ? InFlightLimit.adaptive(options.maxInFlight())
                : InFlightLimit.fixed(options.maxInFlight());
    }

    /**
     * Writes every item of {@code source} to {@code table}; returns once each has a final state. Once the deadline
     * says stop no further batch starts, and the items not started are reported as skipped. When the source fails
     * (a generator throws) or a batch fails for good for a reason that is not its items' own (the endpoint is
     * unreachable, the table is gone), reading stops, the batches in flight finish, and the items not sent count as
     * failed with that reason.
     */
    public SeedOutcome write(
            String table, List<String> keyNames, ItemSource source, SeedProgress progress, RunDeadline deadline)
            throws InterruptedException {
        return write(table, keyNames, source, progress, deadline, WrittenBatches.NONE);
    }

    /**
     * As {@link #write(String, List, ItemSource, SeedProgress, RunDeadline)}, telling {@code writtenBatches} about
     * each batch whose every item was written (by the positions of its items in {@code source}), so a checkpoint
     * can record them.
     */
    public SeedOutcome write(
            String table,
            List<String> keyNames,
            ItemSource source,
            SeedProgress progress,
            RunDeadline deadline,
            WrittenBatches writtenBatches)
            throws InterruptedException {
        return write(table, keyNames, source, progress, deadline, writtenBatches, OptionalLong.empty());
    }

    /**
     * As {@link #write(String, List, ItemSource, SeedProgress, RunDeadline, WrittenBatches)} for a table with
     * {@code writeCapacity} provisioned write capacity units (empty for an on-demand table), which the rate {@link
     * WriteRate.Kind#TABLE_CAPACITY} keeps to.
     */
    public SeedOutcome write(
            String table,
            List<String> keyNames,
            ItemSource source,
            SeedProgress progress,
            RunDeadline deadline,
            WrittenBatches writtenBatches,
            OptionalLong writeCapacity)
            throws InterruptedException {
        Objects.requireNonNull(writeCapacity, "writeCapacity");
        return send(
                table,
                keyNames,
                source,
                progress,
                deadline,
                writtenBatches,
                BatchWriter::putRequest,
                Pacing.of(options.rate(), writeCapacity));
    }

    /** The requests in flight that the writer allows now (the adaptive limit, or the fixed one). */
    public int concurrency() {
        return inFlight.permits();
    }

    /** Write requests DynamoDB throttled (an error or UnprocessedItems) since the writer was made. */
    public long throttledRequests() {
        return inFlight.throttles();
    }

    /**
     * Deletes the items with the keys {@code keys} yields from {@code table} (BatchWriteItem DeleteRequests), with the
     * same batching, resending and counting as {@link #write}: "written" counts deletions DynamoDB acknowledged (a
     * key that was already gone counts too).
     */
    public SeedOutcome delete(
            String table, List<String> keyNames, ItemSource keys, SeedProgress progress, RunDeadline deadline)
            throws InterruptedException {
        return send(
                table,
                keyNames,
                keys,
                progress,
                deadline,
                WrittenBatches.NONE,
                BatchWriter::deleteRequest,
                Pacing.of(options.rate(), OptionalLong.empty()));
    }

    private static WriteRequest putRequest(Map<String, AttributeValue> item) {
        return WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build())
                .build();
    }

    private static WriteRequest deleteRequest(Map<String, AttributeValue> key) {
        return WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key).build())
                .build();
    }

    private SeedOutcome send(
            String table,
            List<String> keyNames,
            ItemSource source,
            SeedProgress progress,
            RunDeadline deadline,
            WrittenBatches writtenBatches,
            Function<Map<String, AttributeValue>, WriteRequest> requestFor,
            Pacing pacing)
            throws InterruptedException {
        Objects.requireNonNull(writtenBatches, "writtenBatches");
        long started = System.nanoTime();
        TableCounters counters = new TableCounters(table, source.size(), progress);
        Phaser pending = new Phaser(1);
        Iterator<Map<String, AttributeValue>> items = source.iterator();
        List<WriteRequest> batch = new ArrayList<>(WriteOptions.BATCH_SIZE);
        Set<List<AttributeValue>> keysInBatch = new HashSet<>();
        long read = 0;
        long submitted = 0;
        boolean stoppedByDeadline = false;
        Optional<String> sourceFailure = Optional.empty();
        while (true) {
            Map<String, AttributeValue> item;
            try {
                if (!items.hasNext()) {
                    break;
                }
                item = items.next();
            } catch (RuntimeException e) {
                sourceFailure = Optional.of("generating item " + read + " failed: " + message(e));
                LOG.debug("table {}: {}", table, sourceFailure.get());
                break;
            }
            read++;
            List<AttributeValue> key = keyNames.stream().map(item::get).toList();
            Optional<String> badKey = badKey(keyNames, key);
            // BatchWriteItem rejects two writes to one key in a request; the later one goes in the next batch, so
            // the result is the same as writing the items one after another. An item DynamoDB would refuse for its
            // key ends the batch too: a batch holds consecutive items, as the checkpoint records them.
            if (batch.size() == WriteOptions.BATCH_SIZE
                    || keysInBatch.contains(key)
                    || (badKey.isPresent() && !batch.isEmpty())) {
                if (deadline.stopStarting()) {
                    stoppedByDeadline = true;
                    break;
                }
                if (counters.stopReason().isPresent()) {
                    break;
                }
                if (!pacing.await(batch, deadline)) {
                    stoppedByDeadline = true;
                    break;
                }
                submitted +=
                        submit(table, batch, counters, pending, deadline, written(writtenBatches, submitted), pacing);
                batch = new ArrayList<>(WriteOptions.BATCH_SIZE);
                keysInBatch.clear();
            }
            if (badKey.isPresent()) {
                // Never sent: reported as failed, with the item's position and why.
                counters.failed(1, "item " + (read - 1) + " " + badKey.get() + "; it was not sent");
                submitted++;
                continue;
            }
            batch.add(requestFor.apply(item));
            keysInBatch.add(key);
        }
        if (sourceFailure.isEmpty() && !stoppedByDeadline && !batch.isEmpty()) {
            if (deadline.stopStarting()) {
                stoppedByDeadline = true;
            } else if (counters.stopReason().isEmpty()) {
                if (pacing.await(batch, deadline)) {
                    submitted += submit(
                            table, batch, counters, pending, deadline, written(writtenBatches, submitted), pacing);
                } else {
                    stoppedByDeadline = true;
                }
            }
        }
        pending.arriveAndAwaitAdvance();

        long notSent = source.size() - submitted;
        long skipped = 0;
        if (sourceFailure.isPresent()) {
            counters.failed(notSent, sourceFailure.get());
        } else if (!stoppedByDeadline && counters.stopReason().isPresent()) {
            counters.failed(notSent, notSent(counters.stopReason().get()));
        } else {
            skipped = notSent;
        }
        Optional<SkipReason> reason = stoppedByDeadline
                ? Optional.of(deadline.cancelled() ? SkipReason.INTERRUPTED : SkipReason.DEADLINE)
                : Optional.empty();
        return outcome(table, source.size(), counters, skipped, reason, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Why DynamoDB would refuse an item with {@code key} (the values of {@code keyNames}, in order): a key attribute
     * missing, or an empty string or binary; empty when none is.
     */
    private static Optional<String> badKey(List<String> keyNames, List<AttributeValue> key) {
        for (int i = 0; i < keyNames.size(); i++) {
            AttributeValue value = key.get(i);
            if (value == null) {
                return Optional.of("lacks the key attribute '" + keyNames.get(i) + "', which every item needs");
            }
            // A char is at most 3 UTF-8 bytes: only a long string is encoded to be measured (this runs per item); a
            // short one stands as 0 bytes when empty, else 1, below every limit.
            long bytes = value.s() != null
                    ? (value.s().length() * 3L <= 1024
                            ? Math.min(1, value.s().length())
                            : value.s().getBytes(StandardCharsets.UTF_8).length)
                    : value.b() != null ? value.b().asByteArrayUnsafe().length : -1;
            if (bytes == 0) {
                return Optional.of("has an empty key attribute '" + keyNames.get(i)
                        + "' (DynamoDB refuses empty key values): check the generator or file that makes it");
            }
            // DynamoDB's limits: a partition key value of at most 2048 bytes, a sort key value of at most 1024.
            long most = i == 0 ? 2048 : 1024;
            if (bytes > most) {
                return Optional.of("has a " + (i == 0 ? "partition" : "sort") + " key '" + keyNames.get(i) + "' of "
                        + bytes + " bytes, over DynamoDB's " + most + " for a " + (i == 0 ? "partition" : "sort")
                        + " key value: make it shorter");
            }
        }
        return Optional.empty();
    }

    /** The one place a writer's outcome is made. */
    private static SeedOutcome outcome(
            String table,
            long requested,
            TableCounters counters,
            long skipped,
            Optional<SkipReason> reason,
            Duration duration) {
        LOG.info(
                "table {}: {} written, {} failed, {} skipped, {} resent in {} ms",
                table,
                counters.written(),
                counters.failed(),
                skipped,
                counters.retried(),
                duration.toMillis());
        return new SeedOutcome(
                requested,
                counters.written(),
                counters.failed(),
                skipped,
                counters.retried(),
                reason,
                counters.errors(),
                duration);
    }

    /** Tells {@code writtenBatches} that the batch starting at source position {@code first} was wholly written. */
    private static IntConsumer written(WrittenBatches writtenBatches, long first) {
        return size -> writtenBatches.written(first, size);
    }

    private int submit(
            String table,
            List<WriteRequest> batch,
            TableCounters counters,
            Phaser pending,
            RunDeadline deadline,
            IntConsumer whollyWritten,
            Pacing pacing)
            throws InterruptedException {
        inFlight.acquire();
        pending.register();
        try {
            pool.execute(() -> {
                try {
                    // A batch is written by this one thread from start to end, so the thread's failures are its own.
                    long failedBefore = TableCounters.failedOnThisThread();
                    writeBatch(table, batch, counters, deadline, pacing);
                    if (TableCounters.failedOnThisThread() == failedBefore) {
                        whollyWritten.accept(batch.size());
                    }
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

    private void writeBatch(
            String table, List<WriteRequest> batch, TableCounters counters, RunDeadline deadline, Pacing pacing) {
        List<WriteRequest> toSend = batch;
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> timeLeft = deadline.timeToFinish();
            if (timeLeft.isPresent() && timeLeft.get().isZero()) {
                counters.failed(toSend.size(), NOT_SENT_DEADLINE);
                return;
            }
            if (counters.stopReason().isPresent()) {
                counters.failed(toSend.size(), notSent(counters.stopReason().get()));
                return;
            }
            if (attempt > 1 && deadline.cancelled()) {
                counters.failed(toSend.size(), NOT_RESENT_INTERRUPTED);
                return;
            }
            if (attempt > 1) {
                boolean paced;
                try {
                    paced = pacing.await(toSend, deadline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    counters.failed(toSend.size(), INTERRUPTED);
                    return;
                }
                if (!paced) {
                    counters.failed(toSend.size(), STOPPED_BEFORE_DEADLINE);
                    return;
                }
                counters.resending(toSend.size());
            }
            List<WriteRequest> resend;
            String notResent;
            long sentAt = inFlight.now();
            try {
                List<WriteRequest> sending = toSend;
                BatchWriteItemResponse response = client.batchWriteItem(
                        r -> r.requestItems(Map.of(table, sending)).overrideConfiguration(o -> configure(o, deadline)));
                resend = response.hasUnprocessedItems()
                        ? response.unprocessedItems().getOrDefault(table, List.of())
                        : List.of();
                if (resend.isEmpty()) {
                    inFlight.succeeded(sentAt, toSend.size());
                } else {
                    // Items handed back unprocessed are DynamoDB's way of throttling part of a batch.
                    inFlight.throttled(sentAt, toSend.size() - resend.size());
                }
                counters.written(toSend.size() - resend.size());
                if (resend.isEmpty()) {
                    return;
                }
                if (attempt >= options.maxAttempts()) {
                    counters.failed(
                            resend.size(),
                            "still unprocessed after " + attempt + " attempts; lower"
                                    + " --write-concurrency or raise the table's write capacity");
                    return;
                }
                notResent = "unprocessed and " + STOPPED_BEFORE_DEADLINE;
                LOG.debug("table {}: {} unprocessed items, attempt {}", table, resend.size(), attempt);
            } catch (RuntimeException e) {
                if (WriteFailures.isThrottling(e)) {
                    inFlight.throttled(sentAt);
                }
                if (WriteFailures.isInvalidRequest(e) && toSend.size() > 1) {
                    writeOneByOne(table, toSend, counters, deadline);
                    return;
                }
                Optional<String> finalError = finalError(e, attempt, deadline);
                if (finalError.isPresent()) {
                    counters.failed(toSend.size(), finalError.get() + perhapsWritten(e, finalError.get()));
                    // An error that is not about these items (unreachable endpoint, missing table, denied access,
                    // lasting 5xx) would fail every later batch too, each after its own attempts: stop the table.
                    if (!WriteFailures.isInvalidRequest(e)
                            && !WriteFailures.isThrottling(e)
                            && !finalError.get().equals(ABANDONED_AT_DEADLINE)) {
                        counters.stop(finalError.get());
                    }
                    return;
                }
                resend = toSend;
                notResent = WriteFailures.describe((SdkException) e) + "; " + STOPPED_BEFORE_DEADLINE;
                LOG.debug("table {}: batch failed ({}), attempt {}", table, notResent, attempt);
            }
            if (deadline.stopStarting()) {
                counters.failed(resend.size(), notResent);
                return;
            }
            if (!pause(attempt, deadline)) {
                counters.failed(resend.size(), INTERRUPTED);
                return;
            }
            toSend = resend;
        }
    }

    private void writeOneByOne(String table, List<WriteRequest> batch, TableCounters counters, RunDeadline deadline) {
        for (WriteRequest request : batch) {
            put(table, request, counters, deadline);
        }
    }

    private void put(String table, WriteRequest request, TableCounters counters, RunDeadline deadline) {
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> timeLeft = deadline.timeToFinish();
            if (timeLeft.isPresent() && timeLeft.get().isZero()) {
                counters.failed(1, NOT_SENT_DEADLINE);
                return;
            }
            if (attempt > 1) {
                counters.resending(1);
            }
            long sentAt = inFlight.now();
            try {
                if (request.deleteRequest() != null) {
                    client.deleteItem(r -> r.tableName(table)
                            .key(request.deleteRequest().key())
                            .overrideConfiguration(o -> configure(o, deadline)));
                } else {
                    client.putItem(r -> r.tableName(table)
                            .item(request.putRequest().item())
                            .overrideConfiguration(o -> configure(o, deadline)));
                }
                counters.written(1);
                return;
            } catch (RuntimeException e) {
                if (WriteFailures.isThrottling(e)) {
                    inFlight.throttled(sentAt);
                }
                Optional<String> finalError = finalError(e, attempt, deadline);
                if (finalError.isPresent()) {
                    counters.failed(1, finalError.get() + perhapsWritten(e, finalError.get()));
                    return;
                }
                if (deadline.stopStarting()) {
                    counters.failed(1, WriteFailures.describe((SdkException) e) + "; " + STOPPED_BEFORE_DEADLINE);
                    return;
                }
            }
            if (!pause(attempt, deadline)) {
                counters.failed(1, INTERRUPTED);
                return;
            }
        }
    }

    /** The error to count the items failed with, or empty when the request is worth sending again. */
    private Optional<String> finalError(RuntimeException failure, int attempt, RunDeadline deadline) {
        if (!(failure instanceof SdkException e)) {
            // Not the SDK's (e.g. an interceptor's): nothing says that sending again would help.
            return Optional.of(failure.toString());
        }
        if (e instanceof ApiCallTimeoutException
                && deadline.timeToFinish()
                        .filter(left -> left.compareTo(DEADLINE_TOLERANCE) < 0)
                        .isPresent()) {
            return Optional.of(ABANDONED_AT_DEADLINE);
        }
        if (!WriteFailures.isRetryable(e)) {
            return Optional.of(WriteFailures.describe(e));
        }
        if (attempt >= options.maxAttempts()) {
            return Optional.of(WriteFailures.describe(e) + " (failed " + attempt + " times)");
        }
        return Optional.empty();
    }

    /**
     * A request that got no answer (the connection closed, or no answer in time) may have been carried out: DynamoDB
     * can write a batch and lose the answer. Its items count as failed, and the report says they may be there.
     */
    private static String perhapsWritten(RuntimeException failure, String finalError) {
        if (!(failure instanceof SdkException e)
                || finalError.equals(ABANDONED_AT_DEADLINE)
                || finalError.startsWith("not sent: ")) {
            // A call cut off by the deadline says so already; one the client held back never left.
            return "";
        }
        TargetException.Kind kind = TargetException.kindOf(e);
        return kind == TargetException.Kind.CONNECTION_CLOSED || kind == TargetException.Kind.NO_ANSWER
                ? MAY_HAVE_BEEN_WRITTEN
                : "";
    }

    private void configure(AwsRequestOverrideConfiguration.Builder request, RunDeadline deadline) {
        request.addPlugin(NO_SDK_RETRIES);
        // Under a deadline no request may outlive it: the SDK abandons it, and its items count as failed.
        deadline.bound(client).accept(request);
    }

    /** Waits before attempt {@code attempt + 1}, never past the time left to finish; false when interrupted. */
    private boolean pause(int attempt, RunDeadline deadline) {
        long millis = backoffMillis(attempt);
        Optional<Duration> timeLeft = deadline.timeToFinish();
        if (timeLeft.isPresent()) {
            millis = Math.min(millis, timeLeft.get().toMillis());
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Full jitter: a random delay between 0 and min(maxDelay, baseDelay * 2^(attempt-1)). */
    long backoffMillis(int attempt) {
        long cap = options.baseDelay().toMillis() << Math.min(attempt - 1, 20);
        cap = Math.min(cap, options.maxDelay().toMillis());
        return ThreadLocalRandom.current().nextLong(cap + 1);
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * A table's rate limit, if any: each batch takes its cost (write units, or items) before it is sent, and the
     * sender waits while the bucket is in debt, never past the point the deadline says stop.
     */
    private record Pacing(Optional<RateLimiter> limiter, boolean byWriteUnits) {
        private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

        static Pacing of(WriteRate rate, OptionalLong writeCapacity) {
            return switch (rate.kind()) {
                // AUTO is resolved against the target by the pipeline; unresolved it limits nothing.
                case AUTO, UNLIMITED -> new Pacing(Optional.empty(), false);
                case ITEMS_PER_SECOND -> new Pacing(Optional.of(RateLimiter.perSecond(rate.itemsPerSecond())), false);
                case TABLE_CAPACITY ->
                    writeCapacity.isPresent() && writeCapacity.getAsLong() > 0
                            ? new Pacing(Optional.of(RateLimiter.perSecond(writeCapacity.getAsLong())), true)
                            : new Pacing(Optional.empty(), false);
            };
        }

        /** Waits until {@code batch} may be sent; false when the deadline said stop meanwhile. */
        boolean await(List<WriteRequest> batch, RunDeadline deadline) throws InterruptedException {
            if (limiter.isEmpty()) {
                return true;
            }
            long wait = limiter.get().reserve(cost(batch));
            long until = System.nanoTime() + wait;
            while (wait > 0) {
                if (deadline.stopStarting()) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, SLICE_NANOS));
                wait = until - System.nanoTime();
            }
            return true;
        }

        private double cost(List<WriteRequest> batch) {
            if (!byWriteUnits) {
                return batch.size();
            }
            long units = 0;
            for (WriteRequest request : batch) {
                units += request.putRequest() == null
                        ? 1
                        : ItemSize.writeUnits(
                                ItemSize.bytes(request.putRequest().item()));
            }
            return units;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** The items left unsent when the table stopped, saying the stop's reason once. */
    private static String notSent(String stopReason) {
        return stopReason.startsWith("not sent: ") ? stopReason : "not sent: " + stopReason;
    }
}
