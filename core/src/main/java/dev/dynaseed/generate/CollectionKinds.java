package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.SpecValue;
import dev.dynaseed.spec.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the {@code set}, {@code list}, {@code map} and {@code optional} kinds share: nested generators. */
final class CollectionKinds {
    /** The most elements a set or list may have: far below 400 KB for small elements, and quick to check. */
    static final long MAX_ELEMENTS = 10_000;

    private CollectionKinds() {}

    static List<Parameter> sizeParameters(long minDefault) {
        return List.of(
                Parameter.required("of", ParameterType.GENERATOR, "of: uuid4", "the generator of each element"),
                Parameter.whole("minSize", minDefault, "minSize: 1", "fewest elements")
                        .between(0, MAX_ELEMENTS),
                Parameter.whole("maxSize", 5, "maxSize: 5", "most elements, ≥ minSize")
                        .between(0, MAX_ELEMENTS));
    }

    static void validateSizes(long min, long max, long floor, GeneratorChecks checks, String why) {
        if (min < floor) {
            checks.problem("minSize", min + " is below " + floor + why + ", e.g. minSize: " + floor);
        }
        if (max > MAX_ELEMENTS) {
            checks.problem("maxSize", max + " is out of range; use minSize to " + MAX_ELEMENTS + ", e.g. maxSize: 5");
        } else if (min > max) {
            checks.problem(
                    "maxSize",
                    max + " is below minSize " + min + " (maxSize is 5 unless given); use at least minSize, e.g."
                            + " maxSize: " + Math.min(MAX_ELEMENTS, min));
        }
    }

    static void validateElement(GeneratorSpec of, GeneratorChecks checks, boolean set) {
        if (of instanceof GeneratorSpec.Maybe) {
            checks.problem(
                    "of",
                    set
                            ? "an element cannot be optional; a set has at least minSize elements (1 or more), so"
                                    + " make the whole set optional instead, e.g. {generator: optional, of:"
                                    + " {generator: set, of: uuid4}}"
                            : "an element cannot be optional; use minSize: 0 for lists that may be empty");
            return;
        }
        GeneratorKinds.validate(of, checks.nested("of"));
    }

    /** The {@code set} kind. */
    static final GeneratorKind<GeneratorSpec.SetOf> SET = new GeneratorKind<>() {
        @Override
        public GeneratorSpec.Kind kind() {
            return GeneratorSpec.Kind.SET;
        }

        @Override
        public Class<GeneratorSpec.SetOf> specType() {
            return GeneratorSpec.SetOf.class;
        }

        @Override
        public String doc() {
            return "a set of `minSize` to `maxSize` distinct elements made by `of` (never empty: DynamoDB refuses"
                    + " empty sets; `of` must make at least `minSize` distinct values, checked where that is known:"
                    + " constant, oneOf, intRange, decimalRange, and per-item generators such as sequence)";
        }

        @Override
        public String valueTypes() {
            return "SS, NS or BS, by `of`";
        }

        @Override
        public List<Parameter> parameters() {
            List<Parameter> parameters = new ArrayList<>(sizeParameters(1));
            parameters.set(
                    1,
                    Parameter.whole("minSize", 1, "minSize: 1", "fewest elements, ≥ 1")
                            .between(1, MAX_ELEMENTS));
            return parameters;
        }

        @Override
        public String example() {
            return "{generator: set, of: {generator: oneOf, values: [red, green, blue]}, minSize: 1, maxSize: 3}";
        }

        @Override
        public GeneratorSpec.SetOf read(ParameterValues values) {
            return new GeneratorSpec.SetOf(values.generator("of"), values.whole("minSize"), values.whole("maxSize"));
        }

        @Override
        public void validate(GeneratorSpec.SetOf spec, GeneratorChecks checks) {
            validateSizes(spec.minSize(), spec.maxSize(), 1, checks, " (DynamoDB refuses empty sets)");
            ValueType element = spec.of().valueType();
            if (element != ValueType.S && element != ValueType.N && element != ValueType.B) {
                checks.problem(
                        "of",
                        "generator '" + spec.of().kind() + "' yields " + element
                                + "; set elements are strings, numbers or binary, e.g. of: uuid4");
                return;
            }
            validateElement(spec.of(), checks, true);
            distinct(spec.of()).ifPresent(distinct -> {
                if (distinct.count() > 0 && spec.minSize() > distinct.count()) {
                    checks.problem(
                            "minSize",
                            spec.minSize() + " is more than the " + distinct.count() + " distinct value"
                                    + (distinct.count() == 1 ? "" : "s") + " `of` can make (" + distinct.why()
                                    + "), so no set could have that many; use minSize: " + distinct.count()
                                    + " or less, or an `of` with more values");
                }
            });
        }

        @Override
        public Generator create(GeneratorSpec.SetOf spec, long tableSeed) {
            Generator of = GeneratorKinds.create(spec.of(), Seeds.mix(tableSeed, 1));
            long min = spec.minSize();
            long max = spec.maxSize();
            long most = distinct(spec.of()).map(Distinct::count).orElse(Long.MAX_VALUE);
            ValueType type = spec.valueType();
            return context -> {
                long size = context.random().nextLong(min, max + 1);
                // By value: DynamoDB tells numbers apart by value (1 and 1.0 are one element, a duplicate in a set).
                Map<Object, AttributeValue> byValue = new LinkedHashMap<>();
                // Validation made sure `of` can make minSize distinct values, when that can be known; many tries per
                // element, so that a size it can reach is reached (5 of intRange 1..5 is a coupon collector's draw).
                long target = Math.min(size, most);
                long tries = 0;
                for (; byValue.size() < target && tries < target * 64 + 64; tries++) {
                    AttributeValue element = of.next(context);
                    byValue.putIfAbsent(
                            element.n() != null ? new BigDecimal(element.n()).stripTrailingZeros() : element, element);
                }
                if (byValue.size() < min) {
                    throw GenerationException.unplaced(
                            "its of made only " + byValue.size() + " distinct value" + (byValue.size() == 1 ? "" : "s")
                                    + " in " + tries + " tries, fewer than minSize " + min
                                    + " (a set holds each value once); lower minSize, or let of make more values");
                }
                Collection<AttributeValue> elements = byValue.values();
                return switch (type) {
                    case NS ->
                        AttributeValue.fromNs(
                                elements.stream().map(AttributeValue::n).toList());
                    case BS ->
                        AttributeValue.fromBs(
                                elements.stream().map(AttributeValue::b).toList());
                    case S, N, B, BOOL, SS, L, M ->
                        AttributeValue.fromSs(
                                elements.stream().map(AttributeValue::s).toList());
                };
            };
        }
    };

    /** How many distinct values a generator can make within one item, and why: e.g. 2 for a oneOf of 2 values. */
    record Distinct(long count, String why) {}

    /**
     * How many distinct values {@code of} can make within one item, when that can be known from its spec (not for
     * uuid4, fake, random bytes: their values are many, or unknowable).
     */
    static Optional<Distinct> distinct(GeneratorSpec of) {
        String perItem = "one per item";
        return switch (of.kind()) {
            case CONSTANT -> Optional.of(new Distinct(1, "constant always makes the same value"));
            case ONE_OF -> {
                Set<Object> values = new HashSet<>();
                for (SpecValue value : ((GeneratorSpec.OneOf) of).values()) {
                    values.add(
                            value instanceof SpecValue.Number number
                                    ? number.value().stripTrailingZeros()
                                    : Literals.attributeValue(value));
                }
                yield Optional.of(new Distinct(values.size(), "oneOf lists " + values.size() + " distinct values"));
            }
            case INT_RANGE -> {
                GeneratorSpec.IntRange range = (GeneratorSpec.IntRange) of;
                BigInteger count = BigInteger.valueOf(range.max())
                        .subtract(BigInteger.valueOf(range.min()))
                        .add(BigInteger.ONE);
                yield count.signum() > 0 && count.bitLength() < 63
                        ? Optional.of(
                                new Distinct(count.longValueExact(), "intRange " + range.min() + ".." + range.max()))
                        : Optional.empty();
            }
            case DECIMAL_RANGE -> {
                GeneratorSpec.DecimalRange range = (GeneratorSpec.DecimalRange) of;
                BigDecimal low = range.min().setScale(range.scale(), RoundingMode.CEILING);
                BigDecimal high = range.max().setScale(range.scale(), RoundingMode.FLOOR);
                BigInteger count = high.subtract(low).unscaledValue().add(BigInteger.ONE);
                yield count.signum() > 0 && count.bitLength() < 63
                        ? Optional.of(new Distinct(
                                count.longValueExact(),
                                "decimalRange " + range.min().toPlainString() + ".."
                                        + range.max().toPlainString() + " at scale " + range.scale()))
                        : Optional.empty();
            }
            case SEQUENCE -> Optional.of(new Distinct(1, "sequence makes " + perItem));
            case TEMPLATE -> Optional.of(new Distinct(1, "template makes " + perItem));
            case UUID1 -> Optional.of(new Distinct(1, "uuid1 makes " + perItem));
            case EPOCH_SECONDS, EPOCH_MILLIS, ISO_TIMESTAMP ->
                withinSeconds(of) == 0
                        ? Optional.of(new Distinct(1, of.kind().specName() + " without withinSeconds makes " + perItem))
                        : Optional.empty();
            case UUID4, FAKE, BYTES, BOOLEAN, TIMESTAMP, NUMBER, SET, LIST, MAP, OPTIONAL, REF -> Optional.empty();
        };
    }

    private static long withinSeconds(GeneratorSpec of) {
        if (of instanceof GeneratorSpec.EpochSeconds time) {
            return time.withinSeconds();
        }
        if (of instanceof GeneratorSpec.EpochMillis time) {
            return time.withinSeconds();
        }
        return ((GeneratorSpec.IsoTimestamp) of).withinSeconds();
    }

    /** The {@code list} kind. */
    static final GeneratorKind<GeneratorSpec.ListOf> LIST = new GeneratorKind<>() {
        @Override
        public GeneratorSpec.Kind kind() {
            return GeneratorSpec.Kind.LIST;
        }

        @Override
        public Class<GeneratorSpec.ListOf> specType() {
            return GeneratorSpec.ListOf.class;
        }

        @Override
        public String doc() {
            return "a list of `minSize` to `maxSize` elements made by `of` (any generator, also list or map)";
        }

        @Override
        public String valueTypes() {
            return "L";
        }

        @Override
        public List<Parameter> parameters() {
            return sizeParameters(0);
        }

        @Override
        public String example() {
            return "{generator: list, of: {generator: intRange, min: 1, max: 9}, minSize: 0, maxSize: 4}";
        }

        @Override
        public GeneratorSpec.ListOf read(ParameterValues values) {
            return new GeneratorSpec.ListOf(values.generator("of"), values.whole("minSize"), values.whole("maxSize"));
        }

        @Override
        public void validate(GeneratorSpec.ListOf spec, GeneratorChecks checks) {
            validateSizes(spec.minSize(), spec.maxSize(), 0, checks, "");
            validateElement(spec.of(), checks, false);
        }

        @Override
        public Generator create(GeneratorSpec.ListOf spec, long tableSeed) {
            Generator of = GeneratorKinds.create(spec.of(), Seeds.mix(tableSeed, 2));
            long min = spec.minSize();
            long max = spec.maxSize();
            return context -> {
                long size = context.random().nextLong(min, max + 1);
                List<AttributeValue> elements = new ArrayList<>((int) size);
                for (long i = 0; i < size; i++) {
                    elements.add(of.next(context));
                }
                return AttributeValue.fromL(elements);
            };
        }
    };

    /** The {@code map} kind. */
    static final GeneratorKind<GeneratorSpec.MapOf> MAP = new GeneratorKind<>() {
        @Override
        public GeneratorSpec.Kind kind() {
            return GeneratorSpec.Kind.MAP;
        }

        @Override
        public Class<GeneratorSpec.MapOf> specType() {
            return GeneratorSpec.MapOf.class;
        }

        @Override
        public String doc() {
            return "a map with one field per generator in `fields` (nested: lists, maps, optional fields)";
        }

        @Override
        public String valueTypes() {
            return "M";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.required(
                    "fields",
                    ParameterType.GENERATOR_MAP,
                    "fields: {city: '#{Address.city}', zip: {generator: intRange, min: 1000, max: 9999}}",
                    "field name to generator, written in this order"));
        }

        @Override
        public String example() {
            return "{generator: map, fields: {street: {generator: fake, expression: '#{Address.streetAddress}'}}}";
        }

        @Override
        public GeneratorSpec.MapOf read(ParameterValues values) {
            return new GeneratorSpec.MapOf(values.generators("fields"));
        }

        @Override
        public void validate(GeneratorSpec.MapOf spec, GeneratorChecks checks) {
            spec.fields().forEach((name, field) -> {
                if (name.isEmpty()) {
                    checks.problem("fields", "field names cannot be empty; name it, e.g. city");
                }
                GeneratorKinds.validate(field, checks.nested("fields." + name));
            });
        }

        @Override
        public Generator create(GeneratorSpec.MapOf spec, long tableSeed) {
            Map<String, Generator> fields = new LinkedHashMap<>();
            spec.fields()
                    .forEach((name, field) ->
                            fields.put(name, GeneratorKinds.create(field, Seeds.mix(tableSeed, Seeds.ofText(name)))));
            return context -> {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                fields.forEach((name, field) -> {
                    if (field.present(context)) {
                        map.put(name, field.next(context));
                    }
                });
                return AttributeValue.fromM(map);
            };
        }
    };

    /** The {@code optional} kind. */
    static final GeneratorKind<GeneratorSpec.Maybe> OPTIONAL = new GeneratorKind<>() {
        @Override
        public GeneratorSpec.Kind kind() {
            return GeneratorSpec.Kind.OPTIONAL;
        }

        @Override
        public Class<GeneratorSpec.Maybe> specType() {
            return GeneratorSpec.Maybe.class;
        }

        @Override
        public String doc() {
            return "the value of `of` with probability `probability`; otherwise the attribute (or map field) is left"
                    + " out";
        }

        @Override
        public String valueTypes() {
            return "type of `of`";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(
                    Parameter.decimal(
                            "probability", new BigDecimal("0.5"), "probability: 0.3", "chance it is present, 0 to 1"),
                    Parameter.required("of", ParameterType.GENERATOR, "of: uuid4", "the generator when present"));
        }

        @Override
        public String example() {
            return "{generator: optional, probability: 0.3, of: {generator: fake, expression: '#{PhoneNumber.cellPhone}'}}";
        }

        @Override
        public GeneratorSpec.Maybe read(ParameterValues values) {
            return new GeneratorSpec.Maybe(values.decimal("probability").doubleValue(), values.generator("of"));
        }

        @Override
        public void validate(GeneratorSpec.Maybe spec, GeneratorChecks checks) {
            BooleanKind.probability(spec.probability(), checks, "probability: 0.3");
            if (spec.of() instanceof GeneratorSpec.Maybe) {
                checks.problem("of", "is optional already; multiply the probabilities into one optional");
                return;
            }
            GeneratorKinds.validate(spec.of(), checks.nested("of"));
        }

        @Override
        public Generator create(GeneratorSpec.Maybe spec, long tableSeed) {
            Generator of = GeneratorKinds.create(spec.of(), tableSeed);
            double probability = spec.probability();
            return new Generator() {
                @Override
                public boolean present(GenerationContext context) {
                    return context.random().nextDouble() < probability;
                }

                @Override
                public AttributeValue next(GenerationContext context) {
                    return of.next(context);
                }
            };
        }
    };
}
