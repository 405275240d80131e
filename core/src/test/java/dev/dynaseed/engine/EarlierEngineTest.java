package dev.dynaseed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.testing.Dynalite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A data folder whose engine an earlier dynaseed started (dynalite's cli.js run directly, without the launcher): it is
 * still recognised, and restarted as today's engine when no command uses it.
 */
class EarlierEngineTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private Process earlier;

    @AfterEach
    void stopEngines() {
        if (earlier != null && earlier.isAlive()) {
            EngineProcess.terminate(earlier.toHandle());
        }
        LocalEngine.stopEvenIfInUse(config());
    }

    @Test
    void idleEngineOfAnEarlierVersion_isRestartedThroughTheLauncher_keepingItsTablesPortAndOwner() throws Exception {
        startEarlierEngine();
        try (DynamoDbClient client = DynamoDbClients.create(new Target.Local(port))) {
            client.createTable(r -> r.tableName("kept")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST"));
            awaitActive(client, "kept");
            client.putItem(r -> r.tableName("kept")
                    .item(Map.of("id", AttributeValue.fromS("one"), "g", AttributeValue.fromS("x"))));
        }

        try (LocalEngine engine = LocalEngine.start(config());
                DynamoDbClient client = DynamoDbClients.create(engine.target())) {
            assertThat(engine.notes())
                    .containsExactly("restarted the local engine of " + dataDir + " (pid " + earlier.pid() + ", port "
                            + port + "): an earlier dynaseed version had started it without online index create and"
                            + " delete");
            assertThat(earlier.isAlive()).isFalse();
            assertThat(engine.port()).isEqualTo(port);
            assertThat(EngineProcess.predatesLauncher(engine.pid())).isFalse();
            assertThat(LocalEngine.status(config()).owner()).contains(EngineOwner.BACKGROUND);

            client.updateTable(r -> r.tableName("kept")
                    .attributeDefinitions(a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG")
                            .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.ALL)))));
            awaitActive(client, "kept");
            assertThat(client.scan(r -> r.tableName("kept").indexName("byG")).items())
                    .containsExactly(Map.of("id", AttributeValue.fromS("one"), "g", AttributeValue.fromS("x")));
        }
        assertThat(LocalEngine.status(config()).running())
                .as("a background engine stays running after the command")
                .isTrue();
    }

    @Test
    void engineOfAnEarlierVersionInUse_isJoined_withANoteOnWhatItLacks() throws Exception {
        startEarlierEngine();
        Leases leases = new Leases(dataDir.resolve("leases"));
        Path otherCommand = leases.take();
        try (LocalEngine engine = LocalEngine.start(config())) {
            assertThat(engine.started()).isFalse();
            assertThat(engine.pid()).isEqualTo(earlier.pid());
            assertThat(engine.notes())
                    .containsExactly("the local engine of " + dataDir + " (pid " + earlier.pid() + ") was started by"
                            + " an earlier dynaseed version and cannot create or delete indexes of existing tables;"
                            + " run 'dynaseed local stop' once no command uses it, and the next command starts"
                            + " today's engine");
        } finally {
            leases.release(otherCommand);
        }
        assertThat(earlier.isAlive()).isTrue();
    }

    private int port;

    private EngineConfig config() {
        return EngineConfig.onDisk(Dynalite.projectHome(), dataDir, port);
    }

    /** Starts dynalite as dynaseed did before the launcher, and records it in the folder's pid file as it did. */
    private void startEarlierEngine() throws Exception {
        port = Dynalite.freePort();
        Path home = Dynalite.projectHome();
        earlier = new ProcessBuilder(List.of(
                        "node",
                        home.resolve("node_modules/dynalite/cli.js").toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--path",
                        dataDir.resolve("db").toString()))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("engine.log").toFile())
                .start();
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!EngineProbe.listening(port)) {
            assertThat(earlier.isAlive())
                    .as("earlier engine alive; log: %s", log())
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("earlier engine listening within %s", BOUND)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        new EngineRecord(earlier.pid(), port, EngineOwner.BACKGROUND, -1).write(dataDir.resolve("engine.pid"));
        assertThat(EngineProcess.predatesLauncher(earlier.pid())).isTrue();
    }

    private String log() throws Exception {
        return Files.readString(dataDir.resolve("engine.log"));
    }

    private static void awaitActive(DynamoDbClient client, String table) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (true) {
            var description = client.describeTable(r -> r.tableName(table)).table();
            if (description.tableStatus() == TableStatus.ACTIVE
                    && description.globalSecondaryIndexes().stream()
                            .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE)) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("%s ACTIVE within %s", table, BOUND)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
