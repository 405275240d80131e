package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dynaseed.spec.SpecReader.SpecFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gaps a hostile tester found in spec validation: each is refused by the reader (so before any request) with one
 * message naming the path, the value and the fix.
 */
class ValidationGapsTest {
    @TempDir
    Path dir;

    private static List<String> problems(String yaml) {
        return problems(yaml, SpecFormat.YAML);
    }

    private static List<String> problems(String text, SpecFormat format) {
        try {
            SpecReader.read(text, format, "gaps");
            return List.of();
        } catch (InvalidSpecException e) {
            return e.problems().stream()
                    .map(problem -> new Problem(problem.path(), problem.message()).toString())
                    .toList();
        }
    }

    private static List<String> attributes(String attributes) {
        return problems("tables:\n  - name: gaps\n    partitionKey: {name: id, type: S}\n    seed:\n      count: 3\n"
                + "      attributes: {id: uuid4, " + attributes + "}\n");
    }

    // 1. Numbers DynamoDB cannot store.

    @Test
    void constantBeyondDynamoDbsRange_isRefused_notEveryItemFailingAfterCreateTable() {
        assertThat(attributes("c: {generator: constant, value: 1e200}"))
                .containsExactly("tables[0].seed.attributes.c.value: 1E+200 is out of range; DynamoDB numbers lie"
                        + " between -1E+126 and 1E+126; use a number DynamoDB can store, or quote it to store a"
                        + " string, e.g. value: '1E+200'");
        assertThat(attributes("c: {generator: constant, value: 1e99999999}"))
                .containsExactly("tables[0].seed.attributes.c.value: 1E+99999999 is out of range; DynamoDB numbers"
                        + " lie between -1E+126 and 1E+126; use a number DynamoDB can store, or quote it to store a"
                        + " string, e.g. value: '1E+99999999'");
        assertThat(attributes("c: {generator: constant, value: 1e-200}"))
                .containsExactly("tables[0].seed.attributes.c.value: 1E-200 is too close to 0; DynamoDB stores"
                        + " nonzero numbers from 1E-130 up; use a number DynamoDB can store, or quote it to store a"
                        + " string, e.g. value: '1E-200'");
    }

    @Test
    void constantOfMoreThan38SignificantDigits_isRefused() {
        String digits43 = "1234567890123456789012345678901234567890123";
        assertThat(attributes("c: {generator: constant, value: " + digits43 + "}"))
                .containsExactly("tables[0].seed.attributes.c.value: " + digits43 + " has 43 significant digits;"
                        + " DynamoDB numbers hold at most 38; use a number DynamoDB can store, or quote it to store"
                        + " a string, e.g. value: '" + digits43 + "'");
        // Leading and trailing zeros do not count, as in DynamoDB.
        assertThat(attributes("c: {generator: constant, value: 12345678901234567890123456789012345678e50}"))
                .isEmpty();
        assertThat(attributes("c: {generator: constant, value: 0.0000012345678901234567890123456789012345678}"))
                .isEmpty();
    }

    @Test
    void oneOfValueDynamoDbCannotStore_isRefusedByIndex() {
        assertThat(attributes("c: {generator: oneOf, values: [1, 1e130]}"))
                .containsExactly("tables[0].seed.attributes.c.values[1]: 1E+130 is out of range; DynamoDB numbers"
                        + " lie between -1E+126 and 1E+126; use a number DynamoDB can store, or quote it to store a"
                        + " string, e.g. '1E+130'");
    }

    @Test
    void decimalRangeWhoseValuesHaveMoreThan38Digits_isRefusedWithTheScaleThatFits() {
        assertThat(attributes("p: {generator: decimalRange, min: 0, max: 1e20, scale: 20}"))
                .containsExactly("tables[0].seed.attributes.p: from 0 to 100000000000000000000 with scale 20 makes"
                        + " numbers of 41 significant digits; DynamoDB numbers hold at most 38: use scale: 17 or"
                        + " lower for this range");
        assertThat(attributes("p: {generator: decimalRange, min: 0, max: 1e50, scale: 0}"))
                .containsExactly("tables[0].seed.attributes.p: from 0 to"
                        + " 100000000000000000000000000000000000000000000000000 with scale 0 makes numbers of 51"
                        + " significant digits; DynamoDB numbers hold at most 38: narrow the range to at most 38"
                        + " digits before the point, e.g. max: 1000000");
    }

    // 2. Messages.

    @Test
    void intRangeBoundWrittenAsIntegralDecimal_isAccepted() {
        assertThat(attributes("n: {generator: intRange, min: 1e2, max: 200.0}")).isEmpty();
        assertThat(attributes("n: {generator: intRange, min: 1.5, max: 200}"))
                .containsExactly("tables[0].seed.attributes.n.min: 1.5 is not a whole number; write e.g. min: 1");
        assertThat(attributes("n: {generator: intRange, min: 1e99999999, max: 200}"))
                .containsExactly("tables[0].seed.attributes.n.min: 1E+99999999 is out of range; use"
                        + " -9223372036854775808 to 9223372036854775807");
    }

    @Test
    void weights_areShownAsWritten_andHugeOnesAreOutOfRange() {
        assertThat(attributes("c: {generator: oneOf, values: [a, b], weights: [0, 1e400]}"))
                .containsExactly(
                        "tables[0].seed.attributes.c.weights[1]: 1E+400 is out of range; use a number from 1E-300 to"
                                + " 1E+300, e.g. weights: [70, 20, 10]");
        assertThat(attributes("c: {generator: oneOf, values: [a, b], weights: [0, -2.5]}"))
                .containsExactly(
                        "tables[0].seed.attributes.c.weights[0]: 0 is not a positive weight; use a number above 0,"
                                + " e.g. 10",
                        "tables[0].seed.attributes.c.weights[1]: -2.5 is not a positive weight; use a number above"
                                + " 0, e.g. 10");
    }

    @Test
    void emptyTagKey_saysItIsEmpty() {
        assertThat(problems("tables:\n  - name: gaps\n    partitionKey: {name: id, type: S}\n    tags: {'': x}\n"))
                .containsExactly("tables[0].tags.: is empty; name the tag, e.g. team: payments");
    }

    @Test
    void decimalRangeWithTooManyValues_saysSoPlainly_withTheLargestScaleThatFits() {
        assertThat(attributes("p: {generator: decimalRange, min: 0, max: 9, scale: 18}"))
                .containsExactly("tables[0].seed.attributes.p: from 0 to 9 with scale 18 has too many distinct"
                        + " values to draw from (at most 9,223,372,036,854,775,807); use scale: 17 or lower for this"
                        + " range");
    }

    @Test
    void commentInJsonSpec_saysJsonHasNoComments() {
        assertThat(problems("{\"tables\": [] // no tables yet\n}", SpecFormat.JSON))
                .containsExactly("is not valid JSON: JSON has no comments; remove it, or write the spec as YAML");
        assertThat(problems("{\"tables\": [] # no tables yet\n}", SpecFormat.JSON))
                .containsExactly("is not valid JSON: JSON has no comments; remove it, or write the spec as YAML");
    }

    // 3. Structural faults do not hide a table's other problems.

    @Test
    void tableWithAStructuralFault_stillHasItsNameCapacityTagsAndGeneratorsJudged() {
        assertThat(problems("""
                tables:
                  - name: orders
                    partitionKey: {name: id, type: S}
                  - name: orders
                    partitionKey: {name: id, type: S}
                    unknownField: 1
                  - name: x
                    partitionKey: {name: id, typ: S}
                    billing: {mode: PROVISIONED, readCapacity: 0, writeCapacity: 5}
                    tags: {'aws:team': payments}
                    seed:
                      count: 3
                      attributes: {n: {generator: intRange, min: 9, max: 1}, bad: {generator: nope}}
                """))
                .containsExactly(
                        "tables[1].unknownField: unknown field; fields allowed here: name, partitionKey, sortKey,"
                                + " billing, tags, globalSecondaryIndexes, localSecondaryIndexes, timeToLive, stream, pointInTimeRecovery,"
                                + " encryption, tableClass, deletionProtection, warmThroughput, resourcePolicy, contributorInsights, seed",
                        "tables[1].name: 'orders' is already used by tables[0]; table names must be unique, rename one"
                                + " of them",
                        "tables[2].partitionKey.typ: unknown field; did you mean 'type'? fields allowed here: name,"
                                + " type",
                        "tables[2].partitionKey.type: missing; add e.g. type: S",
                        "tables[2].seed.attributes.bad.generator: 'nope' is not a generator; use one of "
                                + String.join(", ", dev.dynaseed.generate.GeneratorKinds.names()),
                        "tables[2].name: 'x' is not a valid DynamoDB table name; use 3 to 255 characters of a-z,"
                                + " A-Z, 0-9, '_', '-' and '.', e.g. web_user_logs",
                        "tables[2].billing.readCapacity: "
                                + dev.dynaseed.spec.internal.SpecLimits.capacityOutOfRange("0", "read"),
                        "tables[2].tags.aws:team: tag keys starting with 'aws:' are reserved by AWS; use another"
                                + " prefix",
                        "tables[2].seed.attributes.n: min 9 is greater than max 1; swap them");
    }

    // 4. Files that are not regular files.

    @Test
    // In a thread of its own: opening a pipe without a writer blocks beyond the reach of an interrupt.
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void namedPipe_isRefused_notReadForever() throws Exception {
        Path fifo = dir.resolve("spec.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeThat(e).as("mkfifo is not available").isNull();
            return;
        }
        assumeThat(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0)
                .isTrue();

        assertThatThrownBy(() -> SpecReader.read(fifo))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("The spec " + fifo + " has 1 problem:\n  is not a regular file; give the path of a spec"
                        + " file, e.g. dynaseed.yaml");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void directoryAndDevice_areRefused() {
        assertThatThrownBy(() -> SpecReader.read(dir))
                .hasMessage("The spec " + dir + " has 1 problem:\n  is not a regular file; give the path of a spec"
                        + " file, e.g. dynaseed.yaml");
        Path zero = Path.of("/dev/zero");
        assumeThat(Files.exists(zero)).isTrue();
        assertThatThrownBy(() -> SpecReader.read(zero))
                .hasMessage("The spec /dev/zero has 1 problem:\n  is not a regular file; give the path of a spec"
                        + " file, e.g. dynaseed.yaml");
    }
}
