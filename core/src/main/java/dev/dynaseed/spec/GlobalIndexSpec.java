package dev.dynaseed.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A global secondary index. DynamoDB's multi-attribute index keys allow up to 4 partition key and 4 sort key
 * attributes.
 *
 * @param name the index name
 * @param partitionKeys 1 to 4 partition key attributes
 * @param sortKeys 0 to 4 sort key attributes
 * @param projection which attributes the index holds
 * @param provisionedThroughput the index's capacity; required exactly when the table is PROVISIONED
 * @param onDemandThroughput the index's on-demand maximums; only when the table is PAY_PER_REQUEST
 * @param warmThroughput the index's warm throughput, when the spec says
 * @param sparse whether items may lack the index key attributes on purpose
 */
public record GlobalIndexSpec(
        String name,
        List<KeySpec> partitionKeys,
        List<KeySpec> sortKeys,
        ProjectionSpec projection,
        Optional<CapacitySpec> provisionedThroughput,
        Optional<OnDemandLimits> onDemandThroughput,
        Optional<WarmThroughputSpec> warmThroughput,
        boolean sparse)
        implements IndexSpec {

    public GlobalIndexSpec {
        Objects.requireNonNull(name, "name");
        partitionKeys = List.copyOf(partitionKeys);
        sortKeys = List.copyOf(sortKeys);
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(provisionedThroughput, "provisionedThroughput");
        Objects.requireNonNull(onDemandThroughput, "onDemandThroughput");
        Objects.requireNonNull(warmThroughput, "warmThroughput");
    }

    /** A GSI with one partition key, an optional sort key, projection ALL and nothing else said. */
    public static GlobalIndexSpec of(String name, KeySpec partitionKey, Optional<KeySpec> sortKey) {
        return new GlobalIndexSpec(
                name,
                List.of(partitionKey),
                sortKey.map(List::of).orElse(List.of()),
                ProjectionSpec.all(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false);
    }
}
