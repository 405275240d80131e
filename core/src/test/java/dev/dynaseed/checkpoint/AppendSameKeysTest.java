package dev.dynaseed.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.TableItems;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.testing.Dynalite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code onExisting: append} (the default) adds {@code count} items on every run, unless the keys repeat from run to
 * run: then the second run overwrites the first run's items, and says so instead of reporting them as added.
 */
class AppendSameKeysTest {
    @TempDir
    Path dir;

    private final DynamoDbClient client = Dynalite.client();

    /** Applies a one-table spec as one CLI run does; the run's checkpoint warnings. */
    private List<String> apply(String table, String seed) {
        Checkpoints checkpoints = Checkpoints.open(new CheckpointFile(dir.resolve("checkpoint.json")), false);
        new Pipeline(client, "test", ApplyOptions.defaults())
                .withCheckpoints(checkpoints)
                .apply(
                        SpecReader.read(
                                "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                                        + "    seed: {count: 10, " + seed + "}\n",
                                SpecReader.SpecFormat.YAML,
                                "test"),
                        SeedProgress.NONE);
        return checkpoints.warnings();
    }

    @Test
    void secondAppend_withARandomSeed_overwritesTheSameItems_andWarnsThatItAddedNone() {
        String table = Dynalite.uniqueTableName("append_same");
        assertThat(apply(table, "randomSeed: 42, attributes: {id: uuid4}")).isEmpty();

        List<String> second = apply(table, "randomSeed: 42, attributes: {id: uuid4}");

        assertThat(TableItems.count(client, table)).isEqualTo(10);
        assertThat(second)
                .containsExactly(table + ": onExisting: append wrote the keys the last seed of this table wrote"
                        + " (randomSeed 42 makes the same items on every run), so it overwrote those items instead of"
                        + " adding 10 more; say so with onExisting: upsert, or make keys that differ per run to add"
                        + " items");
    }

    @Test
    void secondAppend_withSequenceKeys_warns_andWithKeysNewOnEveryRun_addsWithoutAWarning() {
        String sequence = Dynalite.uniqueTableName("append_seq");
        apply(sequence, "attributes: {id: {generator: sequence, prefix: u}}");
        assertThat(apply(sequence, "attributes: {id: {generator: sequence, prefix: u}}"))
                .singleElement()
                .asString()
                .contains("(its key generators make the same keys on every run)");

        String fresh = Dynalite.uniqueTableName("append_new");
        apply(fresh, "attributes: {id: uuid4}");
        List<String> second = apply(fresh, "attributes: {id: uuid4}");

        assertThat(second).isEmpty();
        assertThat(TableItems.count(client, fresh)).isEqualTo(20);
    }
}
