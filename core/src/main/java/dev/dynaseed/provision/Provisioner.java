package dev.dynaseed.provision;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.plan.EngineCapabilities;
import dev.dynaseed.plan.Planner;
import dev.dynaseed.plan.Step;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.plan.TableRequests;
import dev.dynaseed.seed.TableItems;
import dev.dynaseed.spec.TableSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Carries out one table's change: sends its steps in order with the waits they name (see {@link StepRunner}),
 * replaces a table only with consent (counting its items first), leaves blocked tables alone, and waits for a table
 * the plan found CREATING, UPDATING or DELETING before acting on it.
 */
public final class Provisioner {
    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);

    private final DynamoDbClient client;
    private final ActiveWaiter waiter;
    private final StepRunner runner;
    private final Planner planner;

    /** A provisioner that plans a table afresh (when it changed since the plan) for an endpoint. */
    public Provisioner(DynamoDbClient client, ActiveWaiter waiter) {
        this(client, waiter, new Planner(client, 1));
    }

    /**
     * @param client the client to send the steps with
     * @param waiter how to wait after steps and for tables found busy
     * @param planner plans a table afresh when it changed since the plan (so it must know the target's engine)
     */
    public Provisioner(DynamoDbClient client, ActiveWaiter waiter, Planner planner) {
        this.client = Objects.requireNonNull(client, "client");
        this.waiter = Objects.requireNonNull(waiter, "waiter");
        this.runner = new StepRunner(client, waiter);
        this.planner = Objects.requireNonNull(planner, "planner");
    }

    /** Provisions without a deadline; no table is replaced. */
    public TableOutcome provision(TableChange change) throws InterruptedException {
        return provision(change, RunDeadline.none());
    }

    /** As {@link #provision(TableChange)}, each request bounded by {@code deadline}; no table is replaced. */
    public TableOutcome provision(TableChange change, RunDeadline deadline) throws InterruptedException {
        return provision(change, deadline, ReplaceConsent.none());
    }

    /**
     * Carries out {@code change}, each request bounded by {@code deadline}; a table that needs replacing is replaced
     * only when {@code consent} allows it.
     */
    public TableOutcome provision(TableChange change, RunDeadline deadline, ReplaceConsent consent)
            throws InterruptedException {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(consent, "consent");
        return provision(change, deadline, consent, true);
    }

    // mayReplan: a table found in another state than the plan saw is planned afresh once, never in a loop.
    private TableOutcome provision(TableChange change, RunDeadline deadline, ReplaceConsent consent, boolean mayReplan)
            throws InterruptedException {
        return switch (change.kind()) {
            case CREATE -> create(change, deadline, consent, mayReplan);
            case NO_CHANGE, UPDATE, REPLACE, BLOCKED -> existing(change, deadline, consent, mayReplan);
        };
    }

    private TableOutcome create(TableChange change, RunDeadline deadline, ReplaceConsent consent, boolean mayReplan)
            throws InterruptedException {
        String name = change.table().name();
        List<Step> steps = change.steps().isEmpty()
                ? List.of(new Step(
                        "CreateTable", createRequest(change.table()), Step.WaitFor.TABLE_ACTIVE, "create the table"))
                : change.steps();
        StepRunner.Run run = runner.run(name, steps, deadline);
        if (run.tableExists()) {
            LOG.info("table {}: CreateTable found it existing (someone created it meanwhile); judging it afresh", name);
            // Someone else's CreateTable may still be running: plan the table once it is ACTIVE, not while CREATING.
            Optional<TableOutcome> failed;
            try {
                failed = settle(name, waiter.describe(name, deadline), true, deadline);
            } catch (SdkException e) {
                failed = Optional.of(new TableOutcome.Failed(
                        TargetException.from(client, "DescribeTable " + name, e).getMessage()));
            }
            if (failed.isPresent()) {
                return failed.get();
            }
            return replan(change, deadline, consent, mayReplan, "it appeared while apply was creating it");
        }
        if (run.failure().isPresent()) {
            return new TableOutcome.Failed(run.failure().get(), run.steps());
        }
        LOG.info("table {} is ACTIVE after {} ms", name, run.waited().toMillis());
        return new TableOutcome.Created(run.waited(), run.steps());
    }

    private TableOutcome existing(TableChange change, RunDeadline deadline, ReplaceConsent consent, boolean mayReplan)
            throws InterruptedException {
        String name = change.table().name();
        // Seeding needs the table ACTIVE; changing it (or deleting it) needs its indexes ACTIVE too.
        boolean withIndexes = change.kind() != TableChange.Kind.NO_CHANGE;
        Optional<TableDescription> found;
        try {
            found = waiter.describe(name, deadline);
        } catch (SdkException e) {
            return new TableOutcome.Failed(
                    TargetException.from(client, "DescribeTable " + name, e).getMessage());
        }
        boolean ready = found.isPresent()
                && (withIndexes
                        ? ActiveWaiter.settled(found.get())
                        : found.get().tableStatus() == TableStatus.ACTIVE);
        if (!ready) {
            Optional<TableOutcome> failed = settle(name, found, withIndexes, deadline);
            if (failed.isPresent()) {
                return failed.get();
            }
            if (mayReplan) {
                return replan(
                        change, deadline, consent, true, "it was " + ActiveWaiter.status(found) + " when planned");
            }
        }
        return switch (change.kind()) {
            case NO_CHANGE -> new TableOutcome.AlreadyMatches();
            case UPDATE -> update(change, deadline);
            case REPLACE -> replace(change, deadline, consent);
            case BLOCKED -> {
                LOG.info("table {}: blocked, left unchanged: {}", name, change.differences());
                yield new TableOutcome.Blocked(change.differences());
            }
            case CREATE ->
                throw new IllegalStateException(
                        "table " + name + ": " + change.kind() + " is not a change of an existing table");
        };
    }

    /**
     * Waits for a table found CREATING, UPDATING, DELETING (or gone) to settle: ACTIVE (with its indexes when
     * {@code withIndexes}) or gone. Empty when it did; a Failed outcome with the status when the wait ran out.
     */
    private Optional<TableOutcome> settle(
            String name, Optional<TableDescription> found, boolean withIndexes, RunDeadline deadline)
            throws InterruptedException {
        if (found.isEmpty()
                || (withIndexes
                        ? ActiveWaiter.settled(found.get())
                        : found.get().tableStatus() == TableStatus.ACTIVE)) {
            return Optional.empty();
        }
        String seen = ActiveWaiter.status(found);
        boolean deleting = found.get().tableStatus() == TableStatus.DELETING;
        LOG.info(
                "table {} is {}; waiting up to {} s for it to be {}",
                name,
                seen,
                waiter.timeout().toSeconds(),
                deleting ? "gone" : "ACTIVE");
        ActiveWaiter.Result result;
        try {
            result = deleting
                    ? waiter.awaitDeleted(name, deadline)
                    : withIndexes ? waiter.awaitWithIndexes(name, deadline) : waiter.await(name, deadline);
        } catch (SdkException e) {
            return Optional.of(new TableOutcome.Failed("waiting for table " + name + " (" + seen + ") failed: "
                    + TargetException.from(client, "DescribeTable " + name, e).getMessage()));
        }
        if (result.active()) {
            LOG.info("table {} settled after {} ms", name, result.waited().toMillis());
            return Optional.empty();
        }
        return Optional.of(new TableOutcome.Failed("table " + name + " was " + seen + " and still "
                + result.lastStatus() + " after " + result.waited().toSeconds() + " s, so it was left alone; apply"
                + " again once 'dynaseed tables' shows it ACTIVE" + (deleting ? " or gone" : "")
                + ", or raise --wait-timeout"));
    }

    private TableOutcome replan(
            TableChange change, RunDeadline deadline, ReplaceConsent consent, boolean mayReplan, String why)
            throws InterruptedException {
        String name = change.table().name();
        if (!mayReplan) {
            return new TableOutcome.Failed("table " + name + " changed state twice while apply ran (" + why
                    + "); check it with 'dynaseed tables' and apply again");
        }
        TableChange fresh = planner.change(change.table(), deadline);
        LOG.info("table {} planned afresh ({}): {}", name, why, fresh.kind().action());
        return provision(fresh, deadline, consent, false);
    }

    private TableOutcome update(TableChange change, RunDeadline deadline) throws InterruptedException {
        String name = change.table().name();
        StepRunner.Run run = runner.run(name, change.steps(), deadline);
        if (run.tableExists()) {
            return new TableOutcome.Failed(
                    "an update step of table " + name + " was a CreateTable that found the table; a planner defect",
                    run.steps());
        }
        if (run.failure().isPresent()) {
            return new TableOutcome.Failed(run.failure().get(), run.steps());
        }
        LOG.info("table {} updated in place: {} step(s)", name, run.steps().size());
        return new TableOutcome.Updated(change.differences(), run.steps());
    }

    private TableOutcome replace(TableChange change, RunDeadline deadline, ReplaceConsent consent)
            throws InterruptedException {
        String name = change.table().name();
        long items;
        try {
            items = TableItems.count(client, name, deadline);
        } catch (SdkException e) {
            return new TableOutcome.Failed(
                    "counting the items of " + name + " before replacing it failed, so it was" + " left alone: "
                            + TargetException.from(client, "Scan " + name, e).getMessage());
        }
        if (!consent.allows(name)) {
            LOG.info("table {} needs replacing and that was not allowed; left unchanged with {} items", name, items);
            return new TableOutcome.ReplacementRefused(
                    change.differences(), items, consent.howToAllow() + "; the table's " + itemsAre(items) + " lost");
        }
        LOG.info("table {}: replacing it (DeleteTable, CreateTable); its {} items are lost", name, items);
        StepRunner.Run run = runner.run(name, change.steps(), deadline);
        if (run.failure().isPresent() || run.tableExists()) {
            String reason = run.failure()
                    .orElse("CreateTable found the table again after DeleteTable (someone else created it); check it"
                            + " with 'dynaseed tables' and apply again");
            return new TableOutcome.Failed(
                    "replacing table " + name + " (it held " + items + (items == 1 ? " item" : " items") + ") failed: "
                            + reason,
                    run.steps());
        }
        return new TableOutcome.Replaced(change.differences(), items, run.steps());
    }

    private static String itemsAre(long items) {
        return items == 1 ? "1 item is" : items + " items are";
    }

    /** The CreateTable request for a table spec, as {@link TableRequests} builds it for AWS. */
    public static CreateTableRequest createRequest(TableSpec table) {
        return new TableRequests(EngineCapabilities.aws()).createRequest(table);
    }

    /** DeleteTable, then wait until it is gone; the outcome says whether there was a table to delete. */
    public DestroyOutcome destroy(String tableName) throws InterruptedException {
        Optional<DestroyOutcome> protectedTable = DeletionProtection.refusal(client, tableName);
        if (protectedTable.isPresent()) {
            return protectedTable.get();
        }
        try {
            client.deleteTable(r -> r.tableName(tableName));
            LOG.info("DeleteTable {} sent", tableName);
            ActiveWaiter.Result gone = waiter.awaitDeleted(tableName);
            return gone.active()
                    ? new DestroyOutcome.Deleted()
                    : new DestroyOutcome.Failed("DeleteTable was accepted but the table still exists after "
                            + gone.waited().toSeconds() + " s (status " + gone.lastStatus() + ")");
        } catch (ResourceNotFoundException e) {
            return new DestroyOutcome.NotFound();
        } catch (ResourceInUseException e) {
            return DeletionProtection.refusedBy(e, tableName)
                    .orElseGet(() -> new DestroyOutcome.Failed(
                            "the table is busy (" + e.awsErrorDetails().errorMessage() + "); retry in a few seconds"));
        } catch (SdkException e) {
            return DeletionProtection.refusedBy(e, tableName)
                    .orElseGet(
                            () -> new DestroyOutcome.Failed(TargetException.from(client, "DeleteTable " + tableName, e)
                                    .getMessage()));
        }
    }

    /** How long CreateTable waits by default before giving up on ACTIVE. */
    public static final Duration DEFAULT_ACTIVE_TIMEOUT = Duration.ofMinutes(5);
}
