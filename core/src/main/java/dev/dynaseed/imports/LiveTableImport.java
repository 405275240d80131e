package dev.dynaseed.imports;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.plan.EngineCapabilities;
import dev.dynaseed.plan.IndexShapes;
import dev.dynaseed.plan.LiveTable;
import dev.dynaseed.plan.LiveTableReader;
import dev.dynaseed.plan.TableShape;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.LocalIndexSpec;
import dev.dynaseed.spec.PointInTimeRecoverySpec;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.spec.WarmThroughputSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/**
 * Reads existing tables into the spec model ({@code init --from-table}): everything {@code plan} reads about a table
 * (DescribeTable, TTL, backups, tags, contributor insights, resource policy), and one bounded Scan of a few items to
 * pick a generator per attribute.
 */
public final class LiveTableImport {
    private final DynamoDbClient client;
    private final LiveTableReader reader;

    public LiveTableImport(DynamoDbClient client, EngineCapabilities capabilities) {
        this.client = Objects.requireNonNull(client, "client");
        this.reader = new LiveTableReader(client, capabilities);
    }

    /**
     * One table read.
     *
     * @param table the table as a spec table, seeded with {@code count} items from the inferred generators
     * @param sampled how many items the Scan returned
     * @param skipped attributes seen that no generator makes, with their type
     */
    public record LiveImport(TableSpec table, int sampled, Map<String, String> skipped) {
        public LiveImport {
            Objects.requireNonNull(table, "table");
            skipped = Map.copyOf(skipped);
        }
    }

    /** Every table name the target lists (ListTables, all pages). */
    public List<String> tableNames(RunDeadline deadline) {
        List<String> names = new ArrayList<>();
        String start = null;
        try {
            do {
                String from = start;
                ListTablesResponse page = client.listTables(
                        r -> r.exclusiveStartTableName(from).overrideConfiguration(deadline.bound(client)));
                names.addAll(page.tableNames());
                start = page.lastEvaluatedTableName();
            } while (start != null);
        } catch (SdkException e) {
            throw TargetException.from(client, "ListTables", e);
        }
        return names;
    }

    /** Table {@code name}, with a seed of {@code count} items; empty when the target has no such table. */
    public Optional<LiveImport> read(String name, long count, int sampleSize, RunDeadline deadline) {
        Optional<software.amazon.awssdk.services.dynamodb.model.TableDescription> description =
                reader.describe(name, deadline);
        if (description.isEmpty()) {
            return Optional.empty();
        }
        LiveTable live = reader.read(description.get(), deadline);
        TableSpec table = spec(name, TableShape.of(live));
        List<Map<String, AttributeValue>> items;
        try {
            items = client.scan(r -> r.tableName(name).limit(sampleSize).overrideConfiguration(deadline.bound(client)))
                    .items();
        } catch (SdkException e) {
            throw TargetException.from(client, "Scan " + name, e);
        }
        GeneratorInference.Inferred inferred = GeneratorInference.fromSample(table, items);
        SeedSpec seed = new SeedSpec(
                count, ExistingDataPolicy.APPEND, Optional.empty(), Optional.empty(), inferred.attributes());
        return Optional.of(new LiveImport(table.toBuilder().seed(seed).build(), items.size(), inferred.skipped()));
    }

    /** A live table's shape as the spec table that asks for it; what is at DynamoDB's default is left out. */
    static TableSpec spec(String name, TableShape shape) {
        List<GlobalIndexSpec> globals = new ArrayList<>();
        for (IndexShapes.GlobalIndex index : shape.globalSecondaryIndexes().values()) {
            globals.add(new GlobalIndexSpec(
                    index.name(),
                    index.partitionKeys(),
                    index.sortKeys(),
                    index.projection(),
                    index.provisionedThroughput(),
                    index.onDemandThroughput(),
                    index.warmThroughput().filter(LiveTableImport::said),
                    false));
        }
        List<LocalIndexSpec> locals = new ArrayList<>();
        for (IndexShapes.LocalIndex index : shape.localSecondaryIndexes().values()) {
            locals.add(
                    new LocalIndexSpec(index.name(), shape.partitionKey(), index.sortKey(), index.projection(), false));
        }
        TableFeatures features = new TableFeatures(
                globals,
                locals,
                shape.timeToLive(),
                shape.stream(),
                shape.pointInTimeRecovery()
                        .map(days -> new PointInTimeRecoverySpec(
                                true,
                                days == TableShape.DEFAULT_RECOVERY_PERIOD_DAYS
                                        ? Optional.empty()
                                        : Optional.of(days))),
                Optional.of(shape.encryption()).filter(sse -> sse.type() != EncryptionSpec.Type.AWS_OWNED),
                Optional.of(shape.tableClass()).filter(tableClass -> tableClass != TableClassSpec.STANDARD),
                Optional.of(shape.deletionProtection()).filter(on -> on),
                shape.warmThroughput().filter(LiveTableImport::said),
                shape.resourcePolicy().map(Object::toString),
                Optional.of(shape.contributorInsights()).filter(on -> on));
        var billing = shape.billing();
        if (billing instanceof dev.dynaseed.spec.BillingSpec.PayPerRequest
                && shape.onDemandThroughput().isPresent()) {
            billing = new dev.dynaseed.spec.BillingSpec.PayPerRequest(shape.onDemandThroughput());
        }
        return TableSpec.builder(name, shape.partitionKey())
                .sortKey(shape.sortKey())
                .billing(billing)
                .tags(shape.tags().orElse(Map.of()))
                .features(features)
                .build();
    }

    private static boolean said(WarmThroughputSpec warm) {
        return warm.readUnitsPerSecond().isPresent()
                || warm.writeUnitsPerSecond().isPresent();
    }
}
