package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynaseed.testing.CountingEndpoint;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user reads when the environment is wrong, not the input: each one line (plus nothing on stdout) naming what
 * is wrong and what to do, with its exit code, and no request sent where none could be. The endpoint that never
 * answers is {@code UnresponsiveEndpointTest}'s; the wrong scheme is in {@code hostile/flags/cases.tsv}.
 */
class EnvironmentErrorsTest {
    @TempDir
    Path dir;

    private static void assertOneLine(Cli.Result result, int exitCode, String line) {
        assertThat(result.err()).isEqualTo("error: " + line + "\n");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        assertThat(result.out()).isEmpty();
    }

    private Path script(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + text);
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }

    private static <T> T withProperties(List<String> pairs, Supplier<T> action) {
        String[] old = new String[pairs.size() / 2];
        for (int i = 0; i < pairs.size(); i += 2) {
            old[i / 2] = System.setProperty(pairs.get(i), pairs.get(i + 1));
        }
        try {
            return action.get();
        } finally {
            for (int i = 0; i < pairs.size(); i += 2) {
                if (old[i / 2] == null) {
                    System.clearProperty(pairs.get(i));
                } else {
                    System.setProperty(pairs.get(i), old[i / 2]);
                }
            }
        }
    }

    private static final String DENIED_BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#AccessDeniedException\","
            + "\"message\":\"User: arn:aws:iam::123456789012:user/dev is not authorized to perform:"
            + " dynamodb:DescribeTable\"}";

    @Test
    void nodeTooOld_saysWhichVersionAnswered_andWhatToDo_exit1() throws IOException {
        Path node = script("node16", "echo v16.0.0\n");
        int port = Dynalite.freePort();

        Cli.Result result = withProperties(
                List.of("dynaseed.node", node.toString()),
                () -> Cli.run(
                        "plan", "--builtin", "--data-dir", dir.resolve("data").toString(), "--port", "" + port));

        assertOneLine(
                result,
                ExitCode.FAILED,
                "Node.js 20 or newer is needed for the local engine, but '" + node
                        + " --version' says 'v16.0.0'; upgrade Node.js or use --endpoint-url");
    }

    @Test
    void nodeMissing_saysWhatToInstall_exit1() {
        Path node = dir.resolve("no-node-here");
        int port = Dynalite.freePort();

        Cli.Result result = withProperties(
                List.of("dynaseed.node", node.toString()),
                () -> Cli.run(
                        "plan", "--builtin", "--data-dir", dir.resolve("data").toString(), "--port", "" + port));

        assertOneLine(
                result,
                ExitCode.FAILED,
                "Node.js was not found ('" + node + " --version' could not run). The local engine (dynalite) needs"
                        + " Node.js 20 or newer: install it (e.g. 'apt-get install nodejs' or from nodejs.org), or use"
                        + " another DynamoDB endpoint with --endpoint-url");
    }

    @Test
    void portInUse_namesThePortAndAFreeChoice_exit1() throws IOException {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = other.getLocalPort();

            Cli.Result result = Cli.run(
                    "plan", "--builtin", "--data-dir", dir.resolve("data").toString(), "--port", "" + port);

            assertOneLine(
                    result,
                    ExitCode.FAILED,
                    "port " + port + " on 127.0.0.1 is already in use by another program; pick another with --port "
                            + (port + 1) + ", or stop that program");
        }
    }

    /** A data folder that cannot be written (a file stands where it should be), as a full or read-only disk is. */
    @Test
    void dataFolderThatCannotBeWritten_namesItAndWhatToDo_exit1() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path data = file.resolve("data");

        Cli.Result result =
                Cli.run("plan", "--builtin", "--data-dir", data.toString(), "--port", "" + Dynalite.freePort());

        assertOneLine(
                result,
                ExitCode.FAILED,
                "cannot lock the local engine's folder (" + data.resolve("engine.lock") + ": " + data
                        + ": Not a directory); check that the data folder is writable, or choose another with"
                        + " --data-dir");
    }

    @Test
    void engineUnreachable_saysCannotConnectAndWhatToCheck_exit1() {
        String dead = "http://127.0.0.1:" + Dynalite.freePort();

        Cli.Result result = Cli.run("plan", "--builtin", "--endpoint-url", dead);

        assertOneLine(
                result,
                ExitCode.FAILED,
                "DescribeTable webapp_user_logs on endpoint " + dead + " failed: cannot connect (Connection refused);"
                        + " check that the endpoint is running and reachable, and its host and port");
    }

    @Test
    void accessDenied_fromTheTarget_namesThePermissionToGrant_exit1() {
        try (CountingEndpoint denied = CountingEndpoint.answering(403, DENIED_BODY)) {
            Cli.Result plan = Cli.run("plan", "--builtin", "--endpoint-url", denied.url());
            Cli.Result tables = Cli.run("tables", "--endpoint-url", denied.url());

            assertOneLine(
                    plan,
                    ExitCode.FAILED,
                    "DescribeTable webapp_user_logs on endpoint " + denied.url() + " failed: the target answered 403"
                            + " AccessDeniedException: User: arn:aws:iam::123456789012:user/dev is not authorized to"
                            + " perform: dynamodb:DescribeTable; grant the credentials dynamodb:DescribeTable on the"
                            + " table");
            assertOneLine(
                    tables,
                    ExitCode.FAILED,
                    "ListTables on endpoint " + denied.url() + " failed: the target answered 403"
                            + " AccessDeniedException: User: arn:aws:iam::123456789012:user/dev is not authorized to"
                            + " perform: dynamodb:DescribeTable; grant the credentials dynamodb:ListTables (on resource"
                            + " \"*\")");
            // At most one DescribeTable per table of the scenario (3) and one ListTables: a 403 is never retried.
            assertThat(denied.requests()).as("refused calls, none retried").isBetween(2L, 4L);
        }
    }

    /** The AWS files are empty files of the test and no AWS_* variable is set, so the machine's own are not read. */
    @Test
    void awsTarget_withoutRegion_saysWhereToSetOne_exit2_andWithoutCredentials_saysHowToConfigure_exit1()
            throws IOException {
        for (String variable : List.of(
                "AWS_REGION",
                "AWS_DEFAULT_REGION",
                "AWS_ACCESS_KEY_ID",
                "AWS_PROFILE",
                "AWS_WEB_IDENTITY_TOKEN_FILE",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
            assumeTrue(System.getenv(variable) == null, variable + " is set: the test would not be isolated");
        }
        assumeTrue(System.getProperty("aws.accessKeyId") == null && System.getProperty("aws.region") == null);
        Path config = Files.writeString(
                dir.resolve("config"), "[profile p1]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = x\n");
        Path empty = Files.writeString(dir.resolve("empty"), "");

        Cli.Result noRegion = withProperties(
                List.of("aws.configFile", config.toString(), "aws.sharedCredentialsFile", empty.toString()),
                () -> Cli.run("tables", "--profile", "p1"));
        Cli.Result noCredentials = withProperties(
                List.of("aws.configFile", empty.toString(), "aws.sharedCredentialsFile", empty.toString()),
                () -> Cli.run("tables", "--region", "us-east-1"));

        assertOneLine(
                noRegion,
                ExitCode.INVALID_INPUT,
                "no region is set for AWS (default region) (profile p1); give one with --region, e.g. --region"
                        + " us-east-1, or set region in the profile (or AWS_REGION)");
        assertOneLine(
                noCredentials,
                ExitCode.FAILED,
                "ListTables on AWS us-east-1 failed: no AWS credentials were found; configure some ('aws configure',"
                        + " or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) or name a profile with --profile");
    }
}
