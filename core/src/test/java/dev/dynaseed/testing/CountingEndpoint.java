package dev.dynaseed.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP endpoint on 127.0.0.1 that counts the requests it receives and answers each at once with one fixed
 * DynamoDB error, then closes the connection: the proof that a command sent nothing (count 0), or a target that
 * refuses (e.g. 403 access denied). Plain sockets, one connection per request, so nothing in it can stall a client.
 */
public final class CountingEndpoint implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "counting-endpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong requests = new AtomicLong();
    private final int status;
    private final byte[] body;

    private CountingEndpoint(int status, String body) {
        this.status = status;
        this.body = body.getBytes(StandardCharsets.UTF_8);
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
        executor.execute(this::acceptForever);
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
        return server.getLocalPort();
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

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                executor.execute(() -> answer(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void answer(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            long length = 0;
            String line = readLine(in);
            if (line.isEmpty()) {
                return; // a connection opened and closed without a request
            }
            requests.incrementAndGet();
            while (!(line = readLine(in)).isEmpty()) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(
                            lower.substring("content-length:".length()).trim());
                }
            }
            in.skipNBytes(length);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + status + " Refused\r\n"
                            + "Content-Type: application/x-amz-json-1.0\r\n"
                            + "x-amzn-RequestId: counting-" + requests.get() + "\r\n"
                            + "Content-Length: " + body.length + "\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // The client went away: what it sent is counted already.
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
