package dev.dynaseed.spec.internal;

import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.SeedSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a table that could be read when others could not, so that validation still judges them (its name,
 * keys, billing, tags and the generators read) in the same run as the structural fault is reported.
 *
 * @param position the table's place in the file
 * @param name its name, when read
 * @param partitionKey its partition key, when read
 * @param sortKey its sort key, when given and read
 * @param billing its billing, when given and read
 * @param tags the tags that could be read
 * @param seed its seed block with the generators that could be read, when its count was read
 */
public record TableParts(
        int position,
        Optional<String> name,
        Optional<KeySpec> partitionKey,
        Optional<KeySpec> sortKey,
        Optional<BillingSpec> billing,
        Map<String, String> tags,
        Optional<SeedSpec> seed) {

    public TableParts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(billing, "billing");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        Objects.requireNonNull(seed, "seed");
    }
}
