package dev.dynaseed.connection;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The HTTP client builder for a {@link HttpStack}, bounded by a run's {@link CallTimeouts}. */
public final class HttpClients {
    private HttpClients() {}

    /** A builder of {@code stack}'s client for {@code target}, with every wait bounded by {@code timeouts}. */
    public static SdkHttpClient.Builder<?> builder(HttpStack stack, Target target, CallTimeouts timeouts) {
        // A switch without default: a new stack does not compile until it is handled here.
        return switch (stack) {
            case JDK ->
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeouts.connect())
                        // A backstop under the attempt timeout: a read blocked on a silent socket ends by itself.
                        .socketTimeout(timeouts.attempt());
            // In its own class: Apache's classes load only when this stack is chosen, and need not exist otherwise.
            case APACHE5 -> Apache5Http.builder(onThisMachine(target), timeouts);
        };
    }

    /** Whether {@code target} is served on this machine: the local engine, or an endpoint on a loopback address. */
    static boolean onThisMachine(Target target) {
        return switch (target.kind()) {
            case LOCAL -> true;
            case ENDPOINT -> loopback(((Target.Endpoint) target).endpoint());
            case AWS -> false;
        };
    }

    private static boolean loopback(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        // Only literal addresses: a name is not looked up here (no DNS call before the client's own).
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            // Not an address after all (the pattern lets some non-addresses through): not known to be this machine.
            return false;
        }
    }
}
