package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry of generator kinds, in documentation order: a kind is registered by its constant in
 * {@link GeneratorSpec.Kind} and its line in {@link #of(GeneratorSpec.Kind)}, whose switch has no default, so a new
 * kind that is not registered does not compile.
 */
public final class GeneratorKinds {
    private static final List<GeneratorKind<?>> ALL = Arrays.stream(GeneratorSpec.Kind.values())
            .<GeneratorKind<?>>map(GeneratorKinds::of)
            .toList();

    private GeneratorKinds() {}

    /** The descriptor of {@code kind}. */
    public static GeneratorKind<?> of(GeneratorSpec.Kind kind) {
        return switch (kind) {
            case UUID1 -> Uuid1Kind.INSTANCE;
            case UUID4 -> Uuid4Kind.INSTANCE;
            case EPOCH_SECONDS -> TimeKind.EPOCH_SECONDS;
            case EPOCH_MILLIS -> TimeKind.EPOCH_MILLIS;
            case ISO_TIMESTAMP -> TimeKind.ISO_TIMESTAMP;
            case CONSTANT -> ConstantKind.INSTANCE;
            case SEQUENCE -> SequenceKind.INSTANCE;
            case INT_RANGE -> IntRangeKind.INSTANCE;
            case DECIMAL_RANGE -> DecimalRangeKind.INSTANCE;
            case ONE_OF -> OneOfKind.INSTANCE;
            case BYTES -> BytesKind.INSTANCE;
            case FAKE -> FakeKind.INSTANCE;
            case BOOLEAN -> BooleanKind.INSTANCE;
            case TIMESTAMP -> TimestampKind.INSTANCE;
            case NUMBER -> NumberKind.INSTANCE;
            case SET -> CollectionKinds.SET;
            case LIST -> CollectionKinds.LIST;
            case MAP -> CollectionKinds.MAP;
            case OPTIONAL -> CollectionKinds.OPTIONAL;
            case TEMPLATE -> TemplateKind.INSTANCE;
            case REF -> RefKind.INSTANCE;
        };
    }

    /** Every kind, in documentation order. */
    public static List<GeneratorKind<?>> all() {
        return ALL;
    }

    /** Every kind's name, in documentation order. */
    public static List<String> names() {
        return ALL.stream().map(GeneratorKind::name).toList();
    }

    /** The kind named {@code name} in spec files. */
    public static Optional<GeneratorKind<?>> named(String name) {
        Objects.requireNonNull(name, "name");
        return ALL.stream().filter(kind -> kind.name().equals(name)).findFirst();
    }

    /** Adds a problem for every value of {@code spec} outside its kind's limits. */
    public static void validate(GeneratorSpec spec, GeneratorChecks checks) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(checks, "checks");
        validate(of(spec.kind()), spec, checks);
    }

    /** The generator for a valid {@code spec}; {@code tableSeed} fixes what a generator keeps per table. */
    public static Generator create(GeneratorSpec spec, long tableSeed) {
        Objects.requireNonNull(spec, "spec");
        return create(of(spec.kind()), spec, tableSeed);
    }

    private static <S extends GeneratorSpec> void validate(
            GeneratorKind<S> kind, GeneratorSpec spec, GeneratorChecks checks) {
        kind.validate(kind.specType().cast(spec), checks);
    }

    private static <S extends GeneratorSpec> Generator create(
            GeneratorKind<S> kind, GeneratorSpec spec, long tableSeed) {
        return kind.create(kind.specType().cast(spec), tableSeed);
    }
}
