package dev.dynaseed.connection;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;

/** {@link HttpStack#APACHE5}'s client builder; the only class that names Apache's (optional) classes. */
final class Apache5Http {
    private Apache5Http() {}

    static SdkHttpClient.Builder<?> builder(boolean onThisMachine, CallTimeouts timeouts) {
        Apache5HttpClient.Builder builder = Apache5HttpClient.builder()
                // As many connections as the writer may have requests in flight (its ceiling is 256).
                .maxConnections(KeptConnections.KEPT)
                .connectionTimeout(timeouts.connect())
                .socketTimeout(timeouts.attempt())
                .connectionAcquisitionTimeout(timeouts.attempt());
        if (onThisMachine) {
            // The SDK's default reads HTTP(S)_PROXY too, and a proxy does not reach this machine's loopback.
            builder.proxyConfiguration(ProxyConfiguration.builder()
                    .useSystemPropertyValues(false)
                    .useEnvironmentVariableValues(false)
                    .build());
        }
        return builder;
    }
}
