package dev.dynaseed.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.report.Report;
import dev.dynaseed.report.TableReport;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.Specs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * CreateTable refused for a while (LimitExceededException), a table that exists or is being deleted when CreateTable
 * arrives (ResourceInUseException), and tables found busy (UPDATING, an index CREATING): each retried or judged right,
 * within the wait bound.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProvisionFaultsTest {
    private final DynamoDbClient plain = Dynalite.client();

    private static TableSpec table(String name, String capacity, int count) {
        String yaml = "tables:\n"
                + "  - name: " + name + "\n"
                + "    partitionKey: {name: id, type: S}\n"
                + "    billing: {mode: PROVISIONED, readCapacity: " + capacity + ", writeCapacity: " + capacity + "}\n"
                + "    seed: {count: " + count + ", attributes: {id: uuid4}}\n";
        return SpecReader.read(yaml, SpecReader.SpecFormat.YAML, "test")
                .tables()
                .get(0);
    }

    private static Report apply(TableChange change, Duration waitTimeout, ExecutionInterceptor... interceptors) {
        try (DynamoDbClient client = Dynalite.client(interceptors)) {
            return new Pipeline(client, "test", ApplyOptions.defaults().withActiveTimeout(waitTimeout))
                    .apply(new Plan(List.of(change)), SeedProgress.NONE, RunDeadline.none());
        }
    }

    /** Creates the table as the spec says (no items) and waits until it is ACTIVE. */
    private void create(TableSpec spec) throws InterruptedException {
        plain.createTable(Provisioner.createRequest(spec));
        assertThat(ActiveWaiter.standard(plain, Duration.ofSeconds(30))
                        .await(spec.name())
                        .active())
                .isTrue();
    }

    private boolean exists(String name) {
        try {
            plain.describeTable(r -> r.tableName(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    @Test
    void createTable_isRetriedWithBackoff_whileDynamoDbAnswersLimitExceeded() {
        String name = Dynalite.uniqueTableName("limited");
        CreateTableRefusals refusals = new CreateTableRefusals(3);

        Report report = apply(new TableChange.Create(table(name, "5", 4), List.of()), Duration.ofSeconds(60), refusals);

        assertThat(report.tables().get(0).outcomeName()).isEqualTo("Created");
        assertThat(refusals.calls()).isEqualTo(4);
        assertThat(report.tables().get(0).seed().written()).isEqualTo(4);
        assertThat(Specs.count(plain, name)).isEqualTo(4);
    }

    @Test
    void createTable_failsWithOneLineNamingTheLimit_whenLimitExceededNeverStops_withinTheWaitTimeout() {
        String name = Dynalite.uniqueTableName("neverallowed");
        CreateTableRefusals refusals = new CreateTableRefusals(Integer.MAX_VALUE);

        Report report = apply(new TableChange.Create(table(name, "5", 4), List.of()), Duration.ofSeconds(1), refusals);

        TableReport row = report.tables().get(0);
        assertThat(row.outcomeName()).isEqualTo("Failed");
        assertThat(row.outcome().error().orElseThrow())
                .startsWith("CreateTable " + name + " was refused ")
                .contains("with LimitExceededException (too many tables being created or changed at once in this"
                        + " account); wait for those to finish, then apply again, or raise --wait-timeout")
                .endsWith("; steps done: none; not done: CreateTable (create the table)");
        assertThat(refusals.calls()).isGreaterThan(1);
        assertThat(row.seed().failed()).isEqualTo(4);
        assertThat(report.status()).isEqualTo(Report.Status.FAILED);
        assertThat(exists(name)).isFalse();
    }

    @Test
    void createTable_answeredResourceInUse_judgesTheExistingTableAfresh_andUpdatesItInPlace()
            throws InterruptedException {
        String name = Dynalite.uniqueTableName("appeared");
        create(table(name, "5", 0));
        TableSpec wanted = table(name, "8", 3);

        // A plan made before someone else created the table: CreateTable answers ResourceInUseException.
        Report report = apply(new TableChange.Create(wanted, List.of()), Duration.ofSeconds(30));

        TableReport row = report.tables().get(0);
        assertThat(row.outcomeName()).isEqualTo("Updated");
        assertThat(row.outcome().differences())
                .extracting(difference -> difference.field())
                .contains("billing");
        assertThat(row.seed().written()).isEqualTo(3);
        assertThat(plain.describeTable(r -> r.tableName(name))
                        .table()
                        .provisionedThroughput()
                        .readCapacityUnits())
                .isEqualTo(8L);
    }

    @Test
    void createTable_answeredResourceInUse_forAMatchingTable_reportsAlreadyMatches() throws InterruptedException {
        String name = Dynalite.uniqueTableName("samealready");
        create(table(name, "5", 0));

        Report report = apply(new TableChange.Create(table(name, "5", 2), List.of()), Duration.ofSeconds(30));

        assertThat(report.tables().get(0).outcomeName()).isEqualTo("AlreadyMatches");
        assertThat(Specs.count(plain, name)).isEqualTo(2);
    }

    @Test
    void createTable_whileTheTableIsBeingDeleted_waitsUntilItIsGone_thenCreatesIt() throws InterruptedException {
        String name = Dynalite.uniqueTableName("deleting");
        create(table(name, "5", 0));
        plain.deleteTable(r -> r.tableName(name));

        // The engine keeps a deleted table DELETING for a moment: CreateTable then answers ResourceInUseException
        // (or, on a slow machine, the table is already gone and CreateTable succeeds at once). Either way: Created.
        Report report = apply(new TableChange.Create(table(name, "6", 2), List.of()), Duration.ofSeconds(30));

        assertThat(report.tables().get(0).outcomeName()).isEqualTo("Created");
        assertThat(plain.describeTable(r -> r.tableName(name))
                        .table()
                        .provisionedThroughput()
                        .readCapacityUnits())
                .isEqualTo(6L);
        assertThat(Specs.count(plain, name)).isEqualTo(2);
    }

    @Test
    void aTableThePlanFoundUpdating_isWaitedFor_thenJudgedAfresh() throws InterruptedException {
        String name = Dynalite.uniqueTableName("updating");
        TableSpec spec = table(name, "5", 2);
        create(spec);
        StatusRewrite updating = StatusRewrite.table(name, 3, TableStatus.UPDATING);

        Report report = apply(new TableChange.NoChange(spec), Duration.ofSeconds(30), updating);

        assertThat(report.tables().get(0).outcomeName())
                .as(() -> report.tables().get(0).outcome().toString())
                .isEqualTo("AlreadyMatches");
        assertThat(updating.seen()).isGreaterThan(3);
        assertThat(Specs.count(plain, name)).isEqualTo(2);
    }

    @Test
    void aTableThatStaysUpdating_failsWithItsStatusAndWhatToDo_withinTheWaitTimeout() throws InterruptedException {
        String name = Dynalite.uniqueTableName("stuck");
        TableSpec spec = table(name, "5", 2);
        create(spec);
        StatusRewrite updating = StatusRewrite.table(name, Integer.MAX_VALUE, TableStatus.UPDATING);

        Report report = apply(new TableChange.NoChange(spec), Duration.ofSeconds(1), updating);

        TableReport row = report.tables().get(0);
        assertThat(row.outcomeName()).isEqualTo("Failed");
        assertThat(row.outcome().error().orElseThrow())
                .matches("table " + name + " was UPDATING and still UPDATING after \\d+ s, so it was left alone;"
                        + " apply again once 'dynaseed tables' shows it ACTIVE, or raise --wait-timeout");
        assertThat(Specs.count(plain, name)).isZero();
    }

    @Test
    void waitingForIndexes_pollsUntilEveryGlobalIndexIsActive_andNamesTheBusyOneWhenItIsNot()
            throws InterruptedException {
        String name = Dynalite.uniqueTableName("gsiwait");
        plain.createTable(r -> r.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(
                        a -> a.attributeName("id").attributeType("S"),
                        a -> a.attributeName("status").attributeType("S"))
                .billingMode("PAY_PER_REQUEST")
                .globalSecondaryIndexes(g -> g.indexName("by_status")
                        .keySchema(k -> k.attributeName("status").keyType("HASH"))
                        .projection(p -> p.projectionType("KEYS_ONLY"))));
        StatusRewrite building = StatusRewrite.indexes(name, 3, IndexStatus.CREATING);
        StatusRewrite forever = StatusRewrite.indexes(name, Integer.MAX_VALUE, IndexStatus.CREATING);

        ActiveWaiter.Result settled;
        ActiveWaiter.Result notSettled;
        try (DynamoDbClient client = Dynalite.client(building);
                DynamoDbClient stuck = Dynalite.client(forever)) {
            settled = ActiveWaiter.standard(client, Duration.ofSeconds(30)).awaitWithIndexes(name, RunDeadline.none());
            notSettled =
                    ActiveWaiter.standard(stuck, Duration.ofMillis(300)).awaitWithIndexes(name, RunDeadline.none());
        }

        assertThat(settled.active()).isTrue();
        assertThat(building.seen()).isGreaterThan(3);
        assertThat(notSettled.active()).isFalse();
        assertThat(notSettled.lastStatus()).isEqualTo("ACTIVE, index by_status CREATING");
    }
}
