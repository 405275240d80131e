package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.testing.CaseTable;
import dev.dynaseed.testing.CountingEndpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every bad event in {@code hostile/lambda/cases.tsv} given to the Lambda handler, whose DynamoDB is a counting
 * endpoint on 127.0.0.1: status 400 with the exact body, one log line, and not one request sent.
 */
class HostileEventTest {
    private static final CaseTable CASES = CaseTable.ofResource("hostile/lambda/cases.tsv");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CountingEndpoint endpoint;
    private static DynamoDbClient client;

    @BeforeAll
    static void listen() {
        endpoint = CountingEndpoint.refusingEverything();
        client = DynamoDbClients.create(new Target.Endpoint(endpoint.uri(), Optional.empty(), Optional.empty()));
    }

    @AfterAll
    static void close() {
        client.close();
        endpoint.close();
    }

    static List<CaseTable.Row> cases() {
        return CASES.rows();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void badEvent_isAnswered400WithItsProblems_andSendsNothing(CaseTable.Row row) throws IOException {
        byte[] event = event(row.name());
        ByteArrayOutputStream logBuffer = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(logBuffer, true, StandardCharsets.UTF_8);
        SeedHandler handler = new SeedHandler(client, "test", Optional.empty(), log);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long before = endpoint.requests();

        handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext(Duration.ofSeconds(30)));

        JsonNode response = JSON.readTree(out.toByteArray());
        String status = response.path("statusCode").asText();
        String body = response.path("body").asText();
        if (CaseTable.RECORD) {
            CASES.record(row, List.of(status, body));
        }
        assertThat(body).as(row.name()).isEqualTo(row.cell(1));
        assertThat(status).as(row.name()).isEqualTo(row.cell(0));
        assertThat(response.size()).as("statusCode and body only").isEqualTo(2);
        assertThat(body.length())
                .as("the body stays far below Lambda's 6 MB response limit")
                .isLessThan(64 * 1024);
        assertThat(logBuffer.toString(StandardCharsets.UTF_8).lines())
                .as("one log line, saying the event or spec is invalid")
                .singleElement()
                .satisfies(line -> assertThat(line).contains("\"valid\":false"));
        assertThat(endpoint.requests() - before)
                .as("requests sent for " + row.name())
                .isZero();
    }

    private static byte[] event(String name) throws IOException {
        if (name.startsWith("gen:")) {
            return generate(name.substring("gen:".length())).getBytes(StandardCharsets.UTF_8);
        }
        try (InputStream in = HostileEventTest.class.getResourceAsStream("/hostile/lambda/" + name)) {
            assertThat(in).as("resource hostile/lambda/" + name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Events too large to commit. */
    private static String generate(String name) {
        String table = "{\"name\": \"t%07d\", \"partitionKey\": {\"name\": \"id\", \"type\": \"S\"}}";
        return switch (name) {
            // Spec text of 1.1 million characters.
            case "spec-text-huge.json" -> "{\"spec\": \"tables: [" + " ".repeat(1_100_000) + "]\"}";
            // 7 MB: above the 6 MB Lambda accepts for a synchronous invocation.
            case "event-oversized.json" -> "{\"padding\": \"" + "x".repeat(7 * 1024 * 1024) + "\"}";
            // 5.9 MB of tables without a name or key: a problem or two for each of 2 million tables.
            case "spec-object-many-tables.json" -> "{\"spec\": {\"tables\": [" + "{},".repeat(1_950_000) + "{}]}}";
            case "spec-object-too-many-tables.json" -> {
                StringBuilder text = new StringBuilder("{\"spec\": {\"tables\": [");
                for (int i = 0; i < 2_501; i++) {
                    text.append(i == 0 ? "" : ", ").append(String.format(table, i));
                }
                yield text.append("]}}").toString();
            }
            default -> throw new IllegalArgumentException("no generator for " + name);
        };
    }
}
