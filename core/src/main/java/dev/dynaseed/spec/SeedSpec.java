package dev.dynaseed.spec;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a table is filled: how many items, what to do with existing data, and one generator per attribute.
 *
 * @param count the number of items to write on each run
 * @param onExisting what to do when the table already holds items
 * @param randomSeed makes every generated value repeatable when present
 * @param baseTime the instant time-based generators start from when {@code randomSeed} is set
 * @param attributes the generators, in the order the attributes are written
 * @param sources items written as they are (inline in the spec, or read from files), before the {@code count}
 *     generated ones
 * @param entities the item types of a single-table design, instead of {@code attributes}; {@code count} is then
 *     the total of their items (see {@code dev.dynaseed.generate.EntityLayout})
 * @param selection which source items are written (those a later item with the same key replaces are not), known
 *     once the files were scanned
 */
public record SeedSpec(
        long count,
        ExistingDataPolicy onExisting,
        Optional<Long> randomSeed,
        Optional<Instant> baseTime,
        Map<String, GeneratorSpec> attributes,
        List<ItemSourceSpec> sources,
        List<EntitySpec> entities,
        SourceSelection selection) {

    /** The instant repeatable runs use for time-based generators when no baseTime is given. */
    public static final Instant DEFAULT_BASE_TIME = Instant.parse("2025-01-01T00:00:00Z");

    public SeedSpec {
        Objects.requireNonNull(onExisting, "onExisting");
        Objects.requireNonNull(randomSeed, "randomSeed");
        Objects.requireNonNull(baseTime, "baseTime");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        sources = ItemSourceSpec.copy(sources);
        entities = List.copyOf(entities);
        Objects.requireNonNull(selection, "selection");
    }

    /** A seed block with generated items, item sources (all written) and entities. */
    public SeedSpec(
            long count,
            ExistingDataPolicy onExisting,
            Optional<Long> randomSeed,
            Optional<Instant> baseTime,
            Map<String, GeneratorSpec> attributes,
            List<ItemSourceSpec> sources,
            List<EntitySpec> entities) {
        this(count, onExisting, randomSeed, baseTime, attributes, sources, entities, SourceSelection.ALL);
    }

    /** A seed block with generated items and item sources. */
    public SeedSpec(
            long count,
            ExistingDataPolicy onExisting,
            Optional<Long> randomSeed,
            Optional<Instant> baseTime,
            Map<String, GeneratorSpec> attributes,
            List<ItemSourceSpec> sources) {
        this(count, onExisting, randomSeed, baseTime, attributes, sources, List.of());
    }

    /** A seed block with generated items only. */
    public SeedSpec(
            long count,
            ExistingDataPolicy onExisting,
            Optional<Long> randomSeed,
            Optional<Instant> baseTime,
            Map<String, GeneratorSpec> attributes) {
        this(count, onExisting, randomSeed, baseTime, attributes, List.of());
    }

    /** Every item a run writes: the sources' items (files must have been scanned), then the {@code count} generated. */
    public long totalItems() {
        return sourceItems() + count;
    }

    /** The items a run writes from the sources: their items, less those {@link #selection()} leaves out. */
    public long sourceItems() {
        return selection.written(
                sources.stream().mapToLong(ItemSourceSpec::size).sum());
    }

    /** This seed block with {@code sources} instead of its own (every item of them selected). */
    public SeedSpec withSources(List<ItemSourceSpec> sources) {
        return new SeedSpec(count, onExisting, randomSeed, baseTime, attributes, sources, entities);
    }

    /** This seed block writing {@code newCount} generated items (its sources and entities kept). */
    public SeedSpec withCount(long newCount) {
        return new SeedSpec(newCount, onExisting, randomSeed, baseTime, attributes, sources, entities, selection);
    }

    /** This seed block writing the source items {@code newSelection} selects. */
    public SeedSpec withSelection(SourceSelection newSelection) {
        return new SeedSpec(count, onExisting, randomSeed, baseTime, attributes, sources, entities, newSelection);
    }

    /** A seed block that writes nothing. */
    public static SeedSpec none() {
        return new SeedSpec(0, ExistingDataPolicy.APPEND, Optional.empty(), Optional.empty(), Map.of());
    }
}
