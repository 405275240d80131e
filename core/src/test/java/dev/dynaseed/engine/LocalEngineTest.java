package dev.dynaseed.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.provision.ActiveWaiter;
import dev.dynaseed.testing.Dynalite;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LocalEngineTest {

    @TempDir
    Path dataDir;

    @Test
    void onDiskEngine_keepsTablesAcrossRestarts_andStopsOnClose() throws Exception {
        EngineConfig config = EngineConfig.onDisk(Dynalite.projectHome(), dataDir, Dynalite.freePort());
        long pid;
        try (LocalEngine engine = LocalEngine.start(config);
                DynamoDbClient client = DynamoDbClients.create(engine.target())) {
            pid = engine.pid();
            assertThat(engine.started()).isTrue();
            assertThat(LocalEngine.status(config).running()).isTrue();
            client.createTable(r -> r.tableName("kept")
                    .keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .billingMode("PAY_PER_REQUEST"));
            assertThat(ActiveWaiter.standard(client, Duration.ofSeconds(10))
                            .await("kept")
                            .active())
                    .isTrue();
            client.putItem(r -> r.tableName("kept").item(Map.of("id", AttributeValue.fromS("one"))));
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(LocalEngine.status(config).running()).isFalse();
        assertThat(Files.exists(dataDir.resolve("engine.pid"))).isFalse();

        try (LocalEngine engine = LocalEngine.start(config);
                DynamoDbClient client = DynamoDbClients.create(engine.target())) {
            assertThat(client.scan(r -> r.tableName("kept")).items())
                    .containsExactly(Map.of("id", AttributeValue.fromS("one")));
        }
    }

    @Test
    void backgroundEngine_isReusedAndStoppedByConfig() throws Exception {
        EngineConfig config = EngineConfig.onDisk(Dynalite.projectHome(), dataDir, Dynalite.freePort());
        LocalEngine started = LocalEngine.startInBackground(config);
        try {
            assertThat(started.started()).isTrue();
            try (LocalEngine again = LocalEngine.start(config)) {
                assertThat(again.started()).isFalse();
                assertThat(again.pid()).isEqualTo(started.pid());
                assertThat(again.notes()).isEmpty();
            }
            assertThat(LocalEngine.status(config).running()).isTrue();
            assertThat(LocalEngine.status(config).owner()).contains(EngineOwner.BACKGROUND);
        } finally {
            assertThat(LocalEngine.stop(config).kind()).isEqualTo(EngineStop.Kind.STOPPED);
        }
        assertThat(LocalEngine.status(config).running()).isFalse();
        assertThat(LocalEngine.stop(config).kind()).isEqualTo(EngineStop.Kind.NOT_RUNNING);
    }

    @Test
    void portTakenBySomethingElse_isAClearError() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = other.getLocalPort();
            EngineConfig config = EngineConfig.onDisk(Dynalite.projectHome(), dataDir, port);

            assertThatThrownBy(() -> LocalEngine.start(config))
                    .isInstanceOf(EngineException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is already in use by another program; pick another"
                            + " with --port " + (port + 1) + ", or stop that program");
        }
    }

    @Test
    void homeWithoutTheLauncher_namesTheMissingFile() throws Exception {
        Path home = dataDir.resolve("home");
        Files.createDirectories(home.resolve("node_modules/dynalite"));
        Files.writeString(home.resolve("package.json"), "{}");
        Files.writeString(home.resolve("package-lock.json"), "{}");
        Files.writeString(home.resolve("node_modules/dynalite/cli.js"), "");
        EngineConfig config = EngineConfig.onDisk(home, dataDir.resolve("data"), Dynalite.freePort());

        assertThatThrownBy(() -> LocalEngine.start(config))
                .isInstanceOf(EngineException.class)
                .hasMessage("the local engine's launcher " + home.resolve("engine/dynaseed-engine.js") + " is missing;"
                        + " run dynaseed from its checkout (or set DYNASEED_HOME to it), or use --endpoint-url");
        assertThat(dataDir.resolve("data/engine.pid")).doesNotExist();
    }

    @Test
    void missingNode_saysWhatToInstall() {
        // A free port: an engine another folder runs on the default port would be found before the missing Node.
        EngineConfig config = EngineConfig.onDisk(Dynalite.projectHome(), dataDir, Dynalite.freePort())
                .withNodeCommand(dataDir.resolve("no-node-here").toString());

        assertThatThrownBy(() -> LocalEngine.start(config))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("Node.js was not found ('" + dataDir.resolve("no-node-here")
                        + " --version' could not run). The local engine (dynalite) needs Node.js 20 or newer: install"
                        + " it (e.g. 'apt-get install nodejs' or from nodejs.org), or use another DynamoDB endpoint"
                        + " with --endpoint-url");
    }

    @Test
    void engineThatDiesAtStart_pointsAtItsLog() throws Exception {
        Path fakeNode = dataDir.resolve("fake-node");
        Files.writeString(
                fakeNode,
                "#!/bin/sh\nif [ \"$1\" = --version ]; then echo v20.0.0; exit 0; fi\n"
                        + "echo 'Error: cannot open the database' >&2\nexit 3\n");
        fakeNode.toFile().setExecutable(true);
        EngineConfig config = EngineConfig.onDisk(Dynalite.projectHome(), dataDir, Dynalite.freePort())
                .withNodeCommand(fakeNode.toString());

        assertThatThrownBy(() -> LocalEngine.start(config))
                .isInstanceOf(EngineException.class)
                .hasMessage("the local engine exited at start with code 3; see its log: "
                        + dataDir.resolve("engine.log") + "\n  Error: cannot open the database");
    }

    @Test
    void engineThatNeverListens_failsAfterTheStartTimeout_namingTheEndpointAndLog() throws Exception {
        Path fakeNode = dataDir.resolve("fake-node");
        Files.writeString(
                fakeNode,
                "#!/bin/sh\nif [ \"$1\" = --version ]; then echo v20.0.0; exit 0; fi\necho starting\nexec sleep 60\n");
        fakeNode.toFile().setExecutable(true);
        int port = Dynalite.freePort();
        EngineConfig config = EngineConfig.onDisk(Dynalite.projectHome(), dataDir, port)
                .withNodeCommand(fakeNode.toString())
                .withStartTimeout(Duration.ofSeconds(2));

        assertThatThrownBy(() -> LocalEngine.start(config))
                .isInstanceOf(EngineException.class)
                .hasMessage("the local engine at http://127.0.0.1:" + port + " did not answer within 2 s (nothing"
                        + " listening on the port yet); see its log: " + dataDir.resolve("engine.log")
                        + "\n  starting");
        assertThat(dataDir.resolve("engine.pid")).doesNotExist();
    }

    @Test
    void engineThatNeverListens_quotesOnlyThisStartsLog_notAnEarlierStartsLines() throws Exception {
        Path log = dataDir.resolve("engine.log");
        Files.writeString(log, "boom: cannot open database LOCK\n");
        Path fakeNode = dataDir.resolve("fake-node");
        Files.writeString(
                fakeNode,
                "#!/bin/sh\nif [ \"$1\" = --version ]; then echo v20.0.0; exit 0; fi\necho starting\nexec sleep 60\n");
        fakeNode.toFile().setExecutable(true);
        int port = Dynalite.freePort();
        EngineConfig config = EngineConfig.onDisk(Dynalite.projectHome(), dataDir, port)
                .withNodeCommand(fakeNode.toString())
                .withStartTimeout(Duration.ofSeconds(2));

        assertThatThrownBy(() -> LocalEngine.start(config))
                .isInstanceOf(EngineException.class)
                .hasMessageEndingWith("; see its log: " + log + "\n  starting");
        assertThat(Files.readString(log))
                .as("the log keeps its history, each start marked")
                .startsWith("boom: cannot open database LOCK\n--- dynaseed: engine start at ")
                .containsPattern("--- dynaseed: engine start at \\S+ on port " + port + " ---\nstarting\n");
    }

    @Test
    void engineThatDiesAtStart_withNothingInThisStartsLog_quotesNoEarlierLines() throws Exception {
        Path log = dataDir.resolve("engine.log");
        Files.writeString(log, "boom: cannot open database LOCK\n");
        Path fakeNode = dataDir.resolve("fake-node");
        Files.writeString(fakeNode, "#!/bin/sh\nif [ \"$1\" = --version ]; then echo v20.0.0; exit 0; fi\nexit 3\n");
        fakeNode.toFile().setExecutable(true);
        EngineConfig config = EngineConfig.onDisk(Dynalite.projectHome(), dataDir, Dynalite.freePort())
                .withNodeCommand(fakeNode.toString());

        assertThatThrownBy(() -> LocalEngine.start(config))
                .isInstanceOf(EngineException.class)
                .hasMessage("the local engine exited at start with code 3; see its log: " + log);
    }
}
