package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's writers reuse their connections: with more requests in flight than the JDK keeps idle connections by
 * default (5), every answer past the fifth used to close its connection and the next request to open a new one.
 */
class KeptConnectionsTest {
    private static final int IN_FLIGHT = 16;
    private static final int ITEMS = 25 * 400;

    @TempDir
    Path dir;

    @Test
    void apply_opensAboutOneConnectionPerRequestInFlight_notOnePerRequest() throws Exception {
        String table = Dynalite.uniqueTableName("kept");
        Path spec = Files.writeString(dir.resolve("spec.yaml"), """
                version: 1
                tables:
                  - name: %s
                    partitionKey: {name: id, type: S}
                    billing: {mode: PAY_PER_REQUEST}
                    seed:
                      count: %d
                      attributes:
                        id: uuid4
                """.formatted(table, ITEMS));
        URI engine = Dynalite.target().endpoint();
        try (CountingRelay relay = new CountingRelay(engine.getPort())) {
            Path out = dir.resolve("out.json");
            Path err = dir.resolve("err.txt");
            Process child = ChildCli.start(
                    dir,
                    out,
                    err,
                    "apply",
                    "-f",
                    spec.toString(),
                    "--endpoint-url",
                    "http://127.0.0.1:" + relay.port(),
                    "--fixed-concurrency",
                    "--write-concurrency",
                    Integer.toString(IN_FLIGHT),
                    "--samples",
                    "0",
                    "-o",
                    "json");
            try {
                assertThat(child.waitFor(300, TimeUnit.SECONDS))
                        .as("apply ended")
                        .isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(child.exitValue()).as(Files.readString(err)).isZero();
            assertThat(Files.readString(out)).contains("\"written\" : " + ITEMS);
            // 400 BatchWriteItem requests, 16 at a time, plus the plan's reads: 16 connections here, measured. With the
            // JDK's default of 5 kept, answers past the fifth closed theirs: 62 opened.
            assertThat(relay.accepted()).isLessThanOrEqualTo(2 * IN_FLIGHT);
        }
    }

    /** A TCP relay on 127.0.0.1 to {@code targetPort} that counts the connections it accepts. */
    private static final class CountingRelay implements AutoCloseable {
        private final ServerSocket server;
        private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "counting-relay");
            thread.setDaemon(true);
            return thread;
        });
        private final AtomicInteger accepted = new AtomicInteger();
        /** Directions that ended in an error rather than an end of stream (a reset when a side closed first). */
        private static final AtomicInteger broken = new AtomicInteger();

        CountingRelay(int targetPort) throws IOException {
            server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        accepted.incrementAndGet();
                        Socket target = new Socket();
                        target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 10_000);
                        threads.execute(() -> pipe(client, target));
                        threads.execute(() -> pipe(target, client));
                    } catch (IOException e) {
                        // The server socket closed (the test is over) or one connection failed: the CLI reports that.
                        if (server.isClosed()) {
                            return;
                        }
                    }
                }
            });
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // One side closed or reset: the finally below closes both, so the other direction ends too.
                broken.incrementAndGet();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }
}
