package dev.dynaseed.shard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.dynaseed.RunDeadline;
import dev.dynaseed.invocation.FunctionResponse;
import dev.dynaseed.invocation.SeedFunction;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.ItemHash;
import dev.dynaseed.testing.Specs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

/**
 * Shards run in-process through the function's own code against dynalite, with throttled, failed and deadline-cut
 * invocations: the table ends with exactly the items a single run writes, and the result says what was re-invoked.
 */
class FanOutTest {
    private static final String SPEC = """
            tables:
              - name: NAME
                partitionKey: {name: id, type: S}
                seed:
                  count: 12000
                  randomSeed: 11
                  attributes:
                    id: {generator: sequence, prefix: item-}
                    n: {generator: intRange, min: 1, max: 1000000}
                    u: uuid4
                    at: isoTimestamp
            """;

    @Test
    void shardsThrottledFailedOrCutByTheirDeadline_areInvokedAgainForExactlyWhatTheyDidNotWrite() {
        String name = Dynalite.uniqueTableName("fanout");
        String text = SPEC.replace("NAME", name);
        Spec spec = SpecReader.read(text, SpecReader.SpecFormat.YAML, "test");
        new Pipeline(Dynalite.client(), "dynalite", ApplyOptions.defaults())
                .apply(Specs.map(spec, table -> Specs.withSeed(table, none(table))), SeedProgress.NONE);
        AtomicInteger batches = new AtomicInteger();
        DynamoDbClient counted = Dynalite.client(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof BatchWriteItemRequest) {
                    batches.incrementAndGet();
                }
            }
        });
        SeedFunction function = new SeedFunction(Dynalite.client(), "dynalite", Optional.empty());
        AtomicInteger calls = new AtomicInteger();
        ShardInvoker invoker = event -> {
            calls.incrementAndGet();
            int shard = event.get("shard").get("index").asInt();
            int attempt = event.get("shard").get("attempt").asInt();
            if (shard == 2 && attempt == 1) {
                return new ShardAnswer.Failed(ShardAnswer.Reason.THROTTLED, "429 TooManyRequestsException");
            }
            if (shard == 3 && attempt <= 2) {
                return new ShardAnswer.Failed(ShardAnswer.Reason.FUNCTION_ERROR, "Task timed out after 3.00 seconds");
            }
            if (shard == 4 && attempt == 1) {
                // This invocation's deadline comes after 8 batches: it writes 200 of its items, then stops.
                int before = batches.get();
                FunctionResponse response = ShardFunction.handle(
                        counted, "dynalite", spec, event, RunDeadline.when(() -> batches.get() - before >= 8), l -> {});
                return new ShardAnswer.Answered(response.statusCode(), response.body());
            }
            FunctionResponse response = function.handle(event, Duration.ofSeconds(120), l -> {});
            return new ShardAnswer.Answered(response.statusCode(), response.body());
        };
        List<ShardEvent> shards = ShardEvent.split(spec, 5, 99L, Instant.parse("2026-01-01T00:00:00Z"));

        FanOut.Result result = new FanOut(
                        invoker,
                        FanOutOptions.of(2).withMaxAttempts(4).withDelays(Duration.ofMillis(10), Duration.ofMillis(50)))
                .run(spec, shards, event -> event.event(Optional.of(TextNode.valueOf(text))), RunDeadline.none());

        TableSpec table = spec.tables().get(0);
        assertThat(Specs.count(Dynalite.client(), name)).isEqualTo(12000);
        assertThat(ItemHash.ofTable(Dynalite.client(), name)).isEqualTo(ItemHash.ofGenerated(table, 0L, Instant.EPOCH));
        SeedOutcome seed = result.seeds().get(name);
        assertThat(seed.requested()).isEqualTo(12000);
        assertThat(seed.written()).isEqualTo(12000);
        assertThat(seed.failed() + seed.skipped()).isZero();
        assertThat(result.failures()).isEmpty();
        assertThat(result.invocations()).isEqualTo(5 + 1 + 2 + 1);
        assertThat(result.reinvoked())
                .extracting(
                        r -> r.shard() + " #" + r.attempt() + ": " + r.reason().replaceAll("\\d+ items", "N items"))
                .containsExactly(
                        "2/5 #2: throttled: 429 TooManyRequestsException",
                        "3/5 #2: function error: Task timed out after 3.00 seconds",
                        "3/5 #3: function error: Task timed out after 3.00 seconds",
                        "4/5 #2: ended at its deadline with N items not written");
        assertThat(result.reinvoked().subList(0, 3))
                .allSatisfy(r -> assertThat(r.items()).isEqualTo(2400));
        // Shard 4 (items 7200..9599) wrote at least its first 8 batches before its deadline: exactly the rest went
        // again.
        Reinvocation cut = result.reinvoked().get(3);
        assertThat(cut.items()).isBetween(1L, 2400L - 8 * 25);
        assertThat(shards.get(3)
                        .shard()
                        .ranges()
                        .get(name)
                        .minus(cut.ranges().get(name))
                        .size())
                .isEqualTo(2400 - cut.items());
    }

    @Test
    void aShardThatNeverAnswers_countsItsItemsFailed_withOneLineNamingIt_andTheOthersStillWrite() {
        String name = Dynalite.uniqueTableName("fanout");
        String text = SPEC.replace("NAME", name).replace("12000", "600");
        Spec spec = SpecReader.read(text, SpecReader.SpecFormat.YAML, "test");
        new Pipeline(Dynalite.client(), "dynalite", ApplyOptions.defaults())
                .apply(Specs.map(spec, table -> Specs.withSeed(table, none(table))), SeedProgress.NONE);
        SeedFunction function = new SeedFunction(Dynalite.client(), "dynalite", Optional.empty());
        ShardInvoker invoker = event -> {
            if (event.get("shard").get("index").asInt() == 1) {
                return new ShardAnswer.Failed(
                        ShardAnswer.Reason.SERVICE_ERROR, "Lambda answered Invoke f with 500 ServiceException");
            }
            FunctionResponse response = function.handle(event, Duration.ofSeconds(120), l -> {});
            return new ShardAnswer.Answered(response.statusCode(), response.body());
        };

        FanOut.Result result = new FanOut(
                        invoker,
                        FanOutOptions.of(3).withMaxAttempts(3).withDelays(Duration.ofMillis(1), Duration.ofMillis(5)))
                .run(
                        spec,
                        ShardEvent.split(spec, 3, 1L, Instant.EPOCH),
                        event -> event.event(Optional.of(TextNode.valueOf(text))),
                        RunDeadline.none());

        SeedOutcome seed = result.seeds().get(name);
        assertThat(seed.written()).isEqualTo(400);
        assertThat(seed.failed()).isEqualTo(200);
        assertThat(Specs.count(Dynalite.client(), name)).isEqualTo(400);
        assertThat(result.failures())
                .containsExactly("shard 1/3: Lambda answered Invoke f with 500 ServiceException (gave up after 3"
                        + " attempts)");
        assertThat(seed.errors()).containsExactly(result.failures().get(0));
        assertThat(result.reinvoked()).hasSize(2);
    }

    private static dev.dynaseed.spec.SeedSpec none(TableSpec table) {
        var seed = table.seed();
        return new dev.dynaseed.spec.SeedSpec(
                0, seed.onExisting(), seed.randomSeed(), seed.baseTime(), seed.attributes());
    }
}
