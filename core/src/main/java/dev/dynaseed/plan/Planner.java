package dev.dynaseed.plan;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.TargetException;
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
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Reads the target (DescribeTable per table, up to {@code describeConcurrency} calls at once) and says what applying
 * the spec would change.
 */
public final class Planner {
    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

    private final DynamoDbClient client;
    private final int describeConcurrency;

    /**
     * @param client the client to read the target with
     * @param describeConcurrency how many DescribeTable calls may run at once (not the writer's requests in flight)
     */
    public Planner(DynamoDbClient client, int describeConcurrency) {
        this.client = Objects.requireNonNull(client, "client");
        if (describeConcurrency < 1) {
            throw new IllegalArgumentException("describeConcurrency must be at least 1, was " + describeConcurrency);
        }
        this.describeConcurrency = describeConcurrency;
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
        if (existing.isEmpty()) {
            LOG.info("table {} does not exist; it will be created", table.name());
            return new TableChange.Create(table);
        }
        List<Difference> differences = TableShape.compare(TableShape.of(table), TableShape.of(existing.get()));
        LOG.info("table {} exists; {} difference(s)", table.name(), differences.size());
        return differences.isEmpty() ? new TableChange.NoChange(table) : new TableChange.Drift(table, differences);
    }

    /** DescribeTable, with a missing table as empty. */
    public Optional<TableDescription> describe(String tableName) {
        return describe(tableName, RunDeadline.none());
    }

    /** DescribeTable bounded by {@code deadline}, with a missing table as empty. */
    public Optional<TableDescription> describe(String tableName, RunDeadline deadline) {
        try {
            return Optional.of(
                    client.describeTable(r -> r.tableName(tableName).overrideConfiguration(deadline.bound(client)))
                            .table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw TargetException.from(client, "DescribeTable " + tableName, e);
        }
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
