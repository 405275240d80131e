package dev.dynaseed.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.testing.Dynalite;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** References into a table this run did not write are said to point at items that table may not have. */
class DanglingReferencesTest {
    private final DynamoDbClient client = Dynalite.client();

    private Report apply(String source, String target, String sourceSeed) {
        Spec spec = SpecReader.read(
                """
                tables:
                  - name: %s
                    partitionKey: {name: id, type: S}
                    seed: {count: 5, onExisting: skip, %s attributes: {id: uuid4}}
                  - name: %s
                    partitionKey: {name: n, type: N}
                    seed: {count: 10, attributes: {n: {generator: sequence}, rid: {generator: ref, to: %s.id}}}
                """.formatted(source, sourceSeed, target, source), SpecReader.SpecFormat.YAML, "refs.yaml");
        return new Pipeline(client, "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);
    }

    @Test
    void referencesIntoATableSkippedThisRun_withoutARandomSeed_areWarnedAbout() {
        String source = Dynalite.uniqueTableName("dsrc");
        String target = Dynalite.uniqueTableName("ddst");
        assertThat(DanglingReferences.of(apply(source, target, ""))).isEmpty();

        Report second = apply(source, target, "");

        assertThat(DanglingReferences.of(second))
                .containsExactly(target + ": its references to " + source + " name the items this run made for "
                        + source + ", but onExisting: skip wrote none of them (the table already held items), and"
                        + " without a randomSeed its keys differ from run to run: they point at items " + source
                        + " does not have; give " + source + " a randomSeed so that its keys are the same in every"
                        + " run");
    }

    @Test
    void referencesIntoATableSkippedThisRun_withARandomSeed_nameItsItems_andAreNotWarnedAbout() {
        String source = Dynalite.uniqueTableName("rsrc");
        String target = Dynalite.uniqueTableName("rdst");
        apply(source, target, "randomSeed: 9,");

        assertThat(DanglingReferences.of(apply(source, target, "randomSeed: 9,")))
                .isEmpty();
    }
}
