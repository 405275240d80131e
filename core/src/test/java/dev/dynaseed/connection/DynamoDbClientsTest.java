package dev.dynaseed.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
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

    @Test
    void profileAlone_suppliesTheRegion_fromTheAwsConfigFile(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("config"), "[profile dev]\nregion = eu-west-1\n");
        Path credentials = Files.writeString(
                dir.resolve("credentials"), "[dev]\naws_access_key_id = x\naws_secret_access_key = y\n");
        String oldConfig = System.setProperty("aws.configFile", config.toString());
        String oldCredentials = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try (DynamoDbClient client = DynamoDbClients.create(new Target.Aws(Optional.empty(), Optional.of("dev")))) {
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        } finally {
            restore("aws.configFile", oldConfig);
            restore("aws.sharedCredentialsFile", oldCredentials);
        }
    }

    @Test
    void regionFromSystemSettings_winsOverTheProfilesRegion_soABadOneThereIsNotReported(@TempDir Path dir)
            throws IOException {
        Path config = Files.writeString(dir.resolve("config"), "[profile dev]\nregion = nowhere-1\n");
        Path credentials = Files.writeString(
                dir.resolve("credentials"), "[dev]\naws_access_key_id = x\naws_secret_access_key = y\n");
        String oldConfig = System.setProperty("aws.configFile", config.toString());
        String oldCredentials = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        String oldRegion = System.setProperty("aws.region", "eu-west-1");
        try (DynamoDbClient client = DynamoDbClients.create(new Target.Aws(Optional.empty(), Optional.of("dev")))) {
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        } finally {
            restore("aws.configFile", oldConfig);
            restore("aws.sharedCredentialsFile", oldCredentials);
            restore("aws.region", oldRegion);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
