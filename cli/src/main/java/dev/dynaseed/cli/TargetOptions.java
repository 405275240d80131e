package dev.dynaseed.cli;

import dev.dynaseed.connection.Endpoints;
import dev.dynaseed.connection.Target;
import dev.dynaseed.engine.EngineConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where a command works: the local engine (default), an endpoint, or AWS. Shared by every command that talks to
 * DynamoDB.
 */
public final class TargetOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "Any DynamoDB-compatible endpoint, e.g. http://127.0.0.1:8000 (DynamoDB Local you run,"
                    + " ScyllaDB Alternator). Default: the local engine, started as needed.")
    String endpointUrl;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "Use Amazon DynamoDB in this region (credentials from the SDK's default chain).")
    String region;

    @Option(
            names = "--profile",
            paramLabel = "PROFILE",
            description = "Use Amazon DynamoDB with this named profile from ~/.aws/config.")
    String profile;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port of the local engine on 127.0.0.1 (default: ${env:DYNASEED_PORT:-8000}).")
    Integer port;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "${env:DYNASEED_DATA_DIR:-.dynaseed/data}",
            description = "Where the local engine keeps its tables, pid and log (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Mixin
    TimeoutOptions timeouts;

    /** The target these options name; rejects contradictory options before anything runs. */
    public Target target() {
        if (endpointUrl != null) {
            rejectLocalOptions("--endpoint-url");
            return new Target.Endpoint(endpoint(), Optional.ofNullable(region), Optional.ofNullable(profile));
        }
        if (region != null || profile != null) {
            rejectLocalOptions(region != null ? "--region" : "--profile");
            return new Target.Aws(Optional.ofNullable(region), Optional.ofNullable(profile));
        }
        return new Target.Local(port());
    }

    /** The local engine's configuration. */
    public EngineConfig engineConfig(Path home) {
        return EngineConfig.onDisk(home, dataDir.toAbsolutePath().normalize(), port());
    }

    private int port() {
        int value = port != null ? port : envPort();
        if (value < 1 || value > 65535) {
            throw new ParameterException(
                    mixee.commandLine(), "--port: " + value + " is not a port; use 1 to 65535," + " e.g. --port 8000");
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
                    "DYNASEED_PORT: '" + env + "' is not a port; set it" + " to a number such as 8000, or unset it");
        }
    }

    private URI endpoint() {
        try {
            URI uri = new URI(endpointUrl);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(endpointUrl, "no http(s) scheme and host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "--endpoint-url: '" + Endpoints.redactUrl(endpointUrl) + "' is not an http"
                            + " or https URL; use e.g. --endpoint-url http://127.0.0.1:8000");
        }
    }

    private void rejectLocalOptions(String chosen) {
        if (port != null) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "--port sets the local engine's port and cannot go" + " with " + chosen + "; drop one of them");
        }
    }
}
