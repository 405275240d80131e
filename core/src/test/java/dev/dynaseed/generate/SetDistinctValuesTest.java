package dev.dynaseed.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.SpecReader.SpecFormat;
import dev.dynaseed.spec.TableSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Files defect 6: a set whose {@code of} cannot make {@code minSize} distinct values is a spec problem naming the
 * attribute, the number it can make and the fix, before any call; sets it can fill are filled to their size.
 */
class SetDistinctValuesTest {

    private static List<String> problems(String attributes) {
        try {
            SpecReader.read(yaml(attributes), SpecFormat.YAML, "sets.yaml");
            return List.of();
        } catch (InvalidSpecException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
    }

    private static String yaml(String attributes) {
        return """
                tables:
                  - name: sets
                    partitionKey: {name: id, type: S}
                    seed:
                      count: 5
                      randomSeed: 3
                      attributes:
                        id: uuid4
                %s""".formatted(attributes.indent(8));
    }

    @Test
    void set_isASpecProblem_whenOneOfHasFewerDistinctValuesThanMinSize() {
        assertThat(problems("tags: {generator: set, of: {generator: oneOf, values: [a, b]}, minSize: 5, maxSize: 5}"))
                .singleElement()
                .asString()
                .contains("seed.attributes.tags.minSize")
                .contains("5 is more than the 2 distinct values `of` can make (oneOf lists 2 distinct values)")
                .contains("use minSize: 2 or less, or an `of` with more values");
    }

    @Test
    void set_isASpecProblem_whenConstantOrIntRangeCannotFillMinSize() {
        assertThat(problems("c: {generator: set, of: {generator: constant, value: x}, minSize: 2, maxSize: 2}"))
                .singleElement()
                .asString()
                .contains("seed.attributes.c.minSize")
                .contains("2 is more than the 1 distinct value `of` can make (constant always makes the same value)");
        assertThat(problems("r: {generator: set, of: {generator: intRange, min: 1, max: 3}, minSize: 5, maxSize: 5}"))
                .singleElement()
                .asString()
                .contains("seed.attributes.r.minSize")
                .contains("5 is more than the 3 distinct values `of` can make (intRange 1..3)");
        assertThat(problems("q: {generator: set, of: sequence, minSize: 2}"))
                .singleElement()
                .asString()
                .contains("(sequence makes one per item)");
    }

    @Test
    void set_isAccepted_whenDistinctValuesCannotBeKnownOrSuffice() {
        assertThat(problems("""
                u: {generator: set, of: uuid4, minSize: 5, maxSize: 5}
                f: {generator: set, of: {generator: fake, expression: '#{Name.firstName}'}, minSize: 3, maxSize: 3}
                r: {generator: set, of: {generator: intRange, min: 1, max: 5}, minSize: 5, maxSize: 9}
                o: {generator: set, of: {generator: oneOf, values: [a, b]}, minSize: 1, maxSize: 5}
                """)).isEmpty();
    }

    @Test
    void set_reachesMinSize_whenOfCanJustMakeThatMany() throws InvalidSpecException {
        TableSpec table = SpecReader.read(
                        yaml("r: {generator: set, of: {generator: intRange, min: 1, max: 5}, minSize: 5, maxSize: 5}"),
                        SpecFormat.YAML,
                        "sets.yaml")
                .tables()
                .get(0);
        ItemGenerator generator =
                ItemGenerator.forTable(table.name(), table.seed(), 1, Instant.parse("2025-01-01T00:00:00Z"));
        for (long i = 0; i < 2000; i++) {
            Map<String, AttributeValue> item = generator.item(i);
            assertThat(item.get("r").ns()).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
        }
    }
}
