package dev.dynaseed.cli;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.testing.Dynalite;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs CLI commands whose target is AWS ({@code --region}, no {@code --endpoint-url}) against the test JVM's
 * dynalite: the SDK's own {@code aws.endpointUrlDynamoDb} setting sends the AWS client to 127.0.0.1, with fake
 * credentials. Before anything runs it checks that an AWS client really goes there, so no test ever reaches AWS.
 */
final class AwsOverDynalite {
    private AwsOverDynalite() {}

    /** Thrown before transmission, so that the probe request never leaves the JVM. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final URI uri;

        Stopped(URI uri) {
            super("probe stopped before transmission");
            this.uri = uri;
        }
    }

    /** Builds an AWS client as the CLI does and stops its first request before it is sent, to see where it goes. */
    private static void requireRequestsGoTo(URI endpoint) {
        ExecutionInterceptor stop = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                throw new Stopped(context.httpRequest().getUri());
            }
        };
        URI seen;
        try (DynamoDbClient client =
                DynamoDbClients.create(new Target.Aws(Optional.of("us-east-1"), Optional.empty()), List.of(stop))) {
            client.listTables();
            throw new IllegalStateException("the probe request was not stopped; not running the test");
        } catch (Stopped e) {
            seen = e.uri;
        } catch (SdkException e) {
            if (!(e.getCause() instanceof Stopped stopped)) {
                throw e;
            }
            seen = stopped.uri;
        }
        if (!"127.0.0.1".equals(seen.getHost()) || seen.getPort() != endpoint.getPort()) {
            throw new IllegalStateException(
                    "an AWS client would send to " + seen + ", not to " + endpoint + "; not running the test");
        }
    }

    static synchronized <T> T run(Supplier<T> body) {
        URI endpoint = Dynalite.target().endpoint();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("aws.endpointUrlDynamoDb", endpoint.toString());
        properties.put("aws.accessKeyId", "AKIDTESTONLYNOTAKEY0");
        properties.put("aws.secretAccessKey", "test-only-not-a-secret");
        Map<String, String> before = new LinkedHashMap<>();
        properties.forEach((key, value) -> before.put(key, System.setProperty(key, value)));
        try {
            requireRequestsGoTo(endpoint);
            return body.get();
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }
}
