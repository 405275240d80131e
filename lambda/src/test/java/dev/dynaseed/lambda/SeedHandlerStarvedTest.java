package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The function's deadline under CPU starvation, as at 512 MB where Lambda gives a function a fraction of a core: the
 * handler runs in a JVM of its own limited to one processor (and pinned to one core where {@code taskset} exists)
 * while spinning threads keep every core of the machine busy, with too little time to finish its seed.
 */
class SeedHandlerStarvedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The invocation's timeout: short, so the spinning ends soon; the seed below needs far longer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(12);

    private static final long ITEMS = 200_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void handleRequest_returnsBeforeTheDeadline_withEveryItemAccountedFor_whenStarvedOfCpu() throws Exception {
        String table = Dynalite.uniqueTableName("starved");
        String spec = "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                + "    seed: {count: " + ITEMS + ", attributes: {id: uuid4, at: isoTimestamp, n: {generator: intRange,"
                + " min: 1, max: 9}}}\n";
        int port = Dynalite.target().port();
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/taskset"))) {
            command.addAll(List.of("/usr/bin/taskset", "-c", "0"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=1",
                // What Lambda's java17 and java21 runtimes start the JVM with.
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                StarvedInvocation.class.getName(),
                Integer.toString(port),
                Long.toString(TIMEOUT.toMillis()),
                spec));

        Process child;
        boolean ended;
        try (Spinners spinners =
                Spinners.start(2 * Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(90))) {
            child = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            ended = child.waitFor(TIMEOUT.toSeconds() + 60, TimeUnit.SECONDS);
            if (!ended) {
                child.destroyForcibly();
            }
        }
        assertThat(ended).as("the child JVM ended").isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        System.out.print("starved invocation's log:\n" + errors);
        assertThat(child.exitValue()).as(errors).isZero();
        long left = Long.parseLong(value(lines, StarvedInvocation.LEFT));
        long past = Long.parseLong(value(lines, StarvedInvocation.PAST));
        JsonNode response = JSON.readTree(value(lines, StarvedInvocation.RESPONSE));
        JsonNode body = JSON.readTree(response.get("body").asText());
        JsonNode seed = body.get("tables").get(0).get("seed");
        System.out.printf(
                "starved invocation (1 processor, all cores busy): returned with %d ms of %d ms left; written %d,"
                        + " failed %d, skipped %d of %d%n",
                left,
                TIMEOUT.toMillis(),
                seed.get("written").asLong(),
                seed.get("failed").asLong(),
                seed.get("skipped").asLong(),
                seed.get("requested").asLong());

        assertThat(past).as("ms past the deadline").isZero();
        assertThat(left).as("ms left when the handler returned").isPositive();
        assertThat(response.get("statusCode").asInt()).isEqualTo(500);
        assertThat(body.get("deadlineReached").asBoolean()).isTrue();
        assertThat(seed.get("requested").asLong()).isEqualTo(ITEMS);
        assertThat(seed.get("written").asLong()
                        + seed.get("failed").asLong()
                        + seed.get("skipped").asLong())
                .isEqualTo(ITEMS);
        assertThat(seed.get("skipped").asLong()).isPositive();
    }

    private static String value(List<String> lines, String prefix) {
        Optional<String> line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
        assertThat(line).as("a line starting '" + prefix + "' in " + lines).isPresent();
        return line.get().substring(prefix.length());
    }

    /** Threads that keep the machine's cores busy until closed, or until their bound passes. */
    private static final class Spinners implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();

        static Spinners start(int count, Duration bound) {
            Spinners spinners = new Spinners();
            long endNanos = System.nanoTime() + bound.toNanos();
            for (int i = 0; i < count; i++) {
                Thread thread = new Thread(
                        () -> {
                            long x = 0;
                            while (!spinners.stop.get() && System.nanoTime() < endNanos) {
                                x += x * 31 + 7;
                            }
                            if (x == 42) {
                                System.out.print("");
                            }
                        },
                        "cpu-spinner-" + i);
                thread.setDaemon(true);
                thread.start();
                spinners.threads.add(thread);
            }
            return spinners;
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }
    }
}
