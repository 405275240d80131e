package dev.dynaseed.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.testing.Dynalite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Online global secondary index create and delete (UpdateTable), which dynaseed's launcher adds to dynalite: tested
 * through the SDK against the real engine, on a seeded table.
 */
class OnlineIndexTest {
    private static final int ITEMS = 500;
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** An engine whose UpdateTable changes stay in progress long enough for a test to see them in progress. */
    private static LocalEngine slowEngine;

    private static DynamoDbClient slowClient;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startSlowEngine() {
        slowEngine = LocalEngine.start(
                EngineConfig.inMemory(Dynalite.projectHome(), 0).withUpdateTime(Duration.ofMinutes(2)));
        slowClient = DynamoDbClients.create(slowEngine.target());
    }

    @AfterAll
    static void stopSlowEngine() {
        slowClient.close();
        slowEngine.close();
    }

    @Test
    void gsiAddedToSeededTable_holdsExactlyTheItemsWithItsKeys_andKeepsUpWithLaterWrites() {
        DynamoDbClient client = Dynalite.client();
        String table = seededTable(client, "online_add");

        UpdateTableResponse response = client.updateTable(r -> r.tableName(table)
                .attributeDefinitions(
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("n").attributeType(ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(createByG("byG")));

        GlobalSecondaryIndexDescription created =
                response.tableDescription().globalSecondaryIndexes().get(0);
        assertThat(created.indexName()).isEqualTo("byG");
        assertThat(created.indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(created.backfilling()).isTrue();
        assertThat(created.indexArn()).endsWith(":table/" + table + "/index/byG");
        TableDescription active = awaitIdle(client, table);
        assertThat(active.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(index.backfilling()).isNull();
            assertThat(index.keySchema())
                    .extracting(k -> k.attributeName() + " " + k.keyType())
                    .containsExactly("g HASH", "n RANGE");
            assertThat(index.projection().projectionTypeAsString()).isEqualTo("INCLUDE");
        });
        assertThat(active.attributeDefinitions())
                .extracting(a -> a.attributeName() + " " + a.attributeTypeAsString())
                .containsExactlyInAnyOrder("id S", "g S", "n N");

        Set<String> expected = expectedInIndex();
        assertThat(expected).hasSizeBetween(300, ITEMS - 1);
        Set<String> queried = new TreeSet<>();
        for (int group = 0; group < 7; group++) {
            String g = "g" + group;
            client.queryPaginator(r -> r.tableName(table)
                            .indexName("byG")
                            .keyConditionExpression("g = :g")
                            .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(g)))
                            .limit(40))
                    .items()
                    .forEach(item -> {
                        assertThat(item).containsOnlyKeys("id", "g", "n", "label");
                        assertThat(queried.add(item.get("id").s())).isTrue();
                    });
        }
        assertThat(queried).isEqualTo(expected);
        List<Map<String, AttributeValue>> scanned = new ArrayList<>();
        client.scanPaginator(r -> r.tableName(table).indexName("byG").limit(64))
                .items()
                .forEach(scanned::add);
        assertThat(scanned.stream()
                        .map(item -> item.get("id").s())
                        .collect(Collectors.<String, Set<String>>toCollection(TreeSet::new)))
                .isEqualTo(expected);
        assertThat(scanned).hasSize(expected.size());
        assertThat(client.query(r -> r.tableName(table)
                                .indexName("byG")
                                .keyConditionExpression("g = :g and n between :low and :high")
                                .expressionAttributeValues(Map.of(
                                        ":g", AttributeValue.fromS("g3"),
                                        ":low", AttributeValue.fromN("100"),
                                        ":high", AttributeValue.fromN("199"))))
                        .items())
                .extracting(item -> item.get("id").s())
                .containsExactlyInAnyOrderElementsOf(expected.stream()
                        .filter(id -> number(id) % 7 == 3 && number(id) >= 100 && number(id) <= 199)
                        .collect(Collectors.toList()));

        client.putItem(r -> r.tableName(table).item(item(1000, "g3", 5000)));
        client.deleteItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id(3)))));
        assertThat(client.query(r -> r.tableName(table)
                                .indexName("byG")
                                .keyConditionExpression("g = :g and n = :n")
                                .expressionAttributeValues(
                                        Map.of(":g", AttributeValue.fromS("g3"), ":n", AttributeValue.fromN("5000"))))
                        .items())
                .extracting(item -> item.get("id").s())
                .containsExactly(id(1000));
        assertThat(client.scan(r -> r.tableName(table).indexName("byG")).count())
                .isEqualTo(expected.size() + 1 - (expected.contains(id(3)) ? 1 : 0));
    }

    @Test
    void gsiDeleted_isGoneFromDescribeTable_withItsAttributeDefinition_andCanBeCreatedAgainFromTheItems() {
        DynamoDbClient client = Dynalite.client();
        String table = seededTable(client, "online_delete");
        client.updateTable(r -> r.tableName(table)
                .attributeDefinitions(
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("n").attributeType(ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(createByG("byG")));
        awaitIdle(client, table);

        UpdateTableResponse response = client.updateTable(
                r -> r.tableName(table).globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byG"))));

        assertThat(response.tableDescription().globalSecondaryIndexes())
                .singleElement()
                .satisfies(index -> assertThat(index.indexStatus()).isEqualTo(IndexStatus.DELETING));
        TableDescription after = awaitIdle(client, table);
        assertThat(after.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(after.attributeDefinitions())
                .extracting(a -> a.attributeName())
                .containsExactly("id");
        assertThatThrownBy(() -> client.query(r -> r.tableName(table)
                        .indexName("byG")
                        .keyConditionExpression("g = :g")
                        .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("g1")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The table does not have the specified index: byG");

        client.deleteItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id(1)))));
        client.updateTable(r -> r.tableName(table)
                .attributeDefinitions(
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("n").attributeType(ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(createByG("byG")));
        awaitIdle(client, table);
        Set<String> expected = expectedInIndex();
        expected.remove(id(1));
        assertThat(client.scan(r -> r.tableName(table).indexName("byG")).items().stream()
                        .map(item -> item.get("id").s())
                        .collect(Collectors.<String, Set<String>>toCollection(TreeSet::new)))
                .isEqualTo(expected);
    }

    @Test
    void gsiAddedOnAProvisionedTable_keepsItsThroughput() {
        DynamoDbClient client = Dynalite.client();
        String table = Dynalite.uniqueTableName("online_provisioned");
        client.createTable(r -> r.tableName(table)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));
        awaitIdle(client, table);

        client.updateTable(r -> r.tableName(table)
                .attributeDefinitions(a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .provisionedThroughput(t -> t.readCapacityUnits(3L).writeCapacityUnits(2L)))));

        assertThat(awaitIdle(client, table).globalSecondaryIndexes())
                .singleElement()
                .satisfies(index -> {
                    assertThat(index.provisionedThroughput().readCapacityUnits())
                            .isEqualTo(3L);
                    assertThat(index.provisionedThroughput().writeCapacityUnits())
                            .isEqualTo(2L);
                });
        assertThatThrownBy(() -> client.updateTable(r -> r.tableName(table)
                        .attributeDefinitions(a -> a.attributeName("h").attributeType(ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byH")
                                .keySchema(k -> k.attributeName("h").keyType(KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.ALL))))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Both ReadCapacityUnits and"
                        + " WriteCapacityUnits must be specified for index: byH");
    }

    @Test
    void gsiAddedOnDisk_survivesAnEngineRestart() {
        EngineConfig config = EngineConfig.onDisk(Dynalite.projectHome(), dataDir, Dynalite.freePort());
        String table = "kept_index";
        try (LocalEngine engine = LocalEngine.start(config);
                DynamoDbClient client = DynamoDbClients.create(engine.target())) {
            seed(client, table);
            client.updateTable(r -> r.tableName(table)
                    .attributeDefinitions(
                            a -> a.attributeName("g").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("n").attributeType(ScalarAttributeType.N))
                    .globalSecondaryIndexUpdates(createByG("byG")));
            awaitIdle(client, table);
        }

        try (LocalEngine engine = LocalEngine.start(config);
                DynamoDbClient client = DynamoDbClients.create(engine.target())) {
            assertThat(engine.started()).isTrue();
            assertThat(client.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes())
                    .extracting(
                            GlobalSecondaryIndexDescription::indexName, GlobalSecondaryIndexDescription::indexStatus)
                    .containsExactly(tuple("byG", IndexStatus.ACTIVE));
            Set<String> ids = new TreeSet<>();
            client.scanPaginator(r -> r.tableName(table).indexName("byG"))
                    .items()
                    .forEach(item -> ids.add(item.get("id").s()));
            assertThat(ids).isEqualTo(expectedInIndex());
        }
    }

    @Test
    void indexChangesInterruptedByAStop_areCompletedWhenTheEngineStartsAgain() {
        EngineConfig slow = EngineConfig.onDisk(Dynalite.projectHome(), dataDir, Dynalite.freePort())
                .withUpdateTime(Duration.ofMinutes(2));
        try (LocalEngine engine = LocalEngine.start(slow);
                DynamoDbClient client = DynamoDbClients.create(engine.target())) {
            seed(client, "interrupted");
            client.createTable(r -> r.tableName("dropped")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(
                            a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .globalSecondaryIndexes(i -> i.indexName("byG")
                            .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.ALL))));
            awaitIdle(client, "dropped");
            client.updateTable(r -> r.tableName("interrupted")
                    .attributeDefinitions(
                            a -> a.attributeName("g").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("n").attributeType(ScalarAttributeType.N))
                    .globalSecondaryIndexUpdates(createByG("byG")));
            client.updateTable(
                    r -> r.tableName("dropped").globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byG"))));
            assertThat(client.describeTable(r -> r.tableName("interrupted"))
                            .table()
                            .globalSecondaryIndexes())
                    .extracting(GlobalSecondaryIndexDescription::indexStatus)
                    .containsExactly(IndexStatus.CREATING);
        }

        EngineConfig config = EngineConfig.onDisk(Dynalite.projectHome(), dataDir, Dynalite.freePort());
        try (LocalEngine engine = LocalEngine.start(config);
                DynamoDbClient client = DynamoDbClients.create(engine.target())) {
            assertThat(awaitIdle(client, "interrupted").globalSecondaryIndexes())
                    .extracting(
                            GlobalSecondaryIndexDescription::indexName, GlobalSecondaryIndexDescription::indexStatus)
                    .containsExactly(tuple("byG", IndexStatus.ACTIVE));
            assertThat(client.scan(r -> r.tableName("interrupted").indexName("byG"))
                            .count())
                    .isEqualTo(expectedInIndex().size());
            assertThat(awaitIdle(client, "dropped").hasGlobalSecondaryIndexes()).isFalse();
        }
    }

    @Test
    void twoIndexChangesInOneCall_areRefusedLikeDynamoDb_andChangeNothing() {
        DynamoDbClient client = Dynalite.client();
        String table = emptyTable(client, "online_two");

        assertThatThrownBy(() -> client.updateTable(r -> r.tableName(table)
                        .attributeDefinitions(
                                a -> a.attributeName("g").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("h").attributeType(ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(createOn("byG", "g"), createOn("byH", "h"))))
                .isInstanceOfSatisfying(
                        LimitExceededException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Subscriber limit exceeded: Only 1 online index can be created or deleted"
                                        + " simultaneously per table"));
        assertThat(client.describeTable(r -> r.tableName(table)).table().hasGlobalSecondaryIndexes())
                .isFalse();
    }

    @Test
    void indexWithATakenName_isAValidationError() {
        DynamoDbClient client = Dynalite.client();
        String table = emptyTable(client, "online_duplicate");
        client.updateTable(r -> r.tableName(table)
                .attributeDefinitions(a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(createOn("byG", "g")));
        awaitIdle(client, table);

        assertThatThrownBy(() -> client.updateTable(r -> r.tableName(table)
                        .attributeDefinitions(a -> a.attributeName("h").attributeType(ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(createOn("byG", "h"))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("One or more parameter values were invalid: Duplicate index name: byG");
                });
    }

    @Test
    void deletingAnIndexTheTableDoesNotHave_isResourceNotFound() {
        DynamoDbClient client = Dynalite.client();
        String table = emptyTable(client, "online_unknown");

        assertThatThrownBy(() -> client.updateTable(
                        r -> r.tableName(table).globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("nope")))))
                .isInstanceOfSatisfying(
                        ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Requested resource not found: Index nope for table " + table));
    }

    @Test
    void indexKeyWithoutAttributeDefinition_isAValidationErrorNamingIt() {
        DynamoDbClient client = Dynalite.client();
        String table = emptyTable(client, "online_undefined");

        assertThatThrownBy(() ->
                        client.updateTable(r -> r.tableName(table).globalSecondaryIndexUpdates(createOn("byG", "g"))))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("AttributeDefinitions is not specified for index: byG"));
        assertThatThrownBy(() -> client.updateTable(r -> r.tableName(table)
                        .attributeDefinitions(a -> a.attributeName("h").attributeType(ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(createOn("byG", "g"))))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "One or more parameter values were invalid: Some index key attributes are not"
                                                + " defined in AttributeDefinitions. Keys: [g], AttributeDefinitions: [h]"));
        assertThatThrownBy(() -> client.updateTable(r -> r.tableName(table)
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.N))
                        .globalSecondaryIndexUpdates(createOn("byId", "id"))))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .startsWith(
                                        "One or more parameter values were invalid: AttributeDefinitions gives id the"
                                                + " types S and N"));
        assertThat(client.describeTable(r -> r.tableName(table)).table().hasGlobalSecondaryIndexes())
                .isFalse();
    }

    @Test
    void whileAnIndexIsCreating_anotherIndexChangeIsRefused_andSoAreTableChanges() {
        String table = emptyTable(slowClient, "online_busy");
        UpdateTableResponse first = slowClient.updateTable(r -> r.tableName(table)
                .attributeDefinitions(a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(createOn("byG", "g")));
        assertThat(first.tableDescription().tableStatus()).isEqualTo(TableStatus.UPDATING);

        assertThatThrownBy(() -> slowClient.updateTable(r -> r.tableName(table)
                        .attributeDefinitions(a -> a.attributeName("h").attributeType(ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(createOn("byH", "h"))))
                .isInstanceOfSatisfying(
                        LimitExceededException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Subscriber limit exceeded: Only 1 online index can be created or deleted"
                                        + " simultaneously per table"));
        assertThatThrownBy(() -> slowClient.updateTable(
                        r -> r.tableName(table).globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byG")))))
                .isInstanceOfSatisfying(
                        ResourceInUseException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Attempt to change a resource which is still in use: Index is being created."
                                        + " Table: " + table + " Index: byG"));
        assertThatThrownBy(() -> slowClient.updateTable(r -> r.tableName(table)
                        .billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))))
                .isInstanceOf(ResourceInUseException.class);
        assertThatThrownBy(() -> slowClient.deleteTable(r -> r.tableName(table)))
                .isInstanceOfSatisfying(
                        ResourceInUseException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "Attempt to change a resource which is still in use: Cannot delete table while"
                                                + " indexes are being created, updated, or deleted."));
        assertThat(slowClient.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes())
                .extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactly("byG");
    }

    @Test
    void whileTheTableIsUpdating_anIndexChangeIsResourceInUse() {
        String table = emptyTable(slowClient, "online_updating");
        slowClient.updateTable(r -> r.tableName(table)
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)));

        assertThatThrownBy(() -> slowClient.updateTable(r -> r.tableName(table)
                        .attributeDefinitions(a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG")
                                .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.ALL))
                                .provisionedThroughput(
                                        t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))))))
                .isInstanceOfSatisfying(
                        ResourceInUseException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "Attempt to change a resource which is still in use: Table is being updated: "
                                                + table));
    }

    private static GlobalSecondaryIndexUpdate createByG(String name) {
        return GlobalSecondaryIndexUpdate.builder()
                .create(c -> c.indexName(name)
                        .keySchema(
                                k -> k.attributeName("g").keyType(KeyType.HASH),
                                k -> k.attributeName("n").keyType(KeyType.RANGE))
                        .projection(
                                p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("label")))
                .build();
    }

    private static GlobalSecondaryIndexUpdate createOn(String name, String attribute) {
        return GlobalSecondaryIndexUpdate.builder()
                .create(c -> c.indexName(name)
                        .keySchema(k -> k.attributeName(attribute).keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .build();
    }

    private static String emptyTable(DynamoDbClient client, String prefix) {
        String table = Dynalite.uniqueTableName(prefix);
        client.createTable(r -> r.tableName(table)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        awaitIdle(client, table);
        return table;
    }

    private static String seededTable(DynamoDbClient client, String prefix) {
        String table = Dynalite.uniqueTableName(prefix);
        seed(client, table);
        return table;
    }

    /**
     * A table of {@value #ITEMS} items: every fourth has no {@code g} (sparse), every tenth from the fifth has no
     * {@code n}, item 7 has {@code g} as a number (another type than the index's), the rest have both.
     */
    private static void seed(DynamoDbClient client, String table) {
        client.createTable(r -> r.tableName(table)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        awaitIdle(client, table);
        List<WriteRequest> writes = IntStream.range(0, ITEMS)
                .mapToObj(i -> WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(seedItem(i)).build())
                        .build())
                .collect(Collectors.toList());
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
            Map<String, List<WriteRequest>> unprocessed = Map.of(table, batch);
            for (int attempt = 0; !unprocessed.isEmpty(); attempt++) {
                assertThat(attempt).as("batch write attempts").isLessThan(20);
                Map<String, List<WriteRequest>> request = unprocessed;
                unprocessed =
                        client.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
            }
        }
    }

    private static Map<String, AttributeValue> seedItem(int i) {
        Map<String, AttributeValue> item = new HashMap<>(item(i, "g" + (i % 7), i));
        if (i % 4 == 0) {
            item.remove("g");
        }
        if (i % 10 == 5) {
            item.remove("n");
        }
        if (i == 7) {
            item.put("g", AttributeValue.fromN("7"));
        }
        return item;
    }

    private static Map<String, AttributeValue> item(int i, String g, int n) {
        return Map.of(
                "id", AttributeValue.fromS(id(i)),
                "g", AttributeValue.fromS(g),
                "n", AttributeValue.fromN(Integer.toString(n)),
                "label", AttributeValue.fromS("item " + i),
                "other", AttributeValue.fromS("not projected"));
    }

    /** The ids of the seeded items that have both index keys with the index's types. */
    private static Set<String> expectedInIndex() {
        return IntStream.range(0, ITEMS)
                .filter(i -> i % 4 != 0 && i % 10 != 5 && i != 7)
                .mapToObj(OnlineIndexTest::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String id(int i) {
        return String.format("item-%04d", i);
    }

    private static int number(String id) {
        return Integer.parseInt(id.substring("item-".length()));
    }

    /** Waits, within a generous bound, until the table and every index of it are ACTIVE. */
    private static TableDescription awaitIdle(DynamoDbClient client, String table) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            TableDescription description =
                    client.describeTable(r -> r.tableName(table)).table();
            boolean idle = description.tableStatus() == TableStatus.ACTIVE
                    && description.globalSecondaryIndexes().stream()
                            .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
            if (idle) {
                return description;
            }
            assertThat(System.nanoTime()).as("%s idle within %s", table, WAIT).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + table, e);
            }
        }
    }
}
