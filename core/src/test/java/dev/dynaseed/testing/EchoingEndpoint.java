package dev.dynaseed.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A failing endpoint on 127.0.0.1 that answers every request with a 400 whose error message repeats the request's
 * headers (Authorization, X-Amz-Security-Token and all), as a careless proxy or gateway might: whatever dynaseed
 * prints of an error must still not carry the credentials.
 */
public final class EchoingEndpoint implements AutoCloseable {
    private final HttpServer server;

    public EchoingEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "echoing-endpoint");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            StringBuilder headers = new StringBuilder();
            for (Map.Entry<String, List<String>> header :
                    exchange.getRequestHeaders().entrySet()) {
                headers.append(header.getKey())
                        .append(": ")
                        .append(String.join(",", header.getValue()))
                        .append("; ");
            }
            String message = "The security token included in the request is invalid. Request headers: " + headers;
            byte[] body = ("{\"__type\":\"com.amazon.coral.service#UnrecognizedClientException\",\"message\":\""
                            + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
