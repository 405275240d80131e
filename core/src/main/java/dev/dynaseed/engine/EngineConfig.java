package dev.dynaseed.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the local engine runs.
 *
 * @param home the folder holding the engine's package.json, package-lock.json, node_modules and the launcher
 *     {@code engine/dynaseed-engine.js}
 * @param dataDir where tables are kept on disk, with the engine's pid and log files; empty keeps them in memory
 * @param port the port on 127.0.0.1
 * @param nodeCommand the Node.js executable
 * @param startTimeout how long the engine may take to answer
 * @param updateTime how long an UpdateTable change (an index created or deleted, new throughput) stays in progress at
 *     least, like a (fast) real table; tables stay CREATING and DELETING for {@link #CHANGE_TIME}
 */
public record EngineConfig(
        Path home, Optional<Path> dataDir, int port, String nodeCommand, Duration startTimeout, Duration updateTime) {
    public static final int DEFAULT_PORT = 8000;

    /** How long tables stay CREATING or DELETING, and UpdateTable changes in progress, unless configured otherwise. */
    public static final Duration CHANGE_TIME = Duration.ofMillis(50);

    public EngineConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(nodeCommand, "nodeCommand");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(updateTime, "updateTime");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        if (updateTime.isNegative()) {
            throw new IllegalArgumentException("updateTime must not be negative, was " + updateTime);
        }
    }

    public EngineConfig(Path home, Optional<Path> dataDir, int port, String nodeCommand, Duration startTimeout) {
        this(home, dataDir, port, nodeCommand, startTimeout, CHANGE_TIME);
    }

    /** An engine with its data on disk under {@code dataDir}. */
    public static EngineConfig onDisk(Path home, Path dataDir, int port) {
        return new EngineConfig(home, Optional.of(dataDir), port, "node", Duration.ofSeconds(30));
    }

    /** An engine that keeps everything in memory (for tests). */
    public static EngineConfig inMemory(Path home, int port) {
        return new EngineConfig(home, Optional.empty(), port, "node", Duration.ofSeconds(30));
    }

    public EngineConfig withNodeCommand(String value) {
        return new EngineConfig(home, dataDir, port, value, startTimeout, updateTime);
    }

    public EngineConfig withStartTimeout(Duration value) {
        return new EngineConfig(home, dataDir, port, nodeCommand, value, updateTime);
    }

    public EngineConfig withUpdateTime(Duration value) {
        return new EngineConfig(home, dataDir, port, nodeCommand, startTimeout, value);
    }

    Path dynaliteScript() {
        return home.resolve("node_modules").resolve("dynalite").resolve("cli.js");
    }

    /** The folder holding the admin UI's package.json and package-lock.json, installed on first use. */
    Path adminHome() {
        return home.resolve("admin");
    }

    /** dynamodb-admin's command-line entry point. */
    Path adminScript() {
        return adminHome()
                .resolve("node_modules")
                .resolve("dynamodb-admin")
                .resolve("dist")
                .resolve("dynamodb-admin.js");
    }

    Optional<Path> adminPidFile() {
        return dataDir.map(dir -> dir.resolve("admin.pid"));
    }

    Optional<Path> adminLogFile() {
        return dataDir.map(dir -> dir.resolve("admin.log"));
    }

    /** dynaseed's launcher: runs dynalite's cli.js with online global secondary index create and delete added. */
    Path launcherScript() {
        return home.resolve("engine").resolve(EngineProcess.LAUNCHER);
    }

    Optional<Path> pidFile() {
        return dataDir.map(dir -> dir.resolve("engine.pid"));
    }

    Optional<Path> logFile() {
        return dataDir.map(dir -> dir.resolve("engine.log"));
    }

    Optional<Path> lockFile() {
        return dataDir.map(dir -> dir.resolve("engine.lock"));
    }

    Optional<Path> leasesDir() {
        return dataDir.map(dir -> dir.resolve("leases"));
    }

    /** How long a command waits for another one to finish starting or stopping the engine of the same folder. */
    Duration lockTimeout() {
        return startTimeout.plus(EngineProcess.STOP_TIMEOUT.multipliedBy(2)).plusSeconds(10);
    }
}
