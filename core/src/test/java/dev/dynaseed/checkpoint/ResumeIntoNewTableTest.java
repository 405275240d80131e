package dev.dynaseed.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.report.Report;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.TableItems;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.testing.Dynalite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A checkpoint lists items of a table as it was; when this run created the table (it was deleted, or replaced), those
 * items are not in it, so {@code --resume} writes them all again instead of reporting them kept.
 */
class ResumeIntoNewTableTest {
    @TempDir
    Path dir;

    private final DynamoDbClient client = Dynalite.client();

    @Test
    void resume_writesEveryItemAgain_whenThisRunCreatedTheTable() throws InterruptedException {
        String table = Dynalite.uniqueTableName("resume_new");
        Spec spec = SpecReader.read(
                "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                        + "    seed: {count: 40, attributes: {id: uuid4}}\n",
                SpecReader.SpecFormat.YAML,
                "test");
        CheckpointFile file = new CheckpointFile(dir.resolve("checkpoint.json"));
        new Pipeline(client, "test", ApplyOptions.defaults())
                .withCheckpoints(Checkpoints.open(file, false))
                .apply(spec, SeedProgress.NONE);
        client.deleteTable(r -> r.tableName(table));
        for (int i = 0;
                i < 500
                        && !client.listTablesPaginator().tableNames().stream().toList().stream()
                                .noneMatch(table::equals);
                i++) {
            Thread.sleep(20);
        }

        Checkpoints resumed = Checkpoints.open(file, true);
        Report report = new Pipeline(client, "test", ApplyOptions.defaults())
                .withCheckpoints(resumed)
                .apply(spec, SeedProgress.NONE);

        assertThat(report.tables().get(0).outcome().kind().label()).isEqualTo("Created");
        assertThat(report.tables().get(0).seed().written()).isEqualTo(40);
        assertThat(TableItems.count(client, table)).isEqualTo(40);
        assertThat(resumed.notes()).anySatisfy(note -> assertThat(note).contains("the table was created by this run"));
    }

    @Test
    void resume_isRefused_whenTheSpecChangedSinceAFinishedSeed_suchAsOneCappedByMaxItems() {
        String table = Dynalite.uniqueTableName("resume_cap");
        String yaml = "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                + "    seed: {count: %d, attributes: {id: uuid4}}\n";
        CheckpointFile file = new CheckpointFile(dir.resolve("checkpoint.json"));
        new Pipeline(client, "test", ApplyOptions.defaults())
                .withCheckpoints(Checkpoints.open(file, false))
                .apply(SpecReader.read(yaml.formatted(10), SpecReader.SpecFormat.YAML, "test"), SeedProgress.NONE);

        Spec full = SpecReader.read(yaml.formatted(30), SpecReader.SpecFormat.YAML, "test");

        assertThatThrownBy(() -> Checkpoints.open(file, true).requireResumable(full))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("--resume: the spec changed since the checkpoint")
                .hasMessageContaining("table '" + table + "' (seed.count)");
    }
}
