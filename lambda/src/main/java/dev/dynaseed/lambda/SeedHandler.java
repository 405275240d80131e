package dev.dynaseed.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Secrets;
import dev.dynaseed.connection.Target;
import dev.dynaseed.invocation.FunctionResponse;
import dev.dynaseed.invocation.SeedFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@code sample-table-creator} Lambda function. Adapts the event and the invocation's remaining time to
 * {@link SeedFunction} and writes its response; the DynamoDB client is built once per container, in the
 * constructor. Environment: {@code DYNASEED_SPEC} (spec text used when the event has none) and
 * {@code DYNASEED_ENDPOINT_URL} (a DynamoDB-compatible endpoint instead of AWS, e.g. for local runs).
 */
public final class SeedHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SeedFunction function;
    private final PrintStream log;

    /** The constructor Lambda calls: configuration from the function's environment. */
    public SeedHandler() {
        this(System.getenv(), System.out);
    }

    SeedHandler(Map<String, String> environment, PrintStream log) {
        Target target = target(environment);
        this.function = new SeedFunction(
                DynamoDbClients.create(target),
                target.describe(),
                Optional.ofNullable(environment.get("DYNASEED_SPEC")).filter(spec -> !spec.isBlank()));
        this.log = log;
        // In Lambda's init phase, outside any invocation's time: see SeedFunction.warmUp.
        function.warmUp();
    }

    /** For tests and in-process runs: a given client and spec. */
    public SeedHandler(DynamoDbClient client, String target, Optional<String> spec, PrintStream log) {
        this.function = new SeedFunction(client, target, spec);
        this.log = Objects.requireNonNull(log, "log");
        function.warmUp();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context.getAwsRequestId();
        String text = new String(input.readAllBytes(), StandardCharsets.UTF_8).strip();
        FunctionResponse response;
        try {
            JsonNode event = text.isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
            response = function.handle(event, Duration.ofMillis(context.getRemainingTimeInMillis()), line -> {
                line.put("requestId", requestId);
                log.println(Secrets.redact(line.toString()));
            });
        } catch (JsonProcessingException e) {
            ObjectNode body = MAPPER.createObjectNode()
                    .put(
                            "error",
                            "The event is not JSON (" + e.getOriginalMessage() + "); nothing was changed."
                                    + " Send {} for the built-in scenario, or {\"spec\": {...}}.");
            log.println(MAPPER.createObjectNode()
                    .put("level", "WARN")
                    .put("phase", "event")
                    .put("requestId", requestId)
                    .put("valid", false));
            response = new FunctionResponse(400, body);
        }
        // Error texts in the report come from the target; one that echoes request headers must not leak credentials.
        output.write(
                Secrets.redact(MAPPER.writeValueAsString(response.toJson())).getBytes(StandardCharsets.UTF_8));
    }

    private static Target target(Map<String, String> environment) {
        Optional<String> region = Optional.ofNullable(environment.get("AWS_REGION"));
        String endpoint = environment.get("DYNASEED_ENDPOINT_URL");
        if (endpoint != null && !endpoint.isBlank()) {
            return new Target.Endpoint(URI.create(endpoint.strip()), region, Optional.empty());
        }
        return new Target.Aws(region, Optional.empty());
    }
}
