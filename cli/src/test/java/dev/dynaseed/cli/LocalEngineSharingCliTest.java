package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Real concurrent dynaseed commands on one data folder: none stops the engine under another. */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class LocalEngineSharingCliTest {
    // Deleted by stopWhatIsLeft, which retries: an engine stopping on a loaded machine may still write into its data
    // folder while JUnit's own one-pass cleanup walks it (seen once in CI as DirectoryNotEmptyException).
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
    Path dir;

    private final int port = Dynalite.freePort();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        pool.shutdownNow();
        Cli.run(
                "local",
                "stop",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir().toString());
        assertThat(dynaliteOf(dataDir())).as("no engine left behind").isEmpty();
        deleteWithRetries(dir);
    }

    private static void deleteWithRetries(Path root) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> paths = java.nio.file.Files.walk(root)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(path);
                }
                return;
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                assertThat(attempt).as("deleting %s: %s", root, e).isLessThan(50);
                Thread.sleep(200);
            }
        }
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private String[] args(String... first) {
        return Stream.concat(
                        Stream.of(first),
                        Stream.of(
                                "--port",
                                Integer.toString(port),
                                "--data-dir",
                                dataDir().toString()))
                .toArray(String[]::new);
    }

    private Path spec(String table, int count) throws IOException {
        Path file = dir.resolve(table + ".yaml");
        Files.writeString(
                file,
                "version: 1\ntables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                        + "    seed:\n      count: " + count + "\n      attributes:\n        id: uuid4\n"
                        + "        at: epochMillis\n");
        return file;
    }

    private static List<ProcessHandle> dynaliteOf(Path dataDir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("dynalite"))
                .filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString()))
                .toList();
    }

    private boolean listening() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitFile(Path file, Future<?> stillRunning) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(file)) {
            assertThat(stillRunning.isDone())
                    .as("the command ended before " + file + " appeared")
                    .isFalse();
            assertThat(System.nanoTime()).as("waiting for " + file).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aSmallApplyEndingFirst_doesNotStopTheEngineUnderABigApply_andTheLastOneStopsIt() throws Exception {
        Path small = spec("small_table", 2_000);
        Path big = spec("big_table", 20_000);

        Future<Cli.Result> first = pool.submit(() -> Cli.run(args("apply", "-f", small.toString(), "--samples", "0")));
        awaitFile(dataDir().resolve("engine.pid"), first);
        Future<Cli.Result> second = pool.submit(() -> Cli.run(args("apply", "-f", big.toString(), "--samples", "0")));

        Cli.Result smallResult = first.get(300, TimeUnit.SECONDS);
        Cli.Result bigResult = second.get(300, TimeUnit.SECONDS);

        assertThat(smallResult.exitCode()).as(smallResult.err()).isZero();
        assertThat(bigResult.exitCode()).as(bigResult.err()).isZero();
        assertThat(bigResult.out()).containsPattern("OK: 1 tables?, 20,?000 of 20,?000 items written");
        assertThat(listening()).as("the last command stopped the engine").isFalse();
        assertThat(dynaliteOf(dataDir())).isEmpty();
    }

    @Test
    void twoCommandsStartedTogether_shareOneEngine_andBothSucceed() throws Exception {
        Path one = spec("one_table", 500);
        Path two = spec("two_table", 500);
        CyclicBarrier together = new CyclicBarrier(2);

        Future<Cli.Result> first = pool.submit(() -> {
            together.await(60, TimeUnit.SECONDS);
            return Cli.run(args("apply", "-f", one.toString(), "--samples", "0"));
        });
        Future<Cli.Result> second = pool.submit(() -> {
            together.await(60, TimeUnit.SECONDS);
            return Cli.run(args("apply", "-f", two.toString(), "--samples", "0"));
        });

        for (Cli.Result result : List.of(first.get(300, TimeUnit.SECONDS), second.get(300, TimeUnit.SECONDS))) {
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err()).doesNotContain("exited at start");
        }
        assertThat(listening()).isFalse();
    }

    @Test
    void aKilledApply_leavesItsEngineToTheNextCommand_whichSaysSoAndStopsIt() throws Exception {
        Path big = spec("killed_table", 2_000_000);
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(Stream.concat(
                                Stream.of(
                                        javaCommand,
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        "-Ddynaseed.home=" + Dynalite.projectHome(),
                                        Dynaseed.class.getName()),
                                Stream.of(args(
                                        "apply", "-f", big.toString(), "--samples", "0", "--write-concurrency", "1")))
                        .toList())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long enginePid;
        try {
            CompletableFuture<Process> exit = child.onExit();
            awaitFile(dataDir().resolve("leases").resolve(child.pid() + "-1"), exit);
            awaitSeeding("killed_table", exit);
            Cli.Result held = Cli.run(args("local", "status"));
            assertThat(held.out())
                    .contains("It stops when the last dynaseed command using it ends (now 1 command (pid " + child.pid()
                            + "))");
            enginePid = Long.parseLong(held.out().replaceAll("(?s).*\\(pid (\\d+), data.*", "$1"));
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dynaliteOf(dataDir()))
                .as("kill -9 leaves the engine running")
                .hasSize(1);
        assertThat(Cli.run(args("local", "status")).out())
                .contains("Left running by a dynaseed command that ended; the next command uses it and stops it"
                        + " after itself, or stop it now with: dynaseed local stop");

        Cli.Result next = Cli.run(args("tables"));

        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.err())
                .isEqualTo("note: using the local engine left running by an earlier command that ended (pid "
                        + enginePid + "); it will be stopped when this command ends\n");
        assertThat(next.out()).contains("killed_table");
        assertThat(dynaliteOf(dataDir())).isEmpty();
        assertThat(new String(Files.readAllBytes(dataDir().resolve("engine.log")), StandardCharsets.UTF_8))
                .isNotEmpty();
    }

    /** Waits (bounded) until the child's apply has created {@code table} and written items to it: mid-seed. */
    private void awaitSeeding(String table, CompletableFuture<Process> exit) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (DynamoDbClient client = DynamoDbClients.create(new Target.Local(port))) {
            while (System.nanoTime() < deadline) {
                assertThat(exit).as("the apply ended before it was killed").isNotDone();
                try {
                    if (client.scan(r -> r.tableName(table).limit(1)).count() > 0) {
                        return;
                    }
                } catch (ResourceNotFoundException e) {
                    // Not created yet.
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the apply did not start writing " + table + " within 120 s");
    }
}
