package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SpecValue;
import dev.dynaseed.spec.ValueType;
import dev.dynaseed.spec.internal.DidYouMean;
import dev.dynaseed.spec.internal.Quote;
import dev.dynaseed.spec.internal.SpecPaths;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks that need all of an item type's attributes at once: every template reads attributes that exist (of
 * the item, or of its parent in a collection) and can be written as text, and no templates read each other in a
 * cycle.
 */
public final class ItemChecks {
    private ItemChecks() {}

    /**
     * Adds a problem for every template of {@code attributes} that reads an unknown attribute, and for a cycle;
     * {@code parent} holds the parent's attributes for a collection's items. {@code path} names the attribute map.
     */
    public static void templates(
            Map<String, GeneratorSpec> attributes,
            Optional<Map<String, GeneratorSpec>> parent,
            String path,
            List<Problem> problems) {
        Objects.requireNonNull(attributes, "attributes");
        attributes.forEach((name, generator) -> {
            String at = SpecPaths.field(path, name);
            for (String read : AttributeOrder.reads(generator)) {
                readable(read, attributes, at, "", problems);
            }
            for (String read : AttributeOrder.readsOfParent(generator)) {
                if (parent.isEmpty()) {
                    problems.add(new Problem(
                            at,
                            "reads {parent." + read + "}, but only the items of an entity's collection have a parent;"
                                    + " write {" + read + "} for this item's own attribute"));
                } else {
                    readable(read, parent.get(), at, "parent.", problems);
                }
            }
        });
        AttributeOrder.cycles(attributes)
                .forEach(cycle -> problems.add(new Problem(
                        SpecPaths.field(path, cycle.get(0)),
                        "templates read each other in a cycle: " + String.join(" -> ", cycle)
                                + "; let one of them be made by a generator of its own")));
    }

    private static void readable(
            String read, Map<String, GeneratorSpec> attributes, String at, String prefix, List<Problem> problems) {
        GeneratorSpec generator = attributes.get(read);
        if (generator == null) {
            String hint = DidYouMean.closest(read, attributes.keySet())
                    .map(match -> "did you mean {" + prefix + match + "}? ")
                    .orElse("");
            problems.add(new Problem(
                    at,
                    "reads {" + prefix + read + "}, which is not an attribute of the "
                            + (prefix.isEmpty() ? "item" : "parent") + "; " + hint + "use one of "
                            + attributes.keySet()));
            return;
        }
        ValueType type = generator.valueType();
        if (type != ValueType.S && type != ValueType.N && type != ValueType.BOOL && type != ValueType.B) {
            problems.add(new Problem(
                    at,
                    "reads {" + prefix + read + "}, a " + type + " value, which has no text form; read a string,"
                            + " number or boolean attribute"));
        }
    }

    /**
     * Adds a problem for every attribute of {@code attributes} whose name derives the same random stream as an earlier
     * one's: each attribute draws from a stream derived from its name, and two such names (e.g. {@code Aa} and
     * {@code BB}) would draw the same values in every item. {@code path} names the attribute map.
     */
    public static void sameStreams(Map<String, GeneratorSpec> attributes, String path, List<Problem> problems) {
        Map<Long, String> first = new java.util.HashMap<>();
        for (String name : attributes.keySet()) {
            String earlier = first.putIfAbsent(Seeds.ofText(name), name);
            if (earlier != null) {
                problems.add(new Problem(
                        SpecPaths.field(path, name),
                        "draws the same values as " + Quote.of(earlier) + " in every item (each attribute's random"
                                + " values come from its name, and these two names give the same); rename one of"
                                + " them"));
            }
        }
    }

    /**
     * Whether tables {@code a} and {@code b} would be seeded alike: the same randomSeed (or none, so this run's) and
     * names that give the same random stream, so that their generated items are copies of each other.
     */
    public static boolean sameTableStreams(String a, Optional<Long> seedA, String b, Optional<Long> seedB) {
        return seedA.equals(seedB) && Seeds.ofText(a) == Seeds.ofText(b);
    }

    /**
     * Why key attribute {@code name} would be empty or missing in some items, as far as its generator shows (DynamoDB
     * refuses both): an empty text constant, or a template over an optional attribute (absent, it reads as nothing).
     * Empty when neither; the fix is part of the text.
     */
    public static Optional<String> emptyKeyValue(String name, Map<String, GeneratorSpec> attributes) {
        GeneratorSpec generator = attributes.get(name);
        if (generator instanceof GeneratorSpec.Constant constant
                && constant.value() instanceof SpecValue.Text text
                && text.value().isEmpty()) {
            return Optional.of("is an empty string, which DynamoDB refuses as a key value; give it a value");
        }
        if (generator != null && generator.kind() == GeneratorSpec.Kind.TEMPLATE) {
            for (String read : AttributeOrder.closure(AttributeOrder.reads(generator), attributes)) {
                if (attributes.get(read) instanceof GeneratorSpec.Maybe) {
                    return Optional.of("reads " + Quote.of(read) + ", which is optional: in the items without it the"
                            + " key would be made without it (an empty string when nothing else is in it, which"
                            + " DynamoDB refuses); make " + Quote.of(read) + " always present, or leave it out of"
                            + " the key");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * How many distinct values attribute {@code name} can take over all the items of its scope, where that is known
     * from the spec: a constant 1, a oneOf its distinct values, a range its whole steps, a boolean 2, a timestamp from
     * an instant to the same 1, a template the product of what it reads. Empty when unknown or not small.
     */
    public static Optional<Long> valuesAcrossItems(String name, Map<String, GeneratorSpec> attributes) {
        return valuesAcrossItems(name, attributes, false, new java.util.HashSet<>());
    }

    /** As {@link #valuesAcrossItems}, over the children of one parent: what they read of it is one value. */
    public static Optional<Long> valuesAcrossSiblings(String name, Map<String, GeneratorSpec> attributes) {
        return valuesAcrossItems(name, attributes, true, new java.util.HashSet<>());
    }

    private static Optional<Long> valuesAcrossItems(
            String name, Map<String, GeneratorSpec> attributes, boolean oneParent, java.util.Set<String> seen) {
        GeneratorSpec generator = attributes.get(name);
        if (generator == null || !seen.add(name)) {
            return Optional.empty();
        }
        return switch (generator.kind()) {
            case CONSTANT, ONE_OF, INT_RANGE, DECIMAL_RANGE ->
                CollectionKinds.distinct(generator).map(CollectionKinds.Distinct::count);
            case BOOLEAN -> Optional.of(2L);
            case TIMESTAMP -> {
                GeneratorSpec.Timestamp timestamp = (GeneratorSpec.Timestamp) generator;
                yield TimestampKind.instant(timestamp.from())
                        .filter(from -> TimestampKind.instant(timestamp.to())
                                .filter(from::equals)
                                .isPresent())
                        .map(same -> 1L);
            }
            case TEMPLATE -> {
                if (!oneParent && !AttributeOrder.readsOfParent(generator).isEmpty()) {
                    yield Optional.empty();
                }
                long product = 1;
                for (String read : AttributeOrder.reads(generator)) {
                    Optional<Long> values = valuesAcrossItems(read, attributes, oneParent, seen);
                    if (values.isEmpty()) {
                        yield Optional.empty();
                    }
                    try {
                        product = Math.multiplyExact(product, values.get());
                    } catch (ArithmeticException e) {
                        // More than a long counts: as good as unbounded for a key space.
                        yield Optional.empty();
                    }
                }
                yield Optional.of(product);
            }
            case UUID1,
                    UUID4,
                    EPOCH_SECONDS,
                    EPOCH_MILLIS,
                    ISO_TIMESTAMP,
                    SEQUENCE,
                    BYTES,
                    FAKE,
                    NUMBER,
                    SET,
                    LIST,
                    MAP,
                    OPTIONAL,
                    REF -> Optional.empty();
        };
    }

    /**
     * The generators that make attributes {@code names}, with all they read, when they make the same values for the
     * same item ordinal whatever the seed (constants, sequences and templates over them; what they read of a parent
     * too when {@code oneParent}: siblings share it); empty when any draws at random (or reads a parent otherwise).
     */
    public static Optional<Map<String, GeneratorSpec>> ordinalOnly(
            java.util.Collection<String> names, Map<String, GeneratorSpec> attributes, boolean oneParent) {
        Map<String, GeneratorSpec> made = new java.util.TreeMap<>();
        for (String name : AttributeOrder.closure(new java.util.LinkedHashSet<>(names), attributes)) {
            GeneratorSpec generator = attributes.get(name);
            boolean fixed = switch (generator.kind()) {
                case CONSTANT, SEQUENCE -> true;
                case TEMPLATE ->
                    oneParent || AttributeOrder.readsOfParent(generator).isEmpty();
                default -> false;
            };
            if (!fixed) {
                return Optional.empty();
            }
            made.put(name, generator);
        }
        return names.stream().allMatch(made::containsKey) ? Optional.of(made) : Optional.empty();
    }

    /**
     * Whether attribute {@code name} has one value for every item of its scope: a constant, or a template that reads
     * only such attributes and its parent's (which are one value for every child of one parent).
     */
    public static boolean sameForEveryItem(String name, Map<String, GeneratorSpec> attributes) {
        return same(name, attributes, new java.util.HashSet<>());
    }

    private static boolean same(String name, Map<String, GeneratorSpec> attributes, java.util.Set<String> seen) {
        GeneratorSpec generator = attributes.get(name);
        if (generator == null || !seen.add(name)) {
            return false;
        }
        if (generator.kind() == GeneratorSpec.Kind.CONSTANT) {
            return true;
        }
        return generator.kind() == GeneratorSpec.Kind.TEMPLATE
                && AttributeOrder.reads(generator).stream().allMatch(read -> same(read, attributes, seen));
    }

    /** Whether attribute {@code name} changes from run to run without a randomSeed, following what templates read. */
    public static boolean variesAcrossRuns(String name, Map<String, GeneratorSpec> attributes) {
        return varies(name, attributes, new java.util.HashSet<>());
    }

    private static boolean varies(String name, Map<String, GeneratorSpec> attributes, java.util.Set<String> seen) {
        GeneratorSpec generator = attributes.get(name);
        if (generator == null || !seen.add(name)) {
            return false;
        }
        if (generator.kind() != GeneratorSpec.Kind.TEMPLATE) {
            return generator.variesAcrossRuns();
        }
        return AttributeOrder.reads(generator).stream().anyMatch(read -> varies(read, attributes, seen));
    }
}
