package dev.dynaseed.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.testing.Dynalite;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class TableInspectorTest {
    private final TableInspector inspector =
            new TableInspector(Dynalite.client(), Dynalite.target().describe());

    private static String table(int items) {
        String name = Dynalite.uniqueTableName("inspected");
        DynamoDbClient client = Dynalite.client();
        client.createTable(r -> r.tableName(name)
                .keySchema(
                        k -> k.attributeName("id").keyType("HASH"),
                        k -> k.attributeName("at").keyType("RANGE"))
                .attributeDefinitions(
                        a -> a.attributeName("id").attributeType("S"),
                        a -> a.attributeName("at").attributeType("N"))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(3L)));
        // The SDK's waiter polls every 20 s; dynalite is ACTIVE after 50 ms.
        client.waiter()
                .waitUntilTableExists(
                        r -> r.tableName(name),
                        o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(50)))
                                .maxAttempts(600));
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            Map<String, AttributeValue> item = Map.of(
                    "id", AttributeValue.fromS("item-" + i),
                    "at", AttributeValue.fromN(String.valueOf(i)),
                    "tags", AttributeValue.fromSs(List.of("a")),
                    "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")));
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            if (writes.size() == 25 || i == items - 1) {
                List<WriteRequest> batch = List.copyOf(writes);
                client.batchWriteItem(r -> r.requestItems(Map.of(name, batch)));
                writes.clear();
            }
        }
        return name;
    }

    @Test
    void tables_listsStatusKeysBillingAndExactCount() {
        String name = table(60);

        TableSummary summary = inspector.tables(true).stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();

        assertThat(summary).isEqualTo(new TableSummary(name, "ACTIVE", "id (S) + at (N)", "PROVISIONED 5/3", 60, true));
    }

    @Test
    void scan_pagesUpToTheLimit_withKeyNamesAndPlainValues() {
        String name = table(40);

        ItemPage page = inspector.scan(name, 30).orElseThrow();

        assertThat(page.keyNames()).containsExactly("id", "at");
        assertThat(page.items()).hasSize(30);
        Map<String, ItemValue> first = page.items().get(0).attributes();
        assertThat(first.get("at").json().isNumber()).isTrue();
        assertThat(first.get("tags").text()).isEqualTo("[\"a\"]");
        assertThat(first.get("blob").text()).isEqualTo("\"aGk=\"");
        assertThat(first.get("id").text()).startsWith("item-");
    }

    @Test
    void scan_isEmpty_forATableThatDoesNotExist() {
        assertThat(inspector.scan("no_such_table_here", 5)).isEqualTo(Optional.empty());
    }

    @Test
    void sample_readsAtMostTheLimit() {
        String name = table(10);

        assertThat(inspector.sample(name, 3)).hasSize(3);
    }

    @Test
    void everyCall_failsWithATargetExceptionNamingTheCallAndTarget_whenNothingListens() {
        Target.Endpoint dead = new Target.Endpoint(
                URI.create("http://127.0.0.1:" + Dynalite.freePort()), Optional.empty(), Optional.empty());
        // One attempt per call: the SDK's retries of a refused connection would only make the test slow.
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(dead.endpoint())
                .region(DynamoDbClients.LOCAL_REGION)
                .credentialsProvider(DynamoDbClients.localCredentials())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build()) {
            TableInspector unreachable = new TableInspector(client, dead.describe());

            assertThatThrownBy(() -> unreachable.tables(true))
                    .isInstanceOf(TargetException.class)
                    .hasMessageStartingWith("ListTables on " + dead.describe() + " failed: ");
            assertThatThrownBy(() -> unreachable.scan("t", 5))
                    .isInstanceOf(TargetException.class)
                    .hasMessageStartingWith("DescribeTable of t on " + dead.describe() + " failed: ");
            assertThatThrownBy(() -> unreachable.sample("t", 5))
                    .isInstanceOf(TargetException.class)
                    .hasMessageStartingWith("Scan of t on " + dead.describe() + " failed: ");
        }
    }
}
