package dev.dynaseed.spec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How one attribute's values are generated; each variant is one generator kind of the spec format. */
public sealed interface GeneratorSpec {

    /** The generator's name in spec files. */
    String kind();

    /** The DynamoDB type of the values it yields. */
    ValueType valueType();

    /** Whether its values change from run to run unless the seed block sets a randomSeed. */
    default boolean variesAcrossRuns() {
        return true;
    }

    /** A time-based (version 1) UUID string. */
    record Uuid1() implements GeneratorSpec {
        @Override
        public String kind() {
            return "uuid1";
        }

        @Override
        public ValueType valueType() {
            return ValueType.S;
        }
    }

    /** A random (version 4) UUID string. */
    record Uuid4() implements GeneratorSpec {
        @Override
        public String kind() {
            return "uuid4";
        }

        @Override
        public ValueType valueType() {
            return ValueType.S;
        }
    }

    /** Seconds since the epoch, optionally spread up to {@code withinSeconds} into the past. */
    record EpochSeconds(long withinSeconds) implements GeneratorSpec {
        @Override
        public String kind() {
            return "epochSeconds";
        }

        @Override
        public ValueType valueType() {
            return ValueType.N;
        }
    }

    /** Milliseconds since the epoch, optionally spread up to {@code withinSeconds} into the past. */
    record EpochMillis(long withinSeconds) implements GeneratorSpec {
        @Override
        public String kind() {
            return "epochMillis";
        }

        @Override
        public ValueType valueType() {
            return ValueType.N;
        }
    }

    /** An ISO-8601 UTC timestamp string, optionally spread up to {@code withinSeconds} into the past. */
    record IsoTimestamp(long withinSeconds) implements GeneratorSpec {
        @Override
        public String kind() {
            return "isoTimestamp";
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
        public String kind() {
            return "constant";
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
        public String kind() {
            return "sequence";
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
        public String kind() {
            return "intRange";
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
        public String kind() {
            return "decimalRange";
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
        public String kind() {
            return "oneOf";
        }

        @Override
        public ValueType valueType() {
            return values.isEmpty() ? ValueType.S : values.get(0).type();
        }
    }

    /** Random bytes of a fixed length (a binary value). */
    record RandomBytes(int length) implements GeneratorSpec {
        @Override
        public String kind() {
            return "bytes";
        }

        @Override
        public ValueType valueType() {
            return ValueType.B;
        }
    }
}
