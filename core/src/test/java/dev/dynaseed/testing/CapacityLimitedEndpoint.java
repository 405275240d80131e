package dev.dynaseed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An endpoint on 127.0.0.1 that answers BatchWriteItem and PutItem like a provisioned DynamoDB table: every answer
 * comes after a fixed latency, and writes beyond a capacity in items per second (a token bucket holding a given
 * number of seconds' worth, full at the start, as DynamoDB keeps unused capacity for bursts) are throttled: the items over it come back as UnprocessedItems, and a request none of whose
 * items fit is answered 400 ProvisionedThroughputExceededException. It stores nothing but counts; with {@code
 * keepKeys} it also keeps each written item's key attributes, to tell exactly which items arrived.
 */
public final class CapacityLimitedEndpoint implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THROTTLED = "{\"__type\":\"com.amazonaws.dynamodb.v20120810"
            + "#ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned throughput"
            + " for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.\"}";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Duration latency;
    private final double itemsPerSecond;
    private final double burst;
    private final Set<String> keyNames;
    private final boolean keepKeys;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttledRequests = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong unprocessed = new AtomicLong();
    private final AtomicLong firstWriteNanos = new AtomicLong();
    private final AtomicLong firstWriteMillis = new AtomicLong();
    private double tokens;
    private long refilled;

    private CapacityLimitedEndpoint(
            Duration latency, double itemsPerSecond, double burstSeconds, Set<String> keyNames, boolean keepKeys)
            throws IOException {
        if (!(itemsPerSecond > 0)) {
            throw new IllegalArgumentException("itemsPerSecond must be above 0, was " + itemsPerSecond);
        }
        this.latency = latency;
        this.itemsPerSecond = itemsPerSecond;
        this.burst = Math.max(25, itemsPerSecond * burstSeconds);
        this.tokens = burst;
        this.refilled = System.nanoTime();
        this.keyNames = Set.copyOf(keyNames);
        this.keepKeys = keepKeys;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "capacity-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * An endpoint answering after {@code latency}, writing up to {@code itemsPerSecond} with a burst of {@code
     * burstSeconds} of it; {@code keyNames} are the table's key attributes, kept for each written item when {@code
     * keepKeys}.
     */
    public static CapacityLimitedEndpoint start(
            Duration latency, double itemsPerSecond, double burstSeconds, Set<String> keyNames, boolean keepKeys) {
        Objects.requireNonNull(latency, "latency");
        try {
            return new CapacityLimitedEndpoint(latency, itemsPerSecond, burstSeconds, keyNames, keepKeys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public double capacity() {
        return itemsPerSecond;
    }

    /** Write requests answered (BatchWriteItem and PutItem). */
    public long requests() {
        return requests.get();
    }

    /** Write requests answered with ProvisionedThroughputExceededException or with UnprocessedItems. */
    public long throttledRequests() {
        return throttledRequests.get();
    }

    /** Items written (accepted within the capacity), counting an item written twice twice. */
    public long written() {
        return written.get();
    }

    /** Items handed back as UnprocessedItems or refused with their throttled request. */
    public long unprocessed() {
        return unprocessed.get();
    }

    /** The distinct keys written, with {@code keepKeys}. */
    public Set<String> keys() {
        return Set.copyOf(keys);
    }

    /** When the first write request arrived (epoch milliseconds), if one did. */
    public Optional<Long> firstWriteEpochMillis() {
        long millis = firstWriteMillis.get();
        return millis == 0 ? Optional.empty() : Optional.of(millis);
    }

    /** Takes up to {@code wanted} items' worth of capacity; returns how many fit. */
    private synchronized int take(int wanted) {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilled) * itemsPerSecond / 1e9);
        refilled = now;
        int granted = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= granted;
        return granted;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target"))
                    .orElse("");
            String operation = target.substring(target.indexOf('.') + 1);
            int status;
            String answer;
            switch (operation) {
                case "BatchWriteItem" -> {
                    firstWrite();
                    JsonNode request = JSON.readTree(body);
                    ObjectNode unprocessedItems = JSON.createObjectNode();
                    boolean anyWritten = false;
                    int refused = 0;
                    Iterator<Map.Entry<String, JsonNode>> tables =
                            request.path("RequestItems").fields();
                    while (tables.hasNext()) {
                        Map.Entry<String, JsonNode> table = tables.next();
                        int size = table.getValue().size();
                        int granted = take(size);
                        for (int i = 0; i < granted; i++) {
                            written(table.getValue().get(i));
                        }
                        anyWritten |= granted > 0;
                        if (granted < size) {
                            ArrayNode rest = unprocessedItems.putArray(table.getKey());
                            for (int i = granted; i < size; i++) {
                                rest.add(table.getValue().get(i));
                            }
                            refused += size - granted;
                        }
                    }
                    unprocessed.addAndGet(refused);
                    if (refused > 0) {
                        throttledRequests.incrementAndGet();
                    }
                    if (!anyWritten && refused > 0) {
                        status = 400;
                        answer = THROTTLED;
                    } else {
                        status = 200;
                        answer = "{\"UnprocessedItems\":" + JSON.writeValueAsString(unprocessedItems) + "}";
                    }
                }
                case "PutItem" -> {
                    firstWrite();
                    if (take(1) == 1) {
                        written(JSON.readTree(body).path("Item"));
                        status = 200;
                        answer = "{}";
                    } else {
                        throttledRequests.incrementAndGet();
                        unprocessed.incrementAndGet();
                        status = 400;
                        answer = THROTTLED;
                    }
                }
                default -> {
                    status = 400;
                    answer = "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}";
                }
            }
            requests.incrementAndGet();
            long wait = latency.toNanos() - (System.nanoTime() - arrived);
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "capacity-" + requests.get());
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void firstWrite() {
        if (firstWriteNanos.compareAndSet(0, System.nanoTime())) {
            firstWriteMillis.set(System.currentTimeMillis());
        }
    }

    private void written(JsonNode write) {
        written.incrementAndGet();
        if (!keepKeys) {
            return;
        }
        JsonNode item = write.has("PutRequest") ? write.path("PutRequest").path("Item") : write;
        StringBuilder key = new StringBuilder();
        for (String name : keyNames.stream().sorted().toList()) {
            key.append(item.path(name)).append('|');
        }
        keys.add(key.toString());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
