package dev.dynaseed.testing;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.engine.EngineConfig;
import dev.dynaseed.engine.LocalEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One in-memory dynalite for the whole test JVM, run through dynaseed's launcher ({@code engine/dynaseed-engine.js},
 * as the CLI runs it, so tests see online index create and delete too), reached over HTTP with the real SDK client.
 */
public final class Dynalite {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static LocalEngine engine;
    private static DynamoDbClient client;

    private Dynalite() {}

    /** The shared engine, started on first use on a free port and stopped when the JVM exits. */
    public static synchronized LocalEngine engine() {
        if (engine == null) {
            engine = LocalEngine.start(EngineConfig.inMemory(projectHome(), 0));
        }
        return engine;
    }

    public static Target.Local target() {
        return engine().target();
    }

    /** A client shared by the tests of this JVM. */
    public static synchronized DynamoDbClient client() {
        if (client == null) {
            client = DynamoDbClients.create(target());
        }
        return client;
    }

    /** A new client that passes every request through {@code interceptors}. */
    public static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClients.create(target(), List.of(interceptors));
    }

    /** A table name no other test of this JVM uses. */
    public static String uniqueTableName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + TABLES.incrementAndGet();
    }

    /** A port on 127.0.0.1 that nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** The checkout's root: the folder with the engine's package-lock.json, its launcher and the Maven wrapper. */
    public static Path projectHome() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("package-lock.json"))
                    && Files.isRegularFile(dir.resolve("engine").resolve("dynaseed-engine.js"))
                    && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no package-lock.json above " + Path.of("").toAbsolutePath());
    }
}
