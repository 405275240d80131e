package dev.dynaseed.lambda;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One invocation of the handler in a JVM of its own, as Lambda runs it: the handler is built first (the init phase,
 * outside the invocation's time), then invoked with a context whose deadline starts then. Prints the time left when
 * the handler returned and its response, one line each.
 *
 * <p>Arguments: the local engine's port, the invocation's timeout in milliseconds, and the spec (YAML).
 */
public final class StarvedInvocation {
    static final String LEFT = "left-ms ";
    static final String PAST = "past-ms ";
    static final String RESPONSE = "response ";

    private StarvedInvocation() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Duration timeout = Duration.ofMillis(Long.parseLong(args[1]));
        String spec = args[2];
        SeedHandler handler = new SeedHandler(
                DynamoDbClients.create(new Target.Local(port)),
                "local engine",
                Optional.of(spec),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        TestContext context = new TestContext(timeout);

        handler.handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), response, context);

        long left = context.getRemainingTimeInMillis();
        long past = context.millisPastDeadline();
        System.out.println(LEFT + left);
        System.out.println(PAST + past);
        System.out.println(RESPONSE + response.toString(StandardCharsets.UTF_8));
        System.out.flush();
        // The client's threads must not keep this JVM alive.
        System.exit(0);
    }
}
