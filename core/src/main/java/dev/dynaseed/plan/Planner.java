package dev.dynaseed.plan;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Reads the target (DescribeTable and the companion describe calls per table, up to {@code describeConcurrency} tables
 * at once, each table's calls sent together) and says what applying the spec would change, each difference classified for the target's engine.
 */
public final class Planner {
    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

    private final DynamoDbClient client;
    private final int describeConcurrency;
    private final EngineCapabilities capabilities;
    private final LiveTableReader reader;
    private LiveTableReader.Learning learning;

    /**
     * @param client the client to read the target with
     * @param describeConcurrency how many tables may be read at once (not the writer's requests in flight)
     * @param capabilities what the target engine does with each feature
     */
    public Planner(DynamoDbClient client, int describeConcurrency, EngineCapabilities capabilities) {
        this.client = Objects.requireNonNull(client, "client");
        if (describeConcurrency < 1) {
            throw new IllegalArgumentException("describeConcurrency must be at least 1, was " + describeConcurrency);
        }
        this.describeConcurrency = describeConcurrency;
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.reader = new LiveTableReader(client, capabilities);
    }

    /** A planner for an endpoint whose capabilities are learnt from its answers. */
    public Planner(DynamoDbClient client, int describeConcurrency) {
        this(client, describeConcurrency, EngineCapabilities.endpoint("the endpoint"));
    }

    /** What the target engine is taken to do with each feature. */
    public EngineCapabilities capabilities() {
        return capabilities;
    }

    public Plan plan(Spec spec) {
        return plan(spec, RunDeadline.none());
    }

    /** As {@link #plan(Spec)}, each DescribeTable bounded by {@code deadline}. */
    public Plan plan(Spec spec, RunDeadline deadline) {
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(describeConcurrency, Math.max(1, spec.tables().size())));
        try {
            List<CompletableFuture<TableChange>> futures = spec.tables().stream()
                    .map(table -> CompletableFuture.supplyAsync(() -> change(table, deadline), pool))
                    .toList();
            return new Plan(futures.stream().map(Planner::join).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    /** What would change for one table. */
    public TableChange change(TableSpec table, RunDeadline deadline) {
        Optional<TableDescription> existing = describe(table.name(), deadline);
        // Once DescribeTable answered (an endpoint that refuses it is sent nothing more), the endpoint's probes and the
        // table's companion reads go out together, not one after another: in a fresh JVM each call costs tens of
        // milliseconds before the first item can go.
        LiveTableReader.Learning learning = learning(deadline);
        if (existing.isEmpty()) {
            LOG.info("table {} does not exist; it will be created", table.name());
            return new ChangeClassifier(learnt(learning)).create(table);
        }
        LiveTableReader.Reading reading = reader.startReading(existing.get(), deadline);
        // The probes judged (and logged) before the reads, as when they were sent first.
        ChangeClassifier classifier = new ChangeClassifier(learnt(learning));
        TableChange change =
                classifier.classify(table, reading.table(), itemsLost(table.name(), existing.get(), deadline));
        LOG.info(
                "table {} exists; {} difference(s): {}",
                table.name(),
                change.differences().size(),
                change.kind().action());
        return change;
    }

    // An endpoint's companion operations are learnt once per planner, so that apply never sends one it lacks.
    private synchronized LiveTableReader.Learning learning(RunDeadline deadline) {
        if (learning == null) {
            learning = reader.startLearning(deadline);
        }
        return learning;
    }

    // A learning that failed is forgotten: the next table planned sends the probes again, as it did before.
    private EngineCapabilities learnt(LiveTableReader.Learning learning) {
        try {
            return learning.capabilities();
        } catch (RuntimeException e) {
            forget(learning);
            throw e;
        }
    }

    private synchronized void forget(LiveTableReader.Learning failed) {
        if (learning == failed) {
            learning = null;
        }
    }

    /**
     * How many items replacing the table would lose, counted once and only when a difference needs a replacement: on
     * AWS DescribeTable's count (refreshed about every 6 hours), elsewhere an exact COUNT Scan (the local engine's
     * DescribeTable always says 0).
     */
    private java.util.function.Supplier<String> itemsLost(String name, TableDescription table, RunDeadline deadline) {
        return new java.util.function.Supplier<>() {
            private String counted;

            @Override
            public synchronized String get() {
                if (counted == null) {
                    long described = table.itemCount() == null ? 0 : table.itemCount();
                    counted = capabilities.kind() == dev.dynaseed.connection.Target.Kind.AWS
                            ? "about " + described + " by DescribeTable, refreshed about every 6 hours"
                            : dev.dynaseed.seed.TableItems.count(client, name, deadline) + " by a COUNT Scan";
                }
                return counted;
            }
        };
    }

    /** DescribeTable, with a missing table as empty. */
    public Optional<TableDescription> describe(String tableName) {
        return describe(tableName, RunDeadline.none());
    }

    /** DescribeTable bounded by {@code deadline}, with a missing table as empty. */
    public Optional<TableDescription> describe(String tableName, RunDeadline deadline) {
        return reader.describe(tableName, deadline);
    }

    private static TableChange join(CompletableFuture<TableChange> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
