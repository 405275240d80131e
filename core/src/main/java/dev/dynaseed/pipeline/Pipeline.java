package dev.dynaseed.pipeline;

import dev.dynaseed.DynaseedException;
import dev.dynaseed.RunDeadline;
import dev.dynaseed.checkpoint.Checkpoints;
import dev.dynaseed.plan.EngineCapabilities;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.plan.Planner;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.provision.ActiveWaiter;
import dev.dynaseed.provision.DestroyOutcome;
import dev.dynaseed.provision.Provisioner;
import dev.dynaseed.provision.TableOutcome;
import dev.dynaseed.report.Report;
import dev.dynaseed.report.TableReport;
import dev.dynaseed.seed.BatchWriter;
import dev.dynaseed.seed.ItemSourceFactory;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.Seeder;
import dev.dynaseed.seed.SkipReason;
import dev.dynaseed.seed.WriteOptions;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole flow over one client: plan (DescribeTable), provision (each change's steps with their waits), seed
 * (BatchWriteItem) and report. Tables go through it concurrently, a bounded number at a time; an error in one
 * table's work fails that table alone, in its report, and every other table's report is kept.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final DynamoDbClient client;
    private final String target;
    private final ApplyOptions options;
    private final Provisioner provisioner;
    private final ItemSourceFactory sources;
    private final Optional<Checkpoints> checkpoints;

    /** A pipeline that seeds the items each table's seed block generates. */
    public Pipeline(DynamoDbClient client, String target, ApplyOptions options) {
        this(client, target, options, Seeder::generated);
    }

    /** A pipeline that seeds the items {@code sources} makes for each table. */
    public Pipeline(DynamoDbClient client, String target, ApplyOptions options, ItemSourceFactory sources) {
        this.client = Objects.requireNonNull(client, "client");
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.provisioner = new Provisioner(
                client,
                ActiveWaiter.standard(client, options.activeTimeout()),
                new Planner(client, 1, EngineCapabilities.describedAs(target)));
        this.checkpoints = Optional.empty();
    }

    private Pipeline(Pipeline pipeline, Checkpoints checkpoints) {
        this.client = pipeline.client;
        this.target = pipeline.target;
        this.options = pipeline.options;
        this.sources = pipeline.sources;
        this.provisioner = pipeline.provisioner;
        this.checkpoints = Optional.of(checkpoints);
    }

    /** This pipeline, recording what it seeds in {@code checkpoints} (and resuming from it when it says so). */
    public Pipeline withCheckpoints(Checkpoints checkpoints) {
        return new Pipeline(this, Objects.requireNonNull(checkpoints, "checkpoints"));
    }

    /** What apply would do; reads only, with as many DescribeTable calls at once as tables are applied at once. */
    public Plan plan(Spec spec) {
        return plan(spec, RunDeadline.none());
    }

    /** What apply would do, each DescribeTable bounded by {@code deadline}; reads only. */
    public Plan plan(Spec spec, RunDeadline deadline) {
        return new Planner(client, options.tableConcurrency(), EngineCapabilities.describedAs(target))
                .plan(spec, deadline);
    }

    /** Applies the spec. */
    public Report apply(Spec spec, SeedProgress progress) {
        return apply(spec, progress, RunDeadline.none());
    }

    /**
     * Applies the spec; once the deadline says stop no new table or batch starts, and what was not done is reported
     * as skipped.
     */
    public Report apply(Spec spec, SeedProgress progress, RunDeadline deadline) {
        long started = System.nanoTime();
        if (deadline.stopStarting()) {
            return notStarted(spec, started);
        }
        return apply(plan(spec, deadline), progress, deadline, started);
    }

    /** Applies an already computed plan (from {@link #plan}), as {@link #apply(Spec, SeedProgress, RunDeadline)}. */
    public Report apply(Plan plan, SeedProgress progress, RunDeadline deadline) {
        return apply(plan, progress, deadline, System.nanoTime());
    }

    private Report apply(Plan plan, SeedProgress progress, RunDeadline deadline, long started) {
        Instant now = options.clock().instant();
        ExecutorService tables = Executors.newFixedThreadPool(
                Math.min(options.tableConcurrency(), Math.max(1, plan.changes().size())));
        // The default rate holds provisioned tables to their write capacity on AWS only.
        WriteOptions write = options.write()
                .withRate(options.write()
                        .rate()
                        .on(EngineCapabilities.describedAs(target).kind()));
        try (BatchWriter writer = new BatchWriter(client, write)) {
            Seeder seeder = new Seeder(client, writer, sources);
            List<Future<TableReport>> futures = new ArrayList<>();
            for (TableChange change : plan.changes()) {
                futures.add(tables.submit(() -> table(change, seeder, now, progress, deadline)));
            }
            List<TableReport> reports = new ArrayList<>();
            for (Future<TableReport> future : futures) {
                reports.add(future.get());
            }
            return new Report(target, reports, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynaseedException("interrupted while applying the spec; tables may be half seeded", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DynaseedException("applying the spec failed: " + e.getCause(), e.getCause());
        } finally {
            tables.shutdownNow();
        }
    }

    private Report notStarted(Spec spec, long started) {
        List<TableReport> reports = new ArrayList<>();
        for (TableSpec table : spec.tables()) {
            reports.add(notStarted(table));
        }
        return new Report(target, reports, Duration.ofNanos(System.nanoTime() - started));
    }

    private static TableReport notStarted(TableSpec table) {
        return new TableReport(
                table,
                new TableOutcome.Failed("not started: stopped before the deadline"),
                SeedOutcome.skippedAll(table.seed().totalItems(), SkipReason.DEADLINE),
                Duration.ZERO);
    }

    private static TableReport interrupted(TableSpec table) {
        return new TableReport(
                table,
                new TableOutcome.Failed("not started: the run was interrupted"),
                SeedOutcome.skippedAll(table.seed().totalItems(), SkipReason.INTERRUPTED),
                Duration.ZERO);
    }

    private TableReport table(
            TableChange change, Seeder seeder, Instant now, SeedProgress progress, RunDeadline deadline)
            throws InterruptedException {
        TableSpec table = change.table();
        long requested = table.seed().totalItems();
        if (deadline.stopStarting()) {
            return deadline.cancelled() ? interrupted(table) : notStarted(table);
        }
        long provisionStart = System.nanoTime();
        TableOutcome outcome = provision(change, deadline);
        Duration provisionDuration = Duration.ofNanos(System.nanoTime() - provisionStart);
        SeedOutcome seed = switch (outcome.kind()) {
            case FAILED -> SeedOutcome.failedAll(requested, outcome.error().orElseThrow());
            case BLOCKED -> SeedOutcome.skippedAll(requested, SkipReason.TABLE_BLOCKED);
            case REPLACEMENT_REFUSED -> SeedOutcome.skippedAll(requested, SkipReason.REPLACEMENT_REFUSED);
            case CREATED, REPLACED -> seed(seeder, table, true, now, progress, deadline);
            case ALREADY_MATCHES, UPDATED -> seed(seeder, table, false, now, progress, deadline);
        };
        LOG.info("table {}: {}", table.name(), outcome.kind().label());
        return new TableReport(table, outcome, seed, provisionDuration);
    }

    // Anything thrown while one table is provisioned or seeded fails that table alone: its report says why and the
    // other tables' reports are kept (an exception escaping here would throw every report of the run away).
    private TableOutcome provision(TableChange change, RunDeadline deadline) throws InterruptedException {
        try {
            return provisioner.provision(change, deadline, options.replace());
        } catch (RuntimeException e) {
            LOG.warn(
                    "table {}: provisioning stopped with an error",
                    change.table().name(),
                    e);
            return new TableOutcome.Failed("provisioning stopped with an error: " + describe(e));
        }
    }

    private SeedOutcome seed(
            Seeder seeder,
            TableSpec table,
            boolean tableIsNew,
            Instant now,
            SeedProgress progress,
            RunDeadline deadline)
            throws InterruptedException {
        try {
            if (checkpoints.isPresent()) {
                return checkpoints.get().seed(seeder, table, tableIsNew, options.runSeed(), now, progress, deadline);
            }
            return seeder.seed(table, options.runSeed(), now, progress, deadline);
        } catch (RuntimeException e) {
            LOG.warn("table {}: seeding stopped with an error", table.name(), e);
            return SeedOutcome.failedAll(
                    table.seed().totalItems(),
                    "seeding stopped with an error: " + describe(e)
                            + "; items sent before it may have been written; fix the cause and apply again");
        }
    }

    // As in apply, an error with one table fails that table alone and the others are still deleted and reported.
    private DestroyOutcome destroy(String name) throws InterruptedException {
        try {
            return provisioner.destroy(name);
        } catch (RuntimeException e) {
            LOG.warn("table {}: deleting stopped with an error", name, e);
            return new DestroyOutcome.Failed("deleting stopped with an error: " + describe(e));
        }
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Deletes the spec's tables; the outcome per table name, in spec order. */
    public Map<String, DestroyOutcome> destroy(Spec spec) {
        Map<String, DestroyOutcome> outcomes = new LinkedHashMap<>();
        try {
            for (String name : spec.tableNames()) {
                outcomes.put(name, destroy(name));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynaseedException("interrupted while deleting tables; deleted so far: " + outcomes.keySet(), e);
        }
        return outcomes;
    }
}
