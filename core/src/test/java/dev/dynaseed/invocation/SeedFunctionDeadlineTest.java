package dev.dynaseed.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.connection.CallTimeouts;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.testing.SilentEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The function bounds its requests by the invocation's remaining time, not only by the client's timeouts. */
class SeedFunctionDeadlineTest {
    @Test
    void handle_failsBeforeTheInvocationEnds_withOneLineNamingTheEndpoint_whenEndpointNeverAnswers() {
        List<ObjectNode> log = new ArrayList<>();
        try (SilentEndpoint silent = new SilentEndpoint();
                // Without the remaining time the client alone would wait 3 x 30 s.
                DynamoDbClient client = DynamoDbClients.create(
                        new Target.Endpoint(silent.uri(), Optional.empty(), Optional.empty()),
                        CallTimeouts.perAttempt(Duration.ofSeconds(30)))) {
            SeedFunction function = new SeedFunction(client, "test", Optional.empty());
            long start = System.nanoTime();

            TargetException e = catchThrowableOfType(
                    () -> function.handle(new ObjectMapper().createObjectNode(), Duration.ofSeconds(6), log::add),
                    TargetException.class);

            // Generous: the bound is 5.5 s, the client's own 90 s; unbounded, no answer came within 150 s.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(45));
            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(TargetException.Kind.NO_ANSWER);
            assertThat(e.getMessage())
                    .doesNotContain("\n")
                    .contains("on endpoint " + silent.uri() + " failed: no answer within ");
            assertThat(log).last().satisfies(line -> {
                assertThat(line.get("phase").asText()).isEqualTo("plan");
                assertThat(line.get("level").asText()).isEqualTo("ERROR");
                assertThat(line.get("error").asText()).isEqualTo(e.getMessage());
            });
        }
    }
}
