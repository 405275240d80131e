package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.spec.SpecReader.SpecFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecReaderTest {

    @Test
    void defaultYaml_readsAsTheSeedScenario() {
        Spec spec = SpecReader.read(DefaultSpec.yaml(), SpecFormat.YAML, "default");

        assertThat(spec).isEqualTo(DefaultSpec.seedScenario());
    }

    @Test
    void seedScenario_hasTheSeedsTablesKeysAndThroughput() {
        Spec spec = DefaultSpec.seedScenario();

        assertThat(spec.tableNames()).containsExactly("webapp_user_logs", "mobile_user_logs", "utilityapp_user_logs");
        for (TableSpec table : spec.tables()) {
            assertThat(table.partitionKey()).isEqualTo(new KeySpec("transaction_id", KeyType.S));
            assertThat(table.sortKey()).contains(new KeySpec("access_timestamp", KeyType.N));
            assertThat(table.billing()).isEqualTo(new BillingSpec.Provisioned(5, 5));
            assertThat(table.seed().count()).isEqualTo(3);
            assertThat(table.seed().onExisting()).isEqualTo(ExistingDataPolicy.APPEND);
            assertThat(table.seed().attributes().keySet())
                    .containsExactly("transaction_id", "access_timestamp", "user_id");
        }
        assertThat(SpecValidator.validate(spec)).isEmpty();
    }

    @Test
    void json_readsEveryGeneratorAndOption() {
        String json = """
                {"version": 1, "tables": [{
                  "name": "orders", "partitionKey": {"name": "id", "type": "S"},
                  "billing": {"mode": "PAY_PER_REQUEST"}, "tags": {"team": "payments"},
                  "seed": {"count": 10, "onExisting": "upsert", "randomSeed": 7, "baseTime": "2024-05-01T00:00:00Z",
                    "attributes": {
                      "id": {"generator": "sequence", "start": 100, "prefix": "order-"},
                      "amount": {"generator": "decimalRange", "min": 1, "max": 99.99, "scale": 2},
                      "qty": {"generator": "intRange", "min": 1, "max": 5},
                      "channel": {"generator": "oneOf", "values": ["web", "app"], "weights": [3, 1]},
                      "active": {"generator": "constant", "value": true},
                      "at": {"generator": "isoTimestamp", "withinSeconds": 3600},
                      "ms": "epochMillis", "blob": {"generator": "bytes", "length": 4}
                    }}}]}
                """;

        TableSpec table =
                SpecReader.read(json, SpecFormat.JSON, "test").tables().get(0);

        assertThat(table.billing()).isEqualTo(new BillingSpec.PayPerRequest());
        assertThat(table.tags()).containsEntry("team", "payments");
        assertThat(table.seed().randomSeed()).contains(7L);
        assertThat(table.seed().attributes())
                .containsEntry("id", new GeneratorSpec.Sequence(100, 1, Optional.of("order-")))
                .containsEntry("qty", new GeneratorSpec.IntRange(1, 5))
                .containsEntry("active", new GeneratorSpec.Constant(new SpecValue.Bool(true)))
                .containsEntry("at", new GeneratorSpec.IsoTimestamp(3600))
                .containsEntry("ms", new GeneratorSpec.EpochMillis(0))
                .containsEntry("blob", new GeneratorSpec.RandomBytes(4))
                .containsEntry(
                        "channel",
                        new GeneratorSpec.OneOf(
                                List.of(new SpecValue.Text("web"), new SpecValue.Text("app")), List.of(3.0, 1.0)));
        assertThat(((GeneratorSpec.DecimalRange) table.seed().attributes().get("amount")).max())
                .isEqualByComparingTo(new BigDecimal("99.99"));
    }

    @Test
    void badSpec_reportsEveryProblemWithPathAndFix() {
        String yaml = """
                tables:
                  - name: "my table"
                    partitionKey: {name: id, type: INT}
                  - name: ok_table
                    partitionKey: {name: id, type: S}
                    billng: {mode: PAY_PER_REQUEST}
                  - name: capacity
                    partitionKey: {name: id, type: S}
                    billing: {mode: PROVISIONED, readCapacity: 0, writeCapacity: 5}
                  - name: capacity
                    partitionKey: {name: pk, type: N}
                    billing: {mode: PAY_PER_REQUEST, readCapacity: 5}
                  - name: keys
                    partitionKey: {name: pk, type: N}
                    sortKey: {name: sk, type: S}
                    seed:
                      count: 5
                      attributes: {pk: uuid4, other: uuidd4}
                """;

        assertThatThrownBy(() -> SpecReader.read(yaml, SpecFormat.YAML, "bad.yaml"))
                .isInstanceOf(InvalidSpecException.class)
                .extracting(e -> ((InvalidSpecException) e)
                        .problems().stream().map(Problem::toString).toList())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                .containsExactly(
                        "bad.yaml:3:30: tables[0].partitionKey.type: 'INT' is not a DynamoDB key type; use S, N or B",
                        // A table with a structural fault still has its name judged.
                        "bad.yaml:2:5: tables[0].name: 'my table' is not a valid DynamoDB table name; use 3 to 255"
                                + " characters of a-z, A-Z, 0-9, '_', '-' and '.', e.g. web_user_logs",
                        "bad.yaml:6:5: tables[1].billng: unknown field; did you mean 'billing'? fields allowed here:"
                                + " name, partitionKey, sortKey, billing, tags, globalSecondaryIndexes, localSecondaryIndexes, timeToLive, stream, pointInTimeRecovery,"
                                + " encryption, tableClass, deletionProtection, warmThroughput, resourcePolicy, contributorInsights, seed",
                        "bad.yaml:9:34: tables[2].billing.readCapacity: 0 is out of range; use 1 to 40000 read"
                                + " capacity units (DynamoDB's default quota per table), e.g. readCapacity: 5, or"
                                + " mode: PAY_PER_REQUEST",
                        "bad.yaml:12:38: tables[3].billing.readCapacity: not allowed with mode PAY_PER_REQUEST;"
                                + " remove it, or use mode: PROVISIONED to set capacity units",
                        "bad.yaml:10:5: tables[3].name: 'capacity' is already used by tables[2]; table names must be"
                                + " unique, rename one of them",
                        "bad.yaml:18:31: tables[4].seed.attributes.other: 'uuidd4' is not a generator; did you mean"
                                + " 'uuid4'? use one"
                                + " of uuid1, uuid4, epochSeconds, epochMillis, isoTimestamp, constant, sequence,"
                                + " intRange, decimalRange, oneOf, bytes, fake, boolean,"
                                + " timestamp, number, set, list, map, optional, template, ref");
    }

    @Test
    void semanticProblems_areAllReported() {
        String yaml = """
                tables:
                  - name: ab
                    partitionKey: {name: pk, type: N}
                    sortKey: {name: sk, type: S}
                    seed: {count: 5, attributes: {pk: uuid4}}
                  - name: ab
                    partitionKey: {name: id, type: S}
                    seed:
                      count: 2
                      onExisting: upsert
                      attributes:
                        id: uuid4
                        n: {generator: intRange, min: 9, max: 1}
                        c: {generator: oneOf, values: [a, 1], weights: [1]}
                """;

        assertThatThrownBy(() -> SpecReader.read(yaml, SpecFormat.YAML, "bad.yaml"))
                .hasMessage("""
                        The spec bad.yaml has 9 problems:
                          bad.yaml:2:5: tables[0].name: 'ab' is not a valid DynamoDB table name; use 3 to 255 characters of a-z, \
                        A-Z, 0-9, '_', '-' and '.', e.g. web_user_logs
                          bad.yaml:5:35: tables[0].seed.attributes.pk: generator 'uuid4' yields S but the partition key 'pk' is N; \
                        use a generator that yields N, e.g. pk: epochSeconds
                          bad.yaml:5:22: tables[0].seed.attributes.sk: missing; the sort key 'sk' needs a generator of type S, e.g. \
                        sk: uuid4
                          bad.yaml:6:5: tables[1].name: 'ab' is already used by tables[0]; table names must be unique, rename one \
                        of them
                          bad.yaml:6:5: tables[1].name: 'ab' is not a valid DynamoDB table name; use 3 to 255 characters of a-z, \
                        A-Z, 0-9, '_', '-' and '.', e.g. web_user_logs
                          bad.yaml:13:9: tables[1].seed.attributes.n: min 9 is greater than max 1; swap them
                          bad.yaml:14:43: tables[1].seed.attributes.c.values[1]: is of type N but values[0] is S; all values of a \
                        oneOf need the same type
                          bad.yaml:14:47: tables[1].seed.attributes.c.weights: has 1 weights for 2 values; give one weight per value, \
                        or none for equal chances
                          bad.yaml:8:5: tables[1].seed.randomSeed: missing; onExisting 'upsert' overwrites items by key, but the \
                        generators of [id] make new keys on every run: add randomSeed: 42 so keys repeat, or use a \
                        sequence generator for the keys""");
    }

    @Test
    void upsertWithRandomKeys_needsARandomSeed() {
        String yaml = """
                tables:
                  - name: upserted
                    partitionKey: {name: id, type: S}
                    seed: {count: 2, onExisting: upsert, attributes: {id: uuid4}}
                """;

        assertThatThrownBy(() -> SpecReader.read(yaml, SpecFormat.YAML, "u.yaml"))
                .hasMessageContaining("tables[0].seed.randomSeed: missing; onExisting 'upsert' overwrites items by"
                        + " key, but the generators of [id] make new keys on every run: add randomSeed: 42 so keys"
                        + " repeat, or use a sequence generator for the keys");
    }

    @Test
    void malformedYaml_namesLineAndColumnOnOneLine() {
        assertThatThrownBy(() -> SpecReader.read("tables: [\n  {name: x", SpecFormat.YAML, "broken.yaml"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("The spec broken.yaml has 1 problem:\n  broken.yaml:2:11: is not valid YAML: expected"
                        + " ',' or '}', but got <stream end> (while parsing a flow mapping started at line 2,"
                        + " column 3)");
    }

    @Test
    void missingFile_saysHowToStart() {
        assertThatThrownBy(() -> SpecReader.read(java.nio.file.Path.of("does-not-exist.yaml")))
                .hasMessage("The spec does-not-exist.yaml has 1 problem:\n  file not found; check the path, or run"
                        + " 'dynaseed init' to write a starter spec to dynaseed.yaml");
    }

    @Test
    void badEnumsAndTypes_areNamed() {
        String yaml = """
                tables:
                  - name: typed
                    partitionKey: {name: id, type: S}
                    billing: {mode: FREE}
                    seed: {count: three, onExisting: replace, attributes: {id: uuid4}}
                """;

        assertThatThrownBy(() -> SpecReader.read(yaml, SpecFormat.YAML, "t.yaml"))
                .hasMessage("""
                        The spec t.yaml has 3 problems:
                          t.yaml:4:15: tables[0].billing.mode: 'FREE' is not a billing mode; use PROVISIONED or PAY_PER_REQUEST
                          t.yaml:5:12: tables[0].seed.count: 'three' is not a whole number; write e.g. count: 100
                          t.yaml:5:26: tables[0].seed.onExisting: 'replace' is not a policy for existing data; use append (add \
                        items on every run), skip (seed only an empty table) or upsert (overwrite items by key)""");
    }
}
