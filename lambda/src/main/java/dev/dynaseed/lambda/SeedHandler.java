package dev.dynaseed.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Secrets;
import dev.dynaseed.connection.Target;
import dev.dynaseed.invocation.FunctionResponse;
import dev.dynaseed.invocation.SeedFunction;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.internal.JsonLimits;
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
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@code sample-table-creator} Lambda function. Adapts the event and the invocation's remaining time to
 * {@link SeedFunction} and writes its response; the DynamoDB client is built, and {@code DYNASEED_SPEC} read and
 * validated, once per container, in the constructor (Lambda's init phase: a bad spec fails init with its problems).
 * The invocation's code is primed once, without sending anything: with SnapStart in {@link #beforeCheckpoint}, before
 * the snapshot; otherwise in the constructor. Environment: {@code DYNASEED_SPEC} (spec text used when the event has
 * none), {@code DYNASEED_ENDPOINT_URL} (a DynamoDB-compatible endpoint instead of AWS, e.g. for local runs) and
 * {@code DYNASEED_PRIME=false} (no priming).
 */
public final class SeedHandler implements RequestStreamHandler, Resource {
    /** Numbers exactly as written, as in spec files: a double would turn 1e400 into Infinity and 0.1 into 0.1000...55. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // {"spec": ...} followed by anything is not one event: never run the first part alone.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The most Lambda accepts as a synchronous invocation's payload (6 MB); larger events never reach a function. */
    static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

    private final SeedFunction function;
    private final PrintStream log;
    /** {@code DYNASEED_PRIME=false} turns priming off (to measure it: bench/lambda-cold-start). */
    private final boolean prime;

    /**
     * The constructor Lambda calls: configuration from the function's environment.
     *
     * @throws InvalidConfigurationException when {@code DYNASEED_SPEC} is invalid: Lambda reports it as the init error
     */
    public SeedHandler() {
        this(System.getenv(), System.out);
    }

    SeedHandler(Map<String, String> environment, PrintStream log) {
        Target target = target(environment);
        this.function = function(
                DynamoDbClients.create(target),
                target.describe(),
                Optional.ofNullable(environment.get("DYNASEED_SPEC")).filter(spec -> !spec.isBlank()));
        this.log = log;
        this.prime = !"false"
                .equalsIgnoreCase(
                        environment.getOrDefault("DYNASEED_PRIME", "true").strip());
        if ("snap-start".equals(environment.get("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            // Lambda's runtime calls the hooks of what the global context holds (weakly: the runtime holds the
            // handler) before it takes the snapshot.
            Core.getGlobalContext().register(this);
        } else if (prime) {
            // On demand, in the init phase: outside the first invocation's time, which a cold start at a fraction of
            // a core would otherwise spend loading classes (SeedHandlerStarvedTest).
            prime("init");
        }
    }

    /** For tests and in-process runs: a given client and spec. */
    public SeedHandler(DynamoDbClient client, String target, Optional<String> spec, PrintStream log) {
        this.function = function(client, target, spec);
        this.log = Objects.requireNonNull(log, "log");
        this.prime = true;
        function.warmUp();
    }

    private static SeedFunction function(DynamoDbClient client, String target, Optional<String> spec) {
        try {
            return new SeedFunction(client, target, spec);
        } catch (InvalidSpecException e) {
            throw new InvalidConfigurationException(e);
        }
    }

    /**
     * Primes the function before SnapStart's snapshot: runs the invocation's code once (spec reading, item making,
     * the SDK's request marshalling, the response rendering) without sending anything, so that a restored container
     * starts with those classes loaded and compiled. Nothing random or time-based is kept: every invocation draws its
     * own run seed and reads the clock.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        if (prime) {
            prime("beforeCheckpoint");
        }
    }

    private void prime(String when) {
        long started = System.nanoTime();
        function.warmUp();
        log.println(MAPPER.createObjectNode()
                .put("level", "INFO")
                .put("phase", "prime")
                .put("in", when)
                .put("ms", (System.nanoTime() - started) / 1_000_000L));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: credentials come from the environment at each request, and the run seed per invocation.
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context.getAwsRequestId();
        byte[] bytes = input.readNBytes(MAX_EVENT_BYTES + 1);
        if (bytes.length > MAX_EVENT_BYTES) {
            output.write(MAPPER.writeValueAsBytes(invalidEvent(
                            "The event is more than " + MAX_EVENT_BYTES + " bytes, the 6 MB Lambda accepts; nothing was"
                                    + " changed. Send a smaller event: a spec seeds many rows with \"count\".",
                            requestId)
                    .toJson()));
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        FunctionResponse response;
        try {
            JsonNode event = text.isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
            response = function.handle(event, Duration.ofMillis(context.getRemainingTimeInMillis()), line -> {
                line.put("requestId", requestId);
                log.println(Secrets.redact(line.toString()));
            });
        } catch (StreamConstraintsException e) {
            // A reading limit (nesting depth, a huge number or string): said in dynaseed's words.
            response = invalidEvent(
                    "The event " + JsonLimits.problem(e, "a Lambda event") + "; nothing was changed."
                            + " Send {} for the built-in scenario, or {\"spec\": {...}}.",
                    requestId);
        } catch (JsonProcessingException e) {
            response = invalidEvent(
                    "The event is not JSON (" + reason(e) + "); nothing was changed."
                            + " Send {} for the built-in scenario, or {\"spec\": {...}}.",
                    requestId);
        } catch (NumberFormatException e) {
            // Jackson reads a number with an exponent no decimal can hold (1E999999999999) this way.
            response = invalidEvent(
                    "The event holds a number whose exponent is out of range (" + e.getMessage() + "); nothing was"
                            + " changed. DynamoDB numbers have at most 38 significant digits and magnitudes from"
                            + " 1E-130 to below 1E+126.",
                    requestId);
        }
        // Error texts in the report come from the target; one that echoes request headers must not leak credentials.
        output.write(
                Secrets.redact(MAPPER.writeValueAsString(response.toJson())).getBytes(StandardCharsets.UTF_8));
    }

    private FunctionResponse invalidEvent(String error, String requestId) {
        log.println(MAPPER.createObjectNode()
                .put("level", "WARN")
                .put("phase", "event")
                .put("requestId", requestId)
                .put("valid", false));
        return new FunctionResponse(400, MAPPER.createObjectNode().put("error", error));
    }

    /** The parser's reason with where it stopped, without the parser's internals (source and limit names). */
    private static String reason(JsonProcessingException e) {
        String reason = String.valueOf(e.getOriginalMessage())
                .replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll(", from `StreamReadConstraints\\.[a-zA-Z]+\\(\\)`", "")
                .lines()
                .findFirst()
                .orElse("")
                .strip();
        if (reason.startsWith("Trailing token")) {
            reason = "more follows the first JSON value; an event is one JSON object";
        }
        if (reason.length() > 200) {
            reason = reason.substring(0, 200) + "...";
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1
                ? reason
                : reason + ", at line " + at.getLineNr() + ", column " + at.getColumnNr();
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
