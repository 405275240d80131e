package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynaseed.connection.TargetException;
import dev.dynaseed.testing.SilentEndpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deployed handler ends before its invocation's deadline even when DynamoDB never answers. */
class SeedHandlerDeadlineTest {
    @Test
    void handleRequest_failsBeforeTheDeadline_withOneLineNamingTheEndpoint_whenEndpointNeverAnswers() {
        ByteArrayOutputStream logBuffer = new ByteArrayOutputStream();
        try (SilentEndpoint silent = new SilentEndpoint()) {
            // The constructor Lambda uses, with its default client (10 s per attempt, 30 s per call).
            SeedHandler handler = new SeedHandler(
                    Map.of("DYNASEED_ENDPOINT_URL", silent.uri().toString(), "AWS_REGION", "us-east-1"),
                    new PrintStream(logBuffer, true, StandardCharsets.UTF_8));
            long start = System.nanoTime();

            TargetException e = catchThrowableOfType(
                    () -> handler.handleRequest(
                            new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                            new ByteArrayOutputStream(),
                            new TestContext(Duration.ofSeconds(8))),
                    TargetException.class);

            // Generous: the bound is 7.5 s, the client's own 30 s; unbounded, no answer came within 150 s.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
            assertThat(e).isNotNull();
            assertThat(e.getMessage())
                    .doesNotContain("\n")
                    .startsWith("DescribeTable ")
                    .contains("on endpoint " + silent.uri() + " failed: no answer within");
            assertThat(logBuffer.toString(StandardCharsets.UTF_8))
                    .contains("\"phase\":\"plan\"")
                    .contains("\"level\":\"ERROR\"");
        }
    }
}
