package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.testing.Dynalite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The line printed when a running command is stopped (kill -TERM): which command, and what it may have left. */
class StoppedLineTest {
    @TempDir
    Path dir;

    private static Optional<String> stoppedDuring(String... args) {
        CommandLine commandLine = Dynaseed.commandLine();
        commandLine.parseArgs(args);
        return Dynaseed.stoppedLine(commandLine);
    }

    @Test
    void apply_saysItemsMayBePartlyWritten() {
        assertThat(stoppedDuring("apply", "-f", "b.yaml"))
                .contains("stopped: dynaseed apply was stopped before it finished; tables may be partly created and"
                        + " items partly written (see them with 'dynaseed tables')");
    }

    @Test
    void destroy_saysSomeTablesMayBeDeletedAlready() {
        assertThat(stoppedDuring("destroy", "--yes"))
                .contains("stopped: dynaseed destroy was stopped before it finished; some tables may be deleted"
                        + " already (see them with 'dynaseed tables')");
    }

    @Test
    void aReadingCommand_saysOnlyThatItWasStopped() {
        assertThat(stoppedDuring("plan")).contains("stopped: dynaseed plan was stopped before it finished");
    }

    @Test
    void nothing_beforeACommandWasChosen() {
        assertThat(Dynaseed.stoppedLine(Dynaseed.commandLine())).isEmpty();
    }

    @Test
    void aTerminatedApply_printsOneLineSayingItWasStopped() throws Exception {
        String table = Dynalite.uniqueTableName("terminated");
        Path spec = dir.resolve("big.yaml");
        Files.writeString(
                spec,
                "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                        + "    seed: {count: 2000000, attributes: {id: uuid4}}\n");
        Path stderr = dir.resolve("stderr.txt");
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        javaCommand,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Dynaseed.class.getName(),
                        "apply",
                        "-f",
                        spec.toString(),
                        "--endpoint-url",
                        Dynalite.target().endpoint().toString(),
                        "--samples",
                        "0",
                        "--write-concurrency",
                        "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        try {
            awaitSeeding(table, child);
            child.destroy();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(child.exitValue()).isEqualTo(143);
        assertThat(Files.readString(stderr))
                .isEqualTo("stopped: dynaseed apply was stopped before it finished; tables may be partly created and"
                        + " items partly written (see them with 'dynaseed tables')\n");
    }

    /** Waits (bounded) until the child has written items to {@code table}: mid-seed. */
    private static void awaitSeeding(String table, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive())
                    .as("the apply ended before it was stopped")
                    .isTrue();
            try {
                if (Dynalite.client().scan(r -> r.tableName(table).limit(1)).count() > 0) {
                    return;
                }
            } catch (ResourceNotFoundException e) {
                // Not created yet.
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the apply did not start writing " + table + " within 120 s");
    }
}
