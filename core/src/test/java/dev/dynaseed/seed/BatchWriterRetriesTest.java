package dev.dynaseed.seed;

import static dev.dynaseed.seed.BatchWriterTest.emptyTable;
import static dev.dynaseed.seed.BatchWriterTest.items;
import static dev.dynaseed.seed.BatchWriterTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.report.Report;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.FaultProxy;
import dev.dynaseed.testing.FaultProxy.Fault;
import dev.dynaseed.testing.Specs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Retries through a real HTTP proxy in front of dynalite that answers some requests with DynamoDB's own errors, so
 * the SDK parses real responses. A faulted request never reaches dynalite: the table holds exactly what was written.
 */
class BatchWriterRetriesTest {
    private static final WriteOptions FAST_RETRIES =
            WriteOptions.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(20));

    private static DynamoDbClient clientThrough(FaultProxy proxy) {
        return DynamoDbClients.create(new Target.Local(proxy.port()));
    }

    @Test
    void throttledAndFailedBatches_areResentByTheWriter_andEveryResendIsCounted() {
        Spec spec = BatchWriterTest.spec(2_000);
        // 3 of every 10 BatchWriteItem requests fail, with each of DynamoDB's throttling and server errors.
        try (FaultProxy proxy = FaultProxy.inFrontOfDynalite("BatchWriteItem", i -> switch ((int) (i % 10)) {
                    case 1 -> Optional.of(Fault.THROUGHPUT_EXCEEDED);
                    case 4 -> Optional.of(Fault.THROTTLING);
                    case 7 -> Optional.of(i % 20 == 7 ? Fault.INTERNAL_ERROR : Fault.UNAVAILABLE);
                    default -> Optional.empty();
                });
                DynamoDbClient client = clientThrough(proxy)) {
            Report report = new Pipeline(client, "test", ApplyOptions.defaults().withWrite(FAST_RETRIES))
                    .apply(spec, SeedProgress.NONE);

            SeedOutcome seed = report.tables().get(0).seed();
            assertThat(proxy.faulted()).isGreaterThan(20);
            assertThat(seed.retried()).isEqualTo(proxy.faultedItems());
            assertThat(seed.written()).isEqualTo(2_000);
            assertThat(seed.failed()).isZero();
            assertThat(report.status()).isEqualTo(Report.Status.OK);
        }
        assertThat(Specs.count(Dynalite.client(), spec.tableNames().get(0))).isEqualTo(2_000);
    }

    @Test
    void connectionsClosedWithoutAnAnswer_areResent_andEveryItemIsWrittenOnce() throws Exception {
        String table = emptyTable();
        try (FaultProxy proxy = FaultProxy.inFrontOfDynalite(
                        "BatchWriteItem", i -> i % 5 == 2 ? Optional.of(Fault.CONNECTION_CLOSED) : Optional.empty());
                DynamoDbClient client = clientThrough(proxy);
                BatchWriter writer = new BatchWriter(client, FAST_RETRIES)) {
            SeedOutcome outcome =
                    writer.write(table, List.of("id"), source(items(1_000)), SeedProgress.NONE, RunDeadline.none());

            assertThat(outcome.written()).isEqualTo(1_000);
            assertThat(outcome.failed()).isZero();
            // The JDK's HTTP client may itself send a POST again once when a connection closes unanswered, so
            // the proxy can see more faulted requests than the writer resent.
            assertThat(outcome.retried()).isPositive().isLessThanOrEqualTo(proxy.faultedItems());
        }
        assertThat(Specs.count(Dynalite.client(), table)).isEqualTo(1_000);
    }

    @Test
    void aBatchThatKeepsFailing_countsFailedWithTheReason_andTheTableStopsThere() throws Exception {
        String table = emptyTable();
        try (FaultProxy proxy = FaultProxy.inFrontOfDynalite("BatchWriteItem", i -> Optional.of(Fault.UNAVAILABLE));
                DynamoDbClient client = clientThrough(proxy);
                BatchWriter writer =
                        new BatchWriter(client, FAST_RETRIES.withMaxInFlight(1).withMaxAttempts(3))) {
            SeedOutcome outcome =
                    writer.write(table, List.of("id"), source(items(100)), SeedProgress.NONE, RunDeadline.none());

            assertThat(proxy.faulted())
                    .as("requests sent: the first batch, three times")
                    .isEqualTo(3);
            assertThat(outcome.retried()).isEqualTo(2 * 25);
            assertThat(outcome.written()).isZero();
            assertThat(outcome.failed()).isEqualTo(100);
            assertThat(outcome.errors())
                    .containsExactly(
                            "ServiceUnavailableException: Service Unavailable (failed 3 times)",
                            "not sent: ServiceUnavailableException: Service Unavailable (failed 3 times)");
        }
        assertThat(Specs.count(Dynalite.client(), table)).isZero();
    }

    @Test
    void aThrottledBatch_isNotResentOnceTheDeadlineSaysStop_andItsItemsCountAsFailed() throws Exception {
        String table = emptyTable();
        AtomicBoolean stop = new AtomicBoolean();
        // One batch, whose request is throttled, and from then on the deadline says stop.
        try (FaultProxy proxy = FaultProxy.inFrontOfDynalite("BatchWriteItem", i -> {
                    stop.set(true);
                    return i == 0 ? Optional.of(Fault.THROUGHPUT_EXCEEDED) : Optional.empty();
                });
                DynamoDbClient client = clientThrough(proxy);
                BatchWriter writer = new BatchWriter(client, FAST_RETRIES.withMaxInFlight(1))) {
            SeedOutcome outcome = writer.write(
                    table, List.of("id"), source(items(25)), SeedProgress.NONE, RunDeadline.when(stop::get));

            assertThat(proxy.faulted()).isEqualTo(1);
            assertThat(outcome.written()).isZero();
            assertThat(outcome.failed()).isEqualTo(25);
            assertThat(outcome.skipped()).isZero();
            assertThat(outcome.retried()).isZero();
            assertThat(outcome.errors())
                    .containsExactly("ProvisionedThroughputExceededException: The level of configured provisioned"
                            + " throughput for the table was exceeded. Consider increasing your provisioning level"
                            + " with the UpdateTable API.; not resent: stopped before the deadline");
        }
        assertThat(Specs.count(Dynalite.client(), table)).isZero();
    }

    @Test
    void throttledPutItems_areResent_butAnInvalidItemIsNot() throws Exception {
        String table = emptyTable();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // An empty set: DynamoDB rejects the batch, and then this item alone.
            items.add(
                    i == 7
                            ? Map.of("id", AttributeValue.fromS("item-7"), "tags", AttributeValue.fromSs(List.of()))
                            : Map.of("id", AttributeValue.fromS("item-" + i)));
        }
        // Item by item, one at a time: every item's first PutItem is throttled, its resend goes through.
        try (FaultProxy proxy = FaultProxy.inFrontOfDynalite(
                        "PutItem", i -> i % 2 == 0 ? Optional.of(Fault.THROUGHPUT_EXCEEDED) : Optional.empty());
                DynamoDbClient client = clientThrough(proxy);
                BatchWriter writer = new BatchWriter(client, FAST_RETRIES.withMaxInFlight(1))) {
            SeedOutcome outcome =
                    writer.write(table, List.of("id"), source(items), SeedProgress.NONE, RunDeadline.none());

            assertThat(proxy.faulted()).isEqualTo(25);
            assertThat(outcome.retried()).isEqualTo(25);
            assertThat(outcome.written()).isEqualTo(24);
            assertThat(outcome.failed()).isEqualTo(1);
            assertThat(outcome.errors()).singleElement().asString().startsWith("ValidationException");
        }
        assertThat(Specs.count(Dynalite.client(), table)).isEqualTo(24);
    }
}
