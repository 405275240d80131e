package dev.dynaseed.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The optional parts of a table beyond its keys, billing and tags: indexes, TTL, streams, backups, encryption and the
 * rest of CreateTable. An empty {@link Optional} means the spec does not say; for a new table that is DynamoDB's
 * default (no stream, PITR off, AWS owned key, STANDARD class, no deletion protection, no policy, contributor insights
 * off), and an existing table is compared against that same default.
 *
 * @param globalSecondaryIndexes the table's GSIs, at most 20, in spec order
 * @param localSecondaryIndexes the table's LSIs, at most 5, in spec order (creation only)
 * @param timeToLiveAttribute the attribute DynamoDB's TTL reads expiry times from, when TTL is on
 * @param stream the stream's view type, when the stream is on
 * @param pointInTimeRecovery continuous backups, when the spec says
 * @param encryption server-side encryption, when the spec says
 * @param tableClass the table class, when the spec says
 * @param deletionProtection whether the table is protected from DeleteTable, when the spec says
 * @param warmThroughput the table's warm throughput, when the spec says
 * @param resourcePolicy the table's resource-based policy as JSON text, when the spec has one
 * @param contributorInsights whether CloudWatch contributor insights is on, when the spec says
 */
public record TableFeatures(
        List<GlobalIndexSpec> globalSecondaryIndexes,
        List<LocalIndexSpec> localSecondaryIndexes,
        Optional<String> timeToLiveAttribute,
        Optional<StreamView> stream,
        Optional<PointInTimeRecoverySpec> pointInTimeRecovery,
        Optional<EncryptionSpec> encryption,
        Optional<TableClassSpec> tableClass,
        Optional<Boolean> deletionProtection,
        Optional<WarmThroughputSpec> warmThroughput,
        Optional<String> resourcePolicy,
        Optional<Boolean> contributorInsights) {

    public TableFeatures {
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        localSecondaryIndexes = List.copyOf(localSecondaryIndexes);
        Objects.requireNonNull(timeToLiveAttribute, "timeToLiveAttribute");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(pointInTimeRecovery, "pointInTimeRecovery");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(tableClass, "tableClass");
        Objects.requireNonNull(deletionProtection, "deletionProtection");
        Objects.requireNonNull(warmThroughput, "warmThroughput");
        Objects.requireNonNull(resourcePolicy, "resourcePolicy");
        Objects.requireNonNull(contributorInsights, "contributorInsights");
    }

    /** A table with none of the optional features, as the tutorial's tables. */
    public static TableFeatures none() {
        return ofIndexes(List.of(), List.of());
    }

    /** These features' indexes alone, everything else left to DynamoDB's default. */
    public TableFeatures indexesOnly() {
        return ofIndexes(globalSecondaryIndexes, localSecondaryIndexes);
    }

    /** A table with these indexes and no other optional feature (everything else left to DynamoDB's default). */
    public static TableFeatures ofIndexes(List<GlobalIndexSpec> global, List<LocalIndexSpec> local) {
        return new TableFeatures(
                global,
                local,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Every index, global then local, as the seeder and validator see them. */
    public List<IndexSpec> indexes() {
        return java.util.stream.Stream.concat(globalSecondaryIndexes.stream(), localSecondaryIndexes.stream())
                .map(IndexSpec.class::cast)
                .toList();
    }
}
