package dev.dynaseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.report.Report;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.FaultProxy;
import dev.dynaseed.testing.FaultProxy.Fault;
import dev.dynaseed.testing.Specs;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Whole seeds, through the real pipeline with the CLI's write options, behind a proxy that faults a share of the
 * writes with every kind of fault ({@link FaultProxy}): throttling, 500, 503, connections dropped before and after the
 * write happened, slow answers and batches handed back in part. Keys come from a sequence, so a write that happened
 * before its connection dropped and was then sent again overwrites the same item: the table's count is the truth.
 */
class SeedUnderFaultsTest {
    private static final Set<String> WRITES = Set.of("BatchWriteItem", "PutItem");
    /** Fixed, so that the n-th write request gets the same fault in every run. */
    private static final long FAULT_SEED = 20_261_126L;

    private static Spec spec(long count) {
        String yaml = "tables:\n"
                + "  - name: " + Dynalite.uniqueTableName("faults") + "\n"
                + "    partitionKey: {name: id, type: S}\n"
                + "    seed:\n"
                + "      count: " + count + "\n"
                + "      randomSeed: 42\n"
                + "      attributes:\n"
                + "        id: {generator: sequence, prefix: item-}\n"
                + "        amount: {generator: decimalRange, min: 1, max: 500}\n"
                + "        channel: {generator: oneOf, values: [web, mobile, utility]}\n";
        return SpecReader.read(yaml, SpecReader.SpecFormat.YAML, "faults.yaml");
    }

    private static DynamoDbClient clientThrough(FaultProxy proxy) {
        return DynamoDbClients.create(new Target.Local(proxy.port()));
    }

    @Test
    @Timeout(600)
    void fiftyThousandItems_withThirtyPercentOfWritesFaulted_endAsExactlyFiftyThousandItems_countedAsTheEngineHolds() {
        Spec spec = spec(50_000);
        String table = spec.tableNames().get(0);
        SeedOutcome seed;
        try (FaultProxy proxy =
                        FaultProxy.inFrontOfDynalite(WRITES, FaultProxy.random(FAULT_SEED, 0.3, Fault.values()));
                DynamoDbClient client = clientThrough(proxy)) {
            // The options `dynaseed apply` runs with: 8 requests in flight, 10 attempts, backoff 50 ms to 5 s.
            Report report = new Pipeline(client, "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);

            seed = report.tables().get(0).seed();
            System.out.printf(
                    "faults: %s; items written %d, failed %d, resent %d%n",
                    proxy.summary(), seed.written(), seed.failed(), seed.retried());
            assertThat(report.status()).as(seed.errors().toString()).isEqualTo(Report.Status.OK);
            assertThat(seed.written()).isEqualTo(50_000);
            assertThat(seed.failed()).isZero();
            assertThat(seed.skipped()).isZero();
            for (Fault fault : Fault.values()) {
                assertThat(proxy.faulted(fault)).as(fault.name()).isPositive();
            }
            assertThat((double) proxy.faulted() / proxy.seen()).isBetween(0.25, 0.35);
            // Every item answered with an error or handed back unprocessed was resent by the writer, and nothing
            // else was, except items of dropped connections (which the HTTP client may itself have sent again).
            long answeredBack = proxy.faultedItems(Fault.UNPROCESSED_ITEMS);
            long dropped =
                    proxy.faultedItems(Fault.CONNECTION_CLOSED) + proxy.faultedItems(Fault.CLOSED_AFTER_FORWARDING);
            for (Fault fault : Fault.values()) {
                if (fault.isErrorAnswer()) {
                    answeredBack += proxy.faultedItems(fault);
                }
            }
            assertThat(seed.retried()).isBetween(answeredBack, answeredBack + dropped);
        }
        assertThat(Specs.count(Dynalite.client(), table)).isEqualTo(seed.written());
    }

    @Test
    @Timeout(300)
    void faultsThatNeverStop_endTheRunWithinItsAttempts_withEveryItemWrittenOrFailed() {
        Spec spec = spec(2_000);
        String table = spec.tableNames().get(0);
        SeedOutcome seed;
        long started = System.nanoTime();
        try (FaultProxy proxy =
                        FaultProxy.inFrontOfDynalite(WRITES, FaultProxy.random(FAULT_SEED, 1.0, Fault.values()));
                DynamoDbClient client = clientThrough(proxy)) {
            ApplyOptions options = ApplyOptions.defaults()
                    .withWrite(WriteOptions.defaults()
                            .withMaxAttempts(3)
                            .withDelays(Duration.ofMillis(5), Duration.ofMillis(50)));
            Report report = new Pipeline(client, "test", options).apply(spec, SeedProgress.NONE);

            seed = report.tables().get(0).seed();
            System.out.printf(
                    "faults: %s; items written %d, failed %d, resent %d in %d ms%n",
                    proxy.summary(),
                    seed.written(),
                    seed.failed(),
                    seed.retried(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            assertThat(proxy.faulted()).isEqualTo(proxy.seen());
            assertThat(seed.skipped()).isZero();
            assertThat(seed.written() + seed.failed()).isEqualTo(2_000);
            assertThat(seed.failed()).isPositive();
            assertThat(report.status()).isNotEqualTo(Report.Status.OK);
        }
        // Written items are there; a failed one may be too, when its connection dropped after the write.
        assertThat(Specs.count(Dynalite.client(), table)).isBetween(seed.written(), 2_000L);
    }

    @Test
    @Timeout(300)
    void faultsThatNeverStop_endTheRunByItsDeadline_withEveryItemWrittenFailedOrSkipped() {
        Spec spec = spec(50_000);
        String table = spec.tableNames().get(0);
        SeedOutcome seed;
        try (FaultProxy proxy = FaultProxy.inFrontOfDynalite(
                        WRITES,
                        FaultProxy.random(
                                FAULT_SEED,
                                1.0,
                                Fault.THROTTLING,
                                Fault.THROUGHPUT_EXCEEDED,
                                Fault.SLOW,
                                Fault.UNPROCESSED_ITEMS));
                DynamoDbClient client = clientThrough(proxy)) {
            // Throttling never stops a table (it passes), so only the deadline ends this run.
            long started = System.nanoTime();
            RunDeadline deadline = RunDeadline.in(Duration.ofSeconds(3), Duration.ofSeconds(5));
            Report report =
                    new Pipeline(client, "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE, deadline);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            seed = report.tables().get(0).seed();
            System.out.printf(
                    "faults: %s; items written %d, failed %d, skipped %d, resent %d in %d ms%n",
                    proxy.summary(), seed.written(), seed.failed(), seed.skipped(), seed.retried(), took.toMillis());
            assertThat(seed.written() + seed.failed() + seed.skipped()).isEqualTo(50_000);
            assertThat(seed.skipped()).isPositive();
            assertThat(seed.skipReason()).contains(SkipReason.DEADLINE);
            // Generous: the requests' bound is 5 s; only a writer that ignored it would take a minute.
            assertThat(took).isLessThan(Duration.ofSeconds(60));
        }
        assertThat(Specs.count(Dynalite.client(), table)).isBetween(seed.written(), seed.written() + seed.failed());
    }

    @Test
    @Timeout(120)
    void itemsOfABatchWhoseAnswerIsLost_countFailed_withANoteThatTheyMayHaveBeenWritten() throws Exception {
        String table = BatchWriterTest.emptyTable();
        // Every write is carried out, and its answer lost: the items are there although the writer never heard.
        try (FaultProxy proxy = FaultProxy.inFrontOfDynalite(WRITES, n -> Optional.of(Fault.CLOSED_AFTER_FORWARDING));
                DynamoDbClient client = clientThrough(proxy);
                BatchWriter writer = new BatchWriter(
                        client,
                        WriteOptions.defaults()
                                .withMaxInFlight(1)
                                .withMaxAttempts(2)
                                .withDelays(Duration.ofMillis(1), Duration.ofMillis(5)))) {
            SeedOutcome outcome = writer.write(
                    table,
                    List.of("id"),
                    BatchWriterTest.source(BatchWriterTest.items(25)),
                    SeedProgress.NONE,
                    RunDeadline.none());

            assertThat(outcome.written()).isZero();
            assertThat(outcome.failed()).isEqualTo(25);
            assertThat(outcome.errors())
                    .singleElement()
                    .asString()
                    .startsWith("the connection closed without an answer")
                    .endsWith("(failed 2 times); the answer was lost, so DynamoDB may or may not have written these"
                            + " items");
        }
        assertThat(Specs.count(Dynalite.client(), table)).isEqualTo(25);
    }
}
