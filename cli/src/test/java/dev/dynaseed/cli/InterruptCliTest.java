package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.engine.EngineConfig;
import dev.dynaseed.engine.LocalEngine;
import dev.dynaseed.seed.TableItems;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Ctrl-C (a real SIGINT to a real dynaseed process) during apply: a partial report, the engine stopped, exit 130. */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class InterruptCliTest {
    private static final Pattern INTERRUPTED =
            Pattern.compile("Interrupted \\(Ctrl-C\\): (\\d+) items written, (\\d+) failed, (\\d+) not attempted");

    @TempDir
    Path dir;

    private final int port = Dynalite.freePort();

    @AfterEach
    void stopWhatIsLeft() {
        Cli.run(
                "local",
                "stop",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir().toString());
    }

    private Path dataDir() {
        return dir.resolve("data");
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

    @Test
    void ctrlC_duringApply_finishesTheWritesInFlight_reportsThem_stopsTheEngine_andExits130() throws Exception {
        String table = "interrupted_table";
        Path spec = spec(table, 1_000_000);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process child = ChildCli.start(
                dir,
                out,
                err,
                "apply",
                "-f",
                spec.toString(),
                "--samples",
                "0",
                "--write-concurrency",
                "2",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir().toString());
        try (DynamoDbClient client = DynamoDbClients.create(new dev.dynaseed.connection.Target.Local(port))) {
            awaitRows(child, () -> TableItems.count(client, table));
            ChildCli.interrupt(child);
            assertThat(child.waitFor(300, TimeUnit.SECONDS))
                    .as("exited after Ctrl-C")
                    .isTrue();
        } finally {
            child.destroyForcibly();
        }

        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        assertThat(child.exitValue()).as(stderr).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(stderr)
                .contains("interrupted: finishing the writes in flight, then reporting; press Ctrl-C again to stop at"
                        + " once")
                .doesNotContain("stopped:");
        assertThat(stdout)
                .contains("TABLE", "WRITTEN", table)
                .contains(table + ": ")
                .contains(" items not started: the run was interrupted")
                .containsPattern("PARTIAL: 1 table, \\d+ of 1000000 items written");
        Matcher line = INTERRUPTED.matcher(stdout);
        assertThat(line.find()).as(stdout).isTrue();
        long written = Long.parseLong(line.group(1));
        assertThat(Long.parseLong(line.group(2))).as("failed").isZero();
        assertThat(written + Long.parseLong(line.group(3))).isEqualTo(1_000_000);
        assertThat(written).isBetween(1L, 999_999L);
        assertThat(stdout).contains("write the rest with: dynaseed apply --resume -f " + spec);
        assertThat(dynaliteOf(dataDir()))
                .as("the engine this run started is stopped")
                .isEmpty();

        try (LocalEngine engine = LocalEngine.start(EngineConfig.onDisk(Dynalite.projectHome(), dataDir(), port));
                DynamoDbClient client = DynamoDbClients.create(engine.target())) {
            assertThat(TableItems.count(client, table))
                    .as("the table holds what the report says was written")
                    .isEqualTo(written);
        }
    }

    @Test
    void aSecondCtrlC_stopsAtOnce_withoutWaitingForTheWritesInFlight() throws Exception {
        String table = Dynalite.uniqueTableName("twice_interrupted");
        Path spec = spec(table, 1_000_000);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process child;
        try (FreezingEndpoint endpoint = new FreezingEndpoint(Dynalite.target().endpoint())) {
            child = ChildCli.start(
                    dir,
                    out,
                    err,
                    "apply",
                    "-f",
                    spec.toString(),
                    "--samples",
                    "0",
                    "--write-concurrency",
                    "2",
                    "--endpoint-url",
                    endpoint.url(),
                    // Writes held by the frozen endpoint would keep a clean stop waiting this long.
                    "--request-timeout",
                    "600");
            try {
                awaitRows(child, () -> TableItems.count(Dynalite.client(), table));
                endpoint.freeze();
                ChildCli.interrupt(child);
                awaitText(err, "interrupted: finishing the writes in flight", child);
                ChildCli.interrupt(child);
                assertThat(child.waitFor(120, TimeUnit.SECONDS))
                        .as("the second Ctrl-C ended the process while its writes were still held")
                        .isTrue();
            } finally {
                child.destroyForcibly();
            }
        }

        String stderr = Files.readString(err);
        assertThat(child.exitValue()).as(stderr).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(stderr.lines().toList())
                .last()
                .isEqualTo("stopped: dynaseed apply was stopped before it finished; tables may be partly created and"
                        + " items partly written (see them with 'dynaseed tables')");
        assertThat(Files.readString(out)).doesNotContain("Interrupted (Ctrl-C)");
    }

    /** Waits (bounded) until the child has written rows: mid-seed. */
    private static void awaitRows(Process child, LongSupplier count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive())
                    .as("the apply ended before it was interrupted")
                    .isTrue();
            try {
                if (count.getAsLong() > 0) {
                    return;
                }
            } catch (ResourceNotFoundException e) {
                // Not created yet.
            } catch (RuntimeException e) {
                // The engine is not up yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the apply wrote no rows within 180 s");
    }

    private static void awaitText(Path file, String text, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(file).contains(text)) {
            assertThat(child.isAlive()).as("ended before printing " + text).isTrue();
            assertThat(System.nanoTime()).as("waiting for " + text).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static List<ProcessHandle> dynaliteOf(Path dataDir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("dynalite"))
                .filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString()))
                .toList();
    }
}
