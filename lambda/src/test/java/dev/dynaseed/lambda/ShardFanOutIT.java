package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.cli.Dynaseed;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.ItemHash;
import dev.dynaseed.testing.Specs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dynaseed apply --via-lambda} through the real SDK LambdaClient against {@link InvokeApiServer}, which runs
 * every invocation through the packaged jar under the real runtime interface client, writing to dynalite: the tables
 * end with exactly the items a single run writes, whatever the number of shards and whatever faults.
 */
class ShardFanOutIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "sample-table-creator";
    /** 200,000 by default, as the issue asks; -Ddynaseed.fanout.items=N for a quicker local run. */
    private static final long ITEMS = Long.getLong("dynaseed.fanout.items", 200_000);

    @TempDir
    Path dir;

    private static String spec(String orders, String customers, long items) {
        long big = items * 3 / 4;
        return """
                tables:
                  - name: ORDERS
                    partitionKey: {name: id, type: S}
                    sortKey: {name: n, type: N}
                    billing: {mode: PAY_PER_REQUEST}
                    seed:
                      count: BIG
                      randomSeed: 20261126
                      attributes:
                        id: {generator: sequence, prefix: order-}
                        n: {generator: intRange, min: 1, max: 1000000}
                        customer: uuid4
                        at: {generator: isoTimestamp, withinSeconds: 86400}
                        amount: {generator: decimalRange, min: 1, max: 500, scale: 2}
                  - name: CUSTOMERS
                    partitionKey: {name: id, type: S}
                    billing: {mode: PAY_PER_REQUEST}
                    seed:
                      count: SMALL
                      randomSeed: 7
                      attributes:
                        id: uuid4
                        channel: {generator: oneOf, values: [web, app, store]}
                """.replace("ORDERS", orders)
                .replace("CUSTOMERS", customers)
                .replace("BIG", Long.toString(big))
                .replace("SMALL", Long.toString(items - big));
    }

    @Test
    void eightShardsOfTwoHundredThousandItems_endWithExactlyTheItemsOfASingleRun() throws Exception {
        String orders = Dynalite.uniqueTableName("fan_orders");
        String customers = Dynalite.uniqueTableName("fan_customers");
        Path file = Files.writeString(dir.resolve("spec.yaml"), spec(orders, customers, ITEMS));
        try (InvokeApiServer lambda =
                new InvokeApiServer(FUNCTION, 2, Duration.ofMinutes(8), n -> Optional.empty(), environment())) {
            long started = System.nanoTime();
            Run run = apply(file, lambda, "--shards", "8", "--max-parallel", "4", "-o", "json");
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(run.exitCode()).as(run.err() + "\n" + lambda.logs()).isEqualTo(0);
            // A figure for the README, never asserted: this machine's load decides it.
            System.out.printf(
                    "fan-out: %,d items, 8 shards, 4 at once, 2 function JVMs: apply took %.1f s (%,.0f items/s)%n",
                    ITEMS, seconds, ITEMS / seconds);
            JsonNode report = JSON.readTree(run.out());
            String context = run.out() + "\n" + lambda.logs();
            assertThat(report.get("status").asText()).as(context).isEqualTo("OK");
            assertThat(report.at("/lambda/shards").asInt()).isEqualTo(8);
            // A shard cut by its deadline on a starved machine is invoked again for the items it left: allowed,
            // as long as the report accounts for every invocation and the tables end the same.
            assertThat(report.at("/lambda/invocations").asInt())
                    .as(context)
                    .isEqualTo(8 + report.at("/lambda/reinvoked").size());
            assertThat(report.at("/lambda/failures")).as(context).isEmpty();
            assertThat(report.get("tables"))
                    .extracting(t ->
                            t.get("name").asText() + " " + t.at("/seed/written").asLong() + "/"
                                    + t.at("/seed/requested").asLong())
                    .containsExactly(
                            orders + " " + ITEMS * 3 / 4 + "/" + ITEMS * 3 / 4,
                            customers + " " + (ITEMS - ITEMS * 3 / 4) + "/" + (ITEMS - ITEMS * 3 / 4));
            assertThat(lambda.invocations())
                    .allSatisfy(i -> assertThat(i.qualifier()).contains("live"))
                    .hasSize(report.at("/lambda/invocations").asInt());
            Spec spec = SpecReader.read(file);
            assertThat(Specs.count(Dynalite.client(), orders) + Specs.count(Dynalite.client(), customers))
                    .isEqualTo(ITEMS);
            for (TableSpec table : spec.tables()) {
                assertThat(ItemHash.ofTable(Dynalite.client(), table.name()))
                        .as(table.name())
                        .isEqualTo(ItemHash.ofGenerated(table, 0L, Instant.EPOCH));
            }
        }
    }

    @Test
    void throttledFailedAndTimedOutInvocations_areInvokedAgain_andTheTablesEndWithExactlyTheSameItems()
            throws Exception {
        String orders = Dynalite.uniqueTableName("faulted_orders");
        String customers = Dynalite.uniqueTableName("faulted_customers");
        long items = 16_000;
        Path file = Files.writeString(dir.resolve("spec.yaml"), spec(orders, customers, items));
        Map<Long, InvokeApiServer.Fault> faults = Map.of(
                1L, InvokeApiServer.Fault.THROTTLE,
                2L, InvokeApiServer.Fault.SERVICE_ERROR,
                3L, InvokeApiServer.Fault.SHORT_DEADLINE,
                4L, InvokeApiServer.Fault.TIMED_OUT,
                6L, InvokeApiServer.Fault.THROTTLE);
        try (InvokeApiServer lambda = new InvokeApiServer(
                FUNCTION, 2, Duration.ofMinutes(15), n -> Optional.ofNullable(faults.get(n)), environment())) {
            Run run = apply(file, lambda, "--shards", "8", "--max-parallel", "2", "-o", "json");

            assertThat(run.exitCode())
                    .as(run.out() + run.err() + "\n" + lambda.logs())
                    .isEqualTo(0);
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.get("status").asText()).isEqualTo("OK");
            List<String> reasons = new ArrayList<>();
            report.at("/lambda/reinvoked")
                    .forEach(r -> reasons.add(r.get("reason").asText()));
            assertThat(reasons)
                    .hasSize(5)
                    .anyMatch(r -> r.startsWith("throttled: Lambda throttled Invoke " + FUNCTION + ":live at endpoint "
                            + lambda.endpoint() + " (429 TooManyRequestsException: Rate Exceeded.)"))
                    .anyMatch(r -> r.startsWith("service error: Lambda answered Invoke " + FUNCTION + ":live at"
                            + " endpoint " + lambda.endpoint() + " with 500 ServiceException"))
                    .anyMatch(r -> r.matches("ended at its deadline with \\d+ items not written"))
                    .anyMatch(r -> r.startsWith("function error: function " + FUNCTION + ":live at endpoint "
                                    + lambda.endpoint() + " failed (Unhandled): ")
                            && r.contains("Task timed out after 900.00 seconds"));
            assertThat(report.at("/lambda/invocations").asInt()).isEqualTo(8 + 5);
            assertThat(report.at("/lambda/failures")).isEmpty();
            long written = 0;
            for (JsonNode table : report.get("tables")) {
                assertThat(table.at("/seed/failed").asLong()
                                + table.at("/seed/skipped").asLong())
                        .isZero();
                written += table.at("/seed/written").asLong();
            }
            assertThat(written).isEqualTo(items);
            Spec spec = SpecReader.read(file);
            for (TableSpec table : spec.tables()) {
                assertThat(ItemHash.ofTable(Dynalite.client(), table.name()))
                        .as(table.name())
                        .isEqualTo(ItemHash.ofGenerated(table, 0L, Instant.EPOCH));
            }
        }
    }

    @Test
    void anUnknownFunction_failsEveryShardAtOnce_withOneLineNamingTheFunctionAndTheEndpoint() throws Exception {
        String orders = Dynalite.uniqueTableName("nofn_orders");
        String customers = Dynalite.uniqueTableName("nofn_customers");
        Path file = Files.writeString(dir.resolve("spec.yaml"), spec(orders, customers, 100));
        try (InvokeApiServer lambda = new InvokeApiServer(
                "another-function", 1, Duration.ofMinutes(1), n -> Optional.empty(), environment())) {
            Run run = apply(file, lambda, "--shards", "2");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out())
                    .contains("! shard 1/2: Lambda refused Invoke " + FUNCTION + ":live at endpoint "
                            + lambda.endpoint()
                            + " (404 ResourceNotFoundException: Function not found: arn:aws:lambda:us-east-1:123456789012:"
                            + "function:" + FUNCTION + ":live); check the function's name and alias (--via-lambda"
                            + " NAME[:ALIAS]) and the region")
                    .contains("FAILED: 2 tables, 0 of 100 items written");
            assertThat(lambda.invocations()).hasSize(2);
        }
    }

    private static Map<String, String> environment() {
        return Map.of("DYNASEED_ENDPOINT_URL", Dynalite.target().endpoint().toString());
    }

    record Run(int exitCode, String out, String err) {}

    private Run apply(Path spec, InvokeApiServer lambda, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "apply",
                "-f",
                spec.toString(),
                "--endpoint-url",
                Dynalite.target().endpoint().toString(),
                "--via-lambda",
                FUNCTION + ":live",
                "--lambda-endpoint-url",
                lambda.endpoint(),
                "--samples",
                "0"));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli =
                Dynaseed.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // Bounded: a run that hangs fails the test instead of the build.
            Future<Integer> code = thread.submit(() -> cli.execute(args.toArray(String[]::new)));
            return new Run(code.get(40, TimeUnit.MINUTES), out.toString(), err.toString());
        } finally {
            thread.shutdownNow();
        }
    }
}
