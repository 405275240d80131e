package dev.dynaseed.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One table of a spec: its keys, billing, tags and how to seed it. */
public record TableSpec(
        String name,
        KeySpec partitionKey,
        Optional<KeySpec> sortKey,
        BillingSpec billing,
        Map<String, String> tags,
        SeedSpec seed) {

    public TableSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(billing, "billing");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        Objects.requireNonNull(seed, "seed");
    }
}
