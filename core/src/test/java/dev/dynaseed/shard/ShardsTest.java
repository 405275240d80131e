package dev.dynaseed.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.seed.IndexRanges;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Splitting a spec into shards, the shard event and its checks; pure logic, no server. */
class ShardsTest {
    static final String SPEC = """
            tables:
              - name: orders
                partitionKey: {name: id, type: S}
                seed:
                  count: 1000
                  randomSeed: 7
                  attributes:
                    id: {generator: sequence, prefix: o-}
                    n: {generator: intRange, min: 1, max: 9}
              - name: customers
                partitionKey: {name: id, type: S}
                seed:
                  count: 10
                  randomSeed: 7
                  attributes:
                    id: uuid4
              - name: empty
                partitionKey: {name: id, type: S}
                seed: {count: 0}
            """;

    static Spec spec(String text) {
        return SpecReader.read(text, SpecReader.SpecFormat.YAML, "test");
    }

    @Test
    void split_coversEveryItemOfEveryTableExactlyOnce_inShardsDifferingByAtMostOneItem() {
        for (int n : new int[] {1, 2, 3, 7, 8, 1009, 1011, 5000}) {
            List<Shard> shards = Shards.split(spec(SPEC), n);

            assertThat(shards).hasSize(n);
            IndexRanges orders = IndexRanges.empty();
            IndexRanges customers = IndexRanges.empty();
            long total = 0;
            for (Shard shard : shards) {
                IndexRanges o = shard.ranges().getOrDefault("orders", IndexRanges.empty());
                IndexRanges c = shard.ranges().getOrDefault("customers", IndexRanges.empty());
                assertThat(orders.minus(o)).as("no overlap").isEqualTo(orders);
                assertThat(customers.minus(c)).isEqualTo(customers);
                orders = orders.plus(o);
                customers = customers.plus(c);
                total += shard.size();
                assertThat(shard.size()).isBetween(1010L / n, 1010L / n + 1);
                assertThat(shard.ranges()).doesNotContainKey("empty");
            }
            assertThat(orders).isEqualTo(IndexRanges.upTo(1000));
            assertThat(customers).isEqualTo(IndexRanges.upTo(10));
            assertThat(total).isEqualTo(1010);
        }
    }

    @Test
    void split_layTablesEndToEnd_soAShardTouchesFewTables() {
        List<Shard> shards = Shards.split(spec(SPEC), 2);

        assertThat(shards.get(0).ranges()).containsExactly(Map.entry("orders", IndexRanges.upTo(505)));
        assertThat(shards.get(1).ranges().toString()).isEqualTo("{orders=505..999, customers=0..9}");
        assertThat(shards.get(1).label()).isEqualTo("2/2");
    }

    @Test
    void minus_leavesExactlyTheIndexesNotInTheOther() {
        IndexRanges all = IndexRanges.of(List.of(new IndexRanges.Range(0, 100), new IndexRanges.Range(200, 300)));
        IndexRanges written = IndexRanges.of(
                List.of(new IndexRanges.Range(0, 25), new IndexRanges.Range(50, 75), new IndexRanges.Range(90, 250)));

        assertThat(all.minus(written).toString()).isEqualTo("25..49, 75..89, 250..299");
        assertThat(all.minus(IndexRanges.empty())).isEqualTo(all);
        assertThat(all.minus(all)).isEqualTo(IndexRanges.empty());
        assertThat(all.minus(written).plus(all.minus(all.minus(written)))).isEqualTo(all);
    }

    @Test
    void event_readsBackWhatItWrites() {
        Spec spec = spec(SPEC);
        ShardEvent event = ShardEvent.split(spec, 3, -42L, Instant.parse("2026-01-02T03:04:05Z"))
                .get(1);

        ObjectNode json = event.event(Optional.empty());
        ShardEvent read = ShardEvent.read(json, spec);

        assertThat(read).isEqualTo(event);
        assertThat(json.get("shard").get("runSeed").asText()).isEqualTo("-42");
        assertThat(read.retry(Map.of("orders", IndexRanges.upTo(5))).attempt()).isEqualTo(2);
    }

    @Test
    void digest_ignoresTheCount_butNotWhatMakesTheItems() {
        String digest = Shards.digest(spec(SPEC));

        assertThat(Shards.digest(spec(SPEC.replace("count: 1000", "count: 400"))))
                .isEqualTo(digest);
        assertThat(Shards.digest(spec(SPEC.replace("max: 9", "max: 8")))).isNotEqualTo(digest);
        assertThat(Shards.digest(spec(SPEC.replace(
                        "randomSeed: 7\n      attributes:\n        id: uuid4",
                        "randomSeed: 8\n      attributes:\n        id: uuid4"))))
                .isNotEqualTo(digest);
    }

    @Test
    void read_refusesAShardCutFromAnotherSpec_orBeyondATablesItems_listingEveryProblem() throws Exception {
        Spec spec = spec(SPEC);
        ObjectNode json = ShardEvent.split(spec, 1, 1L, Instant.EPOCH).get(0).event(Optional.empty());
        ObjectNode shard = (ObjectNode) json.get("shard");
        shard.put("specDigest", "0000");
        ((ObjectNode) shard.get("ranges")).set("orders", new ObjectMapper().readTree("[[0, 1001]]"));
        ((ObjectNode) shard.get("ranges")).set("nope", new ObjectMapper().readTree("[[0, 1]]"));

        InvalidSpecException e = catchThrowableOfType(() -> ShardEvent.read(json, spec), InvalidSpecException.class);

        assertThat(e.problems())
                .extracting(Problem::path)
                .containsExactlyInAnyOrder("shard.specDigest", "shard.ranges.orders[0]", "shard.ranges.nope");
        assertThat(e.problems().get(0).message())
                .contains("the shard was cut from another spec (digest 0000)")
                .contains("send the same spec in the event's \"spec\"");
        assertThat(e.problems())
                .extracting(Problem::message)
                .contains("[0, 1001] is not a range of items of 'orders', which has 1000; use 0 <= from < to <= 1000");
    }
}
