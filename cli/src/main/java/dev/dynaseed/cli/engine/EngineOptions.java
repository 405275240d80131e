package dev.dynaseed.cli.engine;

import dev.dynaseed.engine.EngineConfig;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the local engine runs: its port and data folder. Shared by {@code dynaseed local} and every command. */
public final class EngineOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port of the local engine on 127.0.0.1 (default: ${env:DYNASEED_PORT:-8000}).")
    Integer port;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where the local engine keeps its tables, pid, lock and log (default: $DYNASEED_DATA_DIR,"
                    + " else .dynaseed/data in the nearest folder upwards that has a .dynaseed folder, else in the"
                    + " current folder).")
    Path dataDir;

    /** Whether {@code --port} was given (it contradicts an endpoint). */
    public boolean portGiven() {
        return port != null;
    }

    /** Whether {@code --data-dir} was given (it contradicts an endpoint). */
    public boolean dataDirGiven() {
        return dataDir != null;
    }

    /** The local engine's configuration. */
    public EngineConfig engineConfig(Path home) {
        return EngineConfig.onDisk(home, dataDir(), port()).withNodeCommand(nodeCommand());
    }

    /**
     * The Node.js executable: the {@code dynaseed.node} system property, else {@code DYNASEED_NODE}, else
     * {@code node} on the PATH.
     */
    static String nodeCommand() {
        String property = System.getProperty("dynaseed.node");
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        String env = System.getenv("DYNASEED_NODE");
        return env != null && !env.isBlank() ? env.strip() : "node";
    }

    public Path dataDir() {
        if (dataDir != null) {
            return dataDir.toAbsolutePath().normalize();
        }
        String env = System.getenv("DYNASEED_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env.trim()).toAbsolutePath().normalize();
        }
        return DataFolder.find(Path.of(""), Path.of(System.getProperty("user.home", "/")));
    }

    public int port() {
        int value = port != null ? port : envPort();
        if (value < 1 || value > 65535) {
            throw new ParameterException(
                    mixee.commandLine(), "--port: " + value + " is not a port; use 1 to 65535, e.g. --port 8000");
        }
        return value;
    }

    private int envPort() {
        String env = System.getenv("DYNASEED_PORT");
        if (env == null || env.isBlank()) {
            return EngineConfig.DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(env.trim());
        } catch (NumberFormatException e) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "DYNASEED_PORT: '" + env + "' is not a port; set it to a number such as 8000, or unset it");
        }
    }
}
