package dev.dynaseed.generate;

import java.util.SplittableRandom;

/**
 * What a generator may draw on for one attribute of one item: the item's index, a random source that depends only
 * on (table seed, attribute, index), and the run's base time. Output therefore never depends on thread count.
 */
public record GenerationContext(long index, SplittableRandom random, long baseEpochMillis) {}
