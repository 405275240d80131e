package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives every reference the run's seed and start time, so that a referenced table without a randomSeed is
 * recomputed with the very values this run writes into it.
 */
final class RunBinding {
    private RunBinding() {}

    static Map<String, GeneratorSpec> bind(Map<String, GeneratorSpec> attributes, long runSeed, Instant now) {
        Map<String, GeneratorSpec> bound = new LinkedHashMap<>();
        attributes.forEach((name, generator) -> bound.put(name, bind(generator, runSeed, now)));
        return bound;
    }

    static GeneratorSpec bind(GeneratorSpec generator, long runSeed, Instant now) {
        return switch (generator.kind()) {
            case REF -> {
                GeneratorSpec.Ref ref = (GeneratorSpec.Ref) generator;
                yield new GeneratorSpec.Ref(
                        ref.to(),
                        ref.distribution(),
                        ref.exponent(),
                        ref.target()
                                .map(target -> new GeneratorSpec.RefTarget(
                                        target.table(),
                                        target.entity(),
                                        target.attribute(),
                                        target.count(),
                                        target.randomSeed(),
                                        target.baseTime(),
                                        bind(target.attributes(), runSeed, now),
                                        runSeed,
                                        now.toEpochMilli())));
            }
            case SET -> {
                GeneratorSpec.SetOf set = (GeneratorSpec.SetOf) generator;
                yield new GeneratorSpec.SetOf(bind(set.of(), runSeed, now), set.minSize(), set.maxSize());
            }
            case LIST -> {
                GeneratorSpec.ListOf list = (GeneratorSpec.ListOf) generator;
                yield new GeneratorSpec.ListOf(bind(list.of(), runSeed, now), list.minSize(), list.maxSize());
            }
            case MAP -> new GeneratorSpec.MapOf(bind(((GeneratorSpec.MapOf) generator).fields(), runSeed, now));
            case OPTIONAL -> {
                GeneratorSpec.Maybe maybe = (GeneratorSpec.Maybe) generator;
                yield new GeneratorSpec.Maybe(maybe.probability(), bind(maybe.of(), runSeed, now));
            }
            case UUID1,
                    UUID4,
                    EPOCH_SECONDS,
                    EPOCH_MILLIS,
                    ISO_TIMESTAMP,
                    CONSTANT,
                    SEQUENCE,
                    INT_RANGE,
                    DECIMAL_RANGE,
                    ONE_OF,
                    BYTES,
                    FAKE,
                    BOOLEAN,
                    TIMESTAMP,
                    NUMBER,
                    TEMPLATE -> generator;
        };
    }
}
