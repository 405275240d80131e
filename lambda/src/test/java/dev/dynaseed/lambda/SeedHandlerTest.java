package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.Specs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeedHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream logBuffer = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBuffer, true, StandardCharsets.UTF_8);

    private SeedHandler handler(Optional<String> spec) {
        return new SeedHandler(Dynalite.client(), "test", spec, log);
    }

    private static JsonNode invoke(SeedHandler handler, String event, Duration timeout) throws IOException {
        return invoke(handler, event, new TestContext(timeout));
    }

    private static JsonNode invoke(SeedHandler handler, String event, TestContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
        return JSON.readTree(out.toByteArray());
    }

    private static JsonNode body(JsonNode response) throws IOException {
        assertThat(response.get("body").isTextual())
                .as("body is a JSON string, as the seed's json.dumps")
                .isTrue();
        return JSON.readTree(response.get("body").asText());
    }

    private String inlineSpec(String table, int count) {
        return "{\"spec\": {\"tables\": [{\"name\": \"" + table + "\", \"partitionKey\": {\"name\": \"id\", \"type\":"
                + " \"S\"}, \"seed\": {\"count\": " + count + ", \"attributes\": {\"id\": \"uuid4\", \"n\":"
                + " {\"generator\": \"intRange\", \"min\": 1, \"max\": 9}}}}]}}";
    }

    @Test
    void seedTestEvent_returnsTheSeedsResponse_andCreatesTheSeedsTables() throws IOException {
        String event = Files.readString(Path.of("events", "seed-test-event.json"));
        // Another test of this JVM's engine (a mutated event that is the seed's own) may have made them already.
        for (String table : List.of("webapp_user_logs", "mobile_user_logs", "utilityapp_user_logs")) {
            if (Dynalite.client().listTablesPaginator().tableNames().stream()
                    .toList()
                    .contains(table)) {
                Dynalite.client().deleteTable(r -> r.tableName(table));
                Dynalite.client().waiter().waitUntilTableNotExists(r -> r.tableName(table));
            }
        }

        JsonNode response = invoke(handler(Optional.empty()), event, Duration.ofSeconds(45));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.size()).isEqualTo(2);
        JsonNode body = body(response);
        assertThat(body.get("create").toString())
                .isEqualTo("[[{\"webapp_user_logs\":\"Create successful.\"},{\"mobile_user_logs\":\"Create"
                        + " successful.\"},{\"utilityapp_user_logs\":\"Create successful.\"}]]");
        assertThat(body.get("insert").toString())
                .isEqualTo("["
                        + String.join(
                                ",",
                                List.of(
                                        "{\"webapp_user_logs\":\"Insert successful.\"}",
                                        "{\"webapp_user_logs\":\"Insert successful.\"}",
                                        "{\"webapp_user_logs\":\"Insert successful.\"}",
                                        "{\"mobile_user_logs\":\"Insert successful.\"}",
                                        "{\"mobile_user_logs\":\"Insert successful.\"}",
                                        "{\"mobile_user_logs\":\"Insert successful.\"}",
                                        "{\"utilityapp_user_logs\":\"Insert successful.\"}",
                                        "{\"utilityapp_user_logs\":\"Insert successful.\"}",
                                        "{\"utilityapp_user_logs\":\"Insert successful.\"}"))
                        + "]");
        for (String table : DefaultSpec.TABLE_NAMES) {
            var description =
                    Dynalite.client().describeTable(r -> r.tableName(table)).table();
            assertThat(description.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
            assertThat(Specs.count(Dynalite.client(), table)).isEqualTo(3);
        }
        List<String> lines = logBuffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines)
                .allSatisfy(line ->
                        assertThat(JSON.readTree(line).get("level").asText()).isEqualTo("INFO"));
        assertThat(lines.stream().map(line -> readPhase(line)).toList()).containsExactly("spec", "plan", "apply");
    }

    private static String readPhase(String line) {
        try {
            return JSON.readTree(line).get("phase").asText();
        } catch (IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    @Test
    void inlineSpec_isHonoured() throws IOException {
        String table = Dynalite.uniqueTableName("inline");

        JsonNode response = invoke(handler(Optional.empty()), inlineSpec(table, 40), Duration.ofSeconds(45));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(response).get("create").toString()).isEqualTo("[[{\"" + table + "\":\"Create successful.\"}]]");
        assertThat(Specs.count(Dynalite.client(), table)).isEqualTo(40);
    }

    @Test
    void configuredSpec_isUsedWhenTheEventHasNone() throws IOException {
        String table = Dynalite.uniqueTableName("configured");
        String yaml = "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: N}\n"
                + "    seed: {count: 7, attributes: {id: sequence}}\n";

        JsonNode response = invoke(handler(Optional.of(yaml)), "{}", Duration.ofSeconds(45));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(Specs.count(Dynalite.client(), table)).isEqualTo(7);
    }

    @Test
    void invalidSpec_gives400WithEveryProblem_andTouchesNoTable() throws IOException {
        String event = "{\"spec\": {\"tables\": [{\"name\": \"x\", \"partitionKey\": {\"name\": \"id\", \"type\":"
                + " \"INT\"}}, {\"name\": \"valid_name_but_bad_seed\", \"partitionKey\": {\"name\": \"id\", \"type\":"
                + " \"S\"}, \"seed\": {\"count\": 1, \"attributes\": {}}}]}}";
        List<String> before =
                Dynalite.client().listTablesPaginator().tableNames().stream().toList();

        JsonNode response = invoke(handler(Optional.empty()), event, Duration.ofSeconds(45));

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(response).toString())
                .isEqualTo("{\"error\":\"The spec event.spec is invalid; nothing was changed.\",\"problems\":["
                        + "{\"path\":\"tables[0].partitionKey.type\",\"message\":\"'INT' is not a DynamoDB key type;"
                        + " use S, N or B\"},"
                        + "{\"path\":\"tables[0].name\",\"message\":\"'x' is not a valid DynamoDB table name; use 3 to"
                        + " 255 characters of a-z, A-Z, 0-9, '_', '-' and '.', e.g. web_user_logs\"},"
                        + "{\"path\":\"tables[1].seed.attributes.id\",\"message\":\"missing; the partition key 'id'"
                        + " needs a generator of type S, e.g. id: uuid4\"}]}");
        assertThat(Dynalite.client().listTablesPaginator().tableNames().stream().toList())
                .isEqualTo(before);
    }

    @Test
    void eventThatIsNotJson_gives400() throws IOException {
        JsonNode response = invoke(handler(Optional.empty()), "not json", Duration.ofSeconds(45));

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(response).get("error").asText()).startsWith("The event is not JSON (");
    }

    @Test
    void eventWithANumberWhoseExponentNoDecimalHolds_gives400_notAnException() throws IOException {
        JsonNode response = invoke(
                handler(Optional.empty()), "{\"x\": 62109464984.533924894380973E188498398533}", Duration.ofSeconds(45));

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(response).get("error").asText())
                .startsWith("The event holds a number whose exponent is out of range (");
    }

    @Test
    void littleTimeLeft_givesAPartialReport_thatAccountsForEveryItem_andStopsAtTheDeadline() throws IOException {
        String table = Dynalite.uniqueTableName("deadline");
        // The engine is up before the invocation starts, as a warm container's client is: the deadline is the
        // context's, counted from the invocation, and the test's only clock.
        SeedHandler handler = handler(Optional.empty());
        Duration timeout = Duration.ofSeconds(8);
        TestContext context = new TestContext(timeout);

        JsonNode response = invoke(handler, inlineSpec(table, 1_000_000), context);

        // Answering inside the context's time is the function's aim, but on a starved machine its last steps
        // (abandoning requests, building the response) can outlast the 0.5 s it keeps for them. What does not
        // depend on speed: it stopped because of the deadline, accounted for every item, and answered within a
        // bound of the deadline far below the minutes that writing a million items takes.
        assertThat(context.millisPastDeadline())
                .as(
                        "ms past the context's deadline when the response came; the function's log:%n%s",
                        logBuffer.toString(StandardCharsets.UTF_8))
                .isLessThan(timeout.toMillis());
        assertThat(response.get("statusCode").asInt()).isEqualTo(500);
        JsonNode body = body(response);
        assertThat(body.get("deadlineReached").asBoolean()).isTrue();
        assertThat(body.get("status").asText()).isEqualTo("PARTIAL");
        JsonNode seed = body.get("tables").get(0).get("seed");
        long written = seed.get("written").asLong();
        long failed = seed.get("failed").asLong();
        long skipped = seed.get("skipped").asLong();
        assertThat(written).isPositive().isLessThan(1_000_000);
        assertThat(skipped).as("items not started").isPositive();
        assertThat(written + failed + skipped).isEqualTo(1_000_000);
        assertThat(seed.get("note").asText()).endsWith("items not started: stopped before the deadline");
        // Items of requests abandoned at the deadline count as failed, although DynamoDB may have written them.
        assertThat(Specs.count(Dynalite.client(), table)).isBetween(written, written + failed);
    }

    @Test
    void noTimeLeft_startsNothing() throws IOException {
        String table = Dynalite.uniqueTableName("late");

        JsonNode response = invoke(handler(Optional.empty()), inlineSpec(table, 10), Duration.ofMillis(500));

        assertThat(response.get("statusCode").asInt()).isEqualTo(500);
        assertThat(body(response).get("insert").toString()).contains("{\"" + table + "\":\"Insert skipped.\"}");
        assertThat(Dynalite.client().listTablesPaginator().tableNames().stream().toList())
                .doesNotContain(table);
    }

    @Test
    void environmentConstructor_readsTheEndpointAndSpec() throws IOException {
        String table = Dynalite.uniqueTableName("env");
        SeedHandler handler = new SeedHandler(
                Map.of(
                        "DYNASEED_ENDPOINT_URL",
                        Dynalite.target().endpoint().toString(),
                        "AWS_REGION",
                        "eu-west-1",
                        "DYNASEED_SPEC",
                        "{\"tables\": [{\"name\": \"" + table + "\", \"partitionKey\": {\"name\":"
                                + " \"id\", \"type\": \"S\"}, \"seed\": {\"count\": 2, \"attributes\": {\"id\":"
                                + " \"uuid1\"}}}]}"),
                log);

        JsonNode body = body(invoke(handler, "{}", Duration.ofSeconds(45)));

        assertThat(body.get("target").asText())
                .isEqualTo("endpoint " + Dynalite.target().endpoint());
        assertThat(Specs.count(Dynalite.client(), table)).isEqualTo(2);
    }
}
