package dev.dynaseed.spec;

import java.util.List;

/** What global and local secondary indexes share: a name, key attributes and a projection. */
public sealed interface IndexSpec permits GlobalIndexSpec, LocalIndexSpec {

    /** The index name, unique in its table. */
    String name();

    /** The index's partition key attributes in order (an LSI's is the table's partition key). */
    List<KeySpec> partitionKeys();

    /** The index's sort key attributes in order; may be empty for a GSI. */
    List<KeySpec> sortKeys();

    /** Which attributes the index holds. */
    ProjectionSpec projection();

    /**
     * Whether items may lack the index's key attributes on purpose (a sparse index): then the seed needs no generator
     * for them.
     */
    boolean sparse();

    /** Every key attribute of the index, partition keys first. */
    default List<KeySpec> keyAttributes() {
        return java.util.stream.Stream.concat(partitionKeys().stream(), sortKeys().stream())
                .toList();
    }
}
