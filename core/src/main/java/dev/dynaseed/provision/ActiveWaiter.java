package dev.dynaseed.provision;

import dev.dynaseed.RunDeadline;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Waits for a table to become ACTIVE with DescribeTable polls that start fast and back off: the first polls come
 * tens of milliseconds apart (a local engine is ready almost at once), later ones at most {@code maxDelay} apart
 * (AWS takes seconds), all within {@code timeout}.
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

    /**
     * Waits until the table is ACTIVE; returns the time waited, or empty with the last status once the timeout
     * passes.
     */
    public Result await(String tableName) throws InterruptedException {
        return await(tableName, RunDeadline.none());
    }

    /** As {@link #await(String)}, each DescribeTable bounded by {@code deadline}. */
    public Result await(String tableName, RunDeadline deadline) throws InterruptedException {
        return poll(tableName, status -> status.isPresent() && status.get() == TableStatus.ACTIVE, deadline);
    }

    /** Waits until DescribeTable no longer finds the table (after DeleteTable). */
    public Result awaitDeleted(String tableName) throws InterruptedException {
        return poll(tableName, Optional::isEmpty, RunDeadline.none());
    }

    private Result poll(String tableName, Predicate<Optional<TableStatus>> done, RunDeadline runDeadline)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long delayNanos = firstDelay.toNanos();
        String lastStatus = "unknown";
        while (true) {
            Optional<TableStatus> status = status(tableName, runDeadline);
            if (done.test(status)) {
                return new Result(
                        true,
                        Duration.ofNanos(System.nanoTime() - start),
                        status.map(TableStatus::toString).orElse("deleted"));
            }
            lastStatus = status.map(TableStatus::toString).orElse("not found");
            long now = System.nanoTime();
            if (now >= deadline) {
                return new Result(false, Duration.ofNanos(now - start), lastStatus);
            }
            long sleep = Math.min(delayNanos, deadline - now);
            Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
            delayNanos = Math.min(maxDelay.toNanos(), delayNanos * 3 / 2);
        }
    }

    private Optional<TableStatus> status(String tableName, RunDeadline runDeadline) {
        try {
            return Optional.of(
                    client.describeTable(r -> r.tableName(tableName).overrideConfiguration(runDeadline.bound(client)))
                            .table()
                            .tableStatus());
        } catch (ResourceNotFoundException e) {
            // Just after CreateTable an eventually consistent DescribeTable may not see the table yet.
            return Optional.empty();
        }
    }

    /**
     * How waiting ended.
     *
     * @param active whether the table reached the awaited state
     * @param waited how long it took
     * @param lastStatus the last status seen
     */
    public record Result(boolean active, Duration waited, String lastStatus) {}
}
