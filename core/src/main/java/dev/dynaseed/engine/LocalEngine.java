package dev.dynaseed.engine;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local DynamoDB-compatible engine: dynalite under Node.js on 127.0.0.1, its tables kept on disk (or in memory
 * for tests). {@link #start} reuses an engine already running for the same data folder; {@link #close} stops the
 * engine only if this handle started it and was not {@linkplain #detach() detached}.
 */
public final class LocalEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);

    private final EngineConfig config;
    private final int port;
    private final long pid;
    private final Process process;
    private final Path logFile;
    private Thread shutdownHook;

    private LocalEngine(EngineConfig config, int port, long pid, Process process, Path logFile) {
        this.config = config;
        this.port = port;
        this.pid = pid;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts an engine, or attaches to the one already running for the same data folder. */
    public static LocalEngine start(EngineConfig config) {
        EngineStatus status = status(config);
        if (status.running()) {
            LOG.info(
                    "local engine already running (pid {}, port {})",
                    status.pid().get(),
                    status.port().get());
            return new LocalEngine(config, status.port().get(), status.pid().get(), null, status.logFile());
        }
        NodeRuntime.requireNode(config.nodeCommand());
        NodeRuntime.ensureInstalled(config);
        int port = config.port() == 0 ? freePort() : config.port();
        if (portTaken(port)) {
            throw new EngineException("port " + port + " on 127.0.0.1 is already in use by another program; pick"
                    + " another with --port " + (port + 1) + ", or stop that program");
        }
        Path logFile = logFile(config);
        List<String> command = new ArrayList<>(List.of(
                config.nodeCommand(),
                config.dynaliteScript().toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--createTableMs",
                "50",
                "--deleteTableMs",
                "50",
                "--updateTableMs",
                "50"));
        config.dataDir().ifPresent(dir -> {
            command.add("--path");
            command.add(dir.resolve("db").toString());
        });
        Process process;
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new EngineException(
                    "the local engine could not be started (" + e.getMessage() + "); see its" + " log: " + logFile, e);
        }
        LocalEngine engine = new LocalEngine(config, port, process.pid(), process, logFile);
        engine.shutdownHook = new Thread(engine::stopProcess, "dynaseed-engine-stop");
        Runtime.getRuntime().addShutdownHook(engine.shutdownHook);
        try {
            engine.awaitReady();
            config.pidFile().ifPresent(file -> writePidFile(file, process.pid(), port));
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        LOG.info("local engine started (pid {}, port {}, log {})", process.pid(), port, logFile);
        return engine;
    }

    /** Whether an engine runs for the config's data folder (in-memory engines are never found this way). */
    public static EngineStatus status(EngineConfig config) {
        Path dataDir = config.dataDir().orElse(config.home());
        Path log = logFile(config);
        Optional<Path> pidFile = config.pidFile();
        if (pidFile.isEmpty() || !Files.isRegularFile(pidFile.get())) {
            return new EngineStatus(false, Optional.empty(), Optional.empty(), dataDir, log);
        }
        Properties recorded = new Properties();
        try (var reader = Files.newBufferedReader(pidFile.get(), StandardCharsets.UTF_8)) {
            recorded.load(reader);
            long pid = Long.parseLong(recorded.getProperty("pid", "-1"));
            int port = Integer.parseInt(recorded.getProperty("port", "-1"));
            boolean alive = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle ->
                            handle.info().commandLine().orElse("dynalite").contains("dynalite"))
                    .isPresent();
            if (alive) {
                return new EngineStatus(true, Optional.of(pid), Optional.of(port), dataDir, log);
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("unreadable pid file {}: {}", pidFile.get(), e.toString());
        }
        deleteQuietly(pidFile.get());
        return new EngineStatus(false, Optional.empty(), Optional.empty(), dataDir, log);
    }

    /** Stops the engine running for the config's data folder; false when none was running. */
    public static boolean stop(EngineConfig config) {
        EngineStatus status = status(config);
        if (!status.running()) {
            return false;
        }
        ProcessHandle.of(status.pid().get()).ifPresent(LocalEngine::terminate);
        config.pidFile().ifPresent(LocalEngine::deleteQuietly);
        return true;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return pid;
    }

    public Path logFile() {
        return logFile;
    }

    /** Whether this handle started the engine (and so stops it on close). */
    public boolean owned() {
        return process != null && shutdownHook != null;
    }

    public Target.Local target() {
        return new Target.Local(port);
    }

    /** Leaves the engine running after this JVM exits (for {@code dynaseed local start}). */
    public void detach() {
        removeShutdownHook();
    }

    @Override
    public void close() {
        if (owned()) {
            removeShutdownHook();
            stopProcess();
            config.pidFile().ifPresent(LocalEngine::deleteQuietly);
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                LOG.debug("JVM already shutting down; the hook stops the engine");
            }
            shutdownHook = null;
        }
    }

    private void stopProcess() {
        if (process != null && process.isAlive()) {
            terminate(process.toHandle());
        }
    }

    private static void terminate(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("engine pid {} did not stop on SIGTERM ({}); killing it", handle.pid(), e.toString());
            handle.destroyForcibly();
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        long delayMillis = 20;
        try (DynamoDbClient client = DynamoDbClients.create(target())) {
            while (true) {
                if (!process.isAlive()) {
                    throw new EngineException("the local engine exited at start with code " + process.exitValue()
                            + "; see its log: " + logFile + tail(logFile));
                }
                if (portTaken(port)) {
                    try {
                        client.listTables(r -> r.limit(1));
                        return;
                    } catch (SdkException e) {
                        LOG.debug("engine not ready yet: {}", e.toString());
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new EngineException("the local engine did not answer within "
                            + config.startTimeout().toSeconds() + " s; see its log: " + logFile + tail(logFile));
                }
                Thread.sleep(delayMillis);
                delayMillis = Math.min(250, delayMillis * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while starting the local engine", e);
        }
    }

    private static boolean portTaken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static Path logFile(EngineConfig config) {
        return config.logFile().orElseGet(() -> {
            try {
                return Files.createTempFile("dynaseed-engine-", ".log");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a log file for the local engine", e);
            }
        });
    }

    private static void writePidFile(Path file, long pid, int port) {
        try {
            Files.writeString(file, "pid=" + pid + "\nport=" + port + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException("cannot write the engine's pid file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", file, e.toString());
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? ""
                    : "\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "local engine (dynalite) pid " + pid + " on 127.0.0.1:" + port + " (log " + logFile + ")";
    }
}
