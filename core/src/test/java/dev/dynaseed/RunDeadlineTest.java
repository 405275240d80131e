package dev.dynaseed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.connection.CallTimeouts;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class RunDeadlineTest {
    private static AwsRequestOverrideConfiguration bound(RunDeadline deadline, DynamoDbClient client) {
        AwsRequestOverrideConfiguration.Builder builder = AwsRequestOverrideConfiguration.builder();
        deadline.bound(client).accept(builder);
        return builder.build();
    }

    @Test
    void bound_leavesTheClientsTimeouts_whenThereIsNoDeadline() {
        try (DynamoDbClient client = DynamoDbClients.create(new Target.Local(1))) {
            assertThat(bound(RunDeadline.none(), client).apiCallTimeout()).isEmpty();
        }
    }

    @Test
    void bound_isTheTimeLeft_whenShorterThanTheClientsCallTimeout() {
        try (DynamoDbClient client = DynamoDbClients.create(new Target.Local(1))) {
            Duration timeout = bound(RunDeadline.in(Duration.ofSeconds(1), Duration.ofSeconds(2)), client)
                    .apiCallTimeout()
                    .orElseThrow();

            assertThat(timeout).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void bound_isTheClientsCallTimeout_whenMoreTimeIsLeft() {
        try (DynamoDbClient client =
                DynamoDbClients.create(new Target.Local(1), CallTimeouts.perAttempt(Duration.ofSeconds(1)))) {
            assertThat(bound(RunDeadline.in(Duration.ofMinutes(5), Duration.ofMinutes(10)), client)
                            .apiCallTimeout())
                    .contains(Duration.ofSeconds(3));
        }
    }

    @Test
    void bound_isStillPositive_whenNoTimeIsLeft() {
        try (DynamoDbClient client = DynamoDbClients.create(new Target.Local(1))) {
            assertThat(bound(RunDeadline.in(Duration.ZERO, Duration.ZERO), client)
                            .apiCallTimeout())
                    .contains(Duration.ofMillis(1));
        }
    }
}
