package dev.dynaseed.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The Lambda Invoke API ({@code POST /2015-03-31/functions/NAME/invocations[?Qualifier=Q]}) on 127.0.0.1, running
 * each invocation through the packaged jar under the real runtime interface client: a small pool of child JVMs, each
 * one execution environment with its own {@link RuntimeApiServer}, taking one invocation at a time as Lambda does.
 * Faults answer as Lambda answers: 429 {@code TooManyRequestsException} and 500 {@code ServiceException} with
 * {@code x-amzn-ErrorType}, a function error with {@code X-Amz-Function-Error: Unhandled} and Lambda's timeout payload,
 * and a short deadline (the function stops early and reports what it left).
 */
final class InvokeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2015-03-31/functions/";

    /** What the harness does with one invocation instead of running it normally. */
    enum Fault {
        /** 429 TooManyRequestsException, as Lambda throttles; the function is not run. */
        THROTTLE,
        /** 500 ServiceException; the function is not run. */
        SERVICE_ERROR,
        /** The function runs with a deadline 3.3 s away, so it stops early and reports the items it left. */
        SHORT_DEADLINE,
        /** The function runs, but the answer is Lambda's timeout error (as if it were cut off at its end). */
        TIMED_OUT
    }

    /** One invocation as the harness received it. */
    record Invocation(String function, Optional<String> qualifier, Optional<Fault> fault) {}

    private final HttpServer server;
    private final String functionName;
    private final Duration timeout;
    private final LongFunction<Optional<Fault>> faults;
    private final BlockingQueue<Environment> idle = new LinkedBlockingQueue<>();
    private final List<Environment> environments = new ArrayList<>();
    private final AtomicLong count = new AtomicLong();
    private final ConcurrentLinkedQueue<Invocation> invocations = new ConcurrentLinkedQueue<>();

    /**
     * A child JVM running the function, and the Runtime API it polls. {@link RuntimeApiServer} answers a poll that
     * waited 60 s without an event with a 500, on which the runtime client exits: an environment idle that long is
     * replaced by a fresh one (a cold start, as Lambda's own idle environments get).
     */
    private record Environment(RuntimeApiServer api, PackagedFunction function, long lastUsed) {
        boolean stale() {
            return System.nanoTime() - lastUsed > TimeUnit.SECONDS.toNanos(40);
        }
    }

    private final Map<String, String> environment;

    /**
     * @param functionName the only function it serves (404 ResourceNotFoundException for others)
     * @param environments how many child JVMs run invocations at once
     * @param timeout each invocation's deadline (the function's configured timeout)
     * @param faults for the n-th invocation (from 1), the fault to inject, if any
     * @param environment the function's environment variables (e.g. DYNASEED_ENDPOINT_URL)
     */
    InvokeApiServer(
            String functionName,
            int environments,
            Duration timeout,
            LongFunction<Optional<Fault>> faults,
            Map<String, String> environment)
            throws IOException {
        this.functionName = functionName;
        this.timeout = timeout;
        this.faults = faults;
        this.environment = Map.copyOf(environment);
        for (int i = 0; i < environments; i++) {
            // Started on first use: until then an empty slot.
            idle.add(new Environment(null, null, 0));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "invoke-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** The value for {@code --lambda-endpoint-url}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every invocation received, in order. */
    List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    /** The child JVMs' logs, for failure messages. */
    String logs() {
        StringBuilder logs = new StringBuilder();
        synchronized (environments) {
            environments.forEach(env -> logs.append(env.function().log()).append('\n'));
        }
        return logs.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] event = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/invocations")) {
                error(exchange, 404, "UnknownOperationException", "{\"Type\":\"User\",\"message\":null}");
                return;
            }
            String name = URLDecoder.decode(
                    path.substring(PREFIX.length(), path.length() - "/invocations".length()), StandardCharsets.UTF_8);
            Optional<String> qualifier = qualifier(exchange.getRequestURI().getRawQuery());
            if (name.contains(":")) {
                qualifier = Optional.of(name.substring(name.indexOf(':') + 1));
                name = name.substring(0, name.indexOf(':'));
            }
            if (!name.equals(functionName)) {
                invocations.add(new Invocation(name, qualifier, Optional.empty()));
                error(
                        exchange,
                        404,
                        "ResourceNotFoundException",
                        "{\"Type\":\"User\",\"message\":\"Function not found:"
                                + " arn:aws:lambda:us-east-1:123456789012:function:" + name
                                + qualifier.map(q -> ":" + q).orElse("")
                                + "\"}");
                return;
            }
            Optional<Fault> fault = faults.apply(count.incrementAndGet());
            invocations.add(new Invocation(name, qualifier, fault));
            if (fault.equals(Optional.of(Fault.THROTTLE))) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                error(
                        exchange,
                        429,
                        "TooManyRequestsException",
                        "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\","
                                + "\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}");
                return;
            }
            if (fault.equals(Optional.of(Fault.SERVICE_ERROR))) {
                error(
                        exchange,
                        500,
                        "ServiceException",
                        "{\"Type\":\"Service\",\"message\":\"An error occurred" + " while processing the request.\"}");
                return;
            }
            Duration deadline = fault.equals(Optional.of(Fault.SHORT_DEADLINE)) ? Duration.ofMillis(3300) : timeout;
            Environment environment = idle.poll(10, TimeUnit.MINUTES);
            if (environment == null) {
                error(exchange, 500, "ServiceException", "{\"Type\":\"Service\",\"message\":\"no environment\"}");
                return;
            }
            Optional<RuntimeApiServer.Outcome> answered;
            try {
                environment = fresh(environment);
                String requestId = environment.api().invoke(new String(event, StandardCharsets.UTF_8), deadline);
                answered = outcome(environment, requestId, deadline.plusMinutes(2));
            } finally {
                // A JVM that died leaves an empty slot: the next invocation starts a fresh one, as Lambda does.
                idle.add(
                        environment.function().alive()
                                ? new Environment(environment.api(), environment.function(), System.nanoTime())
                                : new Environment(null, null, 0));
            }
            if (answered.isEmpty()) {
                // Lambda's answer when the runtime process exits during an invocation.
                exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
                respond(
                        exchange,
                        200,
                        "{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"Runtime exited with error: exit"
                                + " status " + environment.function().exitStatus() + "\"}");
                return;
            }
            RuntimeApiServer.Outcome outcome = answered.get();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", qualifier.isPresent() ? "1" : "$LATEST");
            if (fault.equals(Optional.of(Fault.TIMED_OUT))) {
                exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
                respond(
                        exchange,
                        200,
                        "{\"errorMessage\":\"2026-11-26T04:00:00.000Z " + "0000 Task timed out after "
                                + timeout.toSeconds() + ".00 seconds\"}");
            } else if (outcome.kind().equals("error")) {
                exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
                respond(exchange, 200, outcome.body());
            } else {
                respond(exchange, 200, outcome.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(exchange, 500, "ServiceException", "{\"Type\":\"Service\",\"message\":\"interrupted\"}");
        } catch (AssertionError e) {
            error(exchange, 500, "ServiceException", "{\"Type\":\"Service\",\"message\":\"no answer\"}");
        }
    }

    /**
     * What the function answered, waiting at most {@code timeout}; empty as soon as its JVM has exited without an
     * answer, rather than waiting for an answer that cannot come.
     */
    private static Optional<RuntimeApiServer.Outcome> outcome(
            Environment environment, String requestId, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<RuntimeApiServer.Outcome> outcome = environment.api().poll(requestId, Duration.ofSeconds(1));
            if (outcome.isPresent()) {
                return outcome;
            }
            if (!environment.function().alive()) {
                // An answer posted just before the exit still counts.
                return environment.api().poll(requestId, Duration.ZERO);
            }
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("no response for " + requestId + " within " + timeout);
            }
        }
    }

    /** {@code environment} when it is running and was used lately; else a freshly started one in its place. */
    private Environment fresh(Environment environment) throws IOException {
        if (environment.api() != null && !environment.stale()) {
            return environment;
        }
        if (environment.api() != null) {
            environment.function().close();
            environment.api().close();
        }
        RuntimeApiServer api = new RuntimeApiServer();
        Environment started = new Environment(
                api,
                PackagedFunction.start(api.address(), this.environment, List.of("-XX:+UseSerialGC", "-Xmx384m")),
                System.nanoTime());
        synchronized (environments) {
            environments.add(started);
        }
        return started;
    }

    private static Optional<String> qualifier(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("Qualifier=")) {
                return Optional.of(URLDecoder.decode(pair.substring("Qualifier=".length()), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static void error(HttpExchange exchange, int status, String type, String body) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        respond(exchange, status, body);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        synchronized (environments) {
            for (Environment environment : environments) {
                environment.function().close();
                environment.api().close();
            }
        }
    }
}
