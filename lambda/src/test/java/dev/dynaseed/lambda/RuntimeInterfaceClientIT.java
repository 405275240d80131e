package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.FaultProxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The packaged artifact under the real AWS Lambda Java runtime interface client, in its own JVM. */
class RuntimeInterfaceClientIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED_TEST_EVENT = "{\"key1\":\"value1\",\"key2\":\"value2\",\"key3\":\"value3\"}";

    @Test
    void seedTestEvent_postsTheSeedShapedResponse() throws Exception {
        String endpoint = Dynalite.target().endpoint().toString();
        try (RuntimeApiServer api = new RuntimeApiServer();
                PackagedFunction function =
                        PackagedFunction.start(api.address(), Map.of("DYNASEED_ENDPOINT_URL", endpoint), List.of())) {
            String requestId = api.invoke(SEED_TEST_EVENT, Duration.ofSeconds(45));

            RuntimeApiServer.Outcome outcome = api.outcome(requestId, Duration.ofSeconds(60));

            assertThat(outcome.kind())
                    .as(outcome.body() + "\n" + function.log())
                    .isEqualTo("response");
            JsonNode response = JSON.readTree(outcome.body());
            assertThat(response.get("statusCode").asInt()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.get("body").asText());
            assertThat(body.get("create").toString())
                    .isEqualTo("[[{\"webapp_user_logs\":\"Create successful.\"},{\"mobile_user_logs\":\"Create"
                            + " successful.\"},{\"utilityapp_user_logs\":\"Create successful.\"}]]");
            assertThat(body.get("insert")).hasSize(9);
            for (String table : DefaultSpec.TABLE_NAMES) {
                assertThat(Dynalite.client().scan(r -> r.tableName(table)).items())
                        .hasSize(3);
            }
            assertThat(function.log())
                    .contains("\"phase\":\"spec\"")
                    .contains("\"phase\":\"plan\"")
                    .contains("\"phase\":\"apply\"")
                    .contains("\"requestId\":\"" + requestId + "\"");
        }
    }

    @Test
    void functionsStartingAtTheSameMoment_allLiveToAskForTheirFirstInvocation() throws Exception {
        String endpoint = Dynalite.target().endpoint().toString();
        List<RuntimeApiServer> apis = new ArrayList<>();
        List<PackagedFunction> functions = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                RuntimeApiServer api = new RuntimeApiServer();
                apis.add(api);
                functions.add(PackagedFunction.start(
                        api.address(), Map.of("DYNASEED_ENDPOINT_URL", endpoint), List.of("-Xmx128m")));
            }

            for (int i = 0; i < functions.size(); i++) {
                try {
                    apis.get(i).firstNextCall(Duration.ofSeconds(90));
                } catch (AssertionError e) {
                    throw new AssertionError(
                            "function " + i + " (alive: " + functions.get(i).alive() + "): " + e.getMessage()
                                    + "; its log:\n" + functions.get(i).log(),
                            e);
                }
                assertThat(functions.get(i).alive()).as(functions.get(i).log()).isTrue();
            }
        } finally {
            functions.forEach(PackagedFunction::close);
            apis.forEach(RuntimeApiServer::close);
        }
    }

    @Test
    void invalidConfiguredSpec_failsInitOnce_withEveryProblem_andNoInvocationRuns() throws Exception {
        String spec = "tables:\n  - name: x\n    partitionKey: {name: id, type: INT}\n";
        try (RuntimeApiServer api = new RuntimeApiServer();
                PackagedFunction function = PackagedFunction.start(
                        api.address(),
                        Map.of("DYNASEED_ENDPOINT_URL", "http://127.0.0.1:9", "DYNASEED_SPEC", spec),
                        List.of())) {
            JsonNode error = JSON.readTree(api.initError(Duration.ofSeconds(60)));

            assertThat(error.get("errorType").asText())
                    .as(function.log())
                    .isEqualTo("dev.dynaseed.lambda.InvalidConfigurationException");
            assertThat(error.get("errorMessage").asText())
                    .isEqualTo("The function cannot start: DYNASEED_SPEC (the template's Spec parameter) is invalid;"
                            + " nothing was changed. Fix it and deploy again (a new version is published), or leave"
                            + " it empty for the built-in scenario. The spec DYNASEED_SPEC has 2 problems:\n"
                            + "  DYNASEED_SPEC:3:30: tables[0].partitionKey.type: 'INT' is not a DynamoDB key type;"
                            + " use S, N or B\n"
                            + "  DYNASEED_SPEC:2:5: tables[0].name: 'x' is not a valid DynamoDB table name; use 3 to"
                            + " 255 characters of a-z, A-Z, 0-9, '_', '-' and '.', e.g. web_user_logs");
        }
    }

    @Test
    void snapStart_primesBeforeTheSnapshot_sendingNothing_thenTheRestoredFunctionAnswers() throws Exception {
        String table = Dynalite.uniqueTableName("primed");
        String spec = "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                + "    seed: {count: 30, attributes: {id: uuid4, at: isoTimestamp}}\n";
        try (FaultProxy proxy = FaultProxy.inFrontOfDynalite(
                        Set.of("DescribeTable", "CreateTable", "BatchWriteItem", "PutItem", "Scan", "ListTables"),
                        n -> Optional.empty());
                RuntimeApiServer api = new RuntimeApiServer();
                PackagedFunction function = PackagedFunction.start(
                        api.address(),
                        Map.of(
                                "DYNASEED_ENDPOINT_URL",
                                proxy.url(),
                                "DYNASEED_SPEC",
                                spec,
                                "AWS_LAMBDA_INITIALIZATION_TYPE",
                                "snap-start"),
                        PackagedFunction.lambdaJvmOptions(Runtime.version().feature(), true))) {
            api.restoreCall(Duration.ofSeconds(60));

            assertThat(function.log()).contains("\"phase\":\"prime\"");
            assertThat(proxy.seen()).as("requests sent before the snapshot").isZero();

            String requestId = api.invoke(SEED_TEST_EVENT, Duration.ofSeconds(45));
            RuntimeApiServer.Outcome outcome = api.outcome(requestId, Duration.ofSeconds(60));

            assertThat(outcome.kind())
                    .as(outcome.body() + "\n" + function.log())
                    .isEqualTo("response");
            assertThat(JSON.readTree(outcome.body()).get("statusCode").asInt()).isEqualTo(200);
            assertThat(Dynalite.client().scan(r -> r.tableName(table)).items()).hasSize(30);
        }
    }

    @Test
    void handlerFailure_reachesTheErrorEndpoint() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (RuntimeApiServer api = new RuntimeApiServer();
                PackagedFunction function = PackagedFunction.start(
                        api.address(), Map.of("DYNASEED_ENDPOINT_URL", "http://127.0.0.1:" + closedPort), List.of())) {
            String requestId = api.invoke(SEED_TEST_EVENT, Duration.ofSeconds(45));

            RuntimeApiServer.Outcome outcome = api.outcome(requestId, Duration.ofSeconds(60));

            assertThat(outcome.kind())
                    .as(outcome.body() + "\n" + function.log())
                    .isEqualTo("error");
            JsonNode error = JSON.readTree(outcome.body());
            assertThat(error.get("errorType").asText()).isEqualTo("dev.dynaseed.connection.TargetException");
            assertThat(error.get("errorMessage").asText())
                    .isEqualTo("DescribeTable webapp_user_logs on endpoint http://127.0.0.1:" + closedPort
                            + " failed: cannot connect (Connection refused); check that the endpoint is running and"
                            + " reachable, and its host and port");
        }
    }
}
