package dev.dynaseed.engine;

import dev.dynaseed.connection.DynamoDbClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynamodb-admin, the web UI that shows the local engine's tables and items: started beside an engine kept running by
 * {@code dynaseed local start --admin}, recorded in the data folder's {@code admin.pid}, and stopped whenever that
 * engine stops.
 */
public final class AdminUi {
    /** dynamodb-admin's own default port. */
    public static final int DEFAULT_PORT = 8001;

    /** The bound on one check that the UI answers. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AdminUi.class);

    private AdminUi() {}

    /**
     * The UI as it runs for a data folder.
     *
     * @param pid its process
     * @param port its port on 127.0.0.1
     * @param enginePort the engine it shows
     * @param logFile where its output goes
     * @param started whether this call started it (false: it was running already)
     */
    public record Running(long pid, int port, int enginePort, Path logFile, boolean started) {
        public Running {
            Objects.requireNonNull(logFile, "logFile");
        }

        /** The page to open in a browser. */
        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    /**
     * Starts the UI on {@code port} against the engine on {@code enginePort}, installing it on first use, and returns
     * once its page answers; returns the running one when it already shows that engine.
     */
    public static Running start(EngineConfig config, int enginePort, int port) {
        Path pidFile = config.adminPidFile().orElseThrow(() -> new IllegalArgumentException("no data folder"));
        Path logFile = config.adminLogFile().orElseThrow();
        try (EngineLock lock = EngineLock.acquire(config.lockFile().orElseThrow(), config.lockTimeout())) {
            Optional<Running> running = read(pidFile, logFile);
            if (running.isPresent() && running.get().enginePort() == enginePort) {
                return running.get();
            }
            running.ifPresent(stale -> stop(stale, pidFile));
            NodeRuntime.ensureAdminInstalled(config);
            if (EngineProbe.listening(port)) {
                throw new EngineException("port " + port + " on 127.0.0.1 is already in use by another program, so the"
                        + " admin UI cannot start there; pick another with --admin-port " + (port + 1));
            }
            Process process = launch(config, enginePort, port, logFile);
            Running started = new Running(process.pid(), port, enginePort, logFile, true);
            write(pidFile, started);
            LOG.info("admin UI started (pid {}) at {}", started.pid(), started.url());
            return started;
        }
    }

    /** Whether dynamodb-admin is installed already (else {@link #start} runs {@code npm ci} for it first). */
    public static boolean installed(EngineConfig config) {
        return Files.isRegularFile(config.adminScript());
    }

    /** The UI running for the data folder, if any. */
    public static Optional<Running> status(EngineConfig config) {
        return config.adminPidFile()
                .flatMap(file -> read(file, config.adminLogFile().orElseThrow()));
    }

    /** Stops the data folder's UI if one runs; true when one was stopped. */
    public static boolean stop(EngineConfig config) {
        return config.dataDir().map(AdminUi::stopFor).orElse(false);
    }

    /** Stops the UI recorded in {@code dataDir}, as the engine of that folder stops. */
    static boolean stopFor(Path dataDir) {
        Path pidFile = dataDir.resolve("admin.pid");
        Optional<Running> running = read(pidFile, dataDir.resolve("admin.log"));
        running.ifPresent(ui -> stop(ui, pidFile));
        deleteQuietly(pidFile);
        return running.isPresent();
    }

    private static void stop(Running ui, Path pidFile) {
        ProcessHandle.of(ui.pid()).ifPresent(EngineProcess::terminate);
        deleteQuietly(pidFile);
        LOG.info("admin UI stopped (pid {})", ui.pid());
    }

    private static Process launch(EngineConfig config, int enginePort, int port, Path logFile) {
        List<String> command = new ArrayList<>(List.of(
                config.nodeCommand(),
                config.adminScript().toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--dynamo-endpoint",
                "http://127.0.0.1:" + enginePort));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> environment = builder.environment();
        // The UI only ever talks to the local engine: it gets no credential of the user, only its placeholders.
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("AWS_REGION", DynamoDbClients.LOCAL_REGION.id());
        Process process;
        long logStart;
        try {
            Files.createDirectories(logFile.getParent());
            logStart = markStart(logFile, port);
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new EngineException(
                    "the admin UI could not be started (" + e.getMessage() + "); see its log: " + logFile, e);
        }
        try {
            awaitPage(process, port, config.startTimeout(), logFile, logStart);
        } catch (RuntimeException e) {
            EngineProcess.terminate(process.toHandle());
            throw e;
        }
        return process;
    }

    private static long markStart(Path logFile, int port) throws IOException {
        String marker = "--- dynaseed: admin UI start at " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on port "
                + port + " ---\n";
        Files.writeString(
                logFile,
                marker,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        return Files.size(logFile);
    }

    /** Waits until the UI's page answers 200, the process exits, or the bound passes. */
    private static void awaitPage(Process process, int port, Duration timeout, Path logFile, long logStart) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(CALL_TIMEOUT)
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        long delayMillis = 50;
        String lastReason = "nothing listening on the port yet";
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new EngineException("the admin UI exited at start with code " + process.exitValue()
                            + "; see its log: " + logFile + EngineProcess.tail(logFile, logStart));
                }
                if (EngineProbe.listening(port)) {
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            return;
                        }
                        lastReason = "its page answered HTTP " + response.statusCode();
                    } catch (IOException e) {
                        lastReason = String.valueOf(e.getMessage());
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new EngineException("the admin UI at http://127.0.0.1:" + port + " did not answer within "
                            + timeout.toSeconds() + " s (" + lastReason + "); see its log: " + logFile
                            + EngineProcess.tail(logFile, logStart));
                }
                Thread.sleep(delayMillis);
                delayMillis = Math.min(250, delayMillis * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while starting the admin UI", e);
        }
    }

    private static Optional<Running> read(Path pidFile, Path logFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        Properties recorded = new Properties();
        try (var reader = Files.newBufferedReader(pidFile, StandardCharsets.UTF_8)) {
            recorded.load(reader);
            long pid = Long.parseLong(recorded.getProperty("pid", "-1").trim());
            int port = Integer.parseInt(recorded.getProperty("port", "-1").trim());
            int enginePort =
                    Integer.parseInt(recorded.getProperty("enginePort", "-1").trim());
            boolean alive = pid > 0
                    && ProcessHandle.of(pid)
                            .filter(ProcessHandle::isAlive)
                            .filter(handle -> handle.info()
                                    .commandLine()
                                    .orElse("dynamodb-admin")
                                    .contains("dynamodb-admin"))
                            .isPresent();
            return alive ? Optional.of(new Running(pid, port, enginePort, logFile, false)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            LOG.debug("unreadable admin pid file {}: {}", pidFile, e.toString());
            return Optional.empty();
        }
    }

    private static void write(Path pidFile, Running ui) {
        String text = "pid=" + ui.pid() + "\nport=" + ui.port() + "\nenginePort=" + ui.enginePort() + "\n";
        try {
            Files.writeString(pidFile, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            ProcessHandle.of(ui.pid()).ifPresent(EngineProcess::terminate);
            throw new EngineException(
                    "cannot write the admin UI's pid file " + pidFile + " (" + e.getMessage()
                            + "); check that the data folder is writable",
                    e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", file, e.toString());
        }
    }
}
