package dev.dynaseed.connection;

/**
 * The HTTP client under a DynamoDB client. Both have the same time bounds ({@link CallTimeouts}); they differ in
 * size and in CPU per request.
 */
public enum HttpStack {
    /**
     * The JDK's {@code HttpURLConnection} (the SDK's {@code UrlConnectionHttpClient}): no library added, the fewest
     * classes to load. The Lambda function's, whose artifact must stay within 15 MB; the default.
     */
    JDK,
    /**
     * Apache HttpClient 5 (the SDK's {@code Apache5HttpClient}): less CPU per request, in this process and, measured,
     * in a local engine answering it (the README's Benchmarks). The CLI's. Needs
     * {@code software.amazon.awssdk:apache5-client} on the class path: core declares it optional, so only modules
     * that ask for it carry it. A proxy named by the system properties or the environment ({@code HTTPS_PROXY},
     * {@code NO_PROXY}) is used for AWS and remote endpoints, never for an endpoint on this machine.
     */
    APACHE5
}
