package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.ValueType;
import dev.dynaseed.spec.internal.DidYouMean;
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
        AttributeOrder.cycle(attributes)
                .ifPresent(cycle -> problems.add(new Problem(
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
