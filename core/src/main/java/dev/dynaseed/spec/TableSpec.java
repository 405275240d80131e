package dev.dynaseed.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One table of a spec: its keys, billing, tags, optional features (indexes, TTL, streams, ...) and how to seed it. Build one with
 * {@code TableSpec.builder(name, partitionKey).sortKey(...).billing(...).build()}, so that new optional table fields
 * (indexes, TTL, streams, ...) do not change every caller; the canonical constructor still works.
 */
public record TableSpec(
        String name,
        KeySpec partitionKey,
        Optional<KeySpec> sortKey,
        BillingSpec billing,
        Map<String, String> tags,
        SeedSpec seed,
        TableFeatures features) {

    public TableSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(billing, "billing");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(features, "features");
    }

    /** The key attributes' names: the partition key's, then the sort key's when there is one. */
    public List<String> keyNames() {
        return sortKey.map(sort -> List.of(partitionKey.name(), sort.name())).orElse(List.of(partitionKey.name()));
    }

    /** A table with none of the optional features (indexes, TTL, streams, ...). */
    public TableSpec(
            String name,
            KeySpec partitionKey,
            Optional<KeySpec> sortKey,
            BillingSpec billing,
            Map<String, String> tags,
            SeedSpec seed) {
        this(name, partitionKey, sortKey, billing, tags, seed, TableFeatures.none());
    }

    /**
     * A builder with the required fields; the rest default as in a spec file: no sort key, on-demand billing, no tags,
     * no seeding.
     */
    public static Builder builder(String name, KeySpec partitionKey) {
        return new Builder(name, partitionKey);
    }

    /** A builder holding this table's fields, to change some of them. */
    public Builder toBuilder() {
        return new Builder(name, partitionKey)
                .sortKey(sortKey)
                .billing(billing)
                .tags(tags)
                .seed(seed)
                .features(features);
    }

    /** Builds a {@link TableSpec}; every setter replaces that field. */
    public static final class Builder {
        private String name;
        private KeySpec partitionKey;
        private Optional<KeySpec> sortKey = Optional.empty();
        private BillingSpec billing = new BillingSpec.PayPerRequest();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private SeedSpec seed = SeedSpec.none();
        private TableFeatures features = TableFeatures.none();

        private Builder(String name, KeySpec partitionKey) {
            this.name = Objects.requireNonNull(name, "name");
            this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
        }

        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        public Builder partitionKey(KeySpec value) {
            this.partitionKey = Objects.requireNonNull(value, "partitionKey");
            return this;
        }

        public Builder sortKey(KeySpec value) {
            return sortKey(Optional.of(value));
        }

        public Builder sortKey(Optional<KeySpec> value) {
            this.sortKey = Objects.requireNonNull(value, "sortKey");
            return this;
        }

        public Builder billing(BillingSpec value) {
            this.billing = Objects.requireNonNull(value, "billing");
            return this;
        }

        /** Replaces all tags. */
        public Builder tags(Map<String, String> value) {
            tags.clear();
            tags.putAll(Objects.requireNonNull(value, "tags"));
            return this;
        }

        /** Adds or replaces one tag. */
        public Builder tag(String key, String value) {
            tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder seed(SeedSpec value) {
            this.seed = Objects.requireNonNull(value, "seed");
            return this;
        }

        public Builder features(TableFeatures value) {
            this.features = Objects.requireNonNull(value, "features");
            return this;
        }

        public TableSpec build() {
            return new TableSpec(name, partitionKey, sortKey, billing, tags, seed, features);
        }
    }
}
