package dev.dynaseed.cli;

import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** dynaseed run as a real process (its own JVM), so that it can be sent signals or killed. */
final class ChildCli {
    private static final int SIGINT = 2;

    private ChildCli() {}

    /** Starts {@code dynaseed args} in {@code directory}, its stdout and stderr going to {@code out} and {@code err}. */
    static Process start(Path directory, Path out, Path err, String... args) throws IOException {
        return start(List.of(), directory, out, err, args);
    }

    /** As {@link #start(Path, Path, Path, String...)}, the child's JVM started with {@code jvmOptions} too. */
    static Process start(List<String> jvmOptions, Path directory, Path out, Path err, String... args)
            throws IOException {
        return start(jvmOptions, Map.of(), directory, out, err, args);
    }

    /** As {@link #start(List, Path, Path, Path, String...)}, with {@code environment} added to the child's. */
    static Process start(
            List<String> jvmOptions,
            Map<String, String> environment,
            Path directory,
            Path out,
            Path err,
            String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (sigintIgnored()) {
            // A test run started in the background by a non-interactive shell (`nohup ./mvnw verify &`) ignores
            // SIGINT, and so would the child it starts, which would then never see the Ctrl-C these tests send.
            // The JVM cannot undo that itself; GNU env can, for the child only.
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "-Ddynaseed.home=" + Dynalite.projectHome(),
                Dynaseed.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder.directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
    }

    /** Whether this JVM was started with SIGINT ignored (bit 2 of {@code SigIgn} in its /proc status, on Linux). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .map(line -> new BigInteger(line.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(mask -> mask.testBit(SIGINT - 1));
    }

    /** Sends SIGINT (what Ctrl-C sends) to {@code process}. */
    static void interrupt(Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                .inheritIO()
                .start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -INT " + process.pid() + " failed");
        }
    }
}
