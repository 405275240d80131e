package dev.dynaseed.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbClientsTest {
    @Test
    void everyClient_boundsEachAttemptAndEachCall_byDefault() {
        try (DynamoDbClient client = DynamoDbClients.create(
                new Target.Endpoint(URI.create("http://127.0.0.1:1"), Optional.empty(), Optional.empty()))) {
            ClientOverrideConfiguration configuration =
                    client.serviceClientConfiguration().overrideConfiguration();

            assertThat(configuration.apiCallAttemptTimeout()).contains(Duration.ofSeconds(10));
            assertThat(configuration.apiCallTimeout()).contains(Duration.ofSeconds(30));
        }
    }

    @Test
    void callTimeouts_perAttempt_allowThreeAttemptsPerCall_andConnectWithinFiveSeconds() {
        CallTimeouts timeouts = CallTimeouts.perAttempt(Duration.ofSeconds(20));

        assertThat(timeouts.total()).isEqualTo(Duration.ofSeconds(60));
        assertThat(timeouts.connect()).isEqualTo(Duration.ofSeconds(5));
        assertThat(CallTimeouts.perAttempt(Duration.ofSeconds(1)).connect()).isEqualTo(Duration.ofSeconds(1));
    }
}
