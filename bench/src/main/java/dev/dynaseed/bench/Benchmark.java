package dev.dynaseed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.CallTimeouts;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.HttpStack;
import dev.dynaseed.connection.Target;
import dev.dynaseed.cost.ItemSize;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.seed.BatchWriter;
import dev.dynaseed.seed.ItemSource;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.Seeder;
import dev.dynaseed.seed.WriteOptions;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.testing.CapacityLimitedEndpoint;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * bench/run's writing benchmark: for the same items of two shapes, dynaseed's seeder as the CLI runs it against the
 * seed's method (one PutItem per row) and the engine's ceiling (pre-built 25-item BatchWriteItem requests from a
 * minimal loop at its best thread count), all on one dynalite; then the adaptive writer against an endpoint with a
 * fixed latency and a capacity; then 1,000,000 items in a 256 MB heap and the time to the first item sent.
 */
public final class Benchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] THREADS = {1, 2, 4, 8, 16};
    /** How many times figures 1 and 3 run, alternately, for their medians. */
    private static final int ROUNDS = 5;
    /** A JVM log line decorated with {@code time,uptimemillis}: {@code [2026-11-26T21:19:03.011+0000][19ms] ...}. */
    private static final Pattern JVM_LOG_LINE = Pattern.compile("^\\[([^\\]]+)\\]\\[(\\d+)ms\\]");

    private static final DateTimeFormatter JVM_LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final long items;
    private final Path launcher;
    private final Path work;
    private final List<String> verdicts = new ArrayList<>();

    /** The CLI's HTTP client (its {@code Session.HTTP}): every in-process figure and baseline sends through it. */
    static final HttpStack CLI_HTTP = HttpStack.APACHE5;

    private static DynamoDbClient engineClient;

    /**
     * The client every baseline and in-process figure writes through: over the CLI's HTTP client (Apache HttpClient
     * 5), so that the ceiling is measured at its best, with the stack that costs the engine least per request.
     */
    private static synchronized DynamoDbClient engineClient() {
        if (engineClient == null) {
            engineClient = DynamoDbClients.create(Dynalite.target(), CallTimeouts.defaults(), CLI_HTTP);
        }
        return engineClient;
    }

    private Benchmark(long items, Path launcher, Path work) {
        this.items = items;
        this.launcher = launcher;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        long items = Long.getLong("bench.items", 50_000);
        long heapItems = Long.getLong("bench.heapItems", 1_000_000);
        Path launcher = Path.of(System.getProperty("bench.launcher"));
        Path work = Files.createTempDirectory("dynaseed-bench");
        Benchmark bench = new Benchmark(items, launcher, work);
        System.out.println("engine: " + Dynalite.target().describe() + "; " + items + " items per figure; "
                + Runtime.getRuntime().availableProcessors() + " cores");
        // -Dbench.parts=seed,order,capacity,first,heap runs some parts only (all by default).
        Set<String> parts = Set.of(System.getProperty("bench.parts", "seed,order,capacity,first,heap")
                .split(","));
        // The first item first, on an engine holding only its own table: what it measures is the CLI's start, not
        // how long an engine already holding millions of items takes to describe a table.
        if (parts.contains("first")) {
            bench.firstItem();
        }
        if (parts.contains("seed")) {
            bench.shape("seed", Shapes::seed);
        }
        if (parts.contains("order")) {
            bench.shape("order", Shapes::order);
        }
        if (parts.contains("capacity")) {
            bench.capacity();
        }
        if (parts.contains("heap")) {
            bench.heap(heapItems);
        }
        System.out.println();
        System.out.println("== targets");
        bench.verdicts.forEach(System.out::println);
        System.exit(0);
    }

    /**
     * Figures 1, 2 and 3 for one item shape. The ceiling is found at each thread count first; then the CLI and the
     * ceiling at its best thread count run {@value #ROUNDS} times each, alternately, each into a new table, and their
     * medians are compared: what the engine and the machine do meanwhile (the engine's own JIT warming up, other
     * work on the machine) weighs on both alike, and neither figure is the best of several tries against one try.
     */
    private void shape(String name, BiFunction<String, Long, String> spec) throws Exception {
        System.out.println();
        Path first = work.resolve("bench_" + name + "_cli_1.yaml");
        Files.writeString(first, spec.apply("bench_" + name + "_cli_1", items));
        TableSpec table = SpecReader.read(first).tables().get(0);
        long bytes = averageBytes(table);
        System.out.println("== " + name + " items (" + bytes + " bytes each on average"
                + (table.features().globalSecondaryIndexes().isEmpty() ? "" : ", 1 GSI") + ")");

        String ceilingTable = "bench_" + name + "_ceiling";
        Ceiling sweep = ceiling(ceilingTable, spec);
        List<Double> clis = new ArrayList<>();
        List<Double> ceilings = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            String cliTable = "bench_" + name + "_cli_" + round;
            Path file = work.resolve(cliTable + ".yaml");
            Files.writeString(file, spec.apply(cliTable, items));
            // Which runs first alternates too (ABBA): a run right after another kind of run is not always the same one.
            if (round % 2 == 1) {
                clis.add(cliItemsPerSecond(file, Dynalite.target().endpoint().toString(), List.of()));
                ceilings.add(ceilingAt(sweep.threads, ceilingTable + "_again_" + round, spec));
            } else {
                ceilings.add(ceilingAt(sweep.threads, ceilingTable + "_again_" + round, spec));
                clis.add(cliItemsPerSecond(file, Dynalite.target().endpoint().toString(), List.of()));
            }
        }
        System.out.printf(
                "   alternately: the CLI %s items/s, the ceiling at %d threads %s items/s%n",
                rounded(clis), sweep.threads, rounded(ceilings));
        double cli = median(clis);
        double ceiling = median(ceilings);
        Path warmFile = work.resolve(name + "_warm.yaml");
        Files.writeString(warmFile, spec.apply("bench_" + name + "_warm", items));
        double warm = inProcessItemsPerSecond(warmFile);
        // -Dbench.putItem=false skips figure 2 (one PutItem per row is the slowest part) when trying changes out.
        double putItem = Boolean.parseBoolean(System.getProperty("bench.putItem", "true"))
                ? putItemPerRow("bench_" + name + "_put", spec)
                : Double.NaN;

        System.out.printf("%-66s %10s%n", "method", "items/s");
        System.out.printf("%-66s %10.0f%n", "1. dynaseed apply (the CLI, its own JVM, default options), median", cli);
        System.out.printf("%-66s %10.0f%n", "1b. the same apply inside this (warm) JVM", warm);
        System.out.printf("%-66s %10.0f%n", "2. the seed's method: one PutItem per row, one thread", putItem);
        System.out.printf(
                "%-66s %10.0f%n",
                "3. engine ceiling: pre-built 25-item batches, " + sweep.threads + " threads, median", ceiling);
        // Not a target: what any writer could reach for 1/2 on this engine, measured in this run.
        System.out.printf(
                "%-52s %8.2f  (the most 1/2 can be on this engine)%n",
                name + ": 3/2 (engine ceiling vs PutItem per row)", ceiling / putItem);
        verdict(name + ": 1/2 (dynaseed vs PutItem per row)", cli / putItem, 10);
        verdict(name + ": 1/3 (dynaseed vs the engine's ceiling)", cli / ceiling, 0.9);
        verdict(name + ": 1b/2 (warm JVM vs PutItem per row)", warm / putItem, 10);
        verdict(name + ": 1b/3 (warm JVM vs the engine's ceiling)", warm / ceiling, 0.9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private void verdict(String what, double ratio, double target) {
        String line = String.format(
                "%-52s %8.2f  target >= %-5s %s", what, ratio, format(target), ratio >= target ? "PASS" : "FAIL");
        System.out.println(line);
        verdicts.add(line);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static long averageBytes(TableSpec table) {
        ItemSource source = Seeder.generated(table, 1, Instant.now());
        Iterator<Map<String, AttributeValue>> it = source.iterator();
        long total = 0;
        int n = 0;
        while (it.hasNext() && n < 100) {
            total += ItemSize.bytes(it.next());
            n++;
        }
        return n == 0 ? 0 : total / n;
    }

    /** Runs {@code dynaseed apply} in its own JVM, as the launcher does; the seed's items/s from its JSON report. */
    private double cliItemsPerSecond(Path spec, String endpoint, List<String> jvmOptions) throws Exception {
        JsonNode report = cli(spec, endpoint, jvmOptions).report;
        JsonNode seed = report.path("tables").get(0).path("seed");
        long written = seed.path("written").asLong();
        long millis = Math.max(1, seed.path("durationMs").asLong());
        if (written != items) {
            throw new IllegalStateException("the CLI wrote " + written + " of " + items + " items: " + report);
        }
        return written * 1000.0 / millis;
    }

    /** The same apply through the CLI's command line in this JVM (warmed up by what ran before). */
    private double inProcessItemsPerSecond(Path spec) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = dev.dynaseed.cli.Dynaseed.commandLine()
                .setOut(new java.io.PrintWriter(out))
                .setErr(new java.io.PrintWriter(new java.io.StringWriter()))
                .execute(
                        "apply",
                        "-f",
                        spec.toString(),
                        "--endpoint-url",
                        Dynalite.target().endpoint().toString(),
                        "--samples",
                        "0",
                        "-o",
                        "json",
                        "--checkpoint",
                        work.resolve("warm-checkpoint.json").toString());
        JsonNode seed = JSON.readTree(out.toString()).path("tables").get(0).path("seed");
        if (exit != 0 || seed.path("written").asLong() != items) {
            throw new IllegalStateException("the in-process apply failed (" + exit + "): " + out);
        }
        return items * 1000.0 / Math.max(1, seed.path("durationMs").asLong());
    }

    private record CliRun(JsonNode report, long spawnedMillis) {}

    private CliRun cli(Path spec, String endpoint, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        // The launcher a user runs, with the JVM options it chooses (DYNASEED_JAVA_OPTS adds to them).
        command.add(launcher.toString());
        command.addAll(
                List.of("apply", "-f", spec.toString(), "--endpoint-url", endpoint, "--samples", "0", "-o", "json"));
        // -Dbench.cliArgs="--concurrency 16" adds options to the CLI's apply when trying changes out.
        String extra = System.getProperty("bench.cliArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        Path out = work.resolve("cli.out");
        // In the work folder: apply keeps its checkpoint under the current folder.
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DYNASEED_JAVA_OPTS", String.join(" ", jvmOptions));
        // The wall clock just before the process is started: ProcessHandle's start instant is built on the boot
        // time in whole seconds (Linux /proc/stat), up to a second off.
        long spawned = System.currentTimeMillis();
        Process process = builder.directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(work.resolve("cli.err").toFile())
                .start();
        int exit = process.waitFor();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException(
                    "dynaseed apply exited with " + exit + ": " + text + Files.readString(work.resolve("cli.err")));
        }
        return new CliRun(JSON.readTree(text), spawned);
    }

    /** A table of {@code spec}'s shape, created empty with dynaseed's pipeline; the spec with {@code items} items. */
    private TableSpec emptyTable(String name, BiFunction<String, Long, String> spec) throws IOException {
        Path file = work.resolve(name + ".yaml");
        Files.writeString(file, spec.apply(name, 0L));
        Spec empty = SpecReader.read(file);
        new Pipeline(engineClient(), Dynalite.target().describe(), ApplyOptions.defaults())
                .apply(empty, SeedProgress.NONE);
        Files.writeString(file, spec.apply(name, items));
        return SpecReader.read(file).tables().get(0);
    }

    /** The seed's way: one PutItem per row, one after another, with the same SDK. */
    private double putItemPerRow(String name, BiFunction<String, Long, String> spec) throws IOException {
        TableSpec table = emptyTable(name, spec);
        DynamoDbClient client = engineClient();
        Iterator<Map<String, AttributeValue>> it =
                Seeder.generated(table, 2, Instant.now()).iterator();
        long started = System.nanoTime();
        long n = 0;
        while (it.hasNext()) {
            Map<String, AttributeValue> item = it.next();
            client.putItem(r -> r.tableName(name).item(item));
            n++;
        }
        return n * 1e9 / (System.nanoTime() - started);
    }

    private record Ceiling(int threads, double itemsPerSecond) {}

    /**
     * Pre-built 25-item requests sent by a minimal loop on 1, 2, 4, 8 and 16 threads; the best. Each thread count
     * writes the same items into a new empty table, as dynaseed does: overwriting items already there is other work.
     */
    private Ceiling ceiling(String name, BiFunction<String, Long, String> spec) throws Exception {
        Ceiling best = new Ceiling(0, 0);
        for (int threads : THREADS) {
            double rate = ceilingAt(threads, name + "_" + threads, spec);
            System.out.printf("   ceiling at %2d threads: %8.0f items/s%n", threads, rate);
            if (rate > best.itemsPerSecond) {
                best = new Ceiling(threads, rate);
            }
        }
        return best;
    }

    /** Pre-built 25-item requests into the new table {@code tableName}, sent by a minimal loop on {@code threads}. */
    private double ceilingAt(int threads, String tableName, BiFunction<String, Long, String> spec) throws Exception {
        DynamoDbClient client = engineClient();
        TableSpec table = emptyTable(tableName, spec);
        List<BatchWriteItemRequest> requests = new ArrayList<>();
        List<WriteRequest> batch = new ArrayList<>();
        Iterator<Map<String, AttributeValue>> it =
                Seeder.generated(table, 3, Instant.now()).iterator();
        while (it.hasNext()) {
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(it.next()).build())
                    .build());
            if (batch.size() == 25 || !it.hasNext()) {
                requests.add(BatchWriteItemRequest.builder()
                        .requestItems(Map.of(tableName, List.copyOf(batch)))
                        .build());
                batch.clear();
            }
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong unprocessed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        var response = client.batchWriteItem(requests.get(i));
                        unprocessed.addAndGet(response.unprocessedItems().values().stream()
                                .mapToLong(List::size)
                                .sum());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return (items - unprocessed.get()) * 1e9 / (System.nanoTime() - started);
        } finally {
            pool.shutdown();
        }
    }

    /** Figure 4: the adaptive writer against an endpoint with 20 ms latency and a capacity, vs a fixed 64. */
    private void capacity() throws Exception {
        System.out.println();
        double capacity = Double.parseDouble(System.getProperty("bench.capacity", "10000"));
        long count = Long.getLong("bench.capacityItems", (long) capacity * 10);
        System.out.println("== the writer against an endpoint answering after 20 ms, writing at most " + (long) capacity
                + " items/s (throttling above it), " + count + " seed-shape items");
        Path file = work.resolve("bench_capacity.yaml");
        Files.writeString(file, Shapes.seed("bench_capacity", count));
        TableSpec table = SpecReader.read(file).tables().get(0);
        System.out.printf("%-40s %10s %10s %12s %10s%n", "writer", "items/s", "of capacity", "throttled", "requests");
        double adaptive = 0;
        long throttled = 0;
        long requests = 0;
        // A pass that is not measured first, then each writer twice, alternately: the verdict takes the second
        // (warm) pass of the adaptive writer, so that neither writer pays for the JIT compiling its path.
        warmUp(capacity, count / 4);
        for (boolean adapt : new boolean[] {true, false, true, false}) {
            try (CapacityLimitedEndpoint endpoint = CapacityLimitedEndpoint.start(
                            Duration.ofMillis(20), capacity, 0.1, Set.of("transaction_id", "access_timestamp"), false);
                    DynamoDbClient client = DynamoDbClients.create(
                            new Target.Local(endpoint.port()), CallTimeouts.defaults(), CLI_HTTP);
                    BatchWriter writer =
                            new BatchWriter(client, WriteOptions.defaults().withAdaptive(adapt))) {
                long started = System.nanoTime();
                SeedOutcome outcome =
                        new Seeder(client, writer).seed(table, 4, Instant.now(), SeedProgress.NONE, RunDeadline.none());
                double rate = outcome.written() * 1e9 / (System.nanoTime() - started);
                System.out.printf(
                        "%-40s %10.0f %10.2f %12d %10d%n",
                        adapt ? "adaptive (default), ceiling 64" : "fixed 64 in flight (--fixed-concurrency)",
                        rate,
                        rate / capacity,
                        endpoint.throttledRequests(),
                        endpoint.requests());
                if (outcome.written() != count) {
                    System.out.println("   written " + outcome.written() + " of " + count + ": " + outcome.errors());
                }
                if (adapt) {
                    adaptive = rate / capacity;
                    throttled = endpoint.throttledRequests();
                    requests = endpoint.requests();
                }
            }
        }
        verdict("4: adaptive writer's items/s of capacity", adaptive, 0.8);
        // A storm: more than one request in ten throttled.
        verdict("4: requests not throttled (no storm above 10%)", 1 - (double) throttled / requests, 0.9);
    }

    /** Writes {@code count} seed-shape items to a capacity-limited endpoint, measuring nothing. */
    private void warmUp(double capacity, long count) throws Exception {
        Path file = work.resolve("bench_warm_up.yaml");
        Files.writeString(file, Shapes.seed("bench_warm_up", count));
        TableSpec table = SpecReader.read(file).tables().get(0);
        try (CapacityLimitedEndpoint endpoint = CapacityLimitedEndpoint.start(
                        Duration.ofMillis(20), capacity, 0.1, Set.of("transaction_id", "access_timestamp"), false);
                DynamoDbClient client =
                        DynamoDbClients.create(new Target.Local(endpoint.port()), CallTimeouts.defaults(), CLI_HTTP);
                BatchWriter writer = new BatchWriter(client, WriteOptions.defaults())) {
            new Seeder(client, writer).seed(table, 4, Instant.now(), SeedProgress.NONE, RunDeadline.none());
        }
    }

    /** How long from the CLI's JVM start until its first item reaches the engine (the table exists already). */
    private void firstItem() throws Exception {
        System.out.println();
        System.out.println("== time to the first item: dynaseed apply in a fresh JVM, the table already there");
        Path file = work.resolve("bench_first.yaml");
        Files.writeString(file, Shapes.seed("bench_first", 100));
        new Pipeline(engineClient(), Dynalite.target().describe(), ApplyOptions.defaults())
                .apply(SpecReader.read(file), SeedProgress.NONE);
        List<Long> fromLauncher = new ArrayList<>();
        List<Long> fromJvm = new ArrayList<>();
        // One run first, not counted: after a build, the launcher's first apply writes its class archive.
        for (int run = 0; run < 4; run++) {
            Path startLog = work.resolve("jvm-start-" + run + ".log");
            try (RecordingTcpProxy proxy =
                    new RecordingTcpProxy(Dynalite.target().endpoint().getPort(), "BatchWriteItem")) {
                // The JVM's first log line carries the wall clock and the JVM's uptime: their difference is when
                // the JVM started, to the millisecond (after the launcher script's own work).
                CliRun cli =
                        cli(file, proxy.url(), List.of("-Xlog:gc+init=info:file=" + startLog + ":time,uptimemillis"));
                if (run > 0) {
                    fromLauncher.add(proxy.firstSeenMillis() - cli.spawnedMillis());
                    fromJvm.add(proxy.firstSeenMillis() - jvmStartMillis(startLog));
                }
            }
        }
        fromLauncher.sort(Long::compare);
        fromJvm.sort(Long::compare);
        System.out.println("launcher start to first BatchWriteItem at the engine, 3 runs after the one that writes"
                + " the class archive: " + fromLauncher + " ms");
        System.out.println("JVM start to first BatchWriteItem at the engine, the same runs: " + fromJvm + " ms");
        System.out.printf("%-52s %8d%n", "first item sent, median ms after launcher start", fromLauncher.get(1));
        String line = String.format(
                "%-52s %8d  target <= %-5s %s",
                "first item sent, median ms after JVM start",
                fromJvm.get(1),
                "1000",
                fromJvm.get(1) <= 1000 ? "PASS" : "FAIL");
        System.out.println(line);
        verdicts.add(line);
    }

    /** When the JVM that wrote {@code log} started: its first line's wall clock ({@code time}) minus its uptime. */
    private static long jvmStartMillis(Path log) throws IOException {
        String first = Files.readAllLines(log, StandardCharsets.UTF_8).get(0);
        Matcher m = JVM_LOG_LINE.matcher(first);
        if (!m.find()) {
            throw new IllegalStateException("no time and uptime at the start of " + log + ": " + first);
        }
        return OffsetDateTime.parse(m.group(1), JVM_LOG_TIME).toInstant().toEpochMilli() - Long.parseLong(m.group(2));
    }

    /** 1,000,000 items written by the seeder in a JVM with -Xmx256m; its peak heap. */
    private void heap(long count) throws Exception {
        System.out.println();
        System.out.println(
                "== " + count + " seed-shape items in a JVM with -Xmx256m (to an endpoint that stores nothing)");
        try (CapacityLimitedEndpoint endpoint = CapacityLimitedEndpoint.start(
                Duration.ZERO, 1e9, 1, Set.of("transaction_id", "access_timestamp"), false)) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            HeapRun.class.getName(),
                            Long.toString(count),
                            endpoint.url())
                    .inheritIO()
                    .start();
            int exit = process.waitFor();
            String line = Files.readString(Path.of(System.getProperty("java.io.tmpdir"), "dynaseed-heap-run.txt"));
            System.out.println(line.strip());
            boolean ok = exit == 0 && endpoint.written() == count;
            String verdict = String.format(
                    "%-52s %8s  %-16s %s",
                    count + " items with -Xmx256m (all written)",
                    endpoint.written() == count ? "yes" : "no",
                    "",
                    ok ? "PASS" : "FAIL");
            verdicts.add(verdict);
        }
    }
}
