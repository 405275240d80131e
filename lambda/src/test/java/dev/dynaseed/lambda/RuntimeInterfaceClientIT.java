package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.testing.Dynalite;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
