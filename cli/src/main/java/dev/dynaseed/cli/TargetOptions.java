package dev.dynaseed.cli;

import dev.dynaseed.cli.engine.EngineOptions;
import dev.dynaseed.connection.Endpoints;
import dev.dynaseed.connection.Target;
import dev.dynaseed.engine.EngineConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern HTTP_SCHEME = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);

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

    @Mixin
    EngineOptions engine;

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
        return new Target.Local(engine.port());
    }

    /** The local engine's configuration. */
    public EngineConfig engineConfig(Path home) {
        return engine.engineConfig(home);
    }

    private URI endpoint() {
        try {
            URI uri = new URI(endpointUrl);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(endpointUrl, "no http(s) scheme and host");
            }
            if (uri.getPort() == 0 || uri.getPort() > 65_535) {
                throw new ParameterException(
                        mixee.commandLine(),
                        "--endpoint-url: port " + uri.getPort() + " in '" + Endpoints.redactUrl(endpointUrl)
                                + "' is not between 1 and 65535; use e.g. --endpoint-url http://127.0.0.1:8000");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "--endpoint-url: '" + Endpoints.redactUrl(endpointUrl) + "' " + whatIsWrong(endpointUrl)
                            + "; use e.g. --endpoint-url http://127.0.0.1:8000");
        }
    }

    /** Why {@code url} is no endpoint: the space or missing host a user can look for, else the scheme. */
    private static String whatIsWrong(String url) {
        if (url.isBlank()) {
            return "is empty";
        }
        if (url.chars().anyMatch(Character::isWhitespace)) {
            return "contains a space, which a URL cannot hold";
        }
        Matcher http = HTTP_SCHEME.matcher(url);
        if (http.lookingAt()) {
            return "is not a complete URL: no valid host (and port) after " + http.group();
        }
        return "is not an http or https URL";
    }

    private void rejectLocalOptions(String chosen) {
        if (engine.portGiven()) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "--port sets the local engine's port and cannot go" + " with " + chosen + "; drop one of them");
        }
        if (engine.dataDirGiven()) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "--data-dir sets the local engine's folder and cannot go with " + chosen + "; drop one of them");
        }
    }
}
