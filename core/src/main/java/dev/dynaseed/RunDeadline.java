package dev.dynaseed;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkClient;

/**
 * When to stop: after {@link #stopStarting()} turns true no new table or batch starts; requests already sent must
 * finish by {@link #timeToFinish()}, after which they are abandoned and their items counted as failed. A Lambda
 * invocation uses both; the CLI uses {@link #none()}. Every request sent under a deadline carries {@link #bound}.
 */
public final class RunDeadline {
    private static final Duration SHORTEST_CALL = Duration.ofMillis(1);
    private static final RunDeadline NONE = new RunDeadline(() -> false, Long.MAX_VALUE);

    private final BooleanSupplier stopStarting;
    private final long finishByNanos;
    private final BooleanSupplier cancelled;

    private RunDeadline(BooleanSupplier stopStarting, long finishByNanos) {
        this(stopStarting, finishByNanos, () -> false);
    }

    private RunDeadline(BooleanSupplier stopStarting, long finishByNanos, BooleanSupplier cancelled) {
        this.stopStarting = Objects.requireNonNull(stopStarting, "stopStarting");
        this.finishByNanos = finishByNanos;
        this.cancelled = cancelled;
    }

    /** This deadline, also stopping work from starting once {@code cancellation} is cancelled. */
    public RunDeadline cancelledBy(Cancellation cancellation) {
        Objects.requireNonNull(cancellation, "cancellation");
        BooleanSupplier before = stopStarting;
        BooleanSupplier cancelledBefore = cancelled;
        return new RunDeadline(
                () -> cancellation.cancelled() || before.getAsBoolean(),
                finishByNanos,
                () -> cancellation.cancelled() || cancelledBefore.getAsBoolean());
    }

    /** Whether the run was cancelled from outside (Ctrl-C), as opposed to reaching its deadline. */
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    /** No deadline. */
    public static RunDeadline none() {
        return NONE;
    }

    /** Stop starting work after {@code stopStartingIn}; abandon requests still running after {@code finishIn}. */
    public static RunDeadline in(Duration stopStartingIn, Duration finishIn) {
        long now = System.nanoTime();
        long stopAt = now + stopStartingIn.toNanos();
        return new RunDeadline(() -> System.nanoTime() >= stopAt, now + finishIn.toNanos());
    }

    /** Stop starting work once {@code stopStarting} is true; no bound on requests already sent. */
    public static RunDeadline when(BooleanSupplier stopStarting) {
        return new RunDeadline(stopStarting, Long.MAX_VALUE);
    }

    public boolean stopStarting() {
        return stopStarting.getAsBoolean();
    }

    /** The time left for requests already sent; empty when unbounded. */
    public Optional<Duration> timeToFinish() {
        if (finishByNanos == Long.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(0, finishByNanos - System.nanoTime())));
    }

    /**
     * Bounds one request made through {@code client}: with a deadline set, its total time (retries included) is the
     * client's own call timeout or the time left for requests ({@link #timeToFinish()}), whichever is shorter, so no
     * request outlives the deadline; without one it leaves the client's timeouts alone. Use it as
     * {@code client.scan(r -> r.tableName(t).overrideConfiguration(deadline.bound(client)))}.
     */
    public Consumer<AwsRequestOverrideConfiguration.Builder> bound(SdkClient client) {
        Objects.requireNonNull(client, "client");
        Optional<Duration> left = timeToFinish();
        if (left.isEmpty()) {
            return override -> {};
        }
        Duration bound = left.get().compareTo(SHORTEST_CALL) < 0 ? SHORTEST_CALL : left.get();
        Optional<Duration> configured =
                client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout();
        if (configured.isPresent() && configured.get().compareTo(bound) < 0) {
            bound = configured.get();
        }
        Duration timeout = bound;
        return override -> override.apiCallTimeout(timeout);
    }
}
