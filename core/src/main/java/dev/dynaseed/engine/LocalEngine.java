package dev.dynaseed.engine;

import dev.dynaseed.connection.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local DynamoDB-compatible engine: dynalite under Node.js on 127.0.0.1, its tables kept in a data folder (or in
 * memory for tests), shared safely by every dynaseed command of that folder.
 *
 * <p>The rules: starting, joining and stopping happen under the folder's lock, so concurrent commands never race
 * on the port. A command ({@link #start}) holds a lease while it runs; it stops the engine when it ends only if a
 * command started the engine and no other command still holds a lease. An engine from {@link #startInBackground}
 * ({@code dynaseed local start}) is left running. An engine left by a command that was killed is adopted by the next
 * command, which says so in its {@link #notes()}.
 */
public final class LocalEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);

    private final EngineConfig config;
    private final int port;
    private final long pid;
    private final Path logFile;
    private final boolean started;
    private final List<String> notes;
    private final Optional<Process> inMemory;
    private final Optional<Path> lease;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private LocalEngine(
            EngineConfig config,
            EngineRecord engine,
            Path logFile,
            boolean started,
            List<String> notes,
            Optional<Process> inMemory,
            Optional<Path> lease) {
        this.config = config;
        this.port = engine.port();
        this.pid = engine.pid();
        this.logFile = logFile;
        this.started = started;
        this.notes = List.copyOf(notes);
        this.inMemory = inMemory;
        this.lease = lease;
        if (inMemory.isPresent() || lease.isPresent()) {
            // Ctrl-C or System.exit still gives the engine back: release the lease, stop the engine if last.
            this.shutdownHook = new Thread(this::close, "dynaseed-engine-release");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            this.shutdownHook = null;
        }
    }

    /**
     * For one command: joins the engine running for the data folder, or starts one that the last command using it
     * stops. Close the handle when the command ends.
     */
    public static LocalEngine start(EngineConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.dataDir().isEmpty()) {
            return startInMemory(config);
        }
        return join(config, EngineOwner.RUN);
    }

    /** For {@code dynaseed local start}: an engine for the data folder that stays running until {@link #stop}. */
    public static LocalEngine startInBackground(EngineConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.dataDir().isEmpty()) {
            throw new IllegalArgumentException("a background engine needs a data folder");
        }
        return join(config, EngineOwner.BACKGROUND);
    }

    /** Whether an engine runs for the config's data folder (in-memory engines are never found this way). */
    public static EngineStatus status(EngineConfig config) {
        Path dataDir = config.dataDir().orElse(config.home());
        Path log = logFile(config);
        if (config.dataDir().isEmpty()) {
            return EngineStatus.stopped(dataDir, log);
        }
        Optional<EngineRecord> recorded = EngineRecord.read(config.pidFile().orElseThrow());
        if (recorded.isEmpty() || !recorded.get().alive()) {
            return EngineStatus.stopped(dataDir, log);
        }
        EngineRecord engine = recorded.get();
        return new EngineStatus(
                true,
                Optional.of(engine.pid()),
                Optional.of(engine.port()),
                Optional.of(engine.owner()),
                leases(config).live(),
                dataDir,
                log);
    }

    /**
     * Checks once, within a few seconds, that the engine of the folder answers a ListTables; empty when it does,
     * else why not.
     */
    public static Optional<String> check(int port) {
        try (EngineProbe probe = new EngineProbe(port)) {
            return probe.check();
        }
    }

    /**
     * For {@code dynaseed local stop}: stops the folder's engine, unless commands still use it; then it is handed to
     * them and the last one stops it.
     */
    public static EngineStop stop(EngineConfig config) {
        return stop(config, false);
    }

    /**
     * For {@code dynaseed local stop --force}: stops the folder's engine even while commands use it (their next
     * call fails with a connection error); the result names them.
     */
    public static EngineStop stopEvenIfInUse(EngineConfig config) {
        return stop(config, true);
    }

    private static EngineStop stop(EngineConfig config, boolean evenIfInUse) {
        Path pidFile = config.pidFile().orElseThrow(() -> new IllegalArgumentException("no data folder"));
        try (EngineLock lock = EngineLock.acquire(config.lockFile().orElseThrow(), config.lockTimeout())) {
            Optional<EngineRecord> recorded = EngineRecord.read(pidFile);
            if (recorded.isEmpty() || !recorded.get().alive()) {
                deleteQuietly(pidFile);
                return new EngineStop(EngineStop.Kind.NOT_RUNNING, 0, List.of());
            }
            EngineRecord engine = recorded.get();
            List<Long> users = leases(config).live();
            if (!users.isEmpty() && !evenIfInUse) {
                engine.withOwner(EngineOwner.RUN).write(pidFile);
                return new EngineStop(EngineStop.Kind.IN_USE, engine.pid(), users);
            }
            if (!users.isEmpty()) {
                LOG.info("stopping the local engine (pid {}) while commands use it: {}", engine.pid(), users);
            }
            stopEngine(engine, pidFile);
            return new EngineStop(EngineStop.Kind.STOPPED, engine.pid(), users);
        }
    }

    private static LocalEngine join(EngineConfig config, EngineOwner mode) {
        NodeRuntime.ensureInstalled(config);
        Path dataDir = config.dataDir().orElseThrow();
        Path pidFile = config.pidFile().orElseThrow();
        Leases leases = leases(config);
        List<String> notes = new ArrayList<>();
        try (EngineLock lock = EngineLock.acquire(config.lockFile().orElseThrow(), config.lockTimeout())) {
            Optional<EngineRecord> recorded = EngineRecord.read(pidFile);
            if (recorded.isPresent() && recorded.get().alive()) {
                EngineRecord running = recorded.get();
                if (!EngineProcess.predatesLauncher(running.pid())
                        || !leases.live().isEmpty()) {
                    return joinRunning(config, mode, running, leases, notes);
                }
                // Started by a dynaseed before online index changes and used by no command: restart it as today's.
                stopEngine(running, pidFile);
                notes.add("restarted the local engine of " + dataDir + " (pid " + running.pid() + ", port "
                        + running.port() + "): an earlier dynaseed version had started it without online index"
                        + " create and delete");
                EngineOwner owner = running.owner() == EngineOwner.BACKGROUND ? EngineOwner.BACKGROUND : mode;
                return launchNew(config, running.port(), owner, mode == EngineOwner.RUN, leases, notes);
            }
            if (recorded.isPresent()) {
                deleteQuietly(pidFile);
                notes.add("removed the pid file of a local engine that is no longer running (pid "
                        + recorded.get().pid() + ", " + pidFile + "); starting a new one");
            }
            leases.live();
            int port = config.port() == 0 ? Ports.free() : config.port();
            Optional<EngineRecord> unrecorded = Ports.unrecordedEngine(port, dataDir);
            if (unrecorded.isPresent()) {
                // Its starter died between starting it and writing the pid file: adopt it like a killed run's.
                unrecorded.get().write(pidFile);
                notes.add("found a local engine of " + dataDir + " without a pid file (pid "
                        + unrecorded.get().pid() + ")");
                return joinRunning(config, mode, unrecorded.get(), leases, notes);
            }
            return launchNew(config, port, mode, mode == EngineOwner.RUN, leases, notes);
        }
    }

    /** Under the folder's lock: starts an engine on the port, records it with its owner, and takes a lease if asked. */
    private static LocalEngine launchNew(
            EngineConfig config, int port, EngineOwner owner, boolean takeLease, Leases leases, List<String> notes) {
        Path dataDir = config.dataDir().orElseThrow();
        Path pidFile = config.pidFile().orElseThrow();
        Ports.requireFree(port, dataDir);
        NodeRuntime.requireNode(config.nodeCommand());
        Process process;
        try {
            process = EngineProcess.launch(config, port, logFile(config));
        } catch (EngineException e) {
            // Another folder's engine (or another program) may have taken the port since the check: say so.
            Ports.requireFree(port, dataDir);
            throw e;
        }
        EngineRecord engine = new EngineRecord(
                process.pid(), port, owner, ProcessHandle.current().pid());
        try {
            engine.write(pidFile);
            Optional<Path> lease = takeLease ? Optional.of(leases.take()) : Optional.empty();
            LOG.info("local engine started (pid {}, port {}, log {})", engine.pid(), port, logFile(config));
            return new LocalEngine(config, engine, logFile(config), true, notes, Optional.empty(), lease);
        } catch (RuntimeException e) {
            EngineProcess.terminate(process.toHandle());
            deleteQuietly(pidFile);
            throw e;
        }
    }

    private static LocalEngine joinRunning(
            EngineConfig config, EngineOwner mode, EngineRecord engine, Leases leases, List<String> notes) {
        Path dataDir = config.dataDir().orElseThrow();
        EngineProbe.requireAnswer(
                engine.port(),
                "the local engine of " + dataDir + " (pid " + engine.pid() + ")",
                logFile(config),
                config.startTimeout());
        if (config.port() != 0 && config.port() != engine.port()) {
            notes.add("the local engine of " + dataDir + " already runs on port " + engine.port()
                    + "; using it there, not on port " + config.port());
        }
        List<Long> users = leases.live();
        if (EngineProcess.predatesLauncher(engine.pid())) {
            notes.add("the local engine of " + dataDir + " (pid " + engine.pid() + ") was started by an earlier"
                    + " dynaseed version and cannot create or delete indexes of existing tables; run 'dynaseed local"
                    + " stop' once no command uses it, and the next command starts today's engine");
        }
        LOG.info("local engine already running (pid {}, port {}, used by {})", engine.pid(), engine.port(), users);
        Optional<Path> lease = Optional.empty();
        switch (mode) {
            case BACKGROUND -> {
                if (engine.owner() == EngineOwner.RUN) {
                    engine.withOwner(EngineOwner.BACKGROUND)
                            .write(config.pidFile().orElseThrow());
                    notes.add("a dynaseed command had started this engine; it now stays running until"
                            + " 'dynaseed local stop'");
                }
            }
            case RUN -> {
                if (engine.owner() == EngineOwner.RUN && users.isEmpty()) {
                    notes.add("using the local engine left running by an earlier command that ended (pid "
                            + engine.pid() + "); it will be stopped when this command ends");
                }
                lease = Optional.of(leases.take());
            }
        }
        return new LocalEngine(config, engine, logFile(config), false, notes, Optional.empty(), lease);
    }

    private static LocalEngine startInMemory(EngineConfig config) {
        NodeRuntime.requireNode(config.nodeCommand());
        NodeRuntime.ensureInstalled(config);
        int port = config.port() == 0 ? Ports.free() : config.port();
        Ports.requireFree(port, config.home());
        Path logFile = logFile(config);
        Process process = EngineProcess.launch(config, port, logFile);
        EngineRecord engine = new EngineRecord(
                process.pid(), port, EngineOwner.RUN, ProcessHandle.current().pid());
        LOG.info("in-memory local engine started (pid {}, port {}, log {})", engine.pid(), port, logFile);
        return new LocalEngine(config, engine, logFile, true, List.of(), Optional.of(process), Optional.empty());
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

    /** Whether this call started the engine (rather than joining one already running). */
    public boolean started() {
        return started;
    }

    /**
     * What a user should know about how the engine was found: an engine adopted from a command that ended, a
     * stale pid file removed, another port than asked for. One line each; empty in the usual case.
     */
    public List<String> notes() {
        return notes;
    }

    public Target.Local target() {
        return new Target.Local(port);
    }

    /**
     * Ends this command's use of the engine: releases its lease and, under the folder's lock, stops the engine if a
     * command started it and no other command uses it. Does nothing for a background engine's handle.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        removeShutdownHook();
        if (inMemory.isPresent()) {
            if (inMemory.get().isAlive()) {
                EngineProcess.terminate(inMemory.get().toHandle());
            }
            return;
        }
        if (lease.isEmpty()) {
            return;
        }
        Leases leases = leases(config);
        Path pidFile = config.pidFile().orElseThrow();
        try (EngineLock lock = EngineLock.acquire(config.lockFile().orElseThrow(), config.lockTimeout())) {
            leases.release(lease.get());
            Optional<EngineRecord> recorded = EngineRecord.read(pidFile);
            if (recorded.isPresent()
                    && recorded.get().owner() == EngineOwner.RUN
                    && recorded.get().alive()
                    && leases.live().isEmpty()) {
                stopEngine(recorded.get(), pidFile);
            }
        } catch (EngineException e) {
            // Without the lock the engine is left running; the next command adopts it (and says so).
            leases.release(lease.get());
            throw e;
        }
    }

    private static void stopEngine(EngineRecord engine, Path pidFile) {
        // The admin UI shows this engine only: it stops with it.
        AdminUi.stopFor(pidFile.getParent());
        ProcessHandle.of(engine.pid()).ifPresent(EngineProcess::terminate);
        deleteQuietly(pidFile);
        LOG.info("local engine stopped (pid {}, port {})", engine.pid(), engine.port());
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            LOG.debug("JVM already shutting down; its hook releases the engine");
        }
    }

    private static Leases leases(EngineConfig config) {
        return new Leases(config.leasesDir().orElseThrow());
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

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", file, e.toString());
        }
    }

    @Override
    public String toString() {
        return "local engine (dynalite) pid " + pid + " on 127.0.0.1:" + port + " (log " + logFile + ")";
    }
}
