package dev.dynaseed.generate;

import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a generator may draw on for one attribute of one item: the item's index, a random source that depends only
 * on (table seed, attribute, index), the run's base time, and for templates the attributes of the item made so far
 * (in dependency order) and of its parent item (in a collection of a single-table design; empty otherwise). Output
 * therefore never depends on thread count.
 */
public record GenerationContext(
        long index,
        SplittableRandom random,
        long baseEpochMillis,
        Map<String, AttributeValue> item,
        Map<String, AttributeValue> parent) {

    /** The context of an item without a parent, of which templates see nothing. */
    public GenerationContext(long index, SplittableRandom random, long baseEpochMillis) {
        this(index, random, baseEpochMillis, Map.of(), Map.of());
    }
}
