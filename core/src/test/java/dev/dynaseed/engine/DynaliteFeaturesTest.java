package dev.dynaseed.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.testing.Dynalite;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Pins what the local engine (dynalite 4.0.0 through dynaseed's launcher) does with each CreateTable feature and each
 * companion operation, as {@code dev/dynaseed/engine/dynalite-features.md} and the README state it: a dynalite upgrade
 * that changes one of these fails here first.
 */
class DynaliteFeaturesTest {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";

    private final DynamoDbClient client = Dynalite.client();

    @Test
    void createTable_acceptsEveryFeature_butKeepsOnlyKeysBillingAndIndexes() throws Exception {
        String table = Dynalite.uniqueTableName("features");
        client.createTable(r -> r.tableName(table)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(
                        a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(i -> i.indexName("byG")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .onDemandThroughput(t -> t.maxReadRequestUnits(10L).maxWriteRequestUnits(10L))
                        .warmThroughput(t -> t.readUnitsPerSecond(13000L).writeUnitsPerSecond(5000L)))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS))
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .deletionProtectionEnabled(true)
                .tags(t -> t.key("team").value("core"))
                .onDemandThroughput(t -> t.maxReadRequestUnits(100L).maxWriteRequestUnits(100L))
                .warmThroughput(t -> t.readUnitsPerSecond(13000L).writeUnitsPerSecond(5000L))
                .resourcePolicy(POLICY));

        TableDescription described = awaitActive(table);
        assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(described.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byG");
            assertThat(index.onDemandThroughput()).as("GSI OnDemandThroughput").isNull();
            assertThat(index.warmThroughput()).as("GSI WarmThroughput").isNull();
        });
        assertThat(described.streamSpecification()).as("StreamSpecification").isNull();
        assertThat(described.latestStreamArn()).as("LatestStreamArn").isNull();
        assertThat(described.sseDescription()).as("SSEDescription").isNull();
        assertThat(described.tableClassSummary()).as("TableClassSummary").isNull();
        assertThat(described.deletionProtectionEnabled())
                .as("DeletionProtectionEnabled")
                .isNull();
        assertThat(described.onDemandThroughput()).as("OnDemandThroughput").isNull();
        assertThat(described.warmThroughput()).as("WarmThroughput").isNull();
        assertThat(described.itemCount()).isZero();
        assertThat(client.listTagsOfResource(r -> r.resourceArn(described.tableArn()))
                        .tags())
                .as("tags given to CreateTable")
                .isEmpty();

        client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("one"))));
        assertThat(client.describeTable(r -> r.tableName(table)).table().itemCount())
                .as("ItemCount is never updated")
                .isZero();
        client.deleteTable(r -> r.tableName(table));
        awaitGone(table);
    }

    @Test
    void globalIndexKeyOfMoreThanTwoAttributes_isRefusedAtCreateTable() {
        assertThatThrownBy(() -> client.createTable(r -> r.tableName(Dynalite.uniqueTableName("multi_key"))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .attributeDefinitions(
                                a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("a").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("b").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("c").attributeType(ScalarAttributeType.S))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .globalSecondaryIndexes(i -> i.indexName("byAbc")
                                .keySchema(
                                        k -> k.attributeName("a").keyType(KeyType.HASH),
                                        k -> k.attributeName("b").keyType(KeyType.HASH),
                                        k -> k.attributeName("c").keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .endsWith("at 'globalSecondaryIndexes.1.member.keySchema' failed to satisfy constraint:"
                                    + " Member must have length less than or equal to 2");
                });
    }

    @Test
    void updateTable_withOnlyAFeatureDynaliteDoesNotKnow_isAValidationError() {
        String table = activeTable("update_features");
        String required = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
                + " GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required";
        for (Consumer<UpdateTableRequest.Builder> change : List.<Consumer<UpdateTableRequest.Builder>>of(
                r -> r.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)),
                r -> r.sseSpecification(s -> s.enabled(true)),
                r -> r.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS),
                r -> r.deletionProtectionEnabled(true),
                r -> r.onDemandThroughput(t -> t.maxReadRequestUnits(10L)),
                r -> r.warmThroughput(t -> t.readUnitsPerSecond(13000L)))) {
            assertThatThrownBy(() -> client.updateTable(r -> change.accept(r.tableName(table))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(required);
                    });
        }
    }

    @Test
    void describeTimeToLive_alwaysSaysDisabled() {
        String table = activeTable("ttl");

        var description = client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();

        assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
        assertThat(description.attributeName()).isNull();
    }

    @Test
    void tags_areKeptByTagResource_andRemovedByUntagResource() {
        String table = activeTable("tags");
        String arn = client.describeTable(r -> r.tableName(table)).table().tableArn();
        assertThat(arn).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + table);

        client.tagResource(r -> r.resourceArn(arn)
                .tags(t -> t.key("team").value("core"), t -> t.key("env").value("dev")));
        assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags())
                .extracting(t -> t.key() + "=" + t.value())
                .containsExactlyInAnyOrder("team=core", "env=dev");
        client.untagResource(r -> r.resourceArn(arn).tagKeys("env"));
        assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags())
                .extracting(t -> t.key() + "=" + t.value())
                .containsExactly("team=core");
    }

    @Test
    void companionOperationsDynaliteLacks_areUnknownOperations() {
        String table = activeTable("missing_ops");
        String arn = client.describeTable(r -> r.tableName(table)).table().tableArn();

        assertUnknown(() -> client.updateTimeToLive(r ->
                r.tableName(table).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires"))));
        assertUnknown(() -> client.describeContinuousBackups(r -> r.tableName(table)));
        assertUnknown(() -> client.updateContinuousBackups(
                r -> r.tableName(table).pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))));
        assertUnknown(() -> client.describeContributorInsights(r -> r.tableName(table)));
        assertUnknown(() -> client.updateContributorInsights(
                r -> r.tableName(table).contributorInsightsAction(ContributorInsightsAction.ENABLE)));
        assertUnknown(() -> client.getResourcePolicy(r -> r.resourceArn(arn)));
        assertUnknown(() -> client.putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY)));
    }

    private static void assertUnknown(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
        });
    }

    private String activeTable(String prefix) {
        String table = Dynalite.uniqueTableName(prefix);
        client.createTable(r -> r.tableName(table)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        awaitActive(table);
        return table;
    }

    private TableDescription awaitActive(String table) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            TableDescription description =
                    client.describeTable(r -> r.tableName(table)).table();
            if (description.tableStatus() == TableStatus.ACTIVE) {
                return description;
            }
            assertThat(System.nanoTime()).as("%s ACTIVE within 30 s", table).isLessThan(deadline);
            sleep();
        }
    }

    private void awaitGone(String table) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                client.describeTable(r -> r.tableName(table));
            } catch (ResourceNotFoundException e) {
                return;
            }
            assertThat(System.nanoTime()).as("%s gone within 30 s", table).isLessThan(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
