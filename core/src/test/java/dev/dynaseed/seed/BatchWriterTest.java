package dev.dynaseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.report.Report;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.Specs;
import dev.dynaseed.testing.UnprocessedItemsInjector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

class BatchWriterTest {
    private static final WriteOptions FAST_RETRIES =
            WriteOptions.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(20));

    static Spec spec(long count) {
        Map<String, GeneratorSpec> attributes = new LinkedHashMap<>();
        attributes.put("id", new GeneratorSpec.Uuid4());
        attributes.put("n", new GeneratorSpec.IntRange(1, 1000));
        attributes.put("at", new GeneratorSpec.IsoTimestamp(86_400));
        return new Spec(List.of(new TableSpec(
                Dynalite.uniqueTableName("items"),
                new KeySpec("id", KeyType.S),
                Optional.empty(),
                new BillingSpec.PayPerRequest(),
                Map.of(),
                new SeedSpec(count, ExistingDataPolicy.APPEND, Optional.empty(), Optional.empty(), attributes))));
    }

    @Test
    void tenThousandItems_endAsTenThousandItems() {
        Spec spec = spec(10_000);
        AtomicLong lastProgress = new AtomicLong();

        Report report = new Pipeline(
                        Dynalite.client(), "test", ApplyOptions.defaults().withWrite(FAST_RETRIES))
                .apply(spec, (table, done, requested) -> lastProgress.accumulateAndGet(done, Math::max));

        SeedOutcome seed = report.tables().get(0).seed();
        assertThat(seed.written()).isEqualTo(10_000);
        assertThat(seed.failed()).isZero();
        assertThat(lastProgress.get()).isEqualTo(10_000);
        assertThat(Specs.count(Dynalite.client(), spec.tableNames().get(0))).isEqualTo(10_000);
    }

    @Test
    void tenThousandItems_arriveWhenBatchesComeBackWithUnprocessedItems() {
        Spec spec = spec(10_000);
        UnprocessedItemsInjector injector = new UnprocessedItemsInjector(i -> i % 3 == 0);

        try (DynamoDbClient client = Dynalite.client(injector)) {
            Report report = new Pipeline(client, "test", ApplyOptions.defaults().withWrite(FAST_RETRIES))
                    .apply(spec, SeedProgress.NONE);

            SeedOutcome seed = report.tables().get(0).seed();
            assertThat(injector.held()).isGreaterThan(3_000);
            assertThat(seed.retried()).isEqualTo(injector.held());
            assertThat(seed.written()).isEqualTo(10_000);
            assertThat(seed.failed()).isZero();
            assertThat(report.status()).isEqualTo(Report.Status.OK);
        }
        assertThat(Specs.count(Dynalite.client(), spec.tableNames().get(0))).isEqualTo(10_000);
    }

    @Test
    void itemsStillUnprocessedAfterTheLastAttempt_areCountedAsFailed() {
        Spec spec = spec(100);
        // Every write but the first of each request is held back, on every attempt.
        UnprocessedItemsInjector injector = new UnprocessedItemsInjector(i -> true);

        try (DynamoDbClient client = Dynalite.client(injector)) {
            Report report = new Pipeline(
                            client, "test", ApplyOptions.defaults().withWrite(FAST_RETRIES.withMaxAttempts(3)))
                    .apply(spec, SeedProgress.NONE);

            SeedOutcome seed = report.tables().get(0).seed();
            assertThat(seed.written()).isEqualTo(4 * 3);
            assertThat(seed.failed()).isEqualTo(100 - 4 * 3);
            assertThat(seed.errors())
                    .containsExactly("still unprocessed after 3 attempts; lower --write-concurrency or"
                            + " raise the table's write capacity");
            assertThat(report.status()).isEqualTo(Report.Status.PARTIAL);
        }
        assertThat(Specs.count(Dynalite.client(), spec.tableNames().get(0))).isEqualTo(12);
    }

    @Test
    void anInvalidItem_failsAlone_andTheRestOfItsBatchIsWritten() throws Exception {
        Spec spec = spec(0);
        String table = spec.tableNames().get(0);
        new Pipeline(Dynalite.client(), "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // An empty set is not a valid value: DynamoDB rejects the whole batch that holds it. (An empty key
            // never gets there: the writer does not send it, see EmptyKeyItemsTest.)
            items.add(
                    i == 7
                            ? Map.of("id", AttributeValue.fromS("item-7"), "tags", AttributeValue.fromSs(List.of()))
                            : Map.of("id", AttributeValue.fromS("item-" + i)));
        }

        SeedOutcome outcome;
        try (BatchWriter writer = new BatchWriter(Dynalite.client(), WriteOptions.defaults())) {
            outcome = writer.write(table, List.of("id"), source(items), SeedProgress.NONE, RunDeadline.none());
        }

        assertThat(outcome.written()).isEqualTo(24);
        assertThat(outcome.failed()).isEqualTo(1);
        assertThat(outcome.errors()).singleElement().asString().startsWith("ValidationException");
        assertThat(Specs.count(Dynalite.client(), table)).isEqualTo(24);
    }

    @Test
    void itemsWithTheSameKey_goToSeparateBatches_andTheLastOneWins() throws Exception {
        Spec spec = spec(0);
        String table = spec.tableNames().get(0);
        new Pipeline(Dynalite.client(), "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(Map.of("id", AttributeValue.fromS("k" + (i % 3)), "v", AttributeValue.fromN("" + i)));
        }

        SeedOutcome outcome;
        try (BatchWriter writer =
                new BatchWriter(Dynalite.client(), WriteOptions.defaults().withMaxInFlight(1))) {
            outcome = writer.write(table, List.of("id"), source(items), SeedProgress.NONE, RunDeadline.none());
        }

        assertThat(outcome.written()).isEqualTo(10);
        assertThat(outcome.failed()).isZero();
        var stored = Dynalite.client().getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("k0"))));
        assertThat(stored.item().get("v").n()).isEqualTo("9");
    }

    @Test
    void stop_leavesTheRestSkipped_withANote() throws Exception {
        Spec spec = spec(0);
        String table = spec.tableNames().get(0);
        new Pipeline(Dynalite.client(), "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(Map.of("id", AttributeValue.fromS("item-" + i)));
        }
        AtomicLong checks = new AtomicLong();

        SeedOutcome outcome;
        try (BatchWriter writer = new BatchWriter(Dynalite.client(), WriteOptions.defaults())) {
            outcome = writer.write(
                    table,
                    List.of("id"),
                    source(items),
                    SeedProgress.NONE,
                    RunDeadline.when(() -> checks.incrementAndGet() > 2));
        }

        assertThat(outcome.written()).isEqualTo(50);
        assertThat(outcome.skipped()).isEqualTo(50);
        assertThat(outcome.note()).contains("50 items not started: stopped before the deadline");
    }

    @Test
    void requestsStillRunningAtTheFinishDeadline_areAbandoned_andTheirItemsCountAsFailed() throws Exception {
        String table = emptyTable();
        List<Map<String, AttributeValue>> items = items(50);
        // A network that holds every BatchWriteItem until the test lets it go: the writer must not wait for it.
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        ExecutionInterceptor holding = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof BatchWriteItemRequest) {
                    held.incrementAndGet();
                    try {
                        if (letGo.await(60, TimeUnit.SECONDS)) {
                            passed.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };

        SeedOutcome outcome;
        try (DynamoDbClient client = Dynalite.client(holding);
                BatchWriter writer = new BatchWriter(client, WriteOptions.defaults())) {
            outcome = writer.write(
                    table,
                    List.of("id"),
                    source(items),
                    SeedProgress.NONE,
                    RunDeadline.in(Duration.ofSeconds(30), Duration.ofSeconds(3)));
        } finally {
            letGo.countDown();
        }

        assertThat(held.get()).as("requests that reached the network").isEqualTo(2);
        assertThat(passed.get())
                .as("requests let through before the writer returned")
                .isZero();
        assertThat(outcome.written()).isZero();
        assertThat(outcome.failed()).isEqualTo(50);
        assertThat(outcome.retried()).isZero();
        assertThat(outcome.errors())
                .containsExactly("the request was abandoned at the deadline; DynamoDB may or"
                        + " may not have written its items");
        assertThat(Specs.count(Dynalite.client(), table)).isZero();
    }

    @Test
    void aSourceThatThrows_failsTheItemsNotSent_withTheGeneratorsMessage_andTheBatchesSentAreWritten()
            throws Exception {
        String table = emptyTable();
        List<Map<String, AttributeValue>> items = items(1000);
        ItemSource failing = new ItemSource() {
            @Override
            public long size() {
                return items.size();
            }

            @Override
            public Iterator<Map<String, AttributeValue>> iterator() {
                Iterator<Map<String, AttributeValue>> all = items.iterator();
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return all.hasNext();
                    }

                    @Override
                    public Map<String, AttributeValue> next() {
                        if (next == 234) {
                            throw new ArithmeticException("long overflow");
                        }
                        next++;
                        return all.next();
                    }
                };
            }
        };

        SeedOutcome outcome;
        try (BatchWriter writer = new BatchWriter(Dynalite.client(), WriteOptions.defaults())) {
            outcome = writer.write(table, List.of("id"), failing, SeedProgress.NONE, RunDeadline.none());
        }

        // Items 0..224 went out in nine full batches; 225..233 waited in the tenth, which is not sent.
        assertThat(outcome.written()).isEqualTo(225);
        assertThat(outcome.failed()).isEqualTo(775);
        assertThat(outcome.skipped()).isZero();
        assertThat(outcome.note()).isEmpty();
        assertThat(outcome.errors()).containsExactly("generating item 234 failed: long overflow");
        assertThat(Specs.count(Dynalite.client(), table)).isEqualTo(225);
    }

    /** A new table with the key {@code id} (S), holding nothing. */
    static String emptyTable() {
        Spec spec = spec(0);
        new Pipeline(Dynalite.client(), "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);
        return spec.tableNames().get(0);
    }

    /** {@code count} items {@code id: item-0 ...}. */
    static List<Map<String, AttributeValue>> items(int count) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Map.of("id", AttributeValue.fromS("item-" + i)));
        }
        return items;
    }

    static ItemSource source(List<Map<String, AttributeValue>> items) {
        return new ItemSource() {
            @Override
            public long size() {
                return items.size();
            }

            @Override
            public Iterator<Map<String, AttributeValue>> iterator() {
                return items.iterator();
            }
        };
    }
}
