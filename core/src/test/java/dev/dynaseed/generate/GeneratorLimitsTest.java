package dev.dynaseed.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.SpecReader.SpecFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Defect 3: every numeric range a generator takes is checked before any request, so none crashes at run time. */
class GeneratorLimitsTest {

    private static List<String> problems(String seed) {
        String yaml = "tables:\n  - name: limits\n    partitionKey: {name: id, type: S}\n    seed:\n" + seed;
        try {
            SpecReader.read(yaml, SpecFormat.YAML, "limits.yaml");
            return List.of();
        } catch (InvalidSpecException e) {
            return e.problems().stream()
                    .map(problem -> new Problem(problem.path(), problem.message()).toString())
                    .toList();
        }
    }

    @Test
    void withinSecondsBeyondLong_isAProblem_notAnArithmeticExceptionAfterCreateTable() {
        assertThat(problems("""
                      count: 3
                      attributes: {id: uuid4, at: {generator: epochSeconds, withinSeconds: 9223372036854775807}}
                """))
                .containsExactly("tables[0].seed.attributes.at.withinSeconds: 9223372036854775807 reaches back beyond"
                        + " year 0 from the current time; use at most 62167219200, e.g. withinSeconds: 31536000 (a"
                        + " year)");
    }

    @Test
    void withinSeconds_isBoundedByTheFixedBaseTime() {
        assertThat(problems("""
                      count: 3
                      randomSeed: 1
                      baseTime: 1970-01-02T00:00:00Z
                      attributes: {id: uuid4, at: {generator: isoTimestamp, withinSeconds: 62167305601}}
                """))
                .containsExactly("tables[0].seed.attributes.at.withinSeconds: 62167305601 reaches back beyond year 0"
                        + " from the base time 1970-01-02T00:00:00Z; use at most 62167305600, e.g. withinSeconds:"
                        + " 31536000 (a year)");
        assertThat(problems("""
                      count: 3
                      randomSeed: 1
                      baseTime: 1970-01-02T00:00:00Z
                      attributes: {id: uuid4, at: {generator: isoTimestamp, withinSeconds: 62167305600}}
                """)).isEmpty();
    }

    @Test
    void decimalRangeWithTooManyValues_isAProblem_notAnIllegalArgumentExceptionAfterCreateTable() {
        assertThat(problems("""
                      count: 3
                      attributes: {id: uuid4, price: {generator: decimalRange, min: 0, max: 1e20, scale: 2}}
                """))
                .containsExactly("tables[0].seed.attributes.price: from 0 to 100000000000000000000 with scale 2 has"
                        + " too many distinct values to draw from (at most 9,223,372,036,854,775,807); narrow the"
                        + " range, e.g. max: 1000000");
    }

    @Test
    void decimalRangeBeyondDynamoDbsNumbers_isAProblem() {
        assertThat(problems("""
                      count: 3
                      attributes: {id: uuid4, price: {generator: decimalRange, min: 1e200, max: 1e300}}
                """))
                .containsExactly(
                        "tables[0].seed.attributes.price.min: 1E+200 is out of range; DynamoDB numbers lie between"
                                + " -1E+126 and 1E+126, e.g. min: 0.5",
                        "tables[0].seed.attributes.price.max: 1E+300 is out of range; DynamoDB numbers lie between"
                                + " -1E+126 and 1E+126, e.g. max: 99.5");
    }

    @Test
    void sequenceThatWouldPassTheLongRange_isAProblem_usingTheTablesCount() {
        String overflowing = """
                      count: %d
                      attributes: {id: {generator: sequence, start: 9223372036854775800, step: 4, prefix: o-}}
                """;

        assertThat(problems(overflowing.formatted(2))).isEmpty();
        assertThat(problems(overflowing.formatted(3)))
                .containsExactly("tables[0].seed.attributes.id: the last of 3 items would be 9223372036854775800 + 2"
                        + " × 4 = 9223372036854775808, beyond the 64-bit range (±9223372036854775807); lower the start"
                        + " or the step, e.g. start: 1, step: 1");
    }

    @Test
    void baseTimeBeyondYear9999_isAProblem() {
        assertThat(problems("""
                      count: 3
                      randomSeed: 1
                      baseTime: "+10000-01-01T00:00:00Z"
                      attributes: {id: uuid4, at: isoTimestamp}
                """))
                .containsExactly("tables[0].seed.baseTime: +10000-01-01T00:00:00Z is out of range; use an instant from"
                        + " year 0 to 9999, e.g. baseTime: 2025-01-01T00:00:00Z");
    }

    @Test
    void bytesLength_andScale_keepTheirRanges() {
        assertThat(problems("""
                      count: 3
                      attributes: {id: uuid4, b: {generator: bytes, length: 1025}, d: {generator: decimalRange, min: 0, max: 1, scale: 21}}
                """))
                .containsExactly(
                        "tables[0].seed.attributes.b.length: 1025 is out of range; use 1 to 1024 bytes, e.g. length:"
                                + " 16",
                        "tables[0].seed.attributes.d.scale: 21 is out of range; use 0 to 20 digits after the point,"
                                + " e.g. scale: 2");
    }

    @Test
    void aGeneratorFailingAtRunTime_namesTheAttributeAndTheItem() {
        // A spec built in code skips validation; min > max makes the random source refuse at the first item.
        SeedSpec seed = new SeedSpec(
                3,
                ExistingDataPolicy.APPEND,
                Optional.of(1L),
                Optional.empty(),
                Map.of("n", new GeneratorSpec.IntRange(9, 1)));
        ItemGenerator generator = ItemGenerator.forTable("t", seed, 0L, Instant.EPOCH);

        assertThatThrownBy(() -> generator.item(2))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("generator 'intRange' of attribute 'n' failed at item 2: ")
                .hasMessageContaining("(IllegalArgumentException)");
    }

    @Test
    void aGeneratorThatCannotStart_namesTheAttribute() {
        SeedSpec seed = new SeedSpec(
                3,
                ExistingDataPolicy.APPEND,
                Optional.of(1L),
                Optional.empty(),
                Map.of("at", new GeneratorSpec.EpochSeconds(Long.MAX_VALUE)));

        assertThatThrownBy(() -> ItemGenerator.forTable("t", seed, 0L, Instant.EPOCH))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("generator 'epochSeconds' of attribute 'at' cannot start: long overflow"
                        + " (ArithmeticException)");
    }
}
