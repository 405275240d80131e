package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dynaseed.generate.ItemGenerator;
import dev.dynaseed.testing.Mutations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random mutations of valid specs, YAML and JSON, given to the reader: each one is a valid spec (whose first and last
 * items generate) or an {@link InvalidSpecException} with problems a user can read; never another exception, a stack
 * overflow, an out-of-memory error or a hang. 300 tries per format, each within 10 s.
 */
class SpecReaderMutationTest {
    static final int TRIES = 300;
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void mutatedYamlSpec_isValidOrInvalidSpec_neverAnotherError(@ForAll("yaml") Mutations.Mutant mutant) {
        Statistics.collect(readWithinBound(mutant.text(), SpecReader.SpecFormat.YAML) ? "valid" : "invalid");
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void mutatedJsonSpec_isValidOrInvalidSpec_neverAnotherError(@ForAll("json") Mutations.Mutant mutant) {
        Statistics.collect(readWithinBound(mutant.text(), SpecReader.SpecFormat.JSON) ? "valid" : "invalid");
    }

    @Provide
    Arbitrary<Mutations.Mutant> yaml() {
        return Mutations.mutants(List.of(
                resource("/specs/valid/every-generator.yaml"),
                resource("/specs/valid/minimal.yaml"),
                DefaultSpec.yaml()));
    }

    @Provide
    Arbitrary<Mutations.Mutant> json() {
        return Mutations.mutants(List.of(resource("/specs/valid/on-demand.json"), EVERY_GENERATOR_JSON));
    }

    /** Whether {@code text} is a valid spec; an invalid spec must say what is wrong in plain lines; a valid one must generate. */
    static boolean readWithinBound(String text, SpecReader.SpecFormat format) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                Spec spec = SpecReader.read(text, format, "mutant");
                for (TableSpec table : spec.tables()) {
                    ItemGenerator generator = ItemGenerator.forTable(table.name(), table.seed(), 42L, NOW);
                    long count = table.seed().count();
                    if (count > 0) {
                        generator.item(0);
                        generator.item(count - 1);
                    }
                }
                return true;
            } catch (InvalidSpecException e) {
                assertThat(e.problems()).isNotEmpty();
                assertThat(e.getMessage())
                        .startsWith("The spec mutant has ")
                        .doesNotContain("Exception")
                        .doesNotContain("\tat ");
                for (Problem problem : e.problems()) {
                    assertThat(problem.message()).isNotBlank().doesNotContain("\n");
                }
                return false;
            }
        });
    }

    private static String resource(String name) {
        try (InputStream in = SpecReaderMutationTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String EVERY_GENERATOR_JSON = """
            {"version": 1, "tables": [{
              "name": "every_generator",
              "partitionKey": {"name": "id", "type": "S"},
              "sortKey": {"name": "n", "type": "N"},
              "billing": {"mode": "PROVISIONED", "readCapacity": 2, "writeCapacity": 3},
              "tags": {"team": "payments"},
              "seed": {
                "count": 20, "onExisting": "upsert", "randomSeed": 7, "baseTime": "2024-05-01T00:00:00Z",
                "attributes": {
                  "id": {"generator": "sequence", "start": 100, "step": 5, "prefix": "order-"},
                  "n": {"generator": "intRange", "min": -5, "max": 5},
                  "t1": "uuid1",
                  "s": {"generator": "epochSeconds", "withinSeconds": 86400},
                  "iso": {"generator": "isoTimestamp", "withinSeconds": 3600},
                  "active": {"generator": "constant", "value": true},
                  "amount": {"generator": "decimalRange", "min": 0.5, "max": 99.5, "scale": 2},
                  "channel": {"generator": "oneOf", "values": ["web", "app"], "weights": [3, 1]},
                  "blob": {"generator": "bytes", "length": 4}
                }
              }
            }]}
            """;
}
