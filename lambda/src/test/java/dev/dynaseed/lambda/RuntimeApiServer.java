package dev.dynaseed.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small AWS Lambda Runtime API on 127.0.0.1, as documented: {@code GET /2018-06-01/runtime/invocation/next} hands
 * out queued events with the request-id and deadline headers; the runtime posts the result to {@code
 * .../invocation/{id}/response} or {@code .../invocation/{id}/error}, and init failures to {@code /init/error}; with
 * SnapStart, the runtime asks {@code /restore/next} after its {@code beforeCheckpoint} hooks.
 */
final class RuntimeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";

    /** What the runtime posted for one invocation. */
    record Outcome(String kind, String body) {}

    private final HttpServer server;
    private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
    private final Map<String, BlockingQueue<Outcome>> outcomes = new ConcurrentHashMap<>();
    private final BlockingQueue<Long> nextCalls = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> initErrors = new LinkedBlockingQueue<>();
    private final BlockingQueue<Long> restoreCalls = new LinkedBlockingQueue<>();

    RuntimeApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event with {@code timeout} to run in; returns its request id. */
    String invoke(String event, Duration timeout) {
        String requestId = UUID.randomUUID().toString();
        outcomes.put(requestId, new LinkedBlockingQueue<>());
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        events.add(new String[] {requestId, event, Long.toString(deadline)});
        return requestId;
    }

    /** What the runtime posted for the request, waiting up to {@code timeout}. */
    Outcome outcome(String requestId, Duration timeout) throws InterruptedException {
        return poll(requestId, timeout)
                .orElseThrow(() -> new AssertionError("no response for " + requestId + " within " + timeout));
    }

    /** What the runtime posted for the request, if it did within {@code timeout}. */
    Optional<Outcome> poll(String requestId, Duration timeout) throws InterruptedException {
        return Optional.ofNullable(outcomes.get(requestId).poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** When (System.nanoTime) the runtime first asked for an invocation: the end of its init phase. */
    long firstNextCall(Duration timeout) throws InterruptedException {
        Long at = nextCalls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (at == null) {
            throw new AssertionError(
                    "the runtime did not ask for an invocation within " + timeout + "; init errors: " + initErrors);
        }
        return at;
    }

    /** Whether the runtime asked for an invocation within {@code timeout}. */
    boolean askedForInvocation(Duration timeout) throws InterruptedException {
        return nextCalls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS) != null;
    }

    /**
     * When (System.nanoTime) the runtime asked {@code /restore/next}: with SnapStart, the end of init and of the
     * {@code beforeCheckpoint} hooks, where Lambda takes the snapshot.
     */
    long restoreCall(Duration timeout) throws InterruptedException {
        Long at = restoreCalls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (at == null) {
            throw new AssertionError(
                    "the runtime did not ask /restore/next within " + timeout + "; init errors: " + initErrors);
        }
        return at;
    }

    /** What the runtime posted to {@code /init/error} (or {@code /restore/error}), waiting up to {@code timeout}. */
    String initError(Duration timeout) throws InterruptedException {
        String error = initErrors.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (error == null) {
            throw new AssertionError("the runtime reported no init error within " + timeout);
        }
        return error;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (path.equals("invocation/next")) {
                nextCalls.add(System.nanoTime());
                String[] event = events.poll(60, TimeUnit.SECONDS);
                if (event == null) {
                    respond(exchange, 500, "{\"message\":\"no invocation queued\"}");
                    return;
                }
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", event[0]);
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", event[2]);
                exchange.getResponseHeaders()
                        .add(
                                "Lambda-Runtime-Invoked-Function-Arn",
                                "arn:aws:lambda:us-east-1:123456789012:function:sample-table-creator");
                exchange.getResponseHeaders()
                        .add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
                respond(exchange, 200, event[1]);
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String[] parts = path.split("/");
                String kind = parts[2];
                BlockingQueue<Outcome> queue = outcomes.get(parts[1]);
                if (queue != null) {
                    queue.add(new Outcome(kind, body));
                }
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.equals("restore/next")) {
                restoreCalls.add(System.nanoTime());
                respond(exchange, 200, "{}");
            } else if (path.equals("init/error") || path.equals("restore/error")) {
                initErrors.add(body);
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                respond(exchange, 404, "{\"message\":\"unknown path " + path + "\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 500, "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // The runtime client's native code reads Content-Type unconditionally; without it, it crashes.
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
