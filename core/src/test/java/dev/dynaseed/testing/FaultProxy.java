package dev.dynaseed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.zip.CRC32;

/**
 * A real HTTP proxy on 127.0.0.1 in front of an engine that answers some requests of chosen DynamoDB operations
 * with a fault instead of a plain forward: DynamoDB's own error status and body (throttling, 500, 503), a connection
 * closed without an answer before or after the request was forwarded, a slow answer, or (BatchWriteItem) part of the
 * batch forwarded and the rest handed back as UnprocessedItems. Which request gets which fault is a function of its
 * running number, so a seeded {@link #random} choice repeats run after run.
 */
public final class FaultProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HOP_BY_HOP =
            Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "date");
    /** The longest a {@link Fault#SLOW} answer is held back: well under the client's 10 s attempt timeout. */
    public static final Duration MAX_SLOW_DELAY = Duration.ofMillis(400);

    /** What a faulted request gets. */
    public enum Fault {
        /** 400, as DynamoDB answers a write beyond a table's provisioned capacity. Nothing is written. */
        THROUGHPUT_EXCEEDED(
                400,
                "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. Consider increasing your"
                        + " provisioning level with the UpdateTable API."),
        /** 400, as DynamoDB answers requests beyond an account's or the control plane's rate. Nothing is written. */
        THROTTLING(
                400,
                "com.amazon.coral.availability#ThrottlingException",
                "Rate of requests exceeds the allowed" + " throughput."),
        /** 500 InternalServerError. Nothing is written. */
        INTERNAL_ERROR(500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error"),
        /** 503 ServiceUnavailable. Nothing is written. */
        UNAVAILABLE(503, "com.amazon.coral.availability#ServiceUnavailableException", "Service Unavailable"),
        /** The connection is closed without an answer before the request is forwarded: nothing is written. */
        CONNECTION_CLOSED(0, "", ""),
        /** The request is forwarded (its writes happen), then the connection is closed without an answer. */
        CLOSED_AFTER_FORWARDING(0, "", ""),
        /** The request is forwarded and answered after a delay of up to {@link #MAX_SLOW_DELAY}. */
        SLOW(0, "", ""),
        /**
         * BatchWriteItem only (other operations are forwarded as they are): a part of the batch is forwarded and
         * written, the rest is answered as {@code UnprocessedItems}, in DynamoDB's format.
         */
        UNPROCESSED_ITEMS(0, "", "");

        private final int status;
        private final String type;
        private final String message;

        Fault(int status, String type, String message) {
            this.status = status;
            this.type = type;
            this.message = message;
        }

        /** Whether the client gets an error answer from DynamoDB (throttling, 500, 503). */
        public boolean isErrorAnswer() {
            return status != 0;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient upstream = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI target;
    private final Set<String> operations;
    private final LongFunction<Optional<Fault>> faults;
    private final AtomicLong seen = new AtomicLong();
    private final Map<Fault, AtomicLong> faultedRequests = new EnumMap<>(Fault.class);
    private final Map<Fault, AtomicLong> faultedItems = new EnumMap<>(Fault.class);

    private FaultProxy(URI target, Set<String> operations, LongFunction<Optional<Fault>> faults) throws IOException {
        this.target = Objects.requireNonNull(target, "target");
        this.operations = Set.copyOf(operations);
        this.faults = Objects.requireNonNull(faults, "faults");
        for (Fault fault : Fault.values()) {
            faultedRequests.put(fault, new AtomicLong());
            faultedItems.put(fault, new AtomicLong());
        }
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
        return inFrontOfDynalite(Set.of(operation), faults);
    }

    /**
     * A proxy to the shared dynalite; {@code faults} decides, from the running count (from 0) of requests for any of
     * {@code operations}, whether that request is faulted and how. Other operations are forwarded untouched.
     */
    public static FaultProxy inFrontOfDynalite(Set<String> operations, LongFunction<Optional<Fault>> faults) {
        try {
            return new FaultProxy(Dynalite.target().endpoint(), operations, faults);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
    }

    /**
     * Faults each request with {@code probability}, picking one of {@code kinds} uniformly; the choice for request n
     * depends only on {@code seed} and n, so a run repeats.
     */
    public static LongFunction<Optional<Fault>> random(long seed, double probability, Fault... kinds) {
        if (probability < 0 || probability > 1 || kinds.length == 0) {
            throw new IllegalArgumentException(
                    "probability 0 to 1 and at least one kind, e.g. random(7, 0.3, " + "Fault.values())");
        }
        List<Fault> choices = List.of(kinds);
        return n -> {
            SplittableRandom random = randomFor(seed, n);
            return random.nextDouble() < probability
                    ? Optional.of(choices.get(random.nextInt(choices.size())))
                    : Optional.empty();
        };
    }

    private static SplittableRandom randomFor(long seed, long n) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
    }

    /** The port clients connect to (as a {@code Target.Local}). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL clients connect to, e.g. for {@code --endpoint-url}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Requests for the faulted operations seen so far, faulted or not. */
    public long seen() {
        return seen.get();
    }

    /** Requests faulted, of every kind. */
    public long faulted() {
        return faultedRequests.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Requests faulted with {@code fault}. */
    public long faulted(Fault fault) {
        return faultedRequests.get(fault).get();
    }

    /** Items (writes) in the requests answered with a fault, of every kind (for UNPROCESSED_ITEMS: those handed back). */
    public long faultedItems() {
        return faultedItems.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /**
     * Items (writes) of the requests faulted with {@code fault}; for {@link Fault#UNPROCESSED_ITEMS}, the items
     * handed back unprocessed.
     */
    public long faultedItems(Fault fault) {
        return faultedItems.get(fault).get();
    }

    /** The number of requests per fault kind, for messages and reports. */
    public String summary() {
        StringBuilder text = new StringBuilder(seen() + " requests, " + faulted() + " faulted:");
        for (Fault fault : Fault.values()) {
            text.append(' ').append(fault.name()).append('=').append(faulted(fault));
        }
        return text.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String amzTarget = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target"))
                    .orElse("");
            String operation = amzTarget.substring(amzTarget.lastIndexOf('.') + 1);
            if (!operations.contains(operation)) {
                forward(exchange, body);
                return;
            }
            long n = seen.getAndIncrement();
            Optional<Fault> fault = faults.apply(n);
            if (fault.isEmpty() || (fault.get() == Fault.UNPROCESSED_ITEMS && !operation.equals("BatchWriteItem"))) {
                forward(exchange, body);
                return;
            }
            Fault kind = fault.get();
            faultedRequests.get(kind).incrementAndGet();
            switch (kind) {
                case THROUGHPUT_EXCEEDED, THROTTLING, INTERNAL_ERROR, UNAVAILABLE -> {
                    faultedItems.get(kind).addAndGet(items(operation, body));
                    answer(exchange, kind);
                }
                case CONNECTION_CLOSED -> {
                    faultedItems.get(kind).addAndGet(items(operation, body));
                    // Closing the exchange before any response header closes the connection: the client reads EOF.
                }
                case CLOSED_AFTER_FORWARDING -> {
                    faultedItems.get(kind).addAndGet(items(operation, body));
                    send(body, exchange);
                    // The writes happened; the client never hears of it.
                }
                case SLOW -> {
                    faultedItems.get(kind).addAndGet(items(operation, body));
                    sleep(1 + randomFor(n, 1).nextLong(MAX_SLOW_DELAY.toMillis()));
                    forward(exchange, body);
                }
                case UNPROCESSED_ITEMS -> partly(exchange, body, randomFor(n, 2));
            }
        }
    }

    private static long items(String operation, byte[] body) throws IOException {
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
        byte[] body = JSON.createObjectNode()
                .put("__type", fault.type)
                .put("message", fault.message)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.getResponseHeaders().add("x-amz-crc32", crc32(body));
        exchange.sendResponseHeaders(fault.status, body.length);
        exchange.getResponseBody().write(body);
    }

    /**
     * Forwards a random part of the batch (each write with even odds, at least one held back) and answers with
     * DynamoDB's response to it plus the rest as {@code UnprocessedItems}, in the request's own format.
     */
    private void partly(HttpExchange exchange, byte[] body, SplittableRandom random) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(body);
        ObjectNode forwarded = request.deepCopy();
        ObjectNode forwardedItems = forwarded.putObject("RequestItems");
        ObjectNode unprocessed = JSON.createObjectNode();
        long heldBack = 0;
        long forwardedCount = 0;
        Iterator<Map.Entry<String, JsonNode>> tables =
                request.path("RequestItems").fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> table = tables.next();
            ArrayNode sent = JSON.createArrayNode();
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode write : table.getValue()) {
                // The first write is always held back, so every such answer hands something back.
                if (heldBack == 0 || random.nextBoolean()) {
                    kept.add(write);
                    heldBack++;
                } else {
                    sent.add(write);
                    forwardedCount++;
                }
            }
            if (!sent.isEmpty()) {
                forwardedItems.set(table.getKey(), sent);
            }
            if (!kept.isEmpty()) {
                unprocessed.set(table.getKey(), kept);
            }
        }
        faultedItems.get(Fault.UNPROCESSED_ITEMS).addAndGet(heldBack);
        ObjectNode answer;
        int status = 200;
        if (forwardedCount == 0) {
            answer = JSON.createObjectNode();
        } else {
            HttpResponse<byte[]> response = send(JSON.writeValueAsBytes(forwarded), exchange);
            if (response.statusCode() != 200) {
                // DynamoDB refused the part forwarded (e.g. a ValidationException): pass its answer on as it is.
                reply(exchange, response.statusCode(), response.headers().map(), response.body());
                return;
            }
            answer = (ObjectNode) JSON.readTree(response.body());
            answer.path("UnprocessedItems").fields().forEachRemaining(entry -> {
                ArrayNode list = unprocessed.withArray(entry.getKey());
                entry.getValue().forEach(list::add);
            });
        }
        answer.set("UnprocessedItems", unprocessed);
        byte[] bytes = JSON.writeValueAsBytes(answer);
        reply(
                exchange,
                status,
                Map.of(
                        "Content-Type", List.of("application/x-amz-json-1.0"),
                        "x-amzn-RequestId", List.of(UUID.randomUUID().toString()),
                        "x-amz-crc32", List.of(crc32(bytes))),
                bytes);
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpResponse<byte[]> response = send(body, exchange);
        reply(exchange, response.statusCode(), response.headers().map(), response.body());
    }

    private HttpResponse<byte[]> send(byte[] body, HttpExchange exchange) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        target.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    private static void reply(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] answer)
            throws IOException {
        headers.forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
    }

    private static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while holding a slow answer back", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
