package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dynaseed shards} and the shard options of apply and invoke-local; nothing is sent. */
class ShardsCommandTest {
    private static final String SPEC = """
            tables:
              - name: orders
                partitionKey: {name: id, type: S}
                seed:
                  count: 1000
                  randomSeed: 7
                  attributes:
                    id: {generator: sequence, prefix: o-}
            """;

    @TempDir
    Path dir;

    @Test
    void shards_printsOneEventPerShard_coveringEveryItemOnce_withOneRunSeedAndTheSpecsDigest() throws Exception {
        Path spec = Files.writeString(dir.resolve("orders.yaml"), SPEC);

        Cli.Result result = Cli.run("shards", "--spec", spec.toString(), "--shards", "3");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode events = new ObjectMapper().readTree(result.out());
        assertThat(events).hasSize(3);
        List<String> ranges = new ArrayList<>();
        for (JsonNode event : events) {
            assertThat(event.has("spec")).isFalse();
            assertThat(event.at("/shard/runSeed")).isEqualTo(events.at("/0/shard/runSeed"));
            assertThat(event.at("/shard/specDigest")).isEqualTo(events.at("/0/shard/specDigest"));
            ranges.add(event.at("/shard/index").asInt() + "/"
                    + event.at("/shard/of").asInt() + " " + event.at("/shard/ranges/orders"));
        }
        assertThat(ranges).containsExactly("1/3 [[0,333]]", "2/3 [[333,666]]", "3/3 [[666,1000]]");
    }

    @Test
    void shards_withSpec_putsTheSpecsTextInEveryEvent() throws Exception {
        Path spec = Files.writeString(dir.resolve("orders.yaml"), SPEC);

        Cli.Result result = Cli.run("shards", "--spec", spec.toString(), "--shards", "2", "--with-spec");

        JsonNode events = new ObjectMapper().readTree(result.out());
        assertThat(events)
                .allSatisfy(event -> assertThat(event.get("spec").asText()).isEqualTo(SPEC));
    }

    @Test
    void shards_ofATableReadingFiles_areRefusedWithTheTableNamed() throws Exception {
        Files.writeString(dir.resolve("a.jsonl"), "{\"id\": \"a\"}\n{\"id\": \"b\"}\n");
        Path spec = Files.writeString(
                dir.resolve("files.yaml"),
                "tables:\n  - name: events\n    partitionKey: {name: id, type: S}\n    seed: {files: [a.jsonl]}\n");

        Cli.Result result = Cli.run("shards", "--spec", spec.toString(), "--shards", "2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains(
                        "tables[0].seed.files: table events reads items from files, which a shard (run by the function)"
                                + " cannot read")
                .doesNotContain("scan");
    }

    @Test
    void shardOptions_withoutViaLambda_areRefused() {
        Cli.Result apply = Cli.run("apply", "--endpoint-url", "http://127.0.0.1:9", "--shards", "4");

        assertThat(apply.exitCode()).isEqualTo(2);
        assertThat(apply.err()).contains("--shards only applies with --via-lambda FUNCTION");
    }

    @Test
    void badShardOptions_areRefusedWithExitCode2_beforeAnythingIsSent() {
        Cli.Result shards = Cli.run("shards", "--shards", "0");
        Cli.Result local = Cli.run("invoke-local", "--endpoint-url", "http://127.0.0.1:9", "--shard", "4/3");
        Cli.Result apply = Cli.run(
                "apply", "--endpoint-url", "http://127.0.0.1:9", "--via-lambda", "f", "--shards", "8", "--resume");

        assertThat(shards.exitCode()).isEqualTo(2);
        assertThat(local.exitCode()).isEqualTo(2);
        assertThat(local.err())
                .contains("--shard: 4/3 is out of range; use K/N with 1 <= K <= N <= 10000, e.g. --shard 3/8");
        assertThat(apply.exitCode()).isEqualTo(2);
        assertThat(apply.err()).contains("--resume does not apply with --via-lambda");
    }
}
