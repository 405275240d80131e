package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How one item type is made: its generators in dependency order, each with its own seed, so that attribute
 * {@code a} of the item with ordinal {@code n} depends only on (seed, a, n) and on the attributes it reads.
 */
final class ItemRecipe {
    private final String label;
    private final List<String> written;
    private final List<Step> steps;
    private final boolean reordered;

    private record Step(String name, GeneratorSpec spec, Generator generator, long seed) {}

    private ItemRecipe(String label, List<String> written, List<Step> steps) {
        this.label = label;
        this.written = written;
        this.steps = steps;
        this.reordered = !written.equals(steps.stream().map(Step::name).toList());
    }

    /**
     * The recipe of {@code attributes}; {@code prefix} tells entities apart ({@code "user."}; empty for a table
     * without entities, whose seeds stay as they always were).
     */
    static ItemRecipe of(String label, String prefix, Map<String, GeneratorSpec> attributes, long tableSeed) {
        return only(label, prefix, attributes, tableSeed, attributes.keySet());
    }

    /** The recipe of {@code wanted} and what they read only (a referenced attribute). */
    static ItemRecipe only(
            String label, String prefix, Map<String, GeneratorSpec> attributes, long tableSeed, Set<String> wanted) {
        Set<String> needed = AttributeOrder.closure(wanted, attributes);
        List<Step> steps = AttributeOrder.of(attributes).stream()
                .filter(needed::contains)
                .map(name -> {
                    GeneratorSpec spec = attributes.get(name);
                    long seed = Seeds.mix(tableSeed, Seeds.ofText(prefix + name));
                    try {
                        return new Step(name, spec, GeneratorKinds.create(spec, seed), seed);
                    } catch (RuntimeException e) {
                        throw new GenerationException(
                                "generator '" + spec.kind() + "' of attribute '" + name + "'" + label
                                        + " cannot start: " + ItemGenerator.describe(e),
                                e);
                    }
                })
                .toList();
        List<String> written =
                attributes.keySet().stream().filter(needed::contains).toList();
        return new ItemRecipe(label, written, steps);
    }

    /** The item with {@code ordinal} among its type; {@code index} is its place in the table, for messages. */
    Map<String, AttributeValue> make(
            long ordinal, long index, long baseEpochMillis, Map<String, AttributeValue> parent) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(steps.size() * 2);
        for (Step step : steps) {
            SplittableRandom random = new SplittableRandom(Seeds.mix(step.seed(), ordinal));
            GenerationContext context = new GenerationContext(ordinal, random, baseEpochMillis, item, parent);
            try {
                if (step.generator().present(context)) {
                    item.put(step.name(), step.generator().next(context));
                }
            } catch (GenerationException e) {
                if (!e.unplaced()) {
                    throw e;
                }
                throw new GenerationException(
                        "generator '" + step.spec().kind() + "' of attribute '" + step.name() + "'" + label
                                + " failed at item " + index + ": " + e.getMessage(),
                        e);
            } catch (RuntimeException e) {
                throw new GenerationException(
                        "generator '" + step.spec().kind() + "' of attribute '" + step.name() + "'" + label
                                + " failed at item " + index + ": " + ItemGenerator.describe(e),
                        e);
            }
        }
        if (!reordered) {
            return item;
        }
        Map<String, AttributeValue> inOrder = new LinkedHashMap<>(item.size() * 2);
        for (String name : written) {
            AttributeValue value = item.get(name);
            if (value != null) {
                inOrder.put(name, value);
            }
        }
        return inOrder;
    }
}
