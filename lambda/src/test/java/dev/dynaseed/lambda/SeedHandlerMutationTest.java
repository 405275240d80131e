package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.testing.CountingEndpoint;
import dev.dynaseed.testing.Mutations;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Random mutations of valid Lambda events given to the handler in-process, its DynamoDB a counting endpoint on
 * 127.0.0.1 that refuses every request: each event is answered 400 with no request sent, or it was valid and the
 * run fails on the refusing endpoint with one line naming it; never another exception, a hang or an
 * OutOfMemoryError. 300 tries, each within 20 s.
 */
class SeedHandlerMutationTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CountingEndpoint endpoint;
    private static DynamoDbClient client;

    @BeforeContainer
    static void listen() {
        endpoint = CountingEndpoint.refusingEverything();
        client = DynamoDbClients.create(new Target.Endpoint(endpoint.uri(), Optional.empty(), Optional.empty()));
    }

    @AfterContainer
    static void close() {
        client.close();
        endpoint.close();
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void mutatedEvent_isAnswered400OrRunsIntoTheRefusingEndpoint_neverAnotherError(
            @ForAll("events") Mutations.Mutant mutant) {
        byte[] event = mutant.text().getBytes(StandardCharsets.UTF_8);
        Statistics.collect(assertTimeoutPreemptively(BOUND, () -> outcome(event)));
    }

    private static String outcome(byte[] event) throws IOException, InterruptedException {
        ByteArrayOutputStream logBuffer = new ByteArrayOutputStream();
        SeedHandler handler = new SeedHandler(
                client, "test", Optional.empty(), new PrintStream(logBuffer, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long before = endpoint.requests();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext(Duration.ofSeconds(30)));
        } catch (TargetException e) {
            // A valid event: its spec was planned against the endpoint, which refused.
            assertThat(e.getMessage()).contains("on endpoint " + endpoint.url()).doesNotContain("\n");
            assertThat(endpoint.requests() - before).isPositive();
            settle();
            return "valid (ran into the refusing endpoint)";
        }
        JsonNode response = JSON.readTree(out.toByteArray());
        int status = response.path("statusCode").asInt();
        JsonNode body = JSON.readTree(response.path("body").asText());
        assertThat(status).as(response.toString()).isEqualTo(400);
        assertThat(body.path("error").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(endpoint.requests() - before).as("requests for a 400").isZero();
        assertThat(out.size()).as("response size").isLessThan(64 * 1024);
        return "400 invalid";
    }

    /**
     * Lets the requests a valid event's plan still had in flight when it failed (its other DescribeTable calls run on
     * a pool) reach the endpoint, so that they are not counted against the next event: waits until the count stops
     * moving for a moment, within 5 s.
     */
    private static void settle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline && endpoint.requests() != seen) {
            seen = endpoint.requests();
            Thread.sleep(200);
        }
    }

    @Provide
    Arbitrary<Mutations.Mutant> events() throws IOException {
        String yamlSpec = JSON.writeValueAsString(JSON.createObjectNode().put("spec", DefaultSpec.yaml()));
        return Mutations.mutants(List.of(
                Files.readString(Path.of("events", "seed-test-event.json")),
                Files.readString(Path.of("events", "inline-spec.json")),
                yamlSpec));
    }
}
