package dev.dynaseed.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy on 127.0.0.1 in front of an engine that, once frozen (at once, or after a number of BatchWriteItem
 * requests), takes every request and forwards none, answering none (until closed, at most 10 minutes): writes in
 * flight then stay in flight as long as the client lets them, and a seed stops at an exact item count.
 */
final class FreezingEndpoint implements AutoCloseable {
    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

    private static final String BATCH_WRITE = "DynamoDB_20120810.BatchWriteItem";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI engine;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean frozen;
    private volatile long freezeAfterBatches = Long.MAX_VALUE;

    FreezingEndpoint(URI engine) {
        this.engine = engine;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on no request is answered. */
    void freeze() {
        frozen = true;
    }

    /** Forwards {@code count} BatchWriteItem requests more, then freezes (holds every request from the next on). */
    void freezeAfterBatches(long count) {
        batches.set(0);
        freezeAfterBatches = count;
    }

    /** Forwards every request again (those held stay held). */
    void thaw() {
        freezeAfterBatches = Long.MAX_VALUE;
        frozen = false;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (BATCH_WRITE.equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))
                    && batches.incrementAndGet() > freezeAfterBatches) {
                frozen = true;
            }
            if (frozen) {
                closed.await(10, TimeUnit.MINUTES);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(engine.resolve(exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(
                                    exchange.getRequestBody().readAllBytes()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
