package dev.dynaseed.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches dynalite through dynaseed's launcher ({@code node engine/dynaseed-engine.js .../dynalite/cli.js ...}), waits
 * until it answers, and stops it, each within a bound.
 */
final class EngineProcess {
    /** How long the engine gets to exit on SIGTERM, then again on SIGKILL. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    /** The launcher's file name, which also tells an engine it started from one an earlier dynaseed started. */
    static final String LAUNCHER = "dynaseed-engine.js";

    /** What every engine's command line names, with or without the launcher. */
    private static final String DYNALITE_CLI = "dynalite/cli.js";

    private static final Logger LOG = LoggerFactory.getLogger(EngineProcess.class);

    /** The environment variable naming the process an in-memory engine ends with (read by the launcher script). */
    static final String OWNER_PID = "DYNASEED_ENGINE_OWNER_PID";

    private EngineProcess() {}

    /** Starts dynalite on the port and returns once a ListTables answers; stops it again if that never happens. */
    static Process launch(EngineConfig config, int port, Path logFile) {
        if (!Files.isRegularFile(config.launcherScript())) {
            throw new EngineException("the local engine's launcher " + config.launcherScript() + " is missing; run"
                    + " dynaseed from its checkout (or set DYNASEED_HOME to it), or use --endpoint-url");
        }
        List<String> command = new ArrayList<>(List.of(
                config.nodeCommand(),
                config.launcherScript().toString(),
                config.dynaliteScript().toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--createTableMs",
                Long.toString(EngineConfig.CHANGE_TIME.toMillis()),
                "--deleteTableMs",
                Long.toString(EngineConfig.CHANGE_TIME.toMillis()),
                "--updateTableMs",
                Long.toString(config.updateTime().toMillis())));
        config.dataDir().ifPresent(dir -> {
            command.add("--path");
            command.add(dir.resolve("db").toString());
        });
        Process process;
        long logStart;
        try {
            Files.createDirectories(logFile.getParent());
            logStart = markStart(logFile, port);
            ProcessBuilder builder = new ProcessBuilder(command);
            if (config.dataDir().isEmpty()) {
                // Nobody else can find an in-memory engine, so it ends with this process: also when this process is
                // killed and its shutdown hook never runs (the launcher checks every second that the owner lives).
                builder.environment()
                        .put(OWNER_PID, Long.toString(ProcessHandle.current().pid()));
            } else {
                // A shared engine outlives this command: never tie it to a pid inherited from the environment.
                builder.environment().remove(OWNER_PID);
            }
            process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new EngineException(
                    "the local engine could not be started (" + e.getMessage() + "); see its log: " + logFile, e);
        }
        try {
            awaitReady(process, port, config.startTimeout(), logFile, logStart);
        } catch (RuntimeException e) {
            terminate(process.toHandle());
            throw e;
        }
        return process;
    }

    /**
     * Appends a line marking this start to the log, which keeps every start's lines, and returns the log's size after
     * it: failure messages quote only what follows, never an earlier start's errors.
     */
    private static long markStart(Path logFile, int port) throws IOException {
        String marker = "--- dynaseed: engine start at " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on port "
                + port + " ---\n";
        if (Files.exists(logFile) && Files.size(logFile) > 0 && !endsWithNewline(logFile)) {
            marker = "\n" + marker;
        }
        Files.writeString(
                logFile, marker, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return Files.size(logFile);
    }

    private static boolean endsWithNewline(Path logFile) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) == '\n';
        }
    }

    private static void awaitReady(Process process, int port, Duration timeout, Path logFile, long logStart) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long delayMillis = 20;
        String lastReason = "nothing listening on the port yet";
        try (EngineProbe probe = new EngineProbe(port)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new EngineException("the local engine exited at start with code " + process.exitValue()
                            + "; see its log: " + logFile + tail(logFile, logStart));
                }
                if (EngineProbe.listening(port)) {
                    Optional<String> failure = probe.check();
                    if (failure.isEmpty()) {
                        return;
                    }
                    lastReason = failure.get();
                    LOG.debug("engine not ready yet: {}", lastReason);
                }
                if (System.nanoTime() > deadline) {
                    throw new EngineException("the local engine at http://127.0.0.1:" + port + " did not answer"
                            + " within " + timeout.toSeconds() + " s (" + lastReason + "); see its log: " + logFile
                            + tail(logFile, logStart));
                }
                Thread.sleep(delayMillis);
                delayMillis = Math.min(250, delayMillis * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while starting the local engine", e);
        }
    }

    /** Stops the process: SIGTERM, then SIGKILL; fails with a line naming the pid when even that does not end it. */
    static void terminate(ProcessHandle handle) {
        handle.destroy();
        if (awaitExit(handle)) {
            return;
        }
        LOG.info("engine pid {} did not stop on SIGTERM within {} s; killing it", handle.pid(), STOP_TIMEOUT);
        handle.destroyForcibly();
        if (!awaitExit(handle)) {
            throw new EngineException("the local engine (pid " + handle.pid() + ") did not stop within "
                    + STOP_TIMEOUT.multipliedBy(2).toSeconds() + " s, even on SIGKILL; check it with 'ps -p "
                    + handle.pid() + "'");
        }
    }

    private static boolean awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    /** A dynalite started by dynaseed with a data folder. */
    record Found(long pid, Path dataDir) {}

    /**
     * The dynalite with a data folder that listens on the port, found from its command line (it names
     * {@code dynalite/cli.js}, run through the launcher or, by earlier dynaseed versions, directly; its {@code --path}
     * is {@code DATA/db}); empty for any other program.
     */
    static Optional<Found> engineOn(int port) {
        return ProcessHandle.allProcesses()
                .flatMap(handle -> handle.info().arguments().map(List::of).stream()
                        .filter(args -> args.stream().anyMatch(arg -> arg.endsWith(DYNALITE_CLI)))
                        .filter(args -> valueAfter(args, "--port").equals(Optional.of(Integer.toString(port))))
                        .flatMap(args -> valueAfter(args, "--path").stream())
                        .map(path -> new Found(handle.pid(), Path.of(path).getParent())))
                .findFirst();
    }

    /**
     * Whether the engine process runs dynalite's cli.js without dynaseed's launcher, as dynaseed versions before
     * online index changes started it; false for any other program and when its command line cannot be read.
     */
    static boolean predatesLauncher(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().arguments())
                .map(List::of)
                .map(args -> args.stream().anyMatch(arg -> arg.endsWith(DYNALITE_CLI))
                        && args.stream().noneMatch(arg -> arg.endsWith(LAUNCHER)))
                .orElse(false);
    }

    private static Optional<String> valueAfter(List<String> args, String flag) {
        int index = args.indexOf(flag);
        return index >= 0 && index + 1 < args.size() ? Optional.of(args.get(index + 1)) : Optional.empty();
    }

    /** The last lines the log got from {@code offset} on (this start's), indented, for a failure message. */
    static String tail(Path log, long offset) {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            long size = channel.size();
            if (size <= offset) {
                return "";
            }
            channel.position(offset);
            String text;
            try (InputStream in = Channels.newInputStream(channel)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<String> lines = text.lines().collect(Collectors.toList());
            return lines.isEmpty()
                    ? ""
                    : "\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            LOG.debug("could not read the engine log {}: {}", log, e.toString());
            return "";
        }
    }
}
