package dev.dynaseed.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Cold start of the packaged function under the real runtime interface client, per Java runtime found on this
 * machine (17, 21, 25), each run in {@code RUNS} fresh JVMs started with the options Lambda's runtime uses:
 *
 * <ul>
 *   <li>on demand: init is JVM start to the runtime's first {@code /next}, with the handler primed in its constructor
 *       (the default) or not ({@code DYNASEED_PRIME=false});
 *   <li>SnapStart: {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, so the runtime calls the handler's
 *       {@code beforeCheckpoint} (priming, unless turned off) before it asks {@code /restore/next}; init runs to that
 *       point, where Lambda snapshots (off the invocation's path). No snapshot is taken here: the first invocation
 *       runs in the JVM that primed, as it would in one restored from the snapshot, less the restore itself.
 * </ul>
 *
 * The first invocation is the tutorial's flow on a new table (CreateTable, three items) against an in-memory
 * dynalite. java25 with SnapStart keeps the JVM's full tiering (Lambda's choice); it is also measured with C1 only
 * forced through {@code JAVA_TOOL_OPTIONS}, which the template sets there. Run by
 * {@code bench/lambda-cold-start}.
 */
public final class ColdStartBenchmark {
    private static final int RUNS = 5;
    private static final String C1_ONLY = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ColdStartBenchmark() {}

    /** One way of starting the function. */
    private record Setting(String name, List<String> jvmOptions, Map<String, String> environment, boolean primed) {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : RUNS;
        String endpoint = Dynalite.target().endpoint().toString();
        Map<Integer, Path> runtimes = runtimes();
        System.out.printf(
                Locale.ROOT,
                "artifact: %s, %.1f MB; runtime interface client 2.10.1; median of %d fresh JVMs per row%n",
                PackagedFunction.artifact().getFileName(),
                Files.size(PackagedFunction.artifact()) / 1024.0 / 1024.0,
                runs);
        System.out.printf(Locale.ROOT, "%-8s %-52s %9s %16s%n", "runtime", "setting", "init ms", "first invoke ms");
        // Round robin over every row, run after run, so that the load of a shared machine falls on all rows alike.
        List<Integer> features = new ArrayList<>();
        List<Setting> rows = new ArrayList<>();
        for (Map.Entry<Integer, Path> runtime : runtimes.entrySet()) {
            for (Setting setting : settings(runtime.getKey(), endpoint)) {
                features.add(runtime.getKey());
                rows.add(setting);
            }
        }
        List<List<Long>> inits = new ArrayList<>();
        List<List<Long>> invokes = new ArrayList<>();
        rows.forEach(row -> {
            inits.add(new ArrayList<>());
            invokes.add(new ArrayList<>());
        });
        for (int run = 0; run < runs; run++) {
            for (int row = 0; row < rows.size(); row++) {
                long[] figures = measureOnce(runtimes.get(features.get(row)), rows.get(row));
                inits.get(row).add(figures[0]);
                invokes.get(row).add(figures[1]);
            }
        }
        for (int row = 0; row < rows.size(); row++) {
            System.out.printf(
                    Locale.ROOT,
                    "%-8s %-52s %9d %16d%n",
                    "java" + features.get(row),
                    rows.get(row).name(),
                    median(inits.get(row)),
                    median(invokes.get(row)));
        }
        System.out.println("(java21 is measured where a JDK 21 is installed: "
                + (runtimes.containsKey(21) ? "here it is" : "not on this machine") + ")");
        // exit (not halt) so that the shutdown hook stops the dynalite this benchmark started.
        System.exit(0);
    }

    private static List<Setting> settings(int feature, String endpoint) {
        Map<String, String> onDemand = Map.of("DYNASEED_ENDPOINT_URL", endpoint);
        Map<String, String> snapStart =
                Map.of("DYNASEED_ENDPOINT_URL", endpoint, "AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        List<String> onDemandOptions = PackagedFunction.lambdaJvmOptions(feature, false);
        List<String> snapStartOptions = PackagedFunction.lambdaJvmOptions(feature, true);
        List<Setting> settings = new ArrayList<>();
        settings.add(
                new Setting("on demand, no priming (DYNASEED_PRIME=false)", onDemandOptions, off(onDemand), false));
        settings.add(new Setting("on demand, primed in init (the default)", onDemandOptions, onDemand, true));
        settings.add(
                new Setting("SnapStart, no priming (DYNASEED_PRIME=false)", snapStartOptions, off(snapStart), false));
        settings.add(new Setting("SnapStart, primed in beforeCheckpoint", snapStartOptions, snapStart, true));
        if (!snapStartOptions.contains("-XX:TieredStopAtLevel=1")) {
            Map<String, String> c1Only = new HashMap<>(snapStart);
            c1Only.put("JAVA_TOOL_OPTIONS", C1_ONLY);
            settings.add(new Setting("SnapStart, primed, + JAVA_TOOL_OPTIONS C1 only", snapStartOptions, c1Only, true));
        }
        return settings;
    }

    private static Map<String, String> off(Map<String, String> environment) {
        Map<String, String> off = new HashMap<>(environment);
        off.put("DYNASEED_PRIME", "false");
        return off;
    }

    /** Init and first-invoke milliseconds of one fresh JVM. */
    private static long[] measureOnce(Path javaHome, Setting setting) throws Exception {
        String spec = "{\"spec\": {\"tables\": [{\"name\": \"" + Dynalite.uniqueTableName("cold")
                + "\", \"partitionKey\": {\"name\": \"transaction_id\", \"type\": \"S\"}, \"sortKey\": {\"name\":"
                + " \"access_timestamp\", \"type\": \"N\"}, \"billing\": {\"mode\": \"PROVISIONED\","
                + " \"readCapacity\": 5, \"writeCapacity\": 5}, \"seed\": {\"count\": 3, \"attributes\":"
                + " {\"transaction_id\": \"uuid1\", \"access_timestamp\": \"epochSeconds\", \"user_id\":"
                + " \"uuid4\"}}}]}}";
        try (RuntimeApiServer api = new RuntimeApiServer()) {
            long started = System.nanoTime();
            try (PackagedFunction function =
                    PackagedFunction.start(javaHome, api.address(), setting.environment(), setting.jvmOptions())) {
                boolean snapStart = setting.environment().containsKey("AWS_LAMBDA_INITIALIZATION_TYPE");
                long initEnd =
                        snapStart ? api.restoreCall(Duration.ofSeconds(60)) : api.firstNextCall(Duration.ofSeconds(60));
                if (snapStart) {
                    api.firstNextCall(Duration.ofSeconds(60));
                }
                long invokeStart = System.nanoTime();
                String requestId = api.invoke(spec, Duration.ofSeconds(45));
                RuntimeApiServer.Outcome outcome = api.outcome(requestId, Duration.ofSeconds(60));
                long invokeEnd = System.nanoTime();
                JsonNode response = JSON.readTree(outcome.body());
                if (!outcome.kind().equals("response")
                        || response.get("statusCode").asInt() != 200) {
                    throw new IllegalStateException("invocation failed: " + outcome + "\n" + function.log());
                }
                if (setting.primed() != function.log().contains("\"phase\":\"prime\"")) {
                    throw new IllegalStateException("priming ran: " + !setting.primed() + "\n" + function.log());
                }
                return new long[] {(initEnd - started) / 1_000_000, (invokeEnd - invokeStart) / 1_000_000};
            }
        }
    }

    /** Java homes by feature version: this JVM's, and those under /usr/lib/jvm, one per version 17, 21 and 25. */
    private static Map<Integer, Path> runtimes() throws IOException {
        Map<Integer, Path> found = new TreeMap<>();
        Path own = Path.of(System.getProperty("java.home"));
        found.put(Runtime.version().feature(), own);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                for (Path home : homes.sorted().toList()) {
                    feature(home).filter(f -> f == 17 || f == 21 || f == 25).ifPresent(f -> found.putIfAbsent(f, home));
                }
            }
        }
        return found;
    }

    /** The feature version a JDK's {@code release} file names, e.g. 25 for {@code JAVA_VERSION="25.0.1"}. */
    private static Optional<Integer> feature(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)
                || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(release)) {
            if (line.startsWith("JAVA_VERSION=")) {
                String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                String major = version.split("[.+-]")[0];
                return major.matches("\\d+") ? Optional.of(Integer.parseInt(major)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
