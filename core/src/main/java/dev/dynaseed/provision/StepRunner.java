package dev.dynaseed.provision;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.plan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Sends a table change's steps in order, each bounded by the run's deadline, and after each waits for what the step
 * says (ACTIVE, indexes ACTIVE, gone). CreateTable gets two answers handled: {@code LimitExceededException} (too many
 * tables being created or changed at once) is retried with backoff within the wait bounds; {@code
 * ResourceInUseException} for a table being deleted waits until it is gone and creates it, and for any other
 * existing table stops so that the caller can judge that table afresh.
 */
final class StepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

    private final DynamoDbClient client;
    private final ActiveWaiter waiter;

    StepRunner(DynamoDbClient client, ActiveWaiter waiter) {
        this.client = Objects.requireNonNull(client, "client");
        this.waiter = Objects.requireNonNull(waiter, "waiter");
    }

    /**
     * How running the steps ended.
     *
     * @param steps every step with what became of it
     * @param failure why a step failed (with the steps done and not done); empty when all were done
     * @param tableExists CreateTable found the table existing (not being deleted): the caller re-plans it
     * @param waited the time spent waiting after steps
     */
    record Run(List<StepResult> steps, Optional<String> failure, boolean tableExists, Duration waited) {}

    Run run(String table, List<Step> steps, RunDeadline deadline) throws InterruptedException {
        List<StepResult> results = new ArrayList<>();
        Duration waited = Duration.ZERO;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (i > 0 && deadline.stopStarting()) {
                return failed(steps, results, i, false, "stopped before the deadline; apply again to finish", waited);
            }
            Sent sent = step.request() instanceof CreateTableRequest
                    ? create(table, step, deadline)
                    : send(table, step, deadline);
            if (sent.tableExists()) {
                return new Run(notStarted(steps, results, i), Optional.empty(), true, waited);
            }
            if (sent.failure().isPresent()) {
                return failed(steps, results, i, true, sent.failure().get(), waited);
            }
            LOG.info("table {}: {} sent ({})", table, step.operation(), step.purpose());
            ActiveWaiter.Result result;
            try {
                result = waiter.await(table, step.waitFor(), deadline);
            } catch (SdkException e) {
                results.add(StepResult.of(step, StepResult.Status.DONE));
                return failed(
                        steps,
                        results,
                        i + 1,
                        false,
                        "waiting after " + step.operation() + " failed: "
                                + TargetException.from(client, "DescribeTable " + table, e)
                                        .getMessage(),
                        waited);
            }
            waited = waited.plus(result.waited());
            results.add(StepResult.of(step, StepResult.Status.DONE));
            if (!result.active()) {
                return failed(steps, results, i + 1, false, notReached(table, step, result), waited);
            }
        }
        return new Run(results, Optional.empty(), false, waited);
    }

    /** How sending one step ended: accepted, failed (why), or CreateTable found the table there to stay. */
    private record Sent(Optional<String> failure, boolean tableExists) {
        static final Sent OK = new Sent(Optional.empty(), false);
        static final Sent EXISTS = new Sent(Optional.empty(), true);

        static Sent failed(String why) {
            return new Sent(Optional.of(why), false);
        }
    }

    private Sent send(String table, Step step, RunDeadline deadline) {
        try {
            StepCalls.send(client, step.request(), deadline);
            return Sent.OK;
        } catch (SdkException e) {
            return Sent.failed(TargetException.from(client, step.operation() + " " + table, e)
                    .getMessage());
        }
    }

    private Sent create(String table, Step step, RunDeadline deadline) throws InterruptedException {
        Backoff limits = waiter.backoff(deadline);
        int limited = 0;
        while (true) {
            try {
                StepCalls.send(client, step.request(), deadline);
                if (limited > 0) {
                    LOG.info(
                            "table {}: CreateTable accepted after {} LimitExceededException answer(s)", table, limited);
                }
                return Sent.OK;
            } catch (LimitExceededException e) {
                limited++;
                LOG.info(
                        "table {}: CreateTable answered LimitExceededException (too many tables being created or"
                                + " changed at once); retrying with backoff",
                        table);
                if (!limits.pause()) {
                    return Sent.failed("CreateTable " + table + " was refused " + limited
                            + " times in " + limits.elapsed().toSeconds() + " s with LimitExceededException (too many"
                            + " tables being created or changed at once in this account); wait for those to finish,"
                            + " then apply again, or raise --wait-timeout");
                }
            } catch (ResourceInUseException e) {
                Sent deleting = awaitIfDeleting(table, deadline);
                if (!deleting.equals(Sent.OK)) {
                    return deleting;
                }
                if (!limits.pause()) {
                    return Sent.failed("CreateTable " + table + " kept answering ResourceInUseException for "
                            + limits.elapsed().toSeconds() + " s; check the table with 'dynaseed tables' and apply"
                            + " again");
                }
            } catch (SdkException e) {
                return Sent.failed(
                        TargetException.from(client, "CreateTable " + table, e).getMessage());
            }
        }
    }

    /**
     * After ResourceInUseException: waits until a table being deleted is gone ({@code OK}: send CreateTable again);
     * {@code EXISTS} for a table that is there to stay.
     */
    private Sent awaitIfDeleting(String table, RunDeadline deadline) throws InterruptedException {
        Optional<TableDescription> found;
        try {
            found = waiter.describe(table, deadline);
        } catch (SdkException e) {
            return Sent.failed(
                    TargetException.from(client, "DescribeTable " + table, e).getMessage());
        }
        if (found.isEmpty()) {
            return Sent.OK;
        }
        if (found.get().tableStatus() != TableStatus.DELETING) {
            return Sent.EXISTS;
        }
        LOG.info(
                "table {} is being deleted; waiting up to {} s for it to be gone before creating it",
                table,
                waiter.timeout().toSeconds());
        ActiveWaiter.Result gone = waiter.awaitDeleted(table, deadline);
        if (!gone.active()) {
            return Sent.failed("table " + table + " was still being deleted after "
                    + gone.waited().toSeconds()
                    + " s (last status: " + gone.lastStatus() + "), so it could not be created; apply again once"
                    + " it is gone, or raise --wait-timeout");
        }
        return Sent.OK;
    }

    private static String notReached(String table, Step step, ActiveWaiter.Result result) {
        String state = switch (step.waitFor()) {
            case NOTHING -> "ready";
            case TABLE_ACTIVE -> "ACTIVE";
            case TABLE_AND_INDEXES_ACTIVE -> "ACTIVE with every index ACTIVE";
            case TABLE_GONE -> "gone";
        };
        return "table " + table + " was not " + state + " within "
                + result.waited().toSeconds() + " s after "
                + step.operation() + " (last status: " + result.lastStatus() + "); check it with 'dynaseed tables'"
                + " and apply again, or raise --wait-timeout";
    }

    /** A failed run: the steps before {@code index} as in {@code results}, the one at it failed (if it was sent). */
    private static Run failed(
            List<Step> steps, List<StepResult> results, int index, boolean stepFailed, String reason, Duration waited) {
        List<StepResult> all = new ArrayList<>(results);
        int next = index;
        if (stepFailed) {
            all.add(StepResult.of(steps.get(index), StepResult.Status.FAILED));
            next++;
        }
        for (int j = next; j < steps.size(); j++) {
            all.add(StepResult.of(steps.get(j), StepResult.Status.NOT_STARTED));
        }
        return new Run(all, Optional.of(reason + "; " + summary(all)), false, waited);
    }

    private static List<StepResult> notStarted(List<Step> steps, List<StepResult> results, int index) {
        List<StepResult> all = new ArrayList<>(results);
        for (int j = index; j < steps.size(); j++) {
            all.add(StepResult.of(steps.get(j), StepResult.Status.NOT_STARTED));
        }
        return all;
    }

    /** E.g. {@code steps done: CreateTable (create the table); not done: UpdateTimeToLive (enable TTL on expires)}. */
    static String summary(List<StepResult> steps) {
        return "steps done: " + list(steps, StepResult.Status.DONE) + "; not done: "
                + steps.stream()
                        .filter(step -> step.status() != StepResult.Status.DONE)
                        .map(StepResult::toString)
                        .collect(Collectors.collectingAndThen(
                                Collectors.joining(", "), text -> text.isEmpty() ? "none" : text));
    }

    private static String list(List<StepResult> steps, StepResult.Status status) {
        String text = steps.stream()
                .filter(step -> step.status() == status)
                .map(StepResult::toString)
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? "none" : text;
    }
}
