package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order an item's attributes are made in: every template after the attributes it reads (its dependencies),
 * otherwise as written. A cycle has no order; {@link #cycle} names it ({@code a -> b -> a}).
 */
final class AttributeOrder {
    private AttributeOrder() {}

    /** The attributes of the item that {@code generator} reads (not its parent's), with nested templates. */
    static Set<String> reads(GeneratorSpec generator) {
        Set<String> names = new LinkedHashSet<>();
        collect(generator, names, false);
        return names;
    }

    /** The attributes of the parent item that {@code generator} reads. */
    static Set<String> readsOfParent(GeneratorSpec generator) {
        Set<String> names = new LinkedHashSet<>();
        collect(generator, names, true);
        return names;
    }

    private static void collect(GeneratorSpec generator, Set<String> names, boolean parent) {
        switch (generator.kind()) {
            case TEMPLATE ->
                TemplateText.parse(((GeneratorSpec.Template) generator).template())
                        .template()
                        .ifPresent(template -> template.placeholders().stream()
                                .filter(placeholder -> placeholder.parent() == parent)
                                .forEach(placeholder -> names.add(placeholder.name())));
            case SET -> collect(((GeneratorSpec.SetOf) generator).of(), names, parent);
            case LIST -> collect(((GeneratorSpec.ListOf) generator).of(), names, parent);
            case OPTIONAL -> collect(((GeneratorSpec.Maybe) generator).of(), names, parent);
            case MAP -> ((GeneratorSpec.MapOf) generator).fields().values().forEach(f -> collect(f, names, parent));
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
                    REF -> {
                // reads nothing of the item
            }
        }
    }

    /**
     * Every cycle among the attributes' reads that shares no attribute with one found before it (a cycle through an
     * attribute of another shows once that one is broken), each as {@code [a, b, a]}.
     */
    static List<List<String>> cycles(Map<String, GeneratorSpec> attributes) {
        Map<String, GeneratorSpec> left = new LinkedHashMap<>(attributes);
        List<List<String>> cycles = new ArrayList<>();
        for (Optional<List<String>> found = cycle(left); found.isPresent(); found = cycle(left)) {
            cycles.add(found.get());
            found.get().forEach(left::remove);
        }
        return cycles;
    }

    /** The first cycle among the attributes' reads, as {@code [a, b, a]}, if there is one. */
    static Optional<List<String>> cycle(Map<String, GeneratorSpec> attributes) {
        Map<String, Integer> state = new LinkedHashMap<>();
        for (String name : attributes.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> found = visit(name, attributes, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(
            String name, Map<String, GeneratorSpec> attributes, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(name);
        if (seen != null && seen == 2) {
            return Optional.empty();
        }
        if (seen != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            return Optional.of(cycle);
        }
        GeneratorSpec generator = attributes.get(name);
        if (generator == null) {
            return Optional.empty(); // an unknown attribute is a problem of its own
        }
        state.put(name, 1);
        path.add(name);
        for (String read : reads(generator)) {
            Optional<List<String>> found = visit(read, attributes, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(name, 2);
        return Optional.empty();
    }

    /** The attributes in the order they are made; their reads must be acyclic. */
    static List<String> of(Map<String, GeneratorSpec> attributes) {
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String name : attributes.keySet()) {
            place(name, attributes, done, order, new LinkedHashSet<>());
        }
        return order;
    }

    private static void place(
            String name, Map<String, GeneratorSpec> attributes, Set<String> done, List<String> order, Set<String> on) {
        if (done.contains(name) || !attributes.containsKey(name) || !on.add(name)) {
            return;
        }
        for (String read : reads(attributes.get(name))) {
            place(read, attributes, done, order, on);
        }
        done.add(name);
        order.add(name);
    }

    /** {@code names} and every attribute they read, directly or not. */
    static Set<String> closure(Set<String> names, Map<String, GeneratorSpec> attributes) {
        Set<String> closure = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(names);
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            if (attributes.containsKey(name) && closure.add(name)) {
                pending.addAll(reads(attributes.get(name)));
            }
        }
        return closure;
    }
}
