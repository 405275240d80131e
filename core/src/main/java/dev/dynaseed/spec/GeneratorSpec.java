package dev.dynaseed.spec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one attribute's values are generated; each variant is one generator kind of the spec format, described (read,
 * validated, documented and turned into a generator) by its {@code dev.dynaseed.generate.GeneratorKind}.
 */
public sealed interface GeneratorSpec {

    /** The generator kinds, in the order they are documented; each names its descriptor in the generate package. */
    enum Kind {
        UUID1("uuid1"),
        UUID4("uuid4"),
        EPOCH_SECONDS("epochSeconds"),
        EPOCH_MILLIS("epochMillis"),
        ISO_TIMESTAMP("isoTimestamp"),
        CONSTANT("constant"),
        SEQUENCE("sequence"),
        INT_RANGE("intRange"),
        DECIMAL_RANGE("decimalRange"),
        ONE_OF("oneOf"),
        BYTES("bytes");

        private final String specName;

        Kind(String specName) {
            this.specName = specName;
        }

        /** The generator's name in spec files, e.g. {@code intRange}. */
        public String specName() {
            return specName;
        }

        @Override
        public String toString() {
            return specName;
        }
    }

    /** The generator's kind; its {@code toString()} is its name in spec files. */
    Kind kind();

    /** The DynamoDB type of the values it yields. */
    ValueType valueType();

    /** Whether its values change from run to run unless the seed block sets a randomSeed. */
    default boolean variesAcrossRuns() {
        return true;
    }

    /** A time-based (version 1) UUID string. */
    record Uuid1() implements GeneratorSpec {
        @Override
        public Kind kind() {
            return Kind.UUID1;
        }

        @Override
        public ValueType valueType() {
            return ValueType.S;
        }
    }

    /** A random (version 4) UUID string. */
    record Uuid4() implements GeneratorSpec {
        @Override
        public Kind kind() {
            return Kind.UUID4;
        }

        @Override
        public ValueType valueType() {
            return ValueType.S;
        }
    }

    /** Seconds since the epoch, optionally spread up to {@code withinSeconds} into the past. */
    record EpochSeconds(long withinSeconds) implements GeneratorSpec {
        @Override
        public Kind kind() {
            return Kind.EPOCH_SECONDS;
        }

        @Override
        public ValueType valueType() {
            return ValueType.N;
        }
    }

    /** Milliseconds since the epoch, optionally spread up to {@code withinSeconds} into the past. */
    record EpochMillis(long withinSeconds) implements GeneratorSpec {
        @Override
        public Kind kind() {
            return Kind.EPOCH_MILLIS;
        }

        @Override
        public ValueType valueType() {
            return ValueType.N;
        }
    }

    /** An ISO-8601 UTC timestamp string, optionally spread up to {@code withinSeconds} into the past. */
    record IsoTimestamp(long withinSeconds) implements GeneratorSpec {
        @Override
        public Kind kind() {
            return Kind.ISO_TIMESTAMP;
        }

        @Override
        public ValueType valueType() {
            return ValueType.S;
        }
    }

    /** The same value for every item. */
    record Constant(SpecValue value) implements GeneratorSpec {
        public Constant {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Kind kind() {
            return Kind.CONSTANT;
        }

        @Override
        public ValueType valueType() {
            return value.type();
        }

        @Override
        public boolean variesAcrossRuns() {
            return false;
        }
    }

    /** {@code start + index * step}; a number, or a string when a prefix is given. */
    record Sequence(long start, long step, Optional<String> prefix) implements GeneratorSpec {
        public Sequence {
            Objects.requireNonNull(prefix, "prefix");
        }

        @Override
        public Kind kind() {
            return Kind.SEQUENCE;
        }

        @Override
        public ValueType valueType() {
            return prefix.isPresent() ? ValueType.S : ValueType.N;
        }

        @Override
        public boolean variesAcrossRuns() {
            return false;
        }
    }

    /** A uniformly random whole number in {@code [min, max]}. */
    record IntRange(long min, long max) implements GeneratorSpec {
        @Override
        public Kind kind() {
            return Kind.INT_RANGE;
        }

        @Override
        public ValueType valueType() {
            return ValueType.N;
        }
    }

    /** A uniformly random decimal in {@code [min, max]} with {@code scale} digits after the point. */
    record DecimalRange(BigDecimal min, BigDecimal max, int scale) implements GeneratorSpec {
        public DecimalRange {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
        }

        @Override
        public Kind kind() {
            return Kind.DECIMAL_RANGE;
        }

        @Override
        public ValueType valueType() {
            return ValueType.N;
        }
    }

    /** One of the given values, uniformly or by weight. */
    record OneOf(List<SpecValue> values, List<Double> weights) implements GeneratorSpec {
        public OneOf {
            values = List.copyOf(values);
            weights = List.copyOf(weights);
        }

        @Override
        public Kind kind() {
            return Kind.ONE_OF;
        }

        @Override
        public ValueType valueType() {
            return values.isEmpty() ? ValueType.S : values.get(0).type();
        }
    }

    /** Random bytes of a fixed length (a binary value). */
    record RandomBytes(int length) implements GeneratorSpec {
        @Override
        public Kind kind() {
            return Kind.BYTES;
        }

        @Override
        public ValueType valueType() {
            return ValueType.B;
        }
    }
}
