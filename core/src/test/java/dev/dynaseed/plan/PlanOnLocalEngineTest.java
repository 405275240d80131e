package dev.dynaseed.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.plan.Difference.Resolution;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.LocalIndexSpec;
import dev.dynaseed.spec.OnDemandLimits;
import dev.dynaseed.spec.PointInTimeRecoverySpec;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.StreamView;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.spec.WarmThroughputSpec;
import dev.dynaseed.testing.Dynalite;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Plans against the local engine (dynalite): every classification row it can show, with the steps sent for real. */
class PlanOnLocalEngineTest {
    private static final KeySpec PK = new KeySpec("pk", KeyType.S);
    private static final KeySpec SK = new KeySpec("sk", KeyType.N);

    private final DynamoDbClient client = Dynalite.client();
    private final Planner planner = new Planner(client, 2, EngineCapabilities.localEngine());

    private static GlobalIndexSpec index(String name, String key, ProjectionSpec projection, long read) {
        return new GlobalIndexSpec(
                name,
                List.of(new KeySpec(key, KeyType.S)),
                List.of(SK),
                projection,
                Optional.of(new CapacitySpec(read, 1)),
                Optional.empty(),
                Optional.empty(),
                false);
    }

    private static TableFeatures features(List<GlobalIndexSpec> globals, List<LocalIndexSpec> locals) {
        TableFeatures none = TableFeatures.none();
        return new TableFeatures(
                globals,
                locals,
                none.timeToLiveAttribute(),
                none.stream(),
                none.pointInTimeRecovery(),
                none.encryption(),
                none.tableClass(),
                none.deletionProtection(),
                none.warmThroughput(),
                none.resourcePolicy(),
                none.contributorInsights());
    }

    /** A table using every field of the spec. */
    private static TableSpec everyField(String name) {
        return TableSpec.builder(name, PK)
                .sortKey(SK)
                .billing(new BillingSpec.Provisioned(5, 5))
                .tag("team", "payments")
                .features(new TableFeatures(
                        List.of(index(
                                "by_status",
                                "status",
                                new ProjectionSpec(ProjectionSpec.Type.INCLUDE, List.of("total", "note")),
                                2)),
                        List.of(new LocalIndexSpec(
                                "by_amount",
                                PK,
                                new KeySpec("amount", KeyType.N),
                                new ProjectionSpec(ProjectionSpec.Type.KEYS_ONLY, List.of()),
                                false)),
                        Optional.of("expires_at"),
                        Optional.of(StreamView.NEW_IMAGE),
                        Optional.of(new PointInTimeRecoverySpec(true, Optional.of(7))),
                        Optional.of(new EncryptionSpec(EncryptionSpec.Type.AWS_MANAGED, Optional.empty())),
                        Optional.of(TableClassSpec.STANDARD_INFREQUENT_ACCESS),
                        Optional.of(true),
                        Optional.of(new WarmThroughputSpec(Optional.of(13000L), Optional.of(5000L))),
                        Optional.of("{\"Version\": \"2012-10-17\", \"Statement\": []}"),
                        Optional.of(true)))
                .build();
    }

    private TableChange plan(TableSpec table) {
        return planner.change(table, RunDeadline.none());
    }

    private void create(TableSpec table) throws InterruptedException {
        TableChange change = plan(table);
        assertThat(change.kind()).isEqualTo(TableChange.Kind.CREATE);
        StepRunner.run(client, table.name(), change.steps());
    }

    private static List<String> fields(TableChange change, Resolution resolution) {
        return change.differences().stream()
                .filter(d -> d.resolution() == resolution)
                .map(Difference::field)
                .toList();
    }

    private static List<String> operations(TableChange change) {
        return change.steps().stream().map(Step::operation).toList();
    }

    @Test
    void everyField_createdByItsSteps_thenPlanShowsNoChanges_andNamesWhatTheEngineDoesNotEnforce()
            throws InterruptedException {
        TableSpec table = everyField(Dynalite.uniqueTableName("every"));
        TableChange created = plan(table);
        List<String> notEnforced = List.of(
                "timeToLive",
                "stream",
                "pointInTimeRecovery",
                "encryption",
                "tableClass",
                "deletionProtection",
                "warmThroughput",
                "resourcePolicy",
                "contributorInsights");

        assertThat(operations(created)).containsExactly("CreateTable", "TagResource");
        assertThat(fields(created, Resolution.NOT_SUPPORTED)).containsExactlyElementsOf(notEnforced);
        StepRunner.run(client, table.name(), created.steps());

        TableChange again = plan(table);
        assertThat(again.kind()).as(again.differences().toString()).isEqualTo(TableChange.Kind.NO_CHANGE);
        assertThat(again.steps()).isEmpty();
        assertThat(fields(again, Resolution.NOT_SUPPORTED)).containsExactlyElementsOf(notEnforced);
        assertThat(again.differences().get(1).how())
                .isEqualTo(
                        "the local engine (dynalite) ignores StreamSpecification; not enforced here, applied on AWS");
        assertThat(again.differences().get(0).how())
                .isEqualTo("the local engine (dynalite) has no UpdateTimeToLive; not enforced here, applied on AWS");
    }

    @Test
    void changedPartitionKey_isReplace_andSaysTheItemsAreLost() throws InterruptedException {
        TableSpec table = TableSpec.builder(Dynalite.uniqueTableName("pk"), PK).build();
        create(table);

        TableChange change = plan(
                table.toBuilder().partitionKey(new KeySpec("pk", KeyType.N)).build());

        assertThat(change.kind()).isEqualTo(TableChange.Kind.REPLACE);
        assertThat(change.differences()).extracting(Difference::field).containsExactly("partitionKey");
        assertThat(change.differences().get(0).how())
                .contains("DeleteTable and CreateTable")
                .contains("items are lost");
        assertThat(operations(change)).containsExactly("DeleteTable", "CreateTable");
    }

    @Test
    void addedSortKey_isReplace_andItsStepsRecreateTheTable() throws InterruptedException {
        TableSpec table = TableSpec.builder(Dynalite.uniqueTableName("sk"), PK).build();
        create(table);
        TableSpec wanted = table.toBuilder().sortKey(SK).build();

        TableChange change = plan(wanted);
        assertThat(change.kind()).isEqualTo(TableChange.Kind.REPLACE);
        assertThat(fields(change, Resolution.REPLACE)).containsExactly("sortKey");
        StepRunner.run(client, table.name(), change.steps());

        assertThat(plan(wanted).kind()).isEqualTo(TableChange.Kind.NO_CHANGE);
    }

    @Test
    void addedLocalIndex_isReplace() throws InterruptedException {
        TableSpec table = TableSpec.builder(Dynalite.uniqueTableName("lsi"), PK)
                .sortKey(SK)
                .build();
        create(table);

        TableChange change = plan(table.toBuilder()
                .features(features(
                        List.of(),
                        List.of(new LocalIndexSpec(
                                "by_amount", PK, new KeySpec("amount", KeyType.N), ProjectionSpec.all(), false))))
                .build());

        assertThat(change.kind()).isEqualTo(TableChange.Kind.REPLACE);
        assertThat(fields(change, Resolution.REPLACE)).containsExactly("localSecondaryIndexes.by_amount");
        assertThat(change.differences().get(0).how()).contains("only from CreateTable on");
    }

    @Test
    void billingSwitchAndCapacity_areInPlace_byUpdateTable_andThenMatch() throws InterruptedException {
        TableSpec table =
                TableSpec.builder(Dynalite.uniqueTableName("billing"), PK).build();
        create(table);
        TableSpec provisioned =
                table.toBuilder().billing(new BillingSpec.Provisioned(5, 5)).build();

        TableChange switched = plan(provisioned);
        assertThat(switched.kind()).isEqualTo(TableChange.Kind.UPDATE);
        assertThat(fields(switched, Resolution.IN_PLACE)).containsExactly("billing");
        assertThat(operations(switched)).containsExactly("UpdateTable");
        StepRunner.run(client, table.name(), switched.steps());
        assertThat(plan(provisioned).kind()).isEqualTo(TableChange.Kind.NO_CHANGE);

        TableSpec more =
                table.toBuilder().billing(new BillingSpec.Provisioned(7, 5)).build();
        TableChange capacity = plan(more);
        assertThat(capacity.differences())
                .containsExactly(new Difference(
                        "billing",
                        "PROVISIONED 7/5",
                        "PROVISIONED 5/5",
                        Resolution.IN_PLACE,
                        "UpdateTable ProvisionedThroughput"));
        StepRunner.run(client, table.name(), capacity.steps());
        assertThat(plan(more).kind()).isEqualTo(TableChange.Kind.NO_CHANGE);
    }

    @Test
    void onDemandMaximums_areNotSupportedOnTheLocalEngine_andNoChange() throws InterruptedException {
        TableSpec table = TableSpec.builder(Dynalite.uniqueTableName("ondemand"), PK)
                .billing(new BillingSpec.PayPerRequest(
                        Optional.of(new OnDemandLimits(Optional.of(100L), Optional.empty()))))
                .build();
        create(table);

        TableChange change = plan(table);

        assertThat(change.kind()).isEqualTo(TableChange.Kind.NO_CHANGE);
        assertThat(fields(change, Resolution.NOT_SUPPORTED)).containsExactly("onDemandThroughput");
    }

    @Test
    void indexCapacity_isInPlace_byUpdateTableUpdate_andThenMatches() throws InterruptedException {
        TableSpec table = TableSpec.builder(Dynalite.uniqueTableName("gsicap"), PK)
                .billing(new BillingSpec.Provisioned(5, 5))
                .features(features(List.of(index("by_status", "status", ProjectionSpec.all(), 1)), List.of()))
                .build();
        create(table);
        TableSpec more = table.toBuilder()
                .features(features(List.of(index("by_status", "status", ProjectionSpec.all(), 3)), List.of()))
                .build();

        TableChange change = plan(more);
        assertThat(change.kind()).isEqualTo(TableChange.Kind.UPDATE);
        assertThat(fields(change, Resolution.IN_PLACE))
                .containsExactly("globalSecondaryIndexes.by_status.provisionedThroughput");
        StepRunner.run(client, table.name(), change.steps());

        assertThat(plan(more).kind()).isEqualTo(TableChange.Kind.NO_CHANGE);
    }

    @Test
    void tagsAddedChangedAndRemoved_areInPlace_byTagResourceAndUntagResource() throws InterruptedException {
        TableSpec table = TableSpec.builder(Dynalite.uniqueTableName("tags"), PK)
                .tag("team", "payments")
                .tag("old", "yes")
                .build();
        create(table);
        TableSpec wanted =
                table.toBuilder().tags(Map.of("team", "billing", "new", "1")).build();

        TableChange change = plan(wanted);
        assertThat(fields(change, Resolution.IN_PLACE)).containsExactly("tags");
        assertThat(operations(change)).containsExactly("TagResource", "UntagResource");
        StepRunner.run(client, table.name(), change.steps());

        assertThat(plan(wanted).kind()).isEqualTo(TableChange.Kind.NO_CHANGE);
    }

    @Test
    void featuresTheEngineIgnoresOrLacks_areNotSupported_neverAChange() throws InterruptedException {
        TableSpec plain =
                TableSpec.builder(Dynalite.uniqueTableName("ignored"), PK).build();
        create(plain);

        TableChange change = plan(everyField(plain.name()).toBuilder()
                .sortKey(Optional.empty())
                .billing(new BillingSpec.PayPerRequest())
                .tags(Map.of())
                .features(new TableFeatures(
                        List.of(),
                        List.of(),
                        everyField("x").features().timeToLiveAttribute(),
                        everyField("x").features().stream(),
                        everyField("x").features().pointInTimeRecovery(),
                        everyField("x").features().encryption(),
                        everyField("x").features().tableClass(),
                        everyField("x").features().deletionProtection(),
                        everyField("x").features().warmThroughput(),
                        everyField("x").features().resourcePolicy(),
                        everyField("x").features().contributorInsights()))
                .build());

        assertThat(change.kind()).isEqualTo(TableChange.Kind.NO_CHANGE);
        assertThat(change.steps()).isEmpty();
        assertThat(change.differences()).hasSize(9).allMatch(d -> d.resolution() == Resolution.NOT_SUPPORTED);
    }

    /** A client whose DescribeTable answers are changed by {@code change}: the table's state as a test needs it. */
    private static DynamoDbClient describing(java.util.function.UnaryOperator<TableDescription> change) {
        return Dynalite.client(new ExecutionInterceptor() {
            @Override
            public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
                if (context.response() instanceof DescribeTableResponse described) {
                    return described.toBuilder()
                            .table(change.apply(described.table()))
                            .build();
                }
                return context.response();
            }
        });
    }

    @Test
    void tableNotActive_blocksEveryChange_withTheRule() throws InterruptedException {
        TableSpec table =
                TableSpec.builder(Dynalite.uniqueTableName("busy"), PK).build();
        create(table);
        DynamoDbClient updating = describing(described ->
                described.toBuilder().tableStatus(TableStatus.UPDATING).build());

        TableChange change = new Planner(updating, 1, EngineCapabilities.localEngine())
                .change(
                        table.toBuilder()
                                .billing(new BillingSpec.Provisioned(1, 1))
                                .build(),
                        RunDeadline.none());

        assertThat(change.kind()).isEqualTo(TableChange.Kind.BLOCKED);
        assertThat(change.steps()).isEmpty();
        assertThat(change.differences().get(0).how())
                .startsWith("the table is UPDATING and DynamoDB changes only an ACTIVE table");
    }

    @Test
    void indexNotActive_blocksUpdateTableChanges_butNotTags() throws InterruptedException {
        TableSpec table = TableSpec.builder(Dynalite.uniqueTableName("gsibusy"), PK)
                .billing(new BillingSpec.Provisioned(5, 5))
                .features(features(List.of(index("by_status", "status", ProjectionSpec.all(), 1)), List.of()))
                .build();
        create(table);
        DynamoDbClient creatingIndex = describing(described -> described.toBuilder()
                .globalSecondaryIndexes(described.globalSecondaryIndexes().stream()
                        .map(index -> index.toBuilder().indexStatus("CREATING").build())
                        .toList())
                .build());

        TableChange change = new Planner(creatingIndex, 1, EngineCapabilities.localEngine())
                .change(
                        table.toBuilder()
                                .billing(new BillingSpec.Provisioned(6, 5))
                                .tag("team", "payments")
                                .build(),
                        RunDeadline.none());

        assertThat(change.kind()).isEqualTo(TableChange.Kind.BLOCKED);
        assertThat(fields(change, Resolution.BLOCKED)).containsExactly("billing");
        assertThat(fields(change, Resolution.IN_PLACE)).containsExactly("tags");
        assertThat(change.differences().get(0).how())
                .isEqualTo("index by_status is CREATING and DynamoDB changes one index at a time; wait until it is"
                        + " ACTIVE and plan again");
    }

    @Test
    void replacingAProtectedTable_isBlocked() throws InterruptedException {
        TableSpec table =
                TableSpec.builder(Dynalite.uniqueTableName("protected"), PK).build();
        create(table);
        DynamoDbClient protectedTable = describing(described ->
                described.toBuilder().deletionProtectionEnabled(true).build());

        TableChange change = new Planner(protectedTable, 1, EngineCapabilities.localEngine())
                .change(table.toBuilder().sortKey(SK).build(), RunDeadline.none());

        assertThat(change.kind()).isEqualTo(TableChange.Kind.BLOCKED);
        assertThat(fields(change, Resolution.BLOCKED)).containsExactly("sortKey");
        assertThat(change.differences().get(0).how()).startsWith("deletion protection is on, so the table cannot be");
    }

    @Test
    void addedIndex_isInPlace_oneUpdateTablePerIndex_andThenMatches() throws InterruptedException {
        TableSpec table = TableSpec.builder(Dynalite.uniqueTableName("gsiadd"), PK)
                .sortKey(SK)
                .build();
        create(table);
        client.putItem(r -> r.tableName(table.name())
                .item(Map.of(
                        "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("a"),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"),
                        "status", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("new"))));
        GlobalIndexSpec first = GlobalIndexSpec.of("by_status", new KeySpec("status", KeyType.S), Optional.of(SK));
        GlobalIndexSpec second = GlobalIndexSpec.of("by_kind", new KeySpec("kind", KeyType.S), Optional.empty());
        TableSpec wanted = table.toBuilder()
                .features(features(List.of(first, second), List.of()))
                .build();

        TableChange added = plan(wanted);
        assertThat(added.kind()).isEqualTo(TableChange.Kind.UPDATE);
        assertThat(operations(added)).containsExactly("UpdateTable", "UpdateTable");
        assertThat(added.steps()).allMatch(step -> step.waitFor() == Step.WaitFor.TABLE_AND_INDEXES_ACTIVE);
        StepRunner.run(client, table.name(), added.steps());
        assertThat(plan(wanted).kind()).isEqualTo(TableChange.Kind.NO_CHANGE);

        TableChange removed = plan(table);
        assertThat(fields(removed, Resolution.IN_PLACE))
                .containsExactly("globalSecondaryIndexes.by_status", "globalSecondaryIndexes.by_kind");
        StepRunner.run(client, table.name(), removed.steps());
        assertThat(plan(table).kind()).isEqualTo(TableChange.Kind.NO_CHANGE);
        assertThat(client.scan(r -> r.tableName(table.name())).count()).isEqualTo(1);
    }

    @Test
    void anEndpoint_learnsFromUnknownOperationException_whichCompanionCallsItLacks_andNeverSendsThem()
            throws InterruptedException {
        Planner endpoint = new Planner(client, 1, EngineCapabilities.endpoint("endpoint under test"));
        TableSpec table = TableSpec.builder(Dynalite.uniqueTableName("learnt"), PK)
                .features(new TableFeatures(
                        List.of(),
                        List.of(),
                        Optional.of("expires_at"),
                        Optional.empty(),
                        Optional.of(new PointInTimeRecoverySpec(true, Optional.empty())),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(true)))
                .build();

        TableChange created = endpoint.change(table, RunDeadline.none());
        assertThat(operations(created)).containsExactly("CreateTable");
        assertThat(created.differences())
                .extracting(Difference::how)
                .containsExactly(
                        "endpoint under test has no UpdateTimeToLive; not enforced here, applied on AWS",
                        "endpoint under test has no UpdateContinuousBackups; not enforced here, applied on AWS",
                        "endpoint under test has no UpdateContributorInsights; not enforced here, applied on AWS");
        StepRunner.run(client, table.name(), created.steps());

        TableChange again = endpoint.change(table, RunDeadline.none());
        assertThat(again.kind()).isEqualTo(TableChange.Kind.NO_CHANGE);
        assertThat(fields(again, Resolution.NOT_SUPPORTED))
                .containsExactly("timeToLive", "pointInTimeRecovery", "contributorInsights");
    }
}
