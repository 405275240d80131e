package dev.dynaseed.seed;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.generate.ItemGenerator;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.TableSpec;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Seeds one table as its spec says: applies the existing-data policy, then streams generated items to the writer. */
public final class Seeder {
    private final DynamoDbClient client;
    private final BatchWriter writer;
    private final ItemSourceFactory sources;

    /** A seeder that writes the items the table's seed block generates. */
    public Seeder(DynamoDbClient client, BatchWriter writer) {
        this(client, writer, Seeder::generated);
    }

    /** A seeder that writes the items {@code sources} makes (other sources than generators, faults in tests). */
    public Seeder(DynamoDbClient client, BatchWriter writer, ItemSourceFactory sources) {
        this.client = Objects.requireNonNull(client, "client");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /**
     * The items of a table's seed block: its sources' items (inline, files) first, then {@code seed.count}
     * generated ones, made or read as they are taken.
     */
    public static ItemSource generated(TableSpec table, long runSeed, Instant now) {
        ItemGenerator generator = ItemGenerator.forTable(table.name(), table.seed(), runSeed, now);
        if (table.seed().sources().isEmpty()) {
            return new GeneratedItemSource(generator, table.seed().count());
        }
        return new SourcedItemSource(table, generator);
    }

    /** The table's provisioned write capacity units; empty for an on-demand table. */
    private static OptionalLong writeCapacity(TableSpec table) {
        return switch (table.billing().kind()) {
            case PAY_PER_REQUEST -> OptionalLong.empty();
            case PROVISIONED -> OptionalLong.of(((BillingSpec.Provisioned) table.billing()).writeCapacity());
        };
    }

    /**
     * Seeds {@code table}; {@code runSeed} and {@code now} make values fresh when the spec sets no randomSeed.
     */
    public SeedOutcome seed(TableSpec table, long runSeed, Instant now, SeedProgress progress, RunDeadline deadline)
            throws InterruptedException {
        return seed(
                table,
                new SeedRun(runSeed, now, IndexRanges.upTo(table.seed().totalItems()), true, SeedRun.WrittenItems.NONE),
                progress,
                deadline);
    }

    /**
     * Seeds the items {@code run} names of {@code table} (all of them, or what a resumed run still has to write),
     * telling {@code run.written()} the indexes of each batch written whole.
     */
    public SeedOutcome seed(TableSpec table, SeedRun run, SeedProgress progress, RunDeadline deadline)
            throws InterruptedException {
        long count = run.items().size();
        if (count == 0) {
            return SeedOutcome.none();
        }
        if (run.checkExisting() && table.seed().onExisting() == ExistingDataPolicy.SKIP) {
            try {
                if (TableItems.any(client, table.name(), deadline)) {
                    return SeedOutcome.skippedAll(count, SkipReason.EXISTING_ITEMS);
                }
            } catch (SdkException e) {
                return SeedOutcome.failedAll(count, "Scan to check for existing items failed: " + e.getMessage());
            }
        }
        ItemSource items = RangedItemSource.of(sources.items(table, run.runSeed(), run.now()), run.items());
        List<String> keyNames = table.keyNames();
        IndexRanges indexes = run.items();
        SeedOutcome written = writer.write(
                table.name(),
                keyNames,
                items,
                progress,
                deadline,
                (first, size) -> run.written().written(indexes.atPositions(first, size)),
                writeCapacity(table));
        return FileDeletes.apply(writer, table, keyNames, written, deadline);
    }
}
