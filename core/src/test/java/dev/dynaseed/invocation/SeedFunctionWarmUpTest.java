package dev.dynaseed.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.testing.FaultProxy;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The warm-up runs the invocation's code in the init phase and sends nothing. */
class SeedFunctionWarmUpTest {
    @Test
    void warmUp_sendsNoRequest() {
        try (FaultProxy proxy = FaultProxy.inFrontOfDynalite(
                        Set.of("DescribeTable", "CreateTable", "BatchWriteItem", "PutItem", "Scan", "ListTables"),
                        n -> Optional.empty());
                DynamoDbClient client = DynamoDbClients.create(new Target.Local(proxy.port()))) {
            SeedFunction function = new SeedFunction(client, "test", Optional.empty());

            function.warmUp();
            function.warmUp();

            assertThat(proxy.seen()).isZero();
        }
    }
}
