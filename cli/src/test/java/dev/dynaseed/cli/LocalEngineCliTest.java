package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.engine.EngineConfig;
import dev.dynaseed.engine.LocalEngine;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI with no endpoint: it starts its own engine, keeps data on disk, and stops the engine after itself. */
class LocalEngineCliTest {
    @TempDir
    Path dataDir;

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void apply_startsTheEngine_createsTheSeedsTables_andDataOutlivesTheEngine() throws Exception {
        String port = Integer.toString(Dynalite.freePort());
        String dir = dataDir.toString();

        Cli.Result first = Cli.run("apply", "--port", port, "--data-dir", dir);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .startsWith("Applied built-in seed scenario to local engine (dynalite) at http://127.0.0.1:" + port)
                .containsPattern("webapp_user_logs +Created +3 +3 +0 +0 +0")
                .containsPattern("mobile_user_logs +Created +3 +3 +0 +0 +0")
                .containsPattern("utilityapp_user_logs +Created +3 +3 +0 +0 +0")
                .contains("webapp_user_logs (first 3 rows):\n  transaction_id")
                .containsPattern("OK: 3 tables, 9 of 9 items written in [0-9.]+s\\.");
        assertThat(listening(Integer.parseInt(port)))
                .as("engine stopped after the command")
                .isFalse();

        Cli.Result second = Cli.run("apply", "--port", port, "--data-dir", dir, "-o", "json");
        assertThat(second.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(second.out());
        assertThat(json.get("create").toString())
                .isEqualTo("[[{\"webapp_user_logs\":\"Table already exists.\"},{\"mobile_user_logs\":\"Table already"
                        + " exists.\"},{\"utilityapp_user_logs\":\"Table already exists.\"}]]");
        assertThat(json.get("insert")).hasSize(9);
        assertThat(json.get("tables").get(0).get("outcome").asText()).isEqualTo("AlreadyMatches");

        Cli.Result tables = Cli.run("tables", "--port", port, "--data-dir", dir);
        assertThat(tables.out())
                .containsPattern("webapp_user_logs +ACTIVE +transaction_id \\(S\\) \\+ access_timestamp \\(N\\) +"
                        + "PROVISIONED 5/5 +6\n");

        Cli.Result scan = Cli.run("scan", "webapp_user_logs", "--port", port, "--data-dir", dir, "-o", "json");
        assertThat(new ObjectMapper().readTree(scan.out())).hasSize(6);
        assertThat(listening(Integer.parseInt(port))).isFalse();
    }

    @Test
    void localStart_servesAnyDynamoDbClient_untilLocalStop() throws Exception {
        int port = Dynalite.freePort();
        String[] where = {"--port", Integer.toString(port), "--data-dir", dataDir.toString()};
        try {
            Cli.Result start = Cli.run(concat(new String[] {"local", "start"}, where));
            assertThat(start.exitCode()).as(start.err()).isZero();
            assertThat(start.out()).startsWith("Started local engine (dynalite) at http://127.0.0.1:" + port);

            Cli.Result apply = Cli.run(concat(new String[] {"apply", "--samples", "0"}, where));
            assertThat(apply.exitCode()).as(apply.err()).isZero();
            assertThat(listening(port)).as("a running engine is left running").isTrue();
            Cli.Result running = Cli.run(concat(new String[] {"local", "status"}, where));
            assertThat(running.exitCode()).isZero();
            assertThat(running.out())
                    .startsWith("running: http://127.0.0.1:" + port)
                    .endsWith("Started by 'dynaseed local start'; it runs until 'dynaseed local stop'.\n");

            // A plain HTTP client speaking the DynamoDB JSON protocol, as the AWS CLI or dynamodb-admin would.
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "DynamoDB_20120810.Scan")
                    .header("X-Amz-Date", "20260101T000000Z")
                    .header(
                            "Authorization",
                            "AWS4-HMAC-SHA256 Credential=any/20260101/us-east-1/dynamodb/"
                                    + "aws4_request, SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"webapp_user_logs\"}"))
                    .build();
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode items = new ObjectMapper().readTree(response.body()).get("Items");
            assertThat(items).hasSize(3);
            assertThat(items.get(0).get("user_id").get("S").asText()).hasSize(36);
        } finally {
            Cli.Result stop = Cli.run(concat(new String[] {"local", "stop"}, where));
            assertThat(stop.out()).startsWith("Stopped the local engine");
        }
        assertThat(listening(port)).isFalse();
    }

    @Test
    void localStopForce_stopsTheEngineWhileACommandUsesIt_andNamesThatCommand() {
        int port = Dynalite.freePort();
        String[] where = {"--port", Integer.toString(port), "--data-dir", dataDir.toString()};
        long self = ProcessHandle.current().pid();
        Cli.Result start = Cli.run(concat(new String[] {"local", "start"}, where));
        assertThat(start.exitCode()).as(start.err()).isZero();
        LocalEngine command = LocalEngine.start(EngineConfig.onDisk(Dynalite.projectHome(), dataDir, port));
        try {
            Cli.Result stop = Cli.run(concat(new String[] {"local", "stop"}, where));
            assertThat(stop.out())
                    .isEqualTo("The local engine for " + dataDir + " is in use by 1 command (pid " + self + "); it"
                            + " will stop when the last of them ends (or stop it now with: dynaseed local stop"
                            + " --force).\n");
            assertThat(listening(port)).isTrue();

            Cli.Result forced = Cli.run(concat(new String[] {"local", "stop", "--force"}, where));

            assertThat(forced.exitCode()).as(forced.err()).isZero();
            assertThat(forced.out())
                    .isEqualTo("Stopped the local engine for " + dataDir + " while 1 command (pid " + self + ") used"
                            + " it; they fail with a connection error.\n");
            assertThat(listening(port)).isFalse();
        } finally {
            command.close();
            Cli.run(concat(new String[] {"local", "stop", "--force"}, where));
        }
        assertThat(Cli.run("local", "stop", "--help").out()).contains("--force");
    }

    @Test
    void corruptLeaseOfALiveProcess_isNotCountedAsACommand() throws Exception {
        int port = Dynalite.freePort();
        String[] where = {"--port", Integer.toString(port), "--data-dir", dataDir.toString()};
        try {
            Cli.Result start = Cli.run(concat(new String[] {"local", "start"}, where));
            assertThat(start.exitCode()).as(start.err()).isZero();
            Path leases = Files.createDirectories(dataDir.resolve("leases"));
            Files.writeString(leases.resolve("1-1"), "x");

            Cli.Result stop = Cli.run(concat(new String[] {"local", "stop"}, where));

            assertThat(stop.out()).isEqualTo("Stopped the local engine for " + dataDir + ".\n");
            assertThat(listening(port)).isFalse();
            assertThat(leases.resolve("1-1")).doesNotExist();
        } finally {
            Cli.run(concat(new String[] {"local", "stop", "--force"}, where));
        }
    }

    @Test
    void localStatus_exitsWith1_whenTheEngineIsStopped() {
        Cli.Result status = Cli.run("local", "status", "--data-dir", dataDir.toString());

        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).isEqualTo("stopped (data " + dataDir + "); start it with: dynaseed local start\n");
        assertThat(Cli.run("local", "status", "--help").out())
                .contains("Exit codes:")
                .contains("1   it is stopped, or runs but does not answer");
    }

    @Test
    void localHelp_offersOnlyTheEngineOptions_andEndpointOptionsAreUnknownThere() {
        for (String sub : new String[] {"start", "stop", "status"}) {
            String help = Cli.run("local", sub, "--help").out();
            assertThat(help).as(sub).contains("--port=PORT").contains("--data-dir=DIR");
            assertThat(help)
                    .as(sub)
                    .doesNotContain("--endpoint-url")
                    .doesNotContain("--region")
                    .doesNotContain("--profile");
        }
        Cli.Result endpoint = Cli.run("local", "status", "--endpoint-url", "http://127.0.0.1:8000");
        assertThat(endpoint.exitCode()).isEqualTo(2);
        assertThat(endpoint.err())
                .isEqualTo("error: Unknown options: '--endpoint-url', 'http://127.0.0.1:8000'\n"
                        + "run 'dynaseed local status --help' for the options\n");
    }

    @Test
    void badPort_isRejectedBeforeAnythingRuns() {
        Cli.Result local = Cli.run("local", "start", "--port", "70000", "--data-dir", dataDir.toString());
        Cli.Result apply = Cli.run("apply", "--port", "0", "--data-dir", dataDir.toString());
        Cli.Result both = Cli.run("plan", "--endpoint-url", "http://127.0.0.1:1", "--data-dir", dataDir.toString());

        assertThat(local.exitCode()).isEqualTo(2);
        assertThat(local.err())
                .isEqualTo("error: --port: 70000 is not a port; use 1 to 65535, e.g. --port 8000\n"
                        + "run 'dynaseed local start --help' for the options\n");
        assertThat(apply.exitCode()).isEqualTo(2);
        assertThat(apply.err())
                .isEqualTo("error: --port: 0 is not a port; use 1 to 65535, e.g. --port 8000\n"
                        + "run 'dynaseed apply --help' for the options\n");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err())
                .isEqualTo("error: --data-dir sets the local engine's folder and cannot go with --endpoint-url; drop"
                        + " one of them\nrun 'dynaseed plan --help' for the options\n");
    }

    @Test
    void portTakenByAnotherProgram_failsWithOneClearLine() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = other.getLocalPort();

            Cli.Result result = Cli.run("apply", "--port", Integer.toString(port), "--data-dir", dataDir.toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .isEqualTo("error: port " + port + " on 127.0.0.1 is already in use by another program; pick"
                            + " another with --port " + (port + 1) + ", or stop that program\n");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
