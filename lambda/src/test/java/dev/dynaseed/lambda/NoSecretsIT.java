package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.EchoingEndpoint;
import dev.dynaseed.testing.FakeCredentials;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged function, holding fake credentials (with a session token) in its environment as Lambda gives them,
 * leaks none of them into its log or its answers: against dynalite, and against an endpoint that echoes the request
 * headers (Authorization, X-Amz-Security-Token) in its error.
 */
class NoSecretsIT {
    private static final String SEED_TEST_EVENT = "{\"key1\":\"value1\",\"key2\":\"value2\",\"key3\":\"value3\"}";

    private static String invoke(String endpoint) throws Exception {
        Map<String, String> environment = new HashMap<>(FakeCredentials.environment());
        environment.put("DYNASEED_ENDPOINT_URL", endpoint);
        try (RuntimeApiServer api = new RuntimeApiServer();
                PackagedFunction function = PackagedFunction.start(api.address(), environment, List.of())) {
            String requestId = api.invoke(SEED_TEST_EVENT, Duration.ofSeconds(45));
            RuntimeApiServer.Outcome outcome = api.outcome(requestId, Duration.ofSeconds(60));
            return outcome.kind() + "\n" + outcome.body() + "\n" + function.log();
        }
    }

    @Test
    void function_logsAndAnswersWithoutCredentials_whenItWorks_andWhenTheEndpointEchoesThem() throws Exception {
        String working = invoke(Dynalite.target().endpoint().toString());
        String echoed;
        try (EchoingEndpoint echoing = new EchoingEndpoint()) {
            echoed = invoke(echoing.endpoint().toString());
        }

        assertThat(working).startsWith("response\n").contains("\"phase\":\"apply\"");
        assertThat(echoed).startsWith("error\n").contains("The security token included in the request is invalid");
        assertThat(FakeCredentials.leaks(working + echoed)).as(working + echoed).isEmpty();
    }
}
