package dev.dynaseed.cli;

import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** dynaseed run as a real process (its own JVM), so that it can be sent signals or killed. */
final class ChildCli {
    private ChildCli() {}

    /** Starts {@code dynaseed args} in {@code directory}, its stdout and stderr going to {@code out} and {@code err}. */
    static Process start(Path directory, Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "-Ddynaseed.home=" + Dynalite.projectHome(),
                Dynaseed.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
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
