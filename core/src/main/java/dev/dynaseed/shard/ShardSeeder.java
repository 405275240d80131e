package dev.dynaseed.shard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.DynaseedException;
import dev.dynaseed.RunDeadline;
import dev.dynaseed.provision.TableOutcome;
import dev.dynaseed.report.Report;
import dev.dynaseed.report.ReportJson;
import dev.dynaseed.report.TableReport;
import dev.dynaseed.seed.BatchWriter;
import dev.dynaseed.seed.IndexRanges;
import dev.dynaseed.seed.ItemSourceFactory;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.SeedRun;
import dev.dynaseed.seed.Seeder;
import dev.dynaseed.seed.SkipReason;
import dev.dynaseed.seed.WriteOptions;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes one shard's items: no plan and no provisioning (the CLI did both before fanning out), only the item indexes
 * the shard names, made with the run's seed and base time, recording which indexes were written so that the caller
 * can send exactly the rest again. The Lambda function and {@code invoke-local --shard} run it.
 */
public final class ShardSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(ShardSeeder.class);
    private static final int TABLES_AT_ONCE = 4;

    private final DynamoDbClient client;
    private final String target;
    private final WriteOptions write;
    private final ItemSourceFactory sources;

    public ShardSeeder(DynamoDbClient client, String target, WriteOptions write) {
        this(client, target, write, Seeder::generated);
    }

    /** A seeder writing the items {@code sources} makes (as {@link dev.dynaseed.pipeline.Pipeline} does). */
    public ShardSeeder(DynamoDbClient client, String target, WriteOptions write, ItemSourceFactory sources) {
        this.client = Objects.requireNonNull(client, "client");
        this.target = Objects.requireNonNull(target, "target");
        this.write = Objects.requireNonNull(write, "write");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /**
     * What one shard did.
     *
     * @param report per table of the shard: its items requested, written, failed, skipped (the outcome is
     *     AlreadyMatches: the shard found the table as the CLI left it)
     * @param written the item indexes written whole, per table
     * @param deadlineReached whether the deadline stopped it with items not started
     */
    public record Result(Report report, Map<String, IndexRanges> written, boolean deadlineReached) {
        public Result {
            Objects.requireNonNull(report, "report");
            written = Map.copyOf(written);
        }
    }

    /** Seeds {@code event}'s ranges of {@code spec}'s tables; stops starting batches when {@code deadline} says. */
    public Result seed(Spec spec, ShardEvent event, RunDeadline deadline) {
        long started = System.nanoTime();
        List<TableSpec> tables = spec.tables().stream()
                .filter(table -> event.shard().ranges().containsKey(table.name()))
                .toList();
        Map<String, IndexRanges> written = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(TABLES_AT_ONCE, tables.size())));
        try (BatchWriter writer = new BatchWriter(client, write)) {
            Seeder seeder = new Seeder(client, writer, sources);
            List<Future<TableReport>> futures = new ArrayList<>();
            for (TableSpec table : tables) {
                IndexRanges ranges = event.shard().ranges().get(table.name());
                Recorder recorder = new Recorder();
                written.put(table.name(), IndexRanges.empty());
                futures.add(pool.submit(() -> {
                    TableReport report = table(seeder, table, ranges, event, recorder, deadline);
                    synchronized (written) {
                        written.put(table.name(), recorder.ranges());
                    }
                    return report;
                }));
            }
            List<TableReport> reports = new ArrayList<>();
            for (Future<TableReport> future : futures) {
                reports.add(future.get());
            }
            Report report = new Report(target, reports, Duration.ofNanos(System.nanoTime() - started));
            boolean deadlineReached = deadline.stopStarting() && report.status() != Report.Status.OK;
            synchronized (written) {
                return new Result(report, written, deadlineReached);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynaseedException(
                    "interrupted while seeding shard " + event.shard().label(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DynaseedException("seeding shard " + event.shard().label() + " failed: " + e.getCause(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private TableReport table(
            Seeder seeder,
            TableSpec table,
            IndexRanges ranges,
            ShardEvent event,
            Recorder recorder,
            RunDeadline deadline)
            throws InterruptedException {
        TableOutcome found = new TableOutcome.AlreadyMatches();
        if (deadline.stopStarting()) {
            return new TableReport(
                    table, found, SeedOutcome.skippedAll(ranges.size(), SkipReason.DEADLINE), Duration.ZERO);
        }
        SeedOutcome outcome;
        try {
            // Existing items are the CLI's business (onExisting: skip is decided before fanning out): never look here.
            outcome = seeder.seed(
                    table,
                    new SeedRun(event.runSeed(), event.baseTime(), ranges, false, recorder::add),
                    SeedProgress.NONE,
                    deadline);
        } catch (RuntimeException e) {
            LOG.warn(
                    "table {}: seeding shard {} stopped with an error",
                    table.name(),
                    event.shard().label(),
                    e);
            outcome = SeedOutcome.failedAll(
                    ranges.size(),
                    "seeding stopped with an error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new TableReport(table, found, outcome, Duration.ZERO);
    }

    /**
     * The body the function answers a shard event with: the usual report ({@code create}, {@code insert}, ...,
     * {@code deadlineReached}) and a {@code shard} field with the indexes written and those left, per table.
     */
    public static ObjectNode body(Result result, ShardEvent event) {
        ObjectNode body = ReportJson.toJson(result.report());
        body.put("deadlineReached", result.deadlineReached());
        ObjectNode shard = body.putObject("shard");
        shard.put("index", event.shard().index());
        shard.put("of", event.shard().of());
        shard.put("attempt", event.attempt());
        Map<String, IndexRanges> written = new LinkedHashMap<>();
        Map<String, IndexRanges> left = new LinkedHashMap<>();
        event.shard().ranges().forEach((table, ranges) -> {
            IndexRanges done = result.written().getOrDefault(table, IndexRanges.empty());
            written.put(table, done);
            IndexRanges missing = ranges.minus(done);
            if (!missing.isEmpty()) {
                left.put(table, missing);
            }
        });
        shard.set("written", ShardEvent.rangesJson(written));
        shard.set("remaining", ShardEvent.rangesJson(left));
        return body;
    }

    /** Collects the indexes of batches written whole, from writer threads. */
    private static final class Recorder {
        private IndexRanges written = IndexRanges.empty();

        synchronized void add(IndexRanges indexes) {
            written = written.plus(indexes);
        }

        synchronized IndexRanges ranges() {
            return written;
        }
    }
}
