package dev.dynaseed.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.SpecValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemGeneratorTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00.123Z");

    private static SeedSpec seed(Map<String, GeneratorSpec> attributes, Long randomSeed) {
        return new SeedSpec(
                10, ExistingDataPolicy.APPEND, Optional.ofNullable(randomSeed), Optional.empty(), attributes);
    }

    @Test
    void seedScenario_makesVersion1And4UuidsAndEpochSecondsOfNow() {
        SeedSpec seed = DefaultSpec.seedScenario().tables().get(0).seed();
        ItemGenerator generator = ItemGenerator.forTable("webapp_user_logs", seed, 99L, NOW);

        Map<String, AttributeValue> item = generator.item(0);

        assertThat(item.keySet()).containsExactly("transaction_id", "access_timestamp", "user_id");
        UUID transactionId = UUID.fromString(item.get("transaction_id").s());
        assertThat(transactionId.version()).isEqualTo(1);
        assertThat(transactionId.variant()).isEqualTo(2);
        // UUID.timestamp() counts 100 ns since 1582-10-15; converted back it is the run's time.
        long millis = (transactionId.timestamp() - 0x01B21DD213814000L) / 10_000L;
        assertThat(millis).isEqualTo(NOW.toEpochMilli());
        assertThat(item.get("access_timestamp").n()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        UUID userId = UUID.fromString(item.get("user_id").s());
        assertThat(userId.version()).isEqualTo(4);
        assertThat(userId.variant()).isEqualTo(2);
    }

    @Test
    void uuid1_isUniqueAcrossItemsAndRuns() {
        SeedSpec seed = DefaultSpec.seedScenario().tables().get(0).seed();
        Set<String> ids = new HashSet<>();
        for (long runSeed : new long[] {1, 2}) {
            ItemGenerator generator = ItemGenerator.forTable("t", seed, runSeed, NOW);
            LongStream.range(0, 1000)
                    .forEach(
                            i -> ids.add(generator.item(i).get("transaction_id").s()));
        }
        assertThat(ids).hasSize(2000);
    }

    @Test
    void randomSeed_makesEveryValueRepeatable_inAnyOrder() {
        Map<String, GeneratorSpec> attributes = new LinkedHashMap<>();
        attributes.put("id", new GeneratorSpec.Uuid4());
        attributes.put("t", new GeneratorSpec.Uuid1());
        attributes.put("at", new GeneratorSpec.IsoTimestamp(86_400));
        attributes.put("n", new GeneratorSpec.IntRange(-5, 5));
        SeedSpec seed = seed(attributes, 42L);

        ItemGenerator first = ItemGenerator.forTable("orders", seed, 1L, NOW);
        ItemGenerator second = ItemGenerator.forTable("orders", seed, 2L, NOW.plusSeconds(3600));

        assertThat(second.item(7)).isEqualTo(first.item(7));
        List<Map<String, AttributeValue>> backwards = new java.util.ArrayList<>(LongStream.iterate(4, i -> i - 1)
                .limit(5)
                .mapToObj(second::item)
                .toList());
        java.util.Collections.reverse(backwards);
        assertThat(LongStream.range(0, 5).mapToObj(first::item).toList()).isEqualTo(backwards);
        assertThat(first.item(0).get("at").s()).startsWith("2024-12-3");
        assertThat(ItemGenerator.forTable("other", seed, 1L, NOW).item(7)).isNotEqualTo(first.item(7));
    }

    @Test
    void withoutRandomSeed_runsDiffer() {
        SeedSpec seed = seed(Map.of("id", new GeneratorSpec.Uuid4()), null);

        assertThat(ItemGenerator.forTable("t", seed, 1L, NOW).item(0))
                .isNotEqualTo(ItemGenerator.forTable("t", seed, 2L, NOW).item(0));
    }

    @Test
    void ranges_stayWithinBounds_andSequencesCount() {
        Map<String, GeneratorSpec> attributes = new LinkedHashMap<>();
        attributes.put("int", new GeneratorSpec.IntRange(1, 3));
        attributes.put("dec", new GeneratorSpec.DecimalRange(new BigDecimal("0.5"), new BigDecimal("1.5"), 2));
        attributes.put("seq", new GeneratorSpec.Sequence(10, 5, Optional.of("user-")));
        attributes.put("num", new GeneratorSpec.Sequence(1, 1, Optional.empty()));
        attributes.put("const", new GeneratorSpec.Constant(new SpecValue.Number(new BigDecimal("7.50"))));
        attributes.put("bytes", new GeneratorSpec.RandomBytes(5));
        ItemGenerator generator = ItemGenerator.forTable("t", seed(attributes, 3L), 0L, NOW);

        Set<String> ints = new HashSet<>();
        for (long i = 0; i < 500; i++) {
            Map<String, AttributeValue> item = generator.item(i);
            ints.add(item.get("int").n());
            BigDecimal dec = new BigDecimal(item.get("dec").n());
            assertThat(dec).isBetween(new BigDecimal("0.5"), new BigDecimal("1.5"));
            assertThat(dec.scale()).isEqualTo(2);
            assertThat(item.get("seq").s()).isEqualTo("user-" + (10 + 5 * i));
            assertThat(item.get("num").n()).isEqualTo(Long.toString(1 + i));
            assertThat(item.get("const").n()).isEqualTo("7.50");
            assertThat(item.get("bytes").b().asByteArray()).hasSize(5);
        }
        assertThat(ints).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void oneOf_followsWeights() {
        GeneratorSpec spec = new GeneratorSpec.OneOf(
                List.of(new SpecValue.Text("web"), new SpecValue.Text("app"), new SpecValue.Bool(true)),
                List.of(90.0, 10.0, 0.0001));
        ItemGenerator generator = ItemGenerator.forTable("t", seed(Map.of("c", spec), 5L), 0L, NOW);

        Map<String, Integer> counts = new HashMap<>();
        for (long i = 0; i < 10_000; i++) {
            counts.merge(String.valueOf(generator.item(i).get("c").s()), 1, Integer::sum);
        }
        assertThat(counts.get("web")).isBetween(8_800, 9_200);
        assertThat(counts.get("app")).isBetween(800, 1_200);
    }

    @Test
    void epochMillis_spreadsIntoThePastOnly() {
        ItemGenerator generator =
                ItemGenerator.forTable("t", seed(Map.of("ms", new GeneratorSpec.EpochMillis(60)), null), 0L, NOW);

        for (long i = 0; i < 200; i++) {
            long ms = Long.parseLong(generator.item(i).get("ms").n());
            assertThat(ms).isBetween(NOW.toEpochMilli() - 60_000, NOW.toEpochMilli());
        }
    }

    @Test
    void everyKind_yieldsExactlyTheValuesItYieldedBeforeTheRegistry_forAnExplicitSeed() {
        Map<String, GeneratorSpec> attributes = new LinkedHashMap<>();
        attributes.put("u1", new GeneratorSpec.Uuid1());
        attributes.put("u4", new GeneratorSpec.Uuid4());
        attributes.put("s", new GeneratorSpec.EpochSeconds(86_400));
        attributes.put("ms", new GeneratorSpec.EpochMillis(60));
        attributes.put("iso", new GeneratorSpec.IsoTimestamp(3_600));
        attributes.put("c", new GeneratorSpec.Constant(new SpecValue.Number(new BigDecimal("7.50"))));
        attributes.put("seq", new GeneratorSpec.Sequence(10, 5, Optional.of("user-")));
        attributes.put("int", new GeneratorSpec.IntRange(-5, 5));
        attributes.put("dec", new GeneratorSpec.DecimalRange(new BigDecimal("0.5"), new BigDecimal("99.5"), 2));
        attributes.put(
                "one",
                new GeneratorSpec.OneOf(
                        List.of(new SpecValue.Text("web"), new SpecValue.Text("app")), List.of(3.0, 1.0)));
        attributes.put("b", new GeneratorSpec.RandomBytes(5));
        ItemGenerator generator = ItemGenerator.forTable("orders", seed(attributes, 42L), 0L, Instant.EPOCH);

        assertThat(rendered(generator.item(0)))
                .containsExactly(
                        "u1=57fd0000-c7d3-11ef-b28d-2b7d1cd3e48f",
                        "u4=8fc2ab78-eab3-475b-8c9f-73c027ea21bc",
                        "s=1735625160",
                        "ms=1735689561689",
                        "iso=2024-12-31T23:43:14.769Z",
                        "c=7.50",
                        "seq=user-10",
                        "int=-4",
                        "dec=48.13",
                        "one=web",
                        "b=ebb83204f7");
        assertThat(rendered(generator.item(1)))
                .containsExactly(
                        "u1=57fd0001-c7d3-11ef-b28d-2b7d1cd3e48f",
                        "u4=03ce8e72-4905-44d2-8634-ba7bc606f60f",
                        "s=1735635651",
                        "ms=1735689554143",
                        "iso=2024-12-31T23:06:51.769Z",
                        "c=7.50",
                        "seq=user-15",
                        "int=3",
                        "dec=83.90",
                        "one=web",
                        "b=5fb727374e");
    }

    private static List<String> rendered(Map<String, AttributeValue> item) {
        return item.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + render(entry.getValue()))
                .toList();
    }

    private static String render(AttributeValue value) {
        if (value.b() != null) {
            return java.util.HexFormat.of().formatHex(value.b().asByteArray());
        }
        return value.s() != null ? value.s() : value.n();
    }
}
