package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.FaultProxy;
import dev.dynaseed.testing.Specs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the function does once per container: read its configuration at init, and prime before a snapshot. */
class SeedHandlerInitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream logBuffer = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBuffer, true, StandardCharsets.UTF_8);

    private static JsonNode invoke(SeedHandler handler, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                out,
                new TestContext(Duration.ofSeconds(45)));
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void init_failsWithEveryProblem_whenDynaseedSpecIsInvalid_insteadOfEachInvocationAnswering400() {
        Map<String, String> environment = Map.of(
                "DYNASEED_ENDPOINT_URL",
                Dynalite.target().endpoint().toString(),
                "DYNASEED_SPEC",
                "{\"tables\": [{\"name\": \"x\", \"partitionKey\": {\"name\": \"id\", \"type\": \"INT\"}}]}");

        assertThatThrownBy(() -> new SeedHandler(environment, log))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("The function cannot start: DYNASEED_SPEC (the template's Spec parameter) is"
                        + " invalid; nothing was changed.")
                .hasMessageContaining("The spec DYNASEED_SPEC has 2 problems:")
                .hasMessageContaining("tables[0].partitionKey.type")
                .hasMessageContaining("tables[0].name");
    }

    @Test
    void beforeCheckpoint_primesTheInvocationsCode_sendingNothing() {
        try (FaultProxy proxy = FaultProxy.inFrontOfDynalite(
                        Set.of("DescribeTable", "CreateTable", "BatchWriteItem", "PutItem", "Scan", "ListTables"),
                        n -> Optional.empty());
                DynamoDbClient client = DynamoDbClients.create(new Target.Local(proxy.port()))) {
            SeedHandler handler = new SeedHandler(client, "test", Optional.empty(), log);

            handler.beforeCheckpoint(null);
            handler.afterRestore(null);

            assertThat(proxy.seen()).isZero();
            assertThat(logBuffer.toString(StandardCharsets.UTF_8)).contains("\"phase\":\"prime\"");
        }
    }

    @Test
    void primedHandler_drawsNewIdsInEveryInvocation_asContainersRestoredFromOneSnapshotMust() throws IOException {
        String table = Dynalite.uniqueTableName("snapshot");
        String spec = "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                + "    sortKey: {name: other, type: S}\n"
                + "    seed: {count: 50, attributes: {id: uuid1, other: uuid4}}\n";
        SeedHandler handler = new SeedHandler(Dynalite.client(), "test", Optional.of(spec), log);
        handler.beforeCheckpoint(null);

        // Each invocation is what a container restored from the one snapshot runs first.
        JsonNode first = invoke(handler, "{}");
        JsonNode second = invoke(handler, "{}");

        assertThat(first.get("statusCode").asInt()).isEqualTo(200);
        assertThat(second.get("statusCode").asInt()).isEqualTo(200);
        assertThat(Specs.count(Dynalite.client(), table))
                .as("no item of the second invocation overwrote one of the first")
                .isEqualTo(100);
    }
}
