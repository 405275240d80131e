package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.checkpoint.CheckpointFile;
import dev.dynaseed.checkpoint.TableCheckpoint;
import dev.dynaseed.generate.ItemGenerator;
import dev.dynaseed.seed.TableItems;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * A seed killed with SIGKILL mid-way (a real dynaseed process), then run again: {@code --resume} ends with exactly the
 * requested items, no duplicates and no gaps, without rewriting what was done; skip and append say the last seed
 * stopped.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class KillResumeCliTest {
    private static final int COUNT = 20_000;

    @TempDir
    Path dir;

    private static final long BATCHES_BEFORE_KILL = 160;

    private final FreezingEndpoint proxy =
            new FreezingEndpoint(Dynalite.target().endpoint());
    private final String endpoint = proxy.url();

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    private Path spec(String table, String onExisting, int count) throws IOException {
        return spec(table, onExisting, count, "");
    }

    private Path spec(String table, String onExisting, int count, String more) throws IOException {
        Path file = dir.resolve(table + ".yaml");
        Files.writeString(
                file,
                "version: 1\ntables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                        + "    seed:\n      count: " + count + "\n      onExisting: " + onExisting + "\n" + more
                        + "      attributes:\n        id: uuid4\n        at: epochMillis\n");
        return file;
    }

    private Path checkpointFile() {
        return dir.resolve(".dynaseed")
                .resolve("checkpoints")
                .resolve(CheckpointOptions.slug("endpoint " + endpoint) + ".json");
    }

    /**
     * Starts an apply of {@code spec} in a child JVM through {@link #endpoint}, which holds every write after the
     * first {@link #BATCHES_BEFORE_KILL}; kills it (-9) once its checkpoint records those, mid-seed for sure.
     */
    private long seedAndKill(Path spec, String table) throws Exception {
        proxy.freezeAfterBatches(BATCHES_BEFORE_KILL);
        Process child = ChildCli.start(
                dir,
                dir.resolve("killed-out.txt"),
                dir.resolve("killed-err.txt"),
                "apply",
                "-f",
                spec.toString(),
                "--endpoint-url",
                endpoint,
                "--samples",
                "0",
                "--write-concurrency",
                "2");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (recorded(table) < BATCHES_BEFORE_KILL * 25) {
                assertThat(child.isAlive())
                        .as("the apply ended before it was killed: " + Files.readString(dir.resolve("killed-err.txt")))
                        .isTrue();
                assertThat(System.nanoTime()).as("waiting for the checkpoint").isLessThan(deadline);
                Thread.sleep(100);
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            proxy.thaw();
        }
        return written(table);
    }

    private long recorded(String table) {
        if (!Files.exists(checkpointFile())) {
            return 0;
        }
        TableCheckpoint entry = new CheckpointFile(checkpointFile()).read().get(table);
        return entry == null ? 0 : entry.written().size();
    }

    private static long written(String table) {
        try {
            return TableItems.count(Dynalite.client(), table);
        } catch (ResourceNotFoundException e) {
            return 0;
        }
    }

    private Cli.Result apply(Path spec, String... more) {
        return Cli.runIn(
                dir,
                Stream.concat(
                                Stream.of("apply", "-f", spec.toString(), "--endpoint-url", endpoint, "--samples", "0"),
                                Stream.of(more))
                        .toArray(String[]::new));
    }

    private static long reportedWritten(Cli.Result result) {
        Matcher line =
                Pattern.compile("OK: 1 table, (\\d+) of (\\d+) items written").matcher(result.out());
        assertThat(line.find()).as(result.out() + result.err()).isTrue();
        assertThat(line.group(1)).isEqualTo(line.group(2));
        return Long.parseLong(line.group(1));
    }

    @Test
    void resume_afterKill9_endsWithExactlyTheRequestedItems_withoutRewritingTheDoneRanges() throws Exception {
        String table = Dynalite.uniqueTableName("killed_resumed");
        Path spec = spec(table, "skip", COUNT);
        long leftByKill = seedAndKill(spec, table);
        TableCheckpoint checkpoint = new CheckpointFile(checkpointFile()).read().get(table);
        assertThat(checkpoint.complete()).isFalse();
        long recorded = checkpoint.written().size();
        assertThat(recorded)
                .as("the checkpoint records no more than the table holds")
                .isBetween(1L, leftByKill);

        Cli.Result skipped = apply(spec);
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.out())
                .contains("warning: " + table + ": the last seed of this table stopped after " + recorded + " of "
                        + COUNT + " items (checkpoint " + checkpointFile().toAbsolutePath() + "); onExisting: skip"
                        + " left it unfinished; finish it with: dynaseed apply --resume");
        assertThat(written(table)).as("skip wrote nothing").isEqualTo(leftByKill);

        Path changed = spec(table, "skip", COUNT + 1);
        Cli.Result refused = apply(changed, "--resume");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(refused.err())
                .startsWith("error: --resume: the spec changed since the checkpoint "
                        + checkpointFile().toAbsolutePath() + " was made, in table '" + table
                        + "' (seed.count), so resuming would write"
                        + " other items; restore the spec as it was, or apply without --resume");
        spec(table, "skip", COUNT);

        Cli.Result resumed = apply(spec, "--resume");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out())
                .contains("  " + table + ": resumed: " + recorded + " of " + COUNT
                        + " items were written before and are kept; " + (COUNT - recorded) + " were left to write");
        long written = reportedWritten(resumed);
        assertThat(written).as("only the missing items are written").isEqualTo(COUNT - recorded);
        assertThat(written).isEqualTo(COUNT - leftByKill).isLessThan(COUNT);
        assertThat(written(table))
                .as("exactly the requested items, no duplicates")
                .isEqualTo(COUNT);
        assertThat(ids(table))
                .as("no gaps: the very items 0..N-1 of the killed run")
                .isEqualTo(expectedIds(spec, checkpoint));
        assertThat(new CheckpointFile(checkpointFile()).read().get(table).complete())
                .isTrue();

        Cli.Result again = apply(spec, "--resume");
        assertThat(again.out()).contains(table + ": complete in the checkpoint; nothing left to write");
        assertThat(written(table)).isEqualTo(COUNT);
    }

    @Test
    void append_afterKill9_saysTheLastSeedStopped_andNamesResume() throws Exception {
        String table = Dynalite.uniqueTableName("killed_appended");
        Path spec = spec(table, "append", COUNT);
        long leftByKill = seedAndKill(spec, table);
        long recorded =
                new CheckpointFile(checkpointFile()).read().get(table).written().size();

        Cli.Result appended = apply(spec);

        assertThat(appended.exitCode()).as(appended.err()).isZero();
        assertThat(appended.out())
                .contains("warning: " + table + ": the last seed of this table stopped after " + recorded + " of "
                        + COUNT + " items (checkpoint " + checkpointFile().toAbsolutePath() + "); onExisting: append"
                        + " added this run's " + COUNT + " items next to them; to finish a stopped seed instead of"
                        + " adding another, use: dynaseed apply --resume");
        assertThat(written(table)).isEqualTo(leftByKill + COUNT);
    }

    @Test
    void upsert_afterKill9_writesEveryItemAgainByKey_andEndsWithExactlyTheRequestedItems() throws Exception {
        String table = Dynalite.uniqueTableName("killed_upserted");
        Path spec = spec(table, "upsert", COUNT, "      randomSeed: 42\n");
        seedAndKill(spec, table);

        Cli.Result upserted = apply(spec);

        assertThat(upserted.exitCode()).as(upserted.err()).isZero();
        assertThat(reportedWritten(upserted)).as("every item is written again").isEqualTo(COUNT);
        assertThat(upserted.out()).doesNotContain("warning:");
        assertThat(written(table)).as("the same keys, overwritten").isEqualTo(COUNT);
    }

    private static Set<String> ids(String table) {
        return Dynalite.client().scanPaginator(r -> r.tableName(table)).items().stream()
                .map(item -> item.get("id").s())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Set<String> expectedIds(Path spec, TableCheckpoint checkpoint) {
        TableSpec table = SpecReader.read(spec).tables().get(0);
        ItemGenerator generator =
                ItemGenerator.forTable(table.name(), table.seed(), checkpoint.runSeed(), checkpoint.baseTime());
        return LongStream.range(0, COUNT)
                .mapToObj(i -> generator.item(i).get("id").s())
                .collect(Collectors.toSet());
    }
}
