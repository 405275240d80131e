package dev.dynaseed.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks for Node.js and installs the engine's pinned npm package (dynalite) when it is missing. */
public final class NodeRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);
    private static final int MIN_MAJOR = 20;
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.");

    private NodeRuntime() {}

    /** Fails with what to install unless a Node.js of version 20 or newer answers to {@code nodeCommand}. */
    public static String requireNode(String nodeCommand) {
        String output;
        try {
            output = run(List.of(nodeCommand, "--version"), null, 20).trim();
        } catch (TimedOut e) {
            throw new EngineException(
                    "'" + nodeCommand + " --version' did not finish within 20 s; check the"
                            + " Node.js installation (e.g. run 'node --version' yourself), or use --endpoint-url",
                    e);
        } catch (IOException e) {
            throw new EngineException(
                    "Node.js was not found ('" + nodeCommand + " --version' could not run). The"
                            + " local engine (dynalite) needs Node.js " + MIN_MAJOR
                            + " or newer: install it (e.g. 'apt-get"
                            + " install nodejs' or from nodejs.org), or use another DynamoDB endpoint with --endpoint-url",
                    e);
        }
        Matcher matcher = VERSION.matcher(output);
        if (!matcher.find() || Integer.parseInt(matcher.group(1)) < MIN_MAJOR) {
            throw new EngineException("Node.js " + MIN_MAJOR + " or newer is needed for the local engine, but '"
                    + nodeCommand + " --version' says '" + output + "'; upgrade Node.js or use --endpoint-url");
        }
        return output;
    }

    /** Runs {@code npm ci} in the engine's home when dynalite is not installed there yet. */
    public static void ensureInstalled(EngineConfig config) {
        ensure(config, config.home(), config.dynaliteScript(), "the local engine");
    }

    /**
     * Runs {@code npm ci} in the admin UI's folder ({@code admin/} of the engine's home) when dynamodb-admin is not
     * installed there yet: it is installed on first use only, so that the engine's own install stays small.
     */
    public static void ensureAdminInstalled(EngineConfig config) {
        ensure(config, config.adminHome(), config.adminScript(), "the admin UI (dynamodb-admin)");
    }

    private static void ensure(EngineConfig config, Path home, Path script, String what) {
        if (Files.isRegularFile(script)) {
            return;
        }
        requireNode(config.nodeCommand());
        if (!Files.isRegularFile(home.resolve("package-lock.json"))) {
            throw new EngineException("the package files of " + what + " are missing: no package-lock.json in " + home
                    + "; run dynaseed from its checkout, or set DYNASEED_HOME to it");
        }
        LOG.info("installing {} (npm ci) in {}", what, home);
        try {
            String output = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), home, 600);
            LOG.debug("npm ci: {}", output);
        } catch (IOException e) {
            throw new EngineException(
                    "installing " + what + " failed: 'npm ci' in " + home + " did not succeed (" + e.getMessage()
                            + "); check that npm can reach its registry, then retry",
                    e);
        }
        if (!Files.isRegularFile(script)) {
            throw new EngineException("'npm ci' ran in " + home + " but " + script
                    + " is still missing; delete node_modules there and retry");
        }
    }

    /** Runs a command within the bound; its output goes to a file so that a hung command cannot block a read. */
    private static String run(List<String> command, Path directory, int timeoutSeconds) throws IOException {
        Path output = Files.createTempFile("dynaseed-node-", ".out");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            process.getOutputStream().close();
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new TimedOut(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("interrupted while running " + String.join(" ", command), e);
            }
            String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(
                        String.join(" ", command) + " exited with " + process.exitValue() + ": " + text.strip());
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** A command that did not finish within its bound. */
    private static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message);
        }
    }
}
