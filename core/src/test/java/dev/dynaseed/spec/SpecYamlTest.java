package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.spec.SpecReader.SpecFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML read as written: aliases resolve or are refused, one document per file, and no number wraps. */
class SpecYamlTest {

    private static String problems(String yaml) {
        try {
            SpecReader.read(yaml, SpecFormat.YAML, "s.yaml");
        } catch (InvalidSpecException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected problems in:\n" + yaml);
    }

    @Test
    void alias_resolvesToTheAnchoredValue_andMergeKeysMerge() {
        String yaml = """
                tables:
                  - name: orders
                    partitionKey: &key {name: id, type: S}
                    seed: &seed
                      count: 5
                      attributes: {id: uuid4, at: epochSeconds}
                  - name: refunds
                    partitionKey: {name: &at at, type: N}
                  - name: payments
                    partitionKey: *key
                    sortKey: {name: *at, type: N}
                    seed:
                      <<: *seed
                      count: 7
                """;

        Spec spec = SpecReader.read(yaml, SpecFormat.YAML, "s.yaml");

        assertThat(spec.tables().get(1).partitionKey()).isEqualTo(new KeySpec("at", KeyType.N));
        TableSpec payments = spec.tables().get(2);
        assertThat(payments.sortKey()).contains(new KeySpec("at", KeyType.N));
        assertThat(payments.partitionKey()).isEqualTo(new KeySpec("id", KeyType.S));
        assertThat(payments.seed().count()).isEqualTo(7);
        assertThat(payments.seed().attributes())
                .isEqualTo(spec.tables().get(0).seed().attributes())
                .containsOnlyKeys("id", "at");
    }

    @Test
    void aliasToNoAnchor_isRefusedWithLineAndColumn() {
        String yaml = """
                tables:
                  - name: orders
                    partitionKey: *key
                """;

        assertThat(problems(yaml))
                .isEqualTo("The spec s.yaml has 1 problem:\n  s.yaml:3:19: tables[0].partitionKey: the alias *key"
                        + " refers to no anchor defined before it; mark the value's first use with &key, e.g."
                        + " partitionKey: &key {name: id, type: S}");
    }

    @Test
    void aliasBomb_isRefusedOnceItExpandsBeyondTheLimit() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1))));
            yaml.append("]\n");
        }

        assertThat(problems(yaml.toString()))
                .isEqualTo("The spec s.yaml has 1 problem:\n  s.yaml:6:45: a5[7]: the spec expands to more than"
                        + " 1,000,000 values through its aliases; use fewer aliases, or aliases of smaller values");
    }

    @Test
    void secondDocument_isAnError() {
        String yaml = """
                tables: [{name: orders, partitionKey: {name: id, type: S}}]
                ---
                tables: [{name: payments, partitionKey: {name: id, type: S}}]
                """;

        assertThat(problems(yaml))
                .isEqualTo("The spec s.yaml has 1 problem:\n  s.yaml:3:1: holds a second YAML document; a spec file"
                        + " holds one: remove the '---' line and what follows, or move it to a file of its own");
    }

    @Test
    void leadingDocumentMarker_isOneDocument() {
        String yaml = "---\ntables: [{name: orders, partitionKey: {name: id, type: S}}]\n...\n";

        assertThat(SpecReader.read(yaml, SpecFormat.YAML, "s.yaml").tableNames())
                .containsExactly("orders");
    }

    @Test
    void secondJsonValue_isAnError() {
        assertThatThrownBy(() -> SpecReader.read("{\"tables\": []}\n{}", SpecFormat.JSON, "s.json"))
                .hasMessage("The spec s.json has 1 problem:\n  s.json:2:1: holds a second JSON value after the first;"
                        + " a spec is one JSON object: remove what follows it");
    }

    @Test
    void duplicateKey_namesBothLines() {
        String yaml = """
                tables:
                  - name: orders
                    partitionKey: {name: id, type: S}
                    name: payments
                """;

        assertThat(problems(yaml))
                .isEqualTo("The spec s.yaml has 1 problem:\n  s.yaml:4:5: tables[0].name: is set twice in the same"
                        + " object (first at line 2); keep one of them");
    }

    @Test
    void versionThatWouldWrapToOne_isRefused() {
        String yaml = """
                version: 4294967297
                tables: [{name: orders, partitionKey: {name: id, type: S}}]
                """;

        assertThat(problems(yaml))
                .isEqualTo("The spec s.yaml has 1 problem:\n  s.yaml:1:1: version: 4294967297 is not a spec version"
                        + " this dynaseed reads; use version: 1");
    }

    @Test
    void numbersBeyondTheirRange_areProblemsNamingFieldValueAndRange() {
        String yaml = """
                tables:
                  - name: orders
                    partitionKey: {name: id, type: S}
                    billing: {mode: PROVISIONED, readCapacity: 99999999999999999999, writeCapacity: 5}
                    seed:
                      count: 99999999999999999999
                      randomSeed: -99999999999999999999
                      attributes:
                        id: uuid4
                        price: {generator: decimalRange, min: 1e400, max: 2}
                """;

        assertThat(problems(yaml)).isEqualTo("""
                        The spec s.yaml has 4 problems:
                          s.yaml:4:34: tables[0].billing.readCapacity: 99999999999999999999 is out of range; use 1 \
                        to 40000 read capacity units (DynamoDB's default quota per table), e.g. readCapacity: 5, or \
                        mode: PAY_PER_REQUEST
                          s.yaml:6:7: tables[0].seed.count: 99999999999999999999 is out of range; use 0 to 100000000
                          s.yaml:7:7: tables[0].seed.randomSeed: -99999999999999999999 is out of range; use \
                        -9223372036854775808 to 9223372036854775807
                          s.yaml:10:42: tables[0].seed.attributes.price.min: 1E+400 is out of range; DynamoDB \
                        numbers lie between -1E+126 and 1E+126, e.g. min: 0.5""");
    }

    @Test
    void numberLongerThan100Characters_isRefusedWhileReading() {
        String yaml =
                "tables: [{name: orders, partitionKey: {name: id, type: S}, seed: {count: " + "9".repeat(101) + "}}]\n";

        assertThat(problems(yaml))
                .isEqualTo("The spec s.yaml has 1 problem:\n  s.yaml:1:175: has a number of more than 100 characters;"
                        + " DynamoDB numbers hold at most 38 digits");
    }

    @Test
    void nestingDeeperThan32Levels_isRefused() {
        String yaml = "tables: " + "[".repeat(40) + "]".repeat(40) + "\n";

        assertThat(problems(yaml))
                .isEqualTo("The spec s.yaml has 1 problem:\n  s.yaml:1:40: tables[0][0][0][0][0][0][0][0][0][0][0]"
                        + "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nests objects and lists"
                        + " more than 32 levels deep; a spec needs far fewer: check the brackets and indentation");
    }

    @Test
    void emptyTableList_isAProblemWithAFix() {
        assertThat(problems("tables: []\n"))
                .isEqualTo("The spec s.yaml has 1 problem:\n  s.yaml:1:1: tables: is empty; list at least one table,"
                        + " e.g. tables: [{name: orders, partitionKey: {name: id, type: S}}]");
    }

    @Test
    void moreTablesThanDynamoDbsDefaultQuota_isAProblem() {
        StringBuilder yaml = new StringBuilder("tables:\n");
        for (int i = 0; i < 2_501; i++) {
            yaml.append("  - {name: table_").append(i).append(", partitionKey: {name: id, type: S}}\n");
        }

        assertThat(problems(yaml.toString()))
                .isEqualTo("The spec s.yaml has 1 problem:\n  s.yaml:1:1: tables: lists 2,501 tables; a spec may list"
                        + " at most 2,500 (DynamoDB's default quota of tables per account and Region): split them"
                        + " over several specs");
    }

    @Test
    void capacityAboveDynamoDbsQuota_isAProblemNamingTheQuota() {
        String yaml = """
                tables:
                  - name: orders
                    partitionKey: {name: id, type: S}
                    billing: {mode: PROVISIONED, readCapacity: 5, writeCapacity: 40001}
                """;

        assertThat(problems(yaml))
                .isEqualTo("The spec s.yaml has 1 problem:\n  s.yaml:4:51: tables[0].billing.writeCapacity: 40001 is"
                        + " out of range; use 1 to 40000 write capacity units (DynamoDB's default quota per table),"
                        + " e.g. writeCapacity: 5, or mode: PAY_PER_REQUEST");
    }

    @Test
    void capacityAtDynamoDbsQuota_isAccepted() {
        String yaml = """
                tables:
                  - name: orders
                    partitionKey: {name: id, type: S}
                    billing: {mode: PROVISIONED, readCapacity: 40000, writeCapacity: 1}
                """;

        assertThat(SpecReader.read(yaml, SpecFormat.YAML, "s.yaml")
                        .tables()
                        .get(0)
                        .billing())
                .isEqualTo(new BillingSpec.Provisioned(40_000, 1));
    }

    @Test
    void programmaticSpec_isCheckedAgainstTheSameTableLimits() {
        TableSpec table = new TableSpec(
                "orders",
                new KeySpec("id", KeyType.S),
                java.util.Optional.empty(),
                new BillingSpec.Provisioned(50_000, 5),
                java.util.Map.of(),
                SeedSpec.none());

        assertThat(SpecValidator.validate(new Spec(List.of(table))).stream()
                        .map(Problem::toString)
                        .toList())
                .containsExactly("tables[0].billing.readCapacity: 50000 is out of range; use 1 to 40000 read"
                        + " capacity units (DynamoDB's default quota per table), e.g. readCapacity: 5, or mode:"
                        + " PAY_PER_REQUEST");
    }
}
