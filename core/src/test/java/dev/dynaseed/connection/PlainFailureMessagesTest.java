package dev.dynaseed.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.report.Report;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What a user reads about a failed request: plain words, no class names, no SDK attempt counts or request ids. */
class PlainFailureMessagesTest {
    @Test
    void serviceError_showsStatusAndCodeOnly_whenTheTargetAnswers501() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(501, -1);
            exchange.close();
        });
        server.start();
        try {
            Target target = new Target.Endpoint(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                    Optional.empty(),
                    Optional.empty());
            try (DynamoDbClient client = DynamoDbClients.create(target)) {
                SdkException e = catchThrowableOfType(client::listTables, SdkException.class);

                assertThat(TargetException.from(target, "ListTables", e).getMessage())
                        .isEqualTo("ListTables on " + target.describe() + " failed: the target answered 501"
                                + " NotImplemented; the server failed; retry later, or check its logs");
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void localEngine_thatStoppedAnswering_isNamedWithItsLog() {
        Path log = Path.of("/tmp/dynaseed-test/engine.log");
        Target.Local gone = new Target.Local(Dynalite.freePort()).withLog(log);
        try (DynamoDbClient client = DynamoDbClients.create(gone)) {
            SdkException e = catchThrowableOfType(client::listTables, SdkException.class);

            assertThat(TargetException.reason(e))
                    .isEqualTo("the local engine stopped answering (connection refused); see its log: " + log);
            assertThat(TargetException.from(gone, "ListTables", e).getMessage())
                    .isEqualTo("ListTables on " + gone.describe() + " failed: the local engine stopped answering"
                            + " (connection refused); see its log: " + log + "; check that the endpoint is running"
                            + " and reachable, and its host and port");
        }
    }

    @Test
    void seed_saysTheLocalEngineStoppedAnswering_namingItsLog_whenItDiesMidSeed() {
        String table = Dynalite.uniqueTableName("engine_dies");
        Spec spec = SpecReader.read(
                "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                        + "    seed: {count: 1000, attributes: {id: uuid4}}\n",
                SpecReader.SpecFormat.YAML,
                "test");
        Path log = Path.of("/tmp/dynaseed-test/engine.log");
        try (DynamoDbClient client = DynamoDbClients.create(
                Dynalite.target().withLog(log),
                CallTimeouts.defaults(),
                List.of(new EndpointGoesSilentTest.GoesSilent(2, Dynalite.freePort())))) {
            Report report = new Pipeline(client, "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);

            SeedOutcome seed = report.tables().get(0).seed();
            assertThat(seed.written() + seed.failed()).isEqualTo(1000);
            String gone = "the local engine stopped answering (connection refused); see its log: " + log;
            assertThat(seed.errors())
                    .containsOnly(gone + " (failed 10 times)", "not sent: " + gone + " (failed 10 times)");
        }
    }
}
