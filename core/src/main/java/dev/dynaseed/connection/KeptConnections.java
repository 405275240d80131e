package dev.dynaseed.connection;

/**
 * How many idle connections per endpoint the JDK's HTTP client (under the SDK's {@code UrlConnectionHttpClient})
 * keeps for reuse. Its default, 5, is below the writer's requests in flight: each answer past the fifth closed its
 * connection, and the next request opened a new one (a TCP handshake, and against AWS a TLS handshake too). Measured
 * against dynalite: 104 connections opened for 2,000 requests at the default, 22 with this.
 */
public final class KeptConnections {
    /** The property the JDK reads, once, when its first HTTP connection is made. */
    public static final String PROPERTY = "http.maxConnections";
    /** As many as the writer's largest {@code --write-concurrency}; idle ones close after the server's keep-alive. */
    public static final int KEPT = 256;

    private KeptConnections() {}

    /**
     * Keeps up to {@value #KEPT} idle connections per endpoint, unless {@value #PROPERTY} is already set (by the
     * user's {@code -D}); takes effect only when called before the process's first HTTP connection.
     */
    public static void keepEnough() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(KEPT));
        }
    }
}
