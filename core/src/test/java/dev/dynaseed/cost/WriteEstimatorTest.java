package dev.dynaseed.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.seed.ItemCap;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableFeatures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class WriteEstimatorTest {
    private static final Instant NOW = Instant.parse("2026-11-26T00:00:07Z");

    private static Spec yaml(String text) {
        return SpecReader.read(text, SpecReader.SpecFormat.YAML, "test.yaml");
    }

    @Test
    void itemSize_countsNamesAndValuesAsDynamoDbDoes() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS("abc")); // 2 + 3
        item.put("n", AttributeValue.fromN("123.450")); // 1 + (5 significant digits: 3) + 1 = 5
        item.put("zero", AttributeValue.fromN("0")); // 4 + 1 = 5: zero has no significant digit
        item.put("ok", AttributeValue.fromBool(true)); // 2 + 1
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10]))); // 1 + 10
        item.put("é", AttributeValue.fromS("ü")); // 2 + 2
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("ab")))); // 1 + 3 + 1 + 2
        assertThat(ItemSize.bytes(item)).isEqualTo(5 + 5 + 5 + 3 + 11 + 4 + 7);
    }

    @Test
    void writeUnits_areTheItemSizeInKilobytesRoundedUp_atLeastOne() {
        assertThat(ItemSize.writeUnits(0)).isEqualTo(1);
        assertThat(ItemSize.writeUnits(1024)).isEqualTo(1);
        assertThat(ItemSize.writeUnits(1025)).isEqualTo(2);
        assertThat(ItemSize.writeUnits(400 * 1024)).isEqualTo(400);
    }

    @Test
    void seedScenario_isNineWriteUnits_capacityBoundAtFiveWcu() {
        WriteEstimate estimate = WriteEstimator.standard().estimate(DefaultSpec.seedScenario(), 42, NOW);
        assertThat(estimate.tables()).hasSize(3);
        TableWriteEstimate first = estimate.tables().get(0);
        // transaction_id (14) + uuid1 (36), access_timestamp (16) + 1795651207 (10 digits: 6), user_id (7) + uuid4 (36)
        assertThat(first.averageItemBytes()).isEqualTo(115);
        assertThat(first.sampledItems()).isEqualTo(3);
        assertThat(first.writeUnits()).isEqualTo(3);
        assertThat(first.onDemand()).isFalse();
        assertThat(first.writeCapacity()).contains(5L);
        assertThat(first.capacityBoundTime()).contains(Duration.ofSeconds(1));
        assertThat(estimate.writeUnits()).isEqualTo(9);
        assertThat(estimate.onDemandWriteUnits()).isZero();
        assertThat(estimate.anyProvisioned()).isTrue();
    }

    @Test
    void onDemandTable_ofTwoKilobyteItems_costsItsWriteUnitsAtTheAssumedPrice() {
        Spec spec = yaml("""
                tables:
                  - name: blobs
                    partitionKey: {name: id, type: S}
                    seed:
                      count: 1000000
                      attributes:
                        id: uuid4
                        data: {generator: bytes, length: 1024}
                """);
        WriteEstimate estimate = WriteEstimator.standard().estimate(spec, 1, NOW);
        TableWriteEstimate blobs = estimate.tables().get(0);
        assertThat(blobs.sampledItems()).isEqualTo(WriteEstimator.SAMPLE);
        assertThat(blobs.averageItemBytes()).isEqualTo(2 + 36 + 4 + 1024);
        assertThat(blobs.writeUnits()).isEqualTo(2_000_000);
        assertThat(blobs.capacityBoundTime()).isEmpty();
        assertThat(estimate.onDemandCost()).isEqualByComparingTo(new BigDecimal("1.25"));
        assertThat(estimate.price().region()).isEqualTo("us-east-1");
        assertThat(estimate.price().perMillionWriteUnits()).isEqualByComparingTo("0.625");
    }

    @Test
    void sample_spreadsOverTheRange_soGrowingValuesAreMeasuredLarge() {
        Spec spec = yaml("""
                tables:
                  - name: seq
                    partitionKey: {name: id, type: S}
                    seed:
                      count: 100000000
                      attributes:
                        id: {generator: sequence, prefix: user-}
                """);
        TableWriteEstimate seq =
                WriteEstimator.standard().estimate(spec, 1, NOW).tables().get(0);
        // user-1 is 8 bytes with its name; user-99000001 is 14: the largest sampled item is from the end.
        assertThat(seq.largestItemBytes()).isEqualTo(2 + 5 + 8);
        assertThat(seq.writeUnits()).isEqualTo(100_000_000);
    }

    @Test
    void indexes_addAWritePerItemThatHasTheirKeys() {
        Spec spec = yaml("""
                tables:
                  - name: indexed
                    partitionKey: {name: id, type: S}
                    billing: {mode: PROVISIONED, readCapacity: 1, writeCapacity: 10}
                    seed:
                      count: 50
                      attributes:
                        id: uuid4
                        kind: {generator: oneOf, values: [a, b]}
                """);
        GlobalIndexSpec byKind = new GlobalIndexSpec(
                "by_kind",
                List.of(new KeySpec("kind", KeyType.S)),
                List.of(),
                ProjectionSpec.all(),
                Optional.of(new CapacitySpec(1, 1)),
                Optional.empty(),
                Optional.empty(),
                false);
        TableFeatures features = TableFeatures.ofIndexes(List.of(byKind), List.of());
        Spec withIndex = new Spec(
                List.of(spec.tables().get(0).toBuilder().features(features).build()));
        TableWriteEstimate indexed =
                WriteEstimator.standard().estimate(withIndex, 1, NOW).tables().get(0);
        assertThat(indexed.writeUnits()).isEqualTo(100);
        assertThat(indexed.capacityBoundTime()).contains(Duration.ofSeconds(10));
    }

    @Test
    void tableWithoutSeed_costsNothing() {
        Spec spec = yaml("""
                tables:
                  - name: empty
                    partitionKey: {name: id, type: S}
                """);
        WriteEstimate estimate = WriteEstimator.standard().estimate(spec, 1, NOW);
        assertThat(estimate.writeUnits()).isZero();
        assertThat(estimate.onDemandCost()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void itemCap_keepsCountsInSpecOrderUntilTheCap_andSaysWhichTablesItLowered() {
        ItemCap cap = ItemCap.of(DefaultSpec.seedScenario(), 4);
        assertThat(cap.capped()).isTrue();
        assertThat(cap.requestedBySpec()).isEqualTo(9);
        assertThat(cap.requested()).isEqualTo(4);
        assertThat(cap.spec().tables())
                .extracting(table -> table.seed().count())
                .containsExactly(3L, 1L, 0L);
        assertThat(cap.cappedTables())
                .containsExactly(Map.entry("mobile_user_logs", 3L), Map.entry("utilityapp_user_logs", 3L));
        assertThat(cap.spec().tables().get(1).seed().attributes())
                .isEqualTo(DefaultSpec.seedScenario().tables().get(1).seed().attributes());
    }

    @Test
    void itemCap_aboveTheSpecsItems_changesNothing() {
        ItemCap cap = ItemCap.of(DefaultSpec.seedScenario(), 9);
        assertThat(cap.capped()).isFalse();
        assertThat(cap.spec()).isEqualTo(DefaultSpec.seedScenario());
    }

    private Spec withSources(java.nio.file.Path dir) throws java.io.IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            rows.append("{\"id\": \"f")
                    .append(i)
                    .append("\", \"pad\": \"")
                    .append("x".repeat(2000))
                    .append("\"}\n");
        }
        java.nio.file.Files.writeString(dir.resolve("ten.jsonl"), rows);
        java.nio.file.Path file = dir.resolve("sources.yaml");
        java.nio.file.Files.writeString(
                file,
                "version: 1\ntables:\n  - name: aaa\n    partitionKey: {name: id, type: S}\n    seed:\n"
                        + "      items: [{id: {S: i1}}, {id: {S: i2}}]\n      files: [ten.jsonl]\n      count: 5\n"
                        + "      attributes: {id: uuid4}\n"
                        + "  - name: bbb\n    partitionKey: {name: id, type: S}\n    seed:\n      count: 5\n"
                        + "      attributes: {id: uuid4}\n");
        return dev.dynaseed.files.ItemFiles.scan(SpecReader.read(file), "sources.yaml", false);
    }

    @Test
    void itemCap_countsInlineAndFileItems_sourcesFirst(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        Spec spec = withSources(dir);

        ItemCap seven = ItemCap.of(spec, 7);
        assertThat(seven.requestedBySpec()).isEqualTo(22);
        assertThat(seven.requested()).isEqualTo(7);
        assertThat(seven.cappedTables()).containsExactly(Map.entry("aaa", 17L), Map.entry("bbb", 5L));
        assertThat(seven.spec().tables().get(0).seed().sourceItems()).isEqualTo(7);
        assertThat(seven.spec().tables().get(0).seed().count()).isZero();
        List<String> ids = new java.util.ArrayList<>();
        dev.dynaseed.seed.Seeder.generated(seven.spec().tables().get(0), 1, NOW)
                .iterator()
                .forEachRemaining(item -> ids.add(item.get("id").s()));
        assertThat(ids).containsExactly("i1", "i2", "f0", "f1", "f2", "f3", "f4");

        ItemCap twenty = ItemCap.of(spec, 20);
        assertThat(twenty.spec().tables())
                .extracting(table -> table.seed().totalItems())
                .containsExactly(17L, 3L);
    }

    @Test
    void estimate_countsInlineAndFileItems_andMeasuresThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        TableWriteEstimate a = WriteEstimator.standard()
                .estimate(withSources(dir), 42, NOW)
                .tables()
                .get(0);

        assertThat(a.items()).isEqualTo(17);
        assertThat(a.sampledItems()).isEqualTo(17);
        // 2 inline items (1 unit each), 10 file items of over 2 KB (2 units each), 5 generated (1 unit each)
        assertThat(a.writeUnits()).isEqualTo(2 + 20 + 5);
        assertThat(a.largestItemBytes()).isGreaterThan(2000);
    }
}
