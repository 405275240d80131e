package dev.dynaseed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A real HTTP proxy on 127.0.0.1 in front of an engine that answers some requests of one DynamoDB operation with a
 * fault instead of forwarding them: DynamoDB's own error status and body (throttling, 500, 503) or a connection
 * closed without an answer. A faulted request never reaches the engine, so it wrote nothing.
 */
public final class FaultProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HOP_BY_HOP =
            Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "date");

    /** What a faulted request gets back. */
    public enum Fault {
        THROUGHPUT_EXCEEDED(
                400,
                "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. Consider increasing your"
                        + " provisioning level with the UpdateTable API."),
        THROTTLING(
                400,
                "com.amazon.coral.availability#ThrottlingException",
                "Rate of requests exceeds the allowed" + " throughput."),
        INTERNAL_ERROR(500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error"),
        UNAVAILABLE(503, "com.amazon.coral.availability#ServiceUnavailableException", "Service Unavailable"),
        /** The connection is closed without an answer, as after a reset. */
        CONNECTION_CLOSED(0, "", "");

        private final int status;
        private final String type;
        private final String message;

        Fault(int status, String type, String message) {
            this.status = status;
            this.type = type;
            this.message = message;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient upstream = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI target;
    private final String operation;
    private final LongFunction<Optional<Fault>> faults;
    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong faulted = new AtomicLong();
    private final AtomicLong faultedItems = new AtomicLong();

    private FaultProxy(URI target, String operation, LongFunction<Optional<Fault>> faults) throws IOException {
        this.target = target;
        this.operation = operation;
        this.faults = faults;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fault-proxy");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * A proxy to the shared dynalite; {@code faults} decides, from the running count (from 0) of requests for
     * {@code operation} (e.g. {@code "BatchWriteItem"}), whether that request is faulted and how.
     */
    public static FaultProxy inFrontOfDynalite(String operation, LongFunction<Optional<Fault>> faults) {
        try {
            return new FaultProxy(Dynalite.target().endpoint(), operation, faults);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
    }

    /** The port clients connect to (as a {@code Target.Local}). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests for the operation answered with a fault. */
    public long faulted() {
        return faulted.get();
    }

    /** Items (writes) in the requests answered with a fault. */
    public long faultedItems() {
        return faultedItems.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String amzTarget = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target"))
                    .orElse("");
            if (amzTarget.endsWith("." + operation)) {
                Optional<Fault> fault = faults.apply(seen.getAndIncrement());
                if (fault.isPresent()) {
                    faulted.incrementAndGet();
                    faultedItems.addAndGet(items(body));
                    answer(exchange, fault.get());
                    return;
                }
            }
            forward(exchange, body);
        }
    }

    private long items(byte[] body) throws IOException {
        if (!operation.equals("BatchWriteItem")) {
            return 1;
        }
        long count = 0;
        for (JsonNode writes : JSON.readTree(body).path("RequestItems")) {
            count += writes.size();
        }
        return count;
    }

    private static void answer(HttpExchange exchange, Fault fault) throws IOException {
        if (fault == Fault.CONNECTION_CLOSED) {
            // Closing the exchange before any response header closes the connection: the client reads EOF.
            return;
        }
        byte[] body = JSON.createObjectNode()
                .put("__type", fault.type)
                .put("message", fault.message)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(fault.status, body.length);
        exchange.getResponseBody().write(body);
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        target.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
