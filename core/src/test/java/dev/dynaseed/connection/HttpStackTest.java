package dev.dynaseed.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Both HTTP clients reach the engine and fail alike; the one asked for is the one that sends. */
class HttpStackTest {
    @ParameterizedTest
    @CsvSource({"JDK, UrlConnection", "APACHE5, Apache5"})
    void client_writesAndReadsThroughTheStackAskedFor(HttpStack http, String userAgentName) {
        List<String> userAgents = new CopyOnWriteArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                context.httpRequest().firstMatchingHeader("User-Agent").ifPresent(userAgents::add);
            }
        };
        String table = Dynalite.uniqueTableName("http_" + http.name().toLowerCase());
        try (DynamoDbClient client =
                DynamoDbClients.create(Dynalite.target(), CallTimeouts.defaults(), http, List.of(recorder))) {
            client.createTable(r -> r.tableName(table)
                    .keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .billingMode("PAY_PER_REQUEST"));
            // The engine makes tables ACTIVE after 50 ms; the SDK's waiter would first wait 20 s.
            for (int i = 0; i < 200 && !isActive(client, table); i++) {
                sleep(50);
            }
            client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("a"))));

            assertThat(client.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("a"))))
                            .item())
                    .containsEntry("id", AttributeValue.fromS("a"));
        }
        assertThat(userAgents)
                .isNotEmpty()
                .allSatisfy(agent -> assertThat(agent).contains("http#" + userAgentName));
    }

    @ParameterizedTest
    @EnumSource(HttpStack.class)
    void endpointClosingTheConnectionUnanswered_isConnectionClosed_onEitherStack(HttpStack http) {
        try (ClosingEndpoint closing = new ClosingEndpoint()) {
            Target target = new Target.Endpoint(closing.uri(), Optional.empty(), Optional.empty());
            try (DynamoDbClient client = DynamoDbClients.create(target, CallTimeouts.defaults(), http)) {
                SdkException e = catchThrowableOfType(client::listTables, SdkException.class);

                assertThat(TargetException.kindOf(e)).isEqualTo(TargetException.Kind.CONNECTION_CLOSED);
                assertThat(TargetException.from(target, "ListTables", e).getMessage())
                        .doesNotContain("\n")
                        .contains("ListTables on " + target.describe() + " failed: ");
            }
        }
    }

    @Test
    void localEngineAndLoopbackEndpoints_areOnThisMachine_othersAreNot() {
        assertThat(HttpClients.onThisMachine(new Target.Local(8000))).isTrue();
        for (String local : List.of(
                "http://127.0.0.1:8000", "http://127.1.2.3:8000", "http://localhost:8000", "http://[::1]:8000")) {
            assertThat(HttpClients.onThisMachine(endpoint(local))).as(local).isTrue();
        }
        for (String remote : List.of(
                "http://10.0.0.5:8000",
                "https://dynamodb.eu-west-1.amazonaws.com",
                "http://alternator.internal:8000",
                "http://localhost.example.com:8000")) {
            assertThat(HttpClients.onThisMachine(endpoint(remote))).as(remote).isFalse();
        }
        assertThat(HttpClients.onThisMachine(new Target.Aws(Optional.of("eu-west-1"), Optional.empty())))
                .isFalse();
    }

    private static boolean isActive(DynamoDbClient client, String table) {
        return client.describeTable(r -> r.tableName(table)).table().tableStatus() == TableStatus.ACTIVE;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the table", e);
        }
    }

    private static Target.Endpoint endpoint(String uri) {
        return new Target.Endpoint(URI.create(uri), Optional.empty(), Optional.empty());
    }

    /** A socket on 127.0.0.1 that reads each request and closes the connection without a word. */
    private static final class ClosingEndpoint implements AutoCloseable {
        private final ServerSocket server;

        ClosingEndpoint() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
            }
            Thread acceptor = new Thread(this::closeEach, "closing-endpoint");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        private void closeEach() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                } catch (IOException e) {
                    // The server socket closed (the test ended) or the client gave up first: either way, next.
                    continue;
                }
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
