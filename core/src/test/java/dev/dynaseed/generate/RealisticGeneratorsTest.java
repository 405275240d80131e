package dev.dynaseed.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.SpecReader.SpecFormat;
import dev.dynaseed.spec.TableSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The generator kinds for realistic data: exact values for a seed, types, and distributions within tolerance. */
class RealisticGeneratorsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static ItemGenerator generator(String attributes) {
        TableSpec table = table(attributes);
        return ItemGenerator.forTable(table.name(), table.seed(), 1, NOW);
    }

    private static TableSpec table(String attributes) {
        String yaml = """
                tables:
                  - name: people
                    partitionKey: {name: id, type: N}
                    seed:
                      count: 20000
                      randomSeed: 7
                      attributes:
                        id: sequence
                %s""".formatted(attributes.indent(8));
        return SpecReader.read(yaml, SpecFormat.YAML, "people.yaml").tables().get(0);
    }

    @Test
    void everyNewKind_makesTheSameItemForTheSameSeed_inTheDeclaredTypes() {
        String attributes = """
                name: '#{Name.fullName}'
                city: {generator: fake, expression: '#{Address.city}', locale: de-CH}
                verified: {generator: boolean, probability: 0.8}
                born: {generator: timestamp, from: 1960-01-01, to: 2005-12-31, format: isoDate}
                seen: {generator: timestamp, from: 2025-01-01, to: 2025-01-02, format: epochSeconds}
                score: {generator: number, distribution: normal, min: 0, max: 100, mean: 60, stddev: 15, scale: 1}
                rank: {generator: number, distribution: zipf, min: 1, max: 1000}
                colours: {generator: set, of: {generator: oneOf, values: [red, green, blue]}, minSize: 1, maxSize: 3}
                lucky: {generator: set, of: {generator: intRange, min: 1, max: 49}, minSize: 6, maxSize: 6}
                visits: {generator: list, of: {generator: intRange, min: 1, max: 9}, minSize: 2, maxSize: 2}
                address: {generator: map, fields: {zip: {generator: intRange, min: 1000, max: 9999}}}
                handle: '{name:lower}-{id:05}'
                """;
        Map<String, AttributeValue> item = generator(attributes).item(0);

        assertThat(item).isEqualTo(generator(attributes).item(0));
        // Golden values: a change here changes what every user's seeded tables hold with randomSeed 7.
        assertThat(plain(item)).isEqualTo("""
                id=N:1
                name=S:Rowena Maggio
                city=S:Nicolasfeld
                verified=BOOL:false
                born=S:1969-11-06
                seen=N:1735738135
                score=N:42.4
                rank=N:469
                colours=SS:[green]
                lucky=NS:[10, 41, 46, 49, 48, 40]
                visits=L:[N:4, N:8]
                address=M:[zip=N:6761]
                handle=S:rowena maggio-00001
                """);
        assertThat(item.get("city").s()).isNotBlank();
        assertThat(item.get("verified").bool()).isNotNull();
        assertThat(item.get("born").s()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(Long.parseLong(item.get("seen").n())).isBetween(1735689600L, 1735776000L);
        assertThat(new BigDecimal(item.get("score").n()).scale()).isEqualTo(1);
        assertThat(item.get("rank").n()).matches("\\d+");
        assertThat(item.get("colours").ss())
                .isNotEmpty()
                .doesNotHaveDuplicates()
                .isSubsetOf("red", "green", "blue");
        assertThat(item.get("lucky").ns()).hasSize(6).doesNotHaveDuplicates();
        assertThat(item.get("visits").l())
                .hasSize(2)
                .allSatisfy(value -> assertThat(value.n()).isNotNull());
        assertThat(item.get("address").m()).containsOnlyKeys("zip");
        assertThat(item.keySet())
                .containsExactly(
                        "id",
                        "name",
                        "city",
                        "verified",
                        "born",
                        "seen",
                        "score",
                        "rank",
                        "colours",
                        "lucky",
                        "visits",
                        "address",
                        "handle");
    }

    /** The item as {@code name=value} pairs, each value in its DynamoDB JSON type, for exact comparison. */
    private static String plain(Map<String, AttributeValue> item) {
        StringBuilder text = new StringBuilder();
        item.forEach((name, value) ->
                text.append(name).append('=').append(plain(value)).append('\n'));
        return text.toString();
    }

    private static String plain(AttributeValue value) {
        return switch (value.type()) {
            case S -> "S:" + value.s();
            case N -> "N:" + value.n();
            case BOOL -> "BOOL:" + value.bool();
            case SS -> "SS:" + value.ss();
            case NS -> "NS:" + value.ns();
            case L ->
                "L:" + value.l().stream().map(RealisticGeneratorsTest::plain).toList();
            case M ->
                "M:"
                        + new java.util.TreeMap<>(value.m())
                                .entrySet().stream()
                                        .map(e -> e.getKey() + "=" + plain(e.getValue()))
                                        .toList();
            default -> value.type() + ":" + value;
        };
    }

    @Test
    void fake_dependsOnlyOnSeedAttributeAndIndex_notOnWhatWasMadeBefore() {
        ItemGenerator forwards = generator("name: '#{Name.fullName}'");
        ItemGenerator backwards = generator("name: '#{Name.fullName}'");
        List<String> ahead = LongStream.range(0, 50)
                .mapToObj(i -> forwards.item(i).get("name").s())
                .toList();
        List<String> behind = LongStream.iterate(49, i -> i >= 0, i -> i - 1)
                .mapToObj(i -> backwards.item(i).get("name").s())
                .toList();

        List<String> reversed = new java.util.ArrayList<>(ahead);
        java.util.Collections.reverse(reversed);
        assertThat(behind).containsExactlyElementsOf(reversed);
        assertThat(new HashSet<>(ahead)).hasSizeGreaterThan(40);
    }

    @Test
    void boolean_isTrueWithItsProbability() {
        ItemGenerator generator = generator("flag: {generator: boolean, probability: 0.8}");
        long trues = LongStream.range(0, 20_000)
                .filter(i -> generator.item(i).get("flag").bool())
                .count();

        assertThat(trues / 20_000.0).isCloseTo(0.8, within(0.015));
    }

    @Test
    void optional_isPresentWithItsProbability_andLeftOutOtherwise() {
        ItemGenerator generator = generator("phone: {generator: optional, probability: 0.3, of: uuid4}");
        long present = LongStream.range(0, 20_000)
                .filter(i -> generator.item(i).containsKey("phone"))
                .count();

        assertThat(present / 20_000.0).isCloseTo(0.3, within(0.015));
    }

    @Test
    void normal_hasItsMeanAndSpread_andStaysWithinMinAndMax() {
        ItemGenerator generator =
                generator("score: {generator: number, distribution: normal, min: 0, max: 100, mean: 50, stddev: 10,"
                        + " scale: 2}");
        double[] values = LongStream.range(0, 20_000)
                .mapToDouble(
                        i -> Double.parseDouble(generator.item(i).get("score").n()))
                .toArray();
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        double variance = java.util.Arrays.stream(values)
                .map(v -> (v - mean) * (v - mean))
                .average()
                .orElseThrow();

        assertThat(mean).isCloseTo(50, within(0.3));
        assertThat(Math.sqrt(variance)).isCloseTo(10, within(0.3));
        assertThat(java.util.Arrays.stream(values).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(java.util.Arrays.stream(values).max().orElseThrow()).isLessThanOrEqualTo(100.0);
    }

    @Test
    void normal_isClampedToMinAndMax() {
        ItemGenerator generator =
                generator("n: {generator: number, distribution: normal, min: 0, max: 10, mean: 10, stddev: 50}");
        List<Long> values = LongStream.range(0, 2000)
                .mapToObj(i -> Long.parseLong(generator.item(i).get("n").n()))
                .toList();

        assertThat(values).allSatisfy(v -> assertThat(v).isBetween(0L, 10L)).contains(0L, 10L);
    }

    @Test
    void zipf_makesRankOneAboutTwiceAsFrequentAsRankTwo_withExponentOne() {
        ItemGenerator generator = generator("rank: {generator: number, distribution: zipf, min: 1, max: 100}");
        Map<String, Integer> counts = new HashMap<>();
        LongStream.range(0, 20_000)
                .forEach(i -> counts.merge(generator.item(i).get("rank").n(), 1, Integer::sum));
        // P(k) = (1/k) / H(100), H(100) = 5.187...: rank 1 is 19.3 %, rank 2 9.6 %, rank 10 1.9 %.
        assertThat(counts.get("1") / 20_000.0).isCloseTo(0.193, within(0.01));
        assertThat(counts.get("2") / 20_000.0).isCloseTo(0.096, within(0.008));
        assertThat(counts.get("10") / 20_000.0).isCloseTo(0.0193, within(0.004));
        assertThat(counts.keySet())
                .allSatisfy(k -> assertThat(Integer.parseInt(k)).isBetween(1, 100));
    }

    @Test
    void uniformNumber_coversItsWholeRangeEvenly() {
        ItemGenerator generator = generator("d: {generator: number, min: 1, max: 6}");
        Map<String, Integer> counts = new HashMap<>();
        LongStream.range(0, 12_000)
                .forEach(i -> counts.merge(generator.item(i).get("d").n(), 1, Integer::sum));

        assertThat(counts).containsOnlyKeys("1", "2", "3", "4", "5", "6");
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(1800, 2200));
    }

    @Test
    void timestamp_staysWithinItsWindow_inEachFormat() {
        ItemGenerator generator = generator("""
                iso: {generator: timestamp, from: '2025-03-01T00:00:00Z', to: '2025-03-01T01:00:00Z'}
                ms: {generator: timestamp, from: 2025-03-01, to: '2025-03-01T00:00:01Z', format: epochMillis}
                """);
        for (long i = 0; i < 500; i++) {
            Map<String, AttributeValue> item = generator.item(i);
            assertThat(item.get("iso").s()).matches("2025-03-01T0[01]:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(Instant.parse(item.get("iso").s()))
                    .isBetween(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-01T01:00:00Z"));
            assertThat(Long.parseLong(item.get("ms").n())).isBetween(1740787200000L, 1740787201000L);
        }
    }

    @Test
    void set_isNeverEmpty_hasDistinctElements_andItsSizeWithinBounds() {
        ItemGenerator generator =
                generator("s: {generator: set, of: {generator: oneOf, values: [only]}, minSize: 1, maxSize: 4}\n"
                        + "t: {generator: set, of: uuid4, minSize: 2, maxSize: 4}");
        for (long i = 0; i < 500; i++) {
            Map<String, AttributeValue> item = generator.item(i);
            // One possible value cannot fill four: the set holds what exists, and is never empty.
            assertThat(item.get("s").ss()).containsExactly("only");
            assertThat(item.get("t").ss()).hasSizeBetween(2, 4).doesNotHaveDuplicates();
        }
    }

    @Test
    void templates_areMadeAfterWhatTheyRead_whereverTheyAreWritten() {
        ItemGenerator generator = generator("""
                PK: 'USER#{user:upper}#{n:04}'
                user: '{first:lower}'
                first: {generator: oneOf, values: [Ada]}
                n: {generator: intRange, min: 7, max: 7}
                """);
        Map<String, AttributeValue> item = generator.item(3);

        assertThat(item.get("PK").s()).isEqualTo("USER#ADA#0007");
        assertThat(item.get("user").s()).isEqualTo("ada");
        // Written in the spec's order, made in dependency order.
        assertThat(item.keySet()).containsExactly("id", "PK", "user", "first", "n");
    }

    @Test
    void oversizedItem_isReportedWithTableAndIndex_andNeverMade() {
        ItemGenerator generator =
                generator("big: {generator: list, of: {generator: bytes, length: 1024}, minSize: 500, maxSize: 500}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> generator.item(4))
                .isInstanceOf(GenerationException.class)
                .hasMessage("item 4 of table people is 512510 bytes, over DynamoDB's 400 KB item limit, and was not"
                        + " sent; make its lists, sets or texts smaller (maxSize, length)");
    }
}
