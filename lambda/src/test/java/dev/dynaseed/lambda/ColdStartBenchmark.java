package dev.dynaseed.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold start of the packaged function under the real runtime interface client: for each JVM setting, {@code RUNS}
 * fresh JVMs; init is JVM start to the runtime's first {@code /next}, the first invoke is the seed scenario against
 * an in-memory dynalite. Prints medians and the ratio of the template's C1-only setting to the JVM default. Run by
 * {@code bench/run}.
 */
public final class ColdStartBenchmark {
    private static final int RUNS = 5;
    private static final String C1_ONLY = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : RUNS;
        String endpoint = Dynalite.target().endpoint().toString();
        long[] defaults = measure(endpoint, "", runs);
        long[] c1Only = measure(endpoint, C1_ONLY, runs);
        System.out.printf(
                Locale.ROOT,
                "artifact: %s, %.1f MB%n",
                PackagedFunction.artifact().getFileName(),
                Files.size(PackagedFunction.artifact()) / 1024.0 / 1024.0);
        System.out.printf(
                Locale.ROOT, "cold start through the runtime interface client, median of %d fresh JVMs%n", runs);
        System.out.printf(Locale.ROOT, "%-48s %10s %18s%n", "JVM options", "init ms", "first invoke ms");
        System.out.printf(Locale.ROOT, "%-48s %10d %18d%n", "(JVM default, baseline)", defaults[0], defaults[1]);
        System.out.printf(Locale.ROOT, "%-48s %10d %18d%n", C1_ONLY, c1Only[0], c1Only[1]);
        System.out.printf(
                Locale.ROOT,
                "%-48s %10.2f %18.2f%n",
                "ratio C1-only / default",
                (double) c1Only[0] / defaults[0],
                (double) c1Only[1] / defaults[1]);
        // exit (not halt) so that the shutdown hook stops the dynalite this benchmark started.
        System.exit(0);
    }

    /** Median init and first-invoke milliseconds over {@code runs} fresh JVMs. */
    private static long[] measure(String endpoint, String javaToolOptions, int runs) throws Exception {
        List<Long> inits = new ArrayList<>();
        List<Long> invokes = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            String tablePrefix = "cold" + run + (javaToolOptions.isEmpty() ? "d" : "c");
            String spec = "{\"spec\": {\"tables\": [{\"name\": \"" + Dynalite.uniqueTableName(tablePrefix)
                    + "\", \"partitionKey\": {\"name\": \"transaction_id\", \"type\": \"S\"}, \"sortKey\": {\"name\":"
                    + " \"access_timestamp\", \"type\": \"N\"}, \"billing\": {\"mode\": \"PROVISIONED\","
                    + " \"readCapacity\": 5, \"writeCapacity\": 5}, \"seed\": {\"count\": 3, \"attributes\":"
                    + " {\"transaction_id\": \"uuid1\", \"access_timestamp\": \"epochSeconds\", \"user_id\":"
                    + " \"uuid4\"}}}]}}";
            Map<String, String> environment = javaToolOptions.isEmpty()
                    ? Map.of("DYNASEED_ENDPOINT_URL", endpoint)
                    : Map.of("DYNASEED_ENDPOINT_URL", endpoint, "JAVA_TOOL_OPTIONS", javaToolOptions);
            try (RuntimeApiServer api = new RuntimeApiServer()) {
                long started = System.nanoTime();
                try (PackagedFunction function = PackagedFunction.start(api.address(), environment, List.of())) {
                    long initEnd = api.firstNextCall(Duration.ofSeconds(60));
                    long invokeStart = System.nanoTime();
                    String requestId = api.invoke(spec, Duration.ofSeconds(45));
                    RuntimeApiServer.Outcome outcome = api.outcome(requestId, Duration.ofSeconds(60));
                    long invokeEnd = System.nanoTime();
                    JsonNode response = JSON.readTree(outcome.body());
                    if (!outcome.kind().equals("response")
                            || response.get("statusCode").asInt() != 200) {
                        throw new IllegalStateException("invocation failed: " + outcome + "\n" + function.log());
                    }
                    inits.add((initEnd - started) / 1_000_000);
                    invokes.add((invokeEnd - invokeStart) / 1_000_000);
                }
            }
        }
        return new long[] {median(inits), median(invokes)};
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
