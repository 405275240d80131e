package dev.dynaseed.provision;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.plan.Step;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Waits for a table to reach a state (ACTIVE; ACTIVE with every global secondary index ACTIVE; gone) with
 * DescribeTable polls that start fast and back off: the first polls come tens of milliseconds apart (a local engine
 * is ready almost at once), later ones at most {@code maxDelay} apart (AWS takes seconds), all within
 * {@code timeout} and the run's deadline.
 */
public final class ActiveWaiter {
    private final DynamoDbClient client;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration timeout;

    public ActiveWaiter(DynamoDbClient client, Duration firstDelay, Duration maxDelay, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.firstDelay = Objects.requireNonNull(firstDelay, "firstDelay");
        this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Polls 25 ms, then ×1.5 each time, capped at 2 s. */
    public static ActiveWaiter standard(DynamoDbClient client, Duration timeout) {
        return new ActiveWaiter(client, Duration.ofMillis(25), Duration.ofSeconds(2), timeout);
    }

    /** How long a wait may last at most. */
    public Duration timeout() {
        return timeout;
    }

    /** This waiter's schedule, for retrying a call (CreateTable after LimitExceededException) within its bounds. */
    public Backoff backoff(RunDeadline deadline) {
        return Backoff.of(firstDelay, maxDelay, timeout, deadline);
    }

    /**
     * Waits until the table is ACTIVE; returns the time waited, or not active with the last status once the timeout
     * passes.
     */
    public Result await(String tableName) throws InterruptedException {
        return await(tableName, RunDeadline.none());
    }

    /** As {@link #await(String)}, each DescribeTable bounded by {@code deadline} and the wait ending by it. */
    public Result await(String tableName, RunDeadline deadline) throws InterruptedException {
        return poll(tableName, table -> table.isPresent() && table.get().tableStatus() == TableStatus.ACTIVE, deadline);
    }

    /** Waits until the table and every one of its global secondary indexes are ACTIVE. */
    public Result awaitWithIndexes(String tableName, RunDeadline deadline) throws InterruptedException {
        return poll(tableName, table -> table.isPresent() && settled(table.get()), deadline);
    }

    /** Waits until DescribeTable no longer finds the table (after DeleteTable). */
    public Result awaitDeleted(String tableName) throws InterruptedException {
        return awaitDeleted(tableName, RunDeadline.none());
    }

    /** As {@link #awaitDeleted(String)}, bounded by {@code deadline}. */
    public Result awaitDeleted(String tableName, RunDeadline deadline) throws InterruptedException {
        return poll(tableName, Optional::isEmpty, deadline);
    }

    /** Waits for what {@code waitFor} says; {@code NOTHING} returns at once. */
    public Result await(String tableName, Step.WaitFor waitFor, RunDeadline deadline) throws InterruptedException {
        return switch (waitFor) {
            case NOTHING -> new Result(true, Duration.ZERO, "not awaited");
            case TABLE_ACTIVE -> await(tableName, deadline);
            case TABLE_AND_INDEXES_ACTIVE -> awaitWithIndexes(tableName, deadline);
            case TABLE_GONE -> awaitDeleted(tableName, deadline);
        };
    }

    /** The table as DescribeTable shows it now, bounded by {@code deadline}; empty when there is none. */
    public Optional<TableDescription> describe(String tableName, RunDeadline deadline) {
        try {
            return Optional.of(
                    client.describeTable(r -> r.tableName(tableName).overrideConfiguration(deadline.bound(client)))
                            .table());
        } catch (ResourceNotFoundException e) {
            // Just after CreateTable an eventually consistent DescribeTable may not see the table yet.
            return Optional.empty();
        }
    }

    /** Whether the table and all its global secondary indexes are ACTIVE. */
    public static boolean settled(TableDescription table) {
        return table.tableStatus() == TableStatus.ACTIVE
                && table.globalSecondaryIndexes().stream().allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
    }

    /** The table's status and that of every index not ACTIVE, e.g. {@code ACTIVE, index by_status CREATING}. */
    public static String status(Optional<TableDescription> table) {
        if (table.isEmpty()) {
            return "not found";
        }
        List<GlobalSecondaryIndexDescription> busy = table.get().globalSecondaryIndexes().stream()
                .filter(index -> index.indexStatus() != IndexStatus.ACTIVE)
                .toList();
        return table.get().tableStatusAsString()
                + busy.stream()
                        .map(index -> ", index " + index.indexName() + " " + index.indexStatusAsString())
                        .collect(Collectors.joining());
    }

    private Result poll(String tableName, Predicate<Optional<TableDescription>> done, RunDeadline runDeadline)
            throws InterruptedException {
        Backoff backoff = backoff(runDeadline);
        while (true) {
            Optional<TableDescription> table = describe(tableName, runDeadline);
            if (done.test(table)) {
                return new Result(true, backoff.elapsed(), table.isEmpty() ? "deleted" : status(table));
            }
            if (!backoff.pause()) {
                return new Result(false, backoff.elapsed(), status(table));
            }
        }
    }

    /**
     * How waiting ended.
     *
     * @param active whether the table reached the awaited state
     * @param waited how long it took
     * @param lastStatus the last status seen, with any index not ACTIVE
     */
    public record Result(boolean active, Duration waited, String lastStatus) {}
}
