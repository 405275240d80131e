package dev.dynaseed.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 in front of an engine that notes when the first request naming a given operation passes
 * it: bytes are copied as they come (TCP_NODELAY both ways), so the relay adds no delay an HTTP proxy would.
 */
final class RecordingTcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final byte[] mark;
    private final AtomicLong firstSeen = new AtomicLong();

    /** A relay to 127.0.0.1:{@code targetPort} watching for {@code operation} (e.g. BatchWriteItem). */
    RecordingTcpProxy(int targetPort, String operation) throws IOException {
        this.targetPort = targetPort;
        this.mark = ("DynamoDB_20120810." + operation).getBytes(StandardCharsets.US_ASCII);
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "recording-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** When (System.currentTimeMillis) the operation was first seen; 0 when not yet. */
    long firstSeenMillis() {
        return firstSeen.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket engine = new Socket();
                engine.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                client.setTcpNoDelay(true);
                engine.setTcpNoDelay(true);
                pump(client, engine, true);
                pump(engine, client, false);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("recording proxy: " + e.getMessage());
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean watch) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            if (watch && firstSeen.get() == 0 && contains(buffer, n)) {
                                firstSeen.compareAndSet(0, System.currentTimeMillis());
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // The other side closed its connection: this direction ends with it.
                        closeQuietly(to);
                    }
                },
                "recording-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private boolean contains(byte[] buffer, int length) {
        outer:
        for (int i = 0; i + mark.length <= length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (buffer[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            System.err.println("recording proxy: closing: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
