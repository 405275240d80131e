package dev.dynaseed.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.plan.Difference.Resolution;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.PointInTimeRecoverySpec;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.StreamView;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.spec.WarmThroughputSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/** Classification on AWS, from described tables (no server): the rows the local engine cannot show. */
class ChangeClassifierTest {
    private static final String ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders";
    private static final TableSpec PLAIN =
            TableSpec.builder("orders", new KeySpec("id", KeyType.S)).build();
    private static final ChangeClassifier AWS = new ChangeClassifier(EngineCapabilities.aws());

    private static TableDescription.Builder table() {
        return TableDescription.builder()
                .tableName("orders")
                .tableArn(ARN)
                .tableStatus(TableStatus.ACTIVE)
                .itemCount(12L)
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(d -> d.attributeName("id").attributeType("S"))
                .billingModeSummary(b -> b.billingMode("PAY_PER_REQUEST"));
    }

    private static LiveTable live(TableDescription table) {
        return live(
                table,
                Optional.of(TimeToLiveDescription.builder()
                        .timeToLiveStatus(TimeToLiveStatus.DISABLED)
                        .build()));
    }

    private static LiveTable live(TableDescription table, Optional<TimeToLiveDescription> ttl) {
        return new LiveTable(
                table,
                ttl,
                Optional.of(ContinuousBackupsDescription.builder()
                        .continuousBackupsStatus(ContinuousBackupsStatus.ENABLED)
                        .pointInTimeRecoveryDescription(
                                p -> p.pointInTimeRecoveryStatus(PointInTimeRecoveryStatus.DISABLED))
                        .build()),
                Optional.of(Map.of()),
                Optional.of(ContributorInsightsStatus.DISABLED),
                Optional.empty(),
                Set.of());
    }

    private static TableSpec with(UnaryOperator<Features> change) {
        return PLAIN.toBuilder().features(change.apply(new Features()).build()).build();
    }

    /** A mutable TableFeatures for tests. */
    private static final class Features {
        List<GlobalIndexSpec> globals = List.of();
        Optional<String> ttl = Optional.empty();
        Optional<StreamView> stream = Optional.empty();
        Optional<PointInTimeRecoverySpec> pitr = Optional.empty();
        Optional<EncryptionSpec> sse = Optional.empty();
        Optional<TableClassSpec> tableClass = Optional.empty();
        Optional<Boolean> protection = Optional.empty();
        Optional<WarmThroughputSpec> warm = Optional.empty();
        Optional<String> policy = Optional.empty();
        Optional<Boolean> insights = Optional.empty();

        TableFeatures build() {
            return new TableFeatures(
                    globals, List.of(), ttl, stream, pitr, sse, tableClass, protection, warm, policy, insights);
        }
    }

    private static List<String> operations(TableChange change) {
        return change.steps().stream().map(Step::operation).toList();
    }

    private static Difference only(TableChange change) {
        assertThat(change.differences()).hasSize(1);
        return change.differences().get(0);
    }

    @Test
    void streamTurnedOn_isInPlace_byOneUpdateTable() {
        TableChange change = AWS.classify(
                with(f -> {
                    f.stream = Optional.of(StreamView.NEW_IMAGE);
                    return f;
                }),
                live(table().build()));

        assertThat(change.kind()).isEqualTo(TableChange.Kind.UPDATE);
        assertThat(only(change).how()).isEqualTo("UpdateTable StreamSpecification");
        assertThat(change.steps().get(0).request())
                .isEqualTo(UpdateTableRequest.builder()
                        .tableName("orders")
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE"))
                        .build());
    }

    @Test
    void streamViewTypeChanged_isTwoUpdateTables_offThenOn() {
        TableChange change = AWS.classify(
                with(f -> {
                    f.stream = Optional.of(StreamView.KEYS_ONLY);
                    return f;
                }),
                live(table().streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))
                        .build()));

        assertThat(change.steps())
                .extracting(Step::purpose)
                .containsExactly("turn the stream off", "turn the stream on (KEYS_ONLY)");
    }

    @Test
    void encryptionTableClassDeletionProtectionAndWarmThroughput_areInPlace_eachByItsUpdateTable() {
        TableChange change = AWS.classify(
                with(f -> {
                    f.sse = Optional.of(new EncryptionSpec(EncryptionSpec.Type.AWS_MANAGED, Optional.empty()));
                    f.tableClass = Optional.of(TableClassSpec.STANDARD_INFREQUENT_ACCESS);
                    f.protection = Optional.of(true);
                    f.warm = Optional.of(new WarmThroughputSpec(Optional.of(15000L), Optional.empty()));
                    return f;
                }),
                live(table().warmThroughput(w -> w.readUnitsPerSecond(12000L).writeUnitsPerSecond(4000L))
                        .build()));

        assertThat(change.differences())
                .extracting(Difference::field, Difference::resolution, Difference::how)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "encryption", Resolution.IN_PLACE, "UpdateTable SSESpecification"),
                        org.assertj.core.groups.Tuple.tuple(
                                "tableClass", Resolution.IN_PLACE, "UpdateTable TableClass"),
                        org.assertj.core.groups.Tuple.tuple(
                                "deletionProtection", Resolution.IN_PLACE, "UpdateTable DeletionProtectionEnabled"),
                        org.assertj.core.groups.Tuple.tuple(
                                "warmThroughput",
                                Resolution.IN_PLACE,
                                "UpdateTable WarmThroughput (it can only be raised)"));
        assertThat(operations(change)).containsExactly("UpdateTable", "UpdateTable", "UpdateTable", "UpdateTable");
    }

    @Test
    void warmThroughputAlreadyHigher_isNoDifference() {
        TableChange change = AWS.classify(
                with(f -> {
                    f.warm = Optional.of(new WarmThroughputSpec(Optional.of(10000L), Optional.empty()));
                    return f;
                }),
                live(table().warmThroughput(w -> w.readUnitsPerSecond(12000L).writeUnitsPerSecond(4000L))
                        .build()));

        assertThat(change.kind()).isEqualTo(TableChange.Kind.NO_CHANGE);
    }

    @Test
    void timeToLiveTurnedOn_isInPlace_byUpdateTimeToLive() {
        TableChange change = AWS.classify(
                with(f -> {
                    f.ttl = Optional.of("expires_at");
                    return f;
                }),
                live(table().build()));

        assertThat(operations(change)).containsExactly("UpdateTimeToLive");
        assertThat(only(change).resolution()).isEqualTo(Resolution.IN_PLACE);
    }

    @Test
    void timeToLiveAttributeChanged_isBlocked_withTheOncePerHourRule() {
        TableChange change = AWS.classify(
                with(f -> {
                    f.ttl = Optional.of("expires_at");
                    return f;
                }),
                live(
                        table().build(),
                        Optional.of(TimeToLiveDescription.builder()
                                .timeToLiveStatus(TimeToLiveStatus.ENABLED)
                                .attributeName("ttl")
                                .build())));

        assertThat(change.kind()).isEqualTo(TableChange.Kind.BLOCKED);
        assertThat(only(change).how()).contains("one UpdateTimeToLive per hour");
    }

    @Test
    void timeToLiveStillEnabling_blocksATimeToLiveChange() {
        TableChange change = AWS.classify(
                PLAIN,
                live(
                        table().build(),
                        Optional.of(TimeToLiveDescription.builder()
                                .timeToLiveStatus(TimeToLiveStatus.ENABLING)
                                .attributeName("ttl")
                                .build())));

        assertThat(change.kind()).isEqualTo(TableChange.Kind.BLOCKED);
        assertThat(only(change).how()).startsWith("TTL is ENABLING");
    }

    @Test
    void pointInTimeRecoveryContributorInsightsAndPolicy_areInPlace_byTheirCalls() {
        TableChange change = AWS.classify(
                with(f -> {
                    f.pitr = Optional.of(new PointInTimeRecoverySpec(true, Optional.of(7)));
                    f.insights = Optional.of(true);
                    f.policy = Optional.of("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
                    return f;
                }),
                live(table().build()));

        assertThat(operations(change))
                .containsExactly("UpdateContinuousBackups", "UpdateContributorInsights", "PutResourcePolicy");
        assertThat(change.differences().get(0).expected()).isEqualTo("on (7 days)");
    }

    @Test
    void policyRemovedFromSpec_isInPlace_byDeleteResourcePolicy() {
        LiveTable withPolicy = new LiveTable(
                table().build(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(Map.of()),
                Optional.empty(),
                Optional.of("{\"Version\":\"2012-10-17\"}"),
                Set.of());

        assertThat(operations(AWS.classify(PLAIN, withPolicy))).containsExactly("DeleteResourcePolicy");
    }

    @Test
    void tableNotActive_blocksEveryChange() {
        TableChange change = AWS.classify(
                PLAIN.toBuilder().billing(new BillingSpec.Provisioned(1, 1)).build(),
                live(table().tableStatus(TableStatus.UPDATING).build()));

        assertThat(change.kind()).isEqualTo(TableChange.Kind.BLOCKED);
        assertThat(only(change).how()).startsWith("the table is UPDATING");
    }

    @Test
    void indexStillCreating_blocksUpdateTableChanges() {
        TableChange change = AWS.classify(
                PLAIN.toBuilder().billing(new BillingSpec.Provisioned(1, 1)).build(),
                live(table().attributeDefinitions(
                                d -> d.attributeName("id").attributeType("S"),
                                d -> d.attributeName("status").attributeType("S"))
                        .globalSecondaryIndexes(g -> g.indexName("by_status")
                                .indexStatus(IndexStatus.CREATING)
                                .keySchema(k -> k.attributeName("status").keyType("HASH"))
                                .projection(p -> p.projectionType("ALL")))
                        .build()));

        assertThat(change.kind()).isEqualTo(TableChange.Kind.BLOCKED);
        assertThat(change.differences())
                .filteredOn(d -> d.field().equals("billing"))
                .extracting(Difference::how)
                .containsExactly("index by_status is CREATING and DynamoDB changes one index at a time; wait until it"
                        + " is ACTIVE and plan again");
    }

    @Test
    void replaceOfAProtectedTable_isBlocked() {
        TableChange change = AWS.classify(
                PLAIN.toBuilder()
                        .partitionKey(new KeySpec("id", KeyType.N))
                        .features(with(f -> {
                                    f.protection = Optional.of(true);
                                    return f;
                                })
                                .features())
                        .build(),
                live(table().deletionProtectionEnabled(true).build()));

        assertThat(change.kind()).isEqualTo(TableChange.Kind.BLOCKED);
        assertThat(only(change).how()).startsWith("deletion protection is on, so the table cannot be replaced");
    }

    @Test
    void switchToProvisioned_comesBeforeAnAddedIndex_andGivesKeptIndexesTheirCapacity() {
        GlobalIndexSpec kept = new GlobalIndexSpec(
                "by_status",
                List.of(new KeySpec("status", KeyType.S)),
                List.of(),
                ProjectionSpec.all(),
                Optional.of(new CapacitySpec(2, 2)),
                Optional.empty(),
                Optional.empty(),
                false);
        GlobalIndexSpec added = new GlobalIndexSpec(
                "by_kind",
                List.of(new KeySpec("kind", KeyType.S)),
                List.of(),
                ProjectionSpec.all(),
                Optional.of(new CapacitySpec(1, 1)),
                Optional.empty(),
                Optional.empty(),
                false);
        TableSpec spec = PLAIN.toBuilder()
                .billing(new BillingSpec.Provisioned(5, 5))
                .features(with(f -> {
                            f.globals = List.of(kept, added);
                            return f;
                        })
                        .features())
                .build();

        TableChange change = AWS.classify(
                spec,
                live(table().attributeDefinitions(
                                d -> d.attributeName("id").attributeType("S"),
                                d -> d.attributeName("status").attributeType("S"))
                        .globalSecondaryIndexes(g -> g.indexName("by_status")
                                .indexStatus(IndexStatus.ACTIVE)
                                .keySchema(k -> k.attributeName("status").keyType("HASH"))
                                .projection(p -> p.projectionType("ALL")))
                        .build()));

        assertThat(change.kind()).isEqualTo(TableChange.Kind.UPDATE);
        assertThat(change.steps())
                .extracting(Step::purpose)
                .containsExactly("switch billing to PROVISIONED 5/5", "add index by_kind");
        UpdateTableRequest billing = (UpdateTableRequest) change.steps().get(0).request();
        assertThat(billing.globalSecondaryIndexUpdates())
                .singleElement()
                .satisfies(update -> assertThat(update.update().indexName()).isEqualTo("by_status"));
    }

    @Test
    void changedIndexProjection_isInPlace_asDeleteThenCreate() {
        GlobalIndexSpec keysOnly = new GlobalIndexSpec(
                "by_status",
                List.of(new KeySpec("status", KeyType.S)),
                List.of(),
                new ProjectionSpec(ProjectionSpec.Type.KEYS_ONLY, List.of()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false);

        TableChange change = AWS.classify(
                with(f -> {
                    f.globals = List.of(keysOnly);
                    return f;
                }),
                live(table().attributeDefinitions(
                                d -> d.attributeName("id").attributeType("S"),
                                d -> d.attributeName("status").attributeType("S"))
                        .globalSecondaryIndexes(g -> g.indexName("by_status")
                                .indexStatus(IndexStatus.ACTIVE)
                                .keySchema(k -> k.attributeName("status").keyType("HASH"))
                                .projection(p -> p.projectionType("ALL")))
                        .build()));

        assertThat(only(change).resolution()).isEqualTo(Resolution.IN_PLACE);
        assertThat(change.steps())
                .extracting(Step::purpose)
                .containsExactly("remove index by_status", "add index by_status");
    }

    @Test
    void multiAttributeIndexKeys_areSeveralHashAndRangeElements_inOrder() {
        GlobalIndexSpec multi = new GlobalIndexSpec(
                "by_place",
                List.of(new KeySpec("country", KeyType.S), new KeySpec("city", KeyType.S)),
                List.of(new KeySpec("at", KeyType.N), new KeySpec("seq", KeyType.N)),
                ProjectionSpec.all(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false);

        var request = new TableRequests(EngineCapabilities.aws()).createRequest(with(f -> {
            f.globals = List.of(multi);
            return f;
        }));

        assertThat(request.globalSecondaryIndexes().get(0).keySchema())
                .extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
                .containsExactly("country HASH", "city HASH", "at RANGE", "seq RANGE");
        assertThat(request.attributeDefinitions())
                .extracting(d -> d.attributeName())
                .containsExactly("id", "country", "city", "at", "seq");
    }
}
