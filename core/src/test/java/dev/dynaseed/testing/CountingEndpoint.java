package dev.dynaseed.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP endpoint on 127.0.0.1 that counts the requests it receives and answers each at once with one fixed
 * DynamoDB error: the proof that a command sent nothing (count 0), or a target that refuses (e.g. 403 access denied).
 */
public final class CountingEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicLong requests = new AtomicLong();
    private final int status;
    private final byte[] body;

    private CountingEndpoint(int status, String body) {
        this.status = status;
        this.body = body.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    /**
     * Answers every request with a 400 {@code ValidationException}, which no client retries, so that a request sent
     * by mistake fails fast instead of hanging the test.
     */
    public static CountingEndpoint refusingEverything() {
        return answering(
                400,
                "{\"__type\":\"com.amazon.coral.validate#ValidationException\","
                        + "\"message\":\"the counting endpoint of a test refuses every request\"}");
    }

    /** Answers every request with {@code status} and the DynamoDB JSON error {@code body}. */
    public static CountingEndpoint answering(int status, String body) {
        return new CountingEndpoint(status, body);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public URI uri() {
        return URI.create(url());
    }

    /** How many HTTP requests arrived so far. */
    public long requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "counting-" + requests.get());
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
