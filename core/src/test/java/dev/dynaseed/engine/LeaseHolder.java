package dev.dynaseed.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A stand-in for a dynaseed command in a child JVM: joins (or starts) the engine of a data folder, or with only a home
 * starts an in-memory engine (as the test suite does), says "ready PID" on stdout, then waits to be killed. Tests
 * kill it with {@code destroyForcibly} (SIGKILL, like {@code kill -9}).
 */
public final class LeaseHolder {
    private LeaseHolder() {}

    public static void main(String[] args) throws Exception {
        EngineConfig config = args.length == 1
                ? EngineConfig.inMemory(Path.of(args[0]), 0)
                : EngineConfig.onDisk(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
        LocalEngine engine = LocalEngine.start(config);
        System.out.println("ready " + engine.pid());
        System.out.flush();
        // Bounded even if the test that started it dies first: then the engine is released normally.
        Thread.sleep(120_000);
        engine.close();
    }

    /** A holder running in a child JVM, and the pid of the engine it holds. */
    record Held(Process child, long enginePid) {}

    /** Starts a holder in a child JVM and returns it once it holds its lease. */
    static Process spawn(Path home, Path dataDir, int port) throws Exception {
        return spawn(List.of(home.toString(), dataDir.toString(), Integer.toString(port)))
                .child();
    }

    /** Starts a child JVM that starts an in-memory engine; returns once the engine answers. */
    static Held spawnInMemory(Path home) throws Exception {
        return spawn(List.of(home.toString()));
    }

    private static Held spawn(List<String> args) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(
                List.of(javaCommand, "-cp", System.getProperty("java.class.path"), LeaseHolder.class.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        var reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return String.valueOf(reader.readLine());
            } catch (IOException e) {
                return "failed: " + e;
            }
        });
        String ready;
        try {
            ready = line.get(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not report ready within 120 s", e);
        }
        if (!ready.startsWith("ready ")) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM failed: " + ready);
        }
        return new Held(child, Long.parseLong(ready.substring("ready ".length()).strip()));
    }
}
