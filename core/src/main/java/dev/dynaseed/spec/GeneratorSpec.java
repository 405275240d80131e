package dev.dynaseed.spec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        BYTES("bytes"),
        FAKE("fake"),
        BOOLEAN("boolean"),
        TIMESTAMP("timestamp"),
        NUMBER("number"),
        SET("set"),
        LIST("list"),
        MAP("map"),
        OPTIONAL("optional"),
        TEMPLATE("template"),
        REF("ref");

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

    /** A Datafaker expression such as {@code #{Name.fullName}}, in a locale. */
    record Fake(String expression, String locale) implements GeneratorSpec {
        public Fake {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(locale, "locale");
        }

        @Override
        public Kind kind() {
            return Kind.FAKE;
        }

        @Override
        public ValueType valueType() {
            return ValueType.S;
        }
    }

    /** {@code true} with the given probability, else {@code false}. */
    record RandomBoolean(double probability) implements GeneratorSpec {
        @Override
        public Kind kind() {
            return Kind.BOOLEAN;
        }

        @Override
        public ValueType valueType() {
            return ValueType.BOOL;
        }
    }

    /**
     * A uniformly random instant from {@code from} to {@code to} (ISO dates or instants, as written), rendered in
     * {@code format}: {@code isoTimestamp}, {@code isoDate}, {@code epochSeconds} or {@code epochMillis}.
     */
    record Timestamp(String from, String to, String format) implements GeneratorSpec {
        /** The formats, by their spec names. */
        public static final List<String> FORMATS = List.of("isoTimestamp", "isoDate", "epochSeconds", "epochMillis");

        public Timestamp {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(format, "format");
        }

        @Override
        public Kind kind() {
            return Kind.TIMESTAMP;
        }

        @Override
        public ValueType valueType() {
            return format.startsWith("epoch") ? ValueType.N : ValueType.S;
        }
    }

    /**
     * A number from {@code min} to {@code max} with {@code scale} digits after the point, drawn uniformly, from a
     * normal distribution (mean, stddev; clamped to min and max) or a Zipf distribution over the whole numbers
     * (rank 1 is {@code min}, with the given exponent).
     */
    record RandomNumber(
            String distribution,
            BigDecimal min,
            BigDecimal max,
            Optional<BigDecimal> mean,
            Optional<BigDecimal> stddev,
            BigDecimal exponent,
            int scale)
            implements GeneratorSpec {
        /** The distributions, by their spec names. */
        public static final List<String> DISTRIBUTIONS = List.of("uniform", "normal", "zipf");

        public RandomNumber {
            Objects.requireNonNull(distribution, "distribution");
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(mean, "mean");
            Objects.requireNonNull(stddev, "stddev");
            Objects.requireNonNull(exponent, "exponent");
        }

        @Override
        public Kind kind() {
            return Kind.NUMBER;
        }

        @Override
        public ValueType valueType() {
            return ValueType.N;
        }
    }

    /** A string, number or binary set of {@code minSize} to {@code maxSize} distinct elements made by {@code of}. */
    record SetOf(GeneratorSpec of, long minSize, long maxSize) implements GeneratorSpec {
        public SetOf {
            Objects.requireNonNull(of, "of");
        }

        @Override
        public Kind kind() {
            return Kind.SET;
        }

        @Override
        public ValueType valueType() {
            return switch (of.valueType()) {
                case N -> ValueType.NS;
                case B -> ValueType.BS;
                case S, BOOL, SS, NS, BS, L, M -> ValueType.SS;
            };
        }

        @Override
        public boolean variesAcrossRuns() {
            return of.variesAcrossRuns();
        }
    }

    /** A list of {@code minSize} to {@code maxSize} elements made by {@code of}. */
    record ListOf(GeneratorSpec of, long minSize, long maxSize) implements GeneratorSpec {
        public ListOf {
            Objects.requireNonNull(of, "of");
        }

        @Override
        public Kind kind() {
            return Kind.LIST;
        }

        @Override
        public ValueType valueType() {
            return ValueType.L;
        }
    }

    /** A map with one field per generator, in order. */
    record MapOf(Map<String, GeneratorSpec> fields) implements GeneratorSpec {
        public MapOf {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public Kind kind() {
            return Kind.MAP;
        }

        @Override
        public ValueType valueType() {
            return ValueType.M;
        }
    }

    /** The value of {@code of} with the given probability; otherwise the attribute (or map field) is left out. */
    record Maybe(double probability, GeneratorSpec of) implements GeneratorSpec {
        public Maybe {
            Objects.requireNonNull(of, "of");
        }

        @Override
        public Kind kind() {
            return Kind.OPTIONAL;
        }

        @Override
        public ValueType valueType() {
            return of.valueType();
        }
    }

    /**
     * A string built from other attributes of the same item: {@code USER#{user_id}}, {@code {n:06}} (zero-padded to
     * 6 characters), {@code {name:lower}}, {@code {name:upper}}, and {@code {parent.id}} in a collection's items.
     */
    record Template(String template) implements GeneratorSpec {
        public Template {
            Objects.requireNonNull(template, "template");
        }

        @Override
        public Kind kind() {
            return Kind.TEMPLATE;
        }

        @Override
        public ValueType valueType() {
            return ValueType.S;
        }

        @Override
        public boolean variesAcrossRuns() {
            return true; // unless what it reads does not: the validator follows its reads (ItemChecks)
        }
    }

    /**
     * A key of another table's generated items: {@code to} is {@code table.attribute} (or
     * {@code table.entity.attribute}), the item picked uniformly or by a Zipf distribution. The spec reader fills
     * {@code target} with what recomputing that item takes, so that nothing is held in memory.
     */
    record Ref(String to, String distribution, BigDecimal exponent, Optional<RefTarget> target)
            implements GeneratorSpec {
        public Ref {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(distribution, "distribution");
            Objects.requireNonNull(exponent, "exponent");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public Kind kind() {
            return Kind.REF;
        }

        @Override
        public ValueType valueType() {
            return target.map(found -> found.attributes().get(found.attribute()).valueType())
                    .orElse(ValueType.S);
        }

        @Override
        public boolean variesAcrossRuns() {
            return target.map(found -> found.randomSeed().isEmpty()).orElse(true);
        }
    }

    /**
     * What recomputing a referenced item takes: the table, the entity (when the table lists entities), how many items
     * to pick from, the table's randomSeed and baseTime, and the referenced item type's generators.
     *
     * @param table the referenced table
     * @param entity the referenced entity, when the table lists entities
     * @param attribute the referenced attribute
     * @param count how many items of the table (or entity) there are to pick from
     * @param randomSeed the referenced table's randomSeed
     * @param baseTime the referenced table's baseTime
     * @param attributes the referenced item type's generators
     * @param runSeed the run seed, bound when a run starts (0 in a spec as read)
     * @param runEpochMillis the run's start time, bound when a run starts (0 in a spec as read)
     */
    record RefTarget(
            String table,
            Optional<String> entity,
            String attribute,
            long count,
            Optional<Long> randomSeed,
            Optional<Instant> baseTime,
            Map<String, GeneratorSpec> attributes,
            long runSeed,
            long runEpochMillis) {
        public RefTarget {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(entity, "entity");
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(randomSeed, "randomSeed");
            Objects.requireNonNull(baseTime, "baseTime");
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }
}
