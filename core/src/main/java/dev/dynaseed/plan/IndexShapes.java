package dev.dynaseed.plan;

import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.OnDemandLimits;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.WarmThroughputSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The index parts of a {@link TableShape}: global and local secondary indexes, normalised for comparison. */
public final class IndexShapes {
    private IndexShapes() {}

    /**
     * A global secondary index as spec and live table both map into it.
     *
     * @param name the index name
     * @param partitionKeys the partition key attributes, in order
     * @param sortKeys the sort key attributes, in order
     * @param projection the projection; INCLUDE attributes sorted
     * @param provisionedThroughput the capacity; only when the table is PROVISIONED
     * @param onDemandThroughput the on-demand maximums; empty when unlimited
     * @param warmThroughput the warm throughput; empty when the spec does not say (then not compared)
     * @param status the index status ({@code ACTIVE} for a spec)
     */
    public record GlobalIndex(
            String name,
            List<KeySpec> partitionKeys,
            List<KeySpec> sortKeys,
            ProjectionSpec projection,
            Optional<CapacitySpec> provisionedThroughput,
            Optional<OnDemandLimits> onDemandThroughput,
            Optional<WarmThroughputSpec> warmThroughput,
            String status) {
        public GlobalIndex {
            Objects.requireNonNull(name, "name");
            partitionKeys = List.copyOf(partitionKeys);
            sortKeys = List.copyOf(sortKeys);
            projection = normalised(projection);
            Objects.requireNonNull(provisionedThroughput, "provisionedThroughput");
            onDemandThroughput = TableShape.normalised(onDemandThroughput);
            Objects.requireNonNull(warmThroughput, "warmThroughput");
            Objects.requireNonNull(status, "status");
        }

        /** Whether the keys and projection, which only deleting and creating the index again can change, are the same. */
        public boolean sameDefinition(GlobalIndex other) {
            return partitionKeys.equals(other.partitionKeys)
                    && sortKeys.equals(other.sortKeys)
                    && projection.equals(other.projection);
        }

        /** The keys and projection, e.g. {@code status (S) + at (N), ALL}. */
        public String definition() {
            return keys(partitionKeys, sortKeys) + ", " + projection;
        }

        @Override
        public String toString() {
            return definition()
                    + provisionedThroughput.map(c -> ", capacity " + c).orElse("")
                    + onDemandThroughput.map(l -> ", " + l).orElse("")
                    + warmThroughput.map(w -> ", warm " + w).orElse("");
        }
    }

    /**
     * A local secondary index.
     *
     * @param name the index name
     * @param sortKey its sort key (the partition key is the table's)
     * @param projection the projection; INCLUDE attributes sorted
     */
    public record LocalIndex(String name, KeySpec sortKey, ProjectionSpec projection) {
        public LocalIndex {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sortKey, "sortKey");
            projection = normalised(projection);
        }

        @Override
        public String toString() {
            return "sort key " + sortKey + ", " + projection;
        }
    }

    static String keys(List<KeySpec> partitionKeys, List<KeySpec> sortKeys) {
        String partition = partitionKeys.stream().map(KeySpec::toString).collect(Collectors.joining(" + "));
        return sortKeys.isEmpty()
                ? partition
                : partition + " / " + sortKeys.stream().map(KeySpec::toString).collect(Collectors.joining(" + "));
    }

    private static ProjectionSpec normalised(ProjectionSpec projection) {
        Objects.requireNonNull(projection, "projection");
        return projection.type() == ProjectionSpec.Type.INCLUDE
                ? new ProjectionSpec(
                        projection.type(),
                        projection.nonKeyAttributes().stream().sorted().toList())
                : new ProjectionSpec(projection.type(), List.of());
    }
}
