package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.Specs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The function replaces a table only when the event says {@code "allowReplace": true}. */
class SeedHandlerReplaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient client = Dynalite.client();
    private final ByteArrayOutputStream logBuffer = new ByteArrayOutputStream();
    private final SeedHandler handler =
            new SeedHandler(client, "test", Optional.empty(), new PrintStream(logBuffer, true, StandardCharsets.UTF_8));

    private JsonNode invoke(String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                out,
                new TestContext(Duration.ofSeconds(60)));
        return JSON.readTree(out.toByteArray());
    }

    private static String event(String table, String allowReplace) {
        return "{" + allowReplace + "\"spec\": {\"tables\": [{\"name\": \"" + table + "\", \"partitionKey\":"
                + " {\"name\": \"id\", \"type\": \"S\"}, \"seed\": {\"count\": 3, \"attributes\": {\"id\":"
                + " \"uuid4\"}}}]}}";
    }

    /** A table keyed on {@code pk} (N) holding two items, where the spec wants {@code id} (S): a replacement. */
    private String tableWithAnotherKey() throws InterruptedException {
        String name = Dynalite.uniqueTableName("lambdareplace");
        client.createTable(r -> r.tableName(name)
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("N"))
                .billingMode("PAY_PER_REQUEST"));
        for (int i = 0;
                i < 50
                        && !"ACTIVE"
                                .equals(client.describeTable(r -> r.tableName(name))
                                        .table()
                                        .tableStatusAsString());
                i++) {
            Thread.sleep(20);
        }
        for (String pk : new String[] {"1", "2"}) {
            client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromN(pk))));
        }
        return name;
    }

    @Test
    void allowReplaceThatIsNotABoolean_isA400NamingIt_andNothingIsChanged() throws IOException {
        String name = Dynalite.uniqueTableName("badallow");

        JsonNode response = invoke(event(name, "\"allowReplace\": \"yes\", "));

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(response.get("body").asText()).toString())
                .isEqualTo("{\"error\":\"The event is invalid; nothing was changed.\",\"problems\":[{\"path\":"
                        + "\"allowReplace\",\"message\":\"expected true or false, got string; send e.g."
                        + " {\\\"allowReplace\\\": true} to let apply replace tables that need it (their items are"
                        + " lost)\"}]}");
        assertThat(client.listTablesPaginator().tableNames().stream().toList()).doesNotContain(name);
    }

    @Test
    void aTableThatNeedsReplacing_isLeftAloneWithoutAllowReplace_andReplacedWithIt() throws Exception {
        String name = tableWithAnotherKey();

        JsonNode refused = invoke(event(name, ""));

        assertThat(refused.get("statusCode").asInt()).isEqualTo(500);
        JsonNode refusedTable =
                JSON.readTree(refused.get("body").asText()).get("tables").get(0);
        assertThat(refusedTable.get("outcome").asText()).isEqualTo("ReplacementRefused");
        assertThat(refusedTable.get("oldItems").asLong()).isEqualTo(2);
        assertThat(refusedTable.get("advice").asText())
                .isEqualTo("invoke again with \"allowReplace\": true in the event; the table's 2 items are lost");
        assertThat(Specs.count(client, name)).isEqualTo(2);

        JsonNode replaced = invoke(event(name, "\"allowReplace\": true, "));

        assertThat(replaced.get("statusCode").asInt()).isEqualTo(200);
        JsonNode body = JSON.readTree(replaced.get("body").asText());
        assertThat(body.get("create").toString()).isEqualTo("[[{\"" + name + "\":\"Create successful.\"}]]");
        assertThat(body.get("tables").get(0).get("outcome").asText()).isEqualTo("Replaced");
        assertThat(body.get("tables").get(0).get("oldItems").asLong()).isEqualTo(2);
        assertThat(client.describeTable(r -> r.tableName(name))
                        .table()
                        .keySchema()
                        .get(0)
                        .attributeName())
                .isEqualTo("id");
        assertThat(Specs.count(client, name)).isEqualTo(3);
    }
}
