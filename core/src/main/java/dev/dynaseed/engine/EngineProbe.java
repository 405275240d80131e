package dev.dynaseed.engine;

import dev.dynaseed.connection.DynamoDbClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Asks an engine on 127.0.0.1 whether it answers: a real {@code ListTables}, bounded in time, with one attempt, so
 * that an engine that accepts connections and never answers is reported instead of waited on.
 */
final class EngineProbe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineProbe.class);

    /**
     * The bound on one health check. An idle dynalite answers ListTables in milliseconds, but one busy with another
     * command's writes on a loaded machine can take seconds.
     */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final DynamoDbClient client;

    EngineProbe(int port) {
        this(port, CALL_TIMEOUT);
    }

    EngineProbe(int port, Duration callTimeout) {
        this.client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(DynamoDbClients.LOCAL_REGION)
                .credentialsProvider(DynamoDbClients.localCredentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(callTimeout))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(callTimeout)
                        .apiCallTimeout(callTimeout)
                        .retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .build())
                .build();
    }

    /** Empty when the engine answered; else why not, for a message. */
    Optional<String> check() {
        try {
            client.listTables(r -> r.limit(1));
            return Optional.empty();
        } catch (SdkException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** Whether something accepts connections on the port, within a quarter second. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Checks that the engine answers, asking again until {@code total} has passed, or fails with a line naming it
     * and what to check.
     */
    static void requireAnswer(int port, String what, Path logFile, Duration total) {
        long deadline = System.nanoTime() + total.toNanos();
        Duration attempt = total.compareTo(CALL_TIMEOUT) < 0 ? total : CALL_TIMEOUT;
        try (EngineProbe probe = new EngineProbe(port, attempt)) {
            while (true) {
                Optional<String> failure = probe.check();
                if (failure.isEmpty()) {
                    return;
                }
                LOG.debug("no answer from the engine on port {}: {}", port, failure.get());
                if (System.nanoTime() > deadline) {
                    throw new EngineException(what + " at http://127.0.0.1:" + port + " did not answer ListTables"
                            + " within " + total.toSeconds() + " s; check its log " + logFile
                            + ", or stop it with 'dynaseed local stop' and retry");
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while checking the local engine at http://127.0.0.1:" + port, e);
        }
    }
}
