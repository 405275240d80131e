package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.EchoingEndpoint;
import dev.dynaseed.testing.FakeCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No credential reaches what dynaseed prints or writes: CLI commands run at --verbose in child JVMs holding fake
 * credentials (system properties and environment, with a session token) against a working dynalite, an endpoint
 * that echoes the request headers back in its error, a closed port, and AWS (sent to 127.0.0.1); stdout, stderr and
 * the files the run leaves are scanned for access key ids, the secret and the token.
 */
class NoSecretsTest {
    @TempDir
    Path dir;

    private int run = 0;
    private final StringBuilder captured = new StringBuilder();

    private void dynaseed(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        run++;
        Path out = dir.resolve("out-" + run + ".txt");
        Path err = dir.resolve("err-" + run + ".txt");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(FakeCredentials.systemProperties());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Dynaseed.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(FakeCredentials.environment());
        long started = System.nanoTime();
        Process child = builder.start();
        try {
            assertThat(child.waitFor(180, TimeUnit.SECONDS))
                    .as("dynaseed " + String.join(" ", args) + " ended")
                    .isTrue();
        } finally {
            child.destroyForcibly();
        }
        captured.append("\n== dynaseed ")
                .append(String.join(" ", args))
                .append(" (exit ")
                .append(child.exitValue())
                .append(", ")
                .append(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))
                .append(" s)\n")
                .append(Files.readString(out))
                .append(Files.readString(err));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void verboseCommands_againstWorkingFailingAndEchoingTargets_printAndWriteNoCredential() throws Exception {
        String working = Dynalite.target().endpoint().toString();
        String table = Dynalite.uniqueTableName("secrets");
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(
                spec,
                "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                        + "    seed: {count: 60, attributes: {id: uuid4, n: {generator: intRange, min: 1, max: 9}}}\n");
        String file = spec.toString();
        String closed = "http://127.0.0.1:" + closedPort();
        // An AWS target only ever goes to 127.0.0.1 here: AwsOverDynalite proves the setting routes the AWS client.
        AwsOverDynalite.run(() -> null);

        try (EchoingEndpoint echoing = new EchoingEndpoint()) {
            String echo = echoing.endpoint().toString();
            List<String> none = List.of();
            dynaseed(none, "apply", "-f", file, "--endpoint-url", working, "--verbose", "--samples", "2");
            dynaseed(none, "apply", "-f", file, "--endpoint-url", working, "--verbose", "-o", "json");
            dynaseed(none, "plan", "-f", file, "--endpoint-url", working, "--verbose");
            dynaseed(none, "tables", "--endpoint-url", working, "--verbose");
            dynaseed(none, "scan", table, "--endpoint-url", working, "--verbose", "-o", "json");
            dynaseed(none, "destroy", "-f", file, "--endpoint-url", working, "--verbose", "--yes");
            dynaseed(none, "apply", "-f", file, "--endpoint-url", echo, "--verbose");
            dynaseed(none, "apply", "-f", file, "--endpoint-url", echo, "--verbose", "-o", "json");
            dynaseed(none, "tables", "--endpoint-url", echo, "--verbose");
            dynaseed(none, "destroy", "-f", file, "--endpoint-url", echo, "--verbose", "--yes");
            dynaseed(none, "invoke-local", "--endpoint-url", echo, "--verbose");
            dynaseed(none, "plan", "-f", file, "--endpoint-url", closed, "--verbose", "--request-timeout", "2");
            dynaseed(
                    List.of("-Daws.endpointUrlDynamoDb=" + echo),
                    "apply",
                    "-f",
                    file,
                    "--region",
                    "us-east-1",
                    "--verbose",
                    "--yes");
            dynaseed(
                    List.of("-Daws.endpointUrlDynamoDb=" + working),
                    "plan",
                    "-f",
                    file,
                    "--region",
                    "us-east-1",
                    "--verbose");
            dynaseed(
                    none,
                    "tables",
                    "--data-dir",
                    dir.resolve("data").toString(),
                    "--port",
                    String.valueOf(closedPort()),
                    "--verbose");
        }
        StringBuilder everything = new StringBuilder(captured);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                if (!path.getFileName().toString().matches("(out|err)-\\d+\\.txt")
                        && Files.size(path) < 10_000_000
                        && !path.toString().contains("/db/")) {
                    everything.append("\n== file ").append(path).append('\n').append(Files.readString(path));
                }
            }
        }

        assertThat(captured.toString())
                .as("the commands ran and reached their targets")
                .contains("OK: 1 table, 60 of 60 items written")
                .contains("The security token included in the request is invalid")
                .contains("cannot connect")
                .contains("\"exitCode\" : 1");
        assertThat(everything.toString()).contains("engine start at");
        assertThat(FakeCredentials.leaks(everything.toString()))
                .as(everything.toString())
                .isEmpty();
    }
}
