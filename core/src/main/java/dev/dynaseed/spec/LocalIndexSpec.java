package dev.dynaseed.spec;

import java.util.List;
import java.util.Objects;

/**
 * A local secondary index: the table's partition key with another sort key. LSIs exist only from CreateTable on.
 *
 * @param name the index name
 * @param partitionKey the table's partition key (an LSI cannot have another)
 * @param sortKey the index's sort key
 * @param projection which attributes the index holds
 * @param sparse whether items may lack the index's sort key attribute on purpose
 */
public record LocalIndexSpec(
        String name, KeySpec partitionKey, KeySpec sortKey, ProjectionSpec projection, boolean sparse)
        implements IndexSpec {

    public LocalIndexSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(projection, "projection");
    }

    @Override
    public List<KeySpec> partitionKeys() {
        return List.of(partitionKey);
    }

    @Override
    public List<KeySpec> sortKeys() {
        return List.of(sortKey);
    }
}
