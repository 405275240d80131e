package dev.dynaseed.seed;

import static dev.dynaseed.seed.BatchWriterTest.emptyTable;
import static dev.dynaseed.seed.BatchWriterTest.items;
import static dev.dynaseed.seed.BatchWriterTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.testing.CapacityLimitedEndpoint;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.FaultProxy;
import dev.dynaseed.testing.FaultProxy.Fault;
import dev.dynaseed.testing.Specs;
import dev.dynaseed.testing.UnprocessedItemsInjector;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The adaptive writer against targets that throttle: every item ends written exactly once, every resend is counted,
 * and the requests in flight come down when the target throttles. No figure here depends on the machine's speed.
 */
class AdaptiveWriterTest {
    /** Generous attempts: these tests are about counting, not about giving up. */
    private static final WriteOptions PATIENT = WriteOptions.defaults()
            .withDelays(Duration.ofMillis(5), Duration.ofMillis(200))
            .withMaxAttempts(100);

    @Test
    void exactlyNItems_areWrittenOnce_byAnEndpointThatThrottlesAboveItsCapacity_andTheConcurrencyComesDown()
            throws Exception {
        // 200 items a second with a burst of one batch: the 8 requests the writer starts with cannot all fit, however
        // fast or slow the machine.
        try (CapacityLimitedEndpoint endpoint =
                        CapacityLimitedEndpoint.start(Duration.ofMillis(5), 200, 0.1, Set.of("id"), true);
                DynamoDbClient client = DynamoDbClients.create(new Target.Local(endpoint.port()));
                BatchWriter writer = new BatchWriter(client, PATIENT)) {
            SeedOutcome outcome =
                    writer.write("t", List.of("id"), new SyntheticItems(1_000, 100), SeedProgress.NONE, none());

            assertThat(outcome.written()).isEqualTo(1_000);
            assertThat(outcome.failed()).isZero();
            assertThat(endpoint.keys()).hasSize(1_000);
            assertThat(endpoint.written()).as("no item written twice").isEqualTo(1_000);
            assertThat(endpoint.throttledRequests()).isPositive();
            assertThat(outcome.retried())
                    .as("every refused item resent, nothing else")
                    .isEqualTo(endpoint.unprocessed());
            assertThat(writer.throttledRequests()).isEqualTo(endpoint.throttledRequests());
            assertThat(writer.concurrency()).isLessThan(WriteOptions.DEFAULT_MAX_IN_FLIGHT);
        }
    }

    @Test
    void exactlyNItems_reachDynalite_throughInjectedThrottlingErrorsAndUnprocessedItems() throws Exception {
        String table = emptyTable();
        UnprocessedItemsInjector injector = new UnprocessedItemsInjector(i -> i % 4 == 0);
        try (FaultProxy proxy = FaultProxy.inFrontOfDynalite(
                        "BatchWriteItem", FaultProxy.random(11, 0.25, Fault.THROUGHPUT_EXCEEDED, Fault.THROTTLING));
                DynamoDbClient client = DynamoDbClients.create(new Target.Local(proxy.port()), List.of(injector));
                BatchWriter writer = new BatchWriter(client, PATIENT)) {
            SeedOutcome outcome = writer.write(table, List.of("id"), source(items(2_000)), SeedProgress.NONE, none());

            assertThat(outcome.written()).isEqualTo(2_000);
            assertThat(outcome.failed()).isZero();
            assertThat(proxy.faulted()).isPositive();
            assertThat(injector.held()).isPositive();
            assertThat(outcome.retried()).isEqualTo(proxy.faultedItems() + injector.held());
            // Each throttled request and each answer with UnprocessedItems told the concurrency to come down.
            assertThat(writer.throttledRequests()).isGreaterThanOrEqualTo(proxy.faulted());
        }
        assertThat(Specs.count(Dynalite.client(), table)).isEqualTo(2_000);
    }

    @Test
    void aTableHeldToItsWriteCapacity_isNeverThrottled_andTakesAtLeastItsItemsOverItsCapacity() throws Exception {
        // Items of about 1.5 KB take 2 write units: 2,000 WCU write 1,000 items a second, a quarter of what the
        // endpoint takes, so no request may be throttled however the machine schedules the writer.
        try (CapacityLimitedEndpoint endpoint =
                        CapacityLimitedEndpoint.start(Duration.ofMillis(2), 4_000, 1, Set.of("id"), true);
                DynamoDbClient client = DynamoDbClients.create(new Target.Local(endpoint.port()));
                BatchWriter writer = new BatchWriter(client, PATIENT.withRate(WriteRate.tableCapacity()))) {
            long started = System.nanoTime();
            SeedOutcome outcome = writer.write(
                    "t",
                    List.of("id"),
                    new SyntheticItems(3_000, 1_500),
                    SeedProgress.NONE,
                    none(),
                    WrittenBatches.NONE,
                    OptionalLong.of(2_000));
            long elapsed = System.nanoTime() - started;

            assertThat(outcome.written()).isEqualTo(3_000);
            assertThat(endpoint.throttledRequests()).isZero();
            assertThat(outcome.retried()).isZero();
            // A lower bound only (a slow machine makes it longer): one second's burst, then 1,000 items a second.
            assertThat(elapsed).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1_900));
        }
    }

    @Test
    void aFixedItemRate_holdsTheWriter_toThatRate() throws Exception {
        try (CapacityLimitedEndpoint endpoint =
                        CapacityLimitedEndpoint.start(Duration.ZERO, 1e9, 1, Set.of("id"), false);
                DynamoDbClient client = DynamoDbClients.create(new Target.Local(endpoint.port()));
                BatchWriter writer = new BatchWriter(client, PATIENT.withRate(WriteRate.itemsPerSecond(1_000)))) {
            long started = System.nanoTime();
            SeedOutcome outcome =
                    writer.write("t", List.of("id"), new SyntheticItems(3_000, 10), SeedProgress.NONE, none());
            long elapsed = System.nanoTime() - started;

            assertThat(outcome.written()).isEqualTo(3_000);
            assertThat(elapsed).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1_900));
        }
    }

    @Test
    void autoRate_isTheTableCapacityOnAwsOnly() {
        assertThat(WriteRate.auto().on(Target.Kind.AWS)).isEqualTo(WriteRate.tableCapacity());
        assertThat(WriteRate.auto().on(Target.Kind.LOCAL)).isEqualTo(WriteRate.unlimited());
        assertThat(WriteRate.auto().on(Target.Kind.ENDPOINT)).isEqualTo(WriteRate.unlimited());
        assertThat(WriteRate.itemsPerSecond(5).on(Target.Kind.AWS)).isEqualTo(WriteRate.itemsPerSecond(5));
    }

    @Test
    void twoHundredThousandItems_fitInA48MegabyteHeap_becauseOnlyTheBatchesInFlightAreHeld() throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        javaCommand,
                        "-Xmx48m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        FlatMemoryChild.class.getName(),
                        "200000")
                .redirectErrorStream(true)
                .start();
        String output;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            output = String.join("\n", reader.lines().toList());
        }
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
        // 200,000 items of about 330 bytes (some 700 bytes each as Java objects) held at once would need over 100 MB.
        assertThat(output).contains("written=200000 failed=0 endpoint=200000");
        assertThat(child.exitValue()).as(output).isZero();
    }

    private static RunDeadline none() {
        return RunDeadline.none();
    }
}
