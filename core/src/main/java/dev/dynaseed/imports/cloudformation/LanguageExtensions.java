package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.spec.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands {@code Fn::ForEach::LoopName: [Identifier, Collection, {OutputKey: OutputValue}]} (Transform
 * AWS::LanguageExtensions): each item of the collection gives a copy of the output, with {@code ${Identifier}} and
 * {@code &{Identifier}} (non-alphanumeric characters removed) replaced in keys, and {@code Ref: Identifier} and
 * {@code ${Identifier}} in {@code Fn::Sub} replaced in values. Loops nest up to {@value #MAX_NESTING} deep as in
 * CloudFormation, and expand to at most {@value #MAX_COPIES} copies in all.
 */
final class LanguageExtensions {
    static final String FOR_EACH = "Fn::ForEach::";
    static final int MAX_NESTING = 5;
    static final int MAX_COPIES = 10_000;

    private final Intrinsics intrinsics;
    private int copies;

    LanguageExtensions(Intrinsics intrinsics) {
        this.intrinsics = intrinsics;
    }

    /** {@code node} with every loop in it expanded. */
    TemplateNode expand(TemplateNode node) {
        return expand(node, Map.of(), 0);
    }

    private TemplateNode expand(TemplateNode node, Map<String, String> bindings, int nesting) {
        return switch (node.kind()) {
            case SCALAR -> node;
            case SEQUENCE -> {
                List<TemplateNode> items = new ArrayList<>();
                for (TemplateNode item : ((TemplateNode.Sequence) node).items()) {
                    items.add(expand(item, bindings, nesting));
                }
                yield new TemplateNode.Sequence(items, node.location());
            }
            case MAPPING -> expandMapping((TemplateNode.Mapping) node, bindings, nesting);
        };
    }

    private TemplateNode expandMapping(TemplateNode.Mapping mapping, Map<String, String> bindings, int nesting) {
        if (!bindings.isEmpty() && mapping.entries().size() == 1) {
            Map.Entry<String, TemplateNode> only =
                    mapping.entries().entrySet().iterator().next();
            if (only.getKey().equals("Ref")
                    && only.getValue() instanceof TemplateNode.Scalar ref
                    && bindings.containsKey(ref.text())) {
                return TemplateNode.Scalar.string(bindings.get(ref.text()), mapping.location());
            }
            if (only.getKey().equals("Fn::Sub")) {
                return new TemplateNode.Mapping(
                        Map.of("Fn::Sub", substituteSub(only.getValue(), bindings)), mapping.location());
            }
        }
        Map<String, TemplateNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, TemplateNode> entry : mapping.entries().entrySet()) {
            if (entry.getKey().startsWith(FOR_EACH)) {
                loop(entry.getKey(), entry.getValue(), bindings, nesting, out);
            } else {
                put(
                        out,
                        key(entry.getKey(), bindings, entry.getValue().location()),
                        expand(entry.getValue(), bindings, nesting));
            }
        }
        return new TemplateNode.Mapping(out, mapping.location());
    }

    private void loop(
            String name, TemplateNode value, Map<String, String> bindings, int nesting, Map<String, TemplateNode> out) {
        if (nesting >= MAX_NESTING) {
            throw new TemplateProblem(
                    value.location(),
                    name + " nests more than " + MAX_NESTING + " Fn::ForEach loops, CloudFormation's limit");
        }
        if (!(value instanceof TemplateNode.Sequence parts)
                || parts.items().size() != 3
                || !(parts.items().get(2) instanceof TemplateNode.Mapping body)) {
            throw new TemplateProblem(
                    value.location(), name + " takes [Identifier, [Collection...], {OutputKey: OutputValue}]");
        }
        String identifier = Intrinsics.text(parts.items().get(0), name + " identifier");
        TemplateNode collection = intrinsics
                .evaluate(expand(parts.items().get(1), bindings, nesting))
                .orElseThrow(() -> new TemplateProblem(value.location(), name + " has no collection"));
        for (TemplateNode item :
                Intrinsics.list(collection, name + " collection").items()) {
            if (++copies > MAX_COPIES) {
                throw new TemplateProblem(
                        value.location(),
                        name + " expands to more than " + MAX_COPIES + " copies; shorten its collection");
            }
            Map<String, String> inner = new LinkedHashMap<>(bindings);
            inner.put(identifier, Intrinsics.text(item, name + " collection item"));
            TemplateNode expanded = expandMapping(body, inner, nesting + 1);
            ((TemplateNode.Mapping) expanded).entries().forEach((key, v) -> put(out, key, v));
        }
    }

    private static void put(Map<String, TemplateNode> out, String key, TemplateNode value) {
        if (out.putIfAbsent(key, value) != null) {
            throw new TemplateProblem(
                    value.location(),
                    "Fn::ForEach makes the key '" + key + "' twice; make the"
                            + " OutputKey differ per item, e.g. Table${Name}");
        }
    }

    private static String key(String key, Map<String, String> bindings, SourceLocation at) {
        String out = key;
        for (Map.Entry<String, String> binding : bindings.entrySet()) {
            out = replace(out, "${" + binding.getKey() + "}", binding.getValue(), at);
            out = replace(out, "&{" + binding.getKey() + "}", binding.getValue().replaceAll("[^A-Za-z0-9]", ""), at);
        }
        return out;
    }

    /** {@code text} with every {@code target} replaced, refused before it grows past {@link Intrinsics#MAX_STRING}. */
    private static String replace(String text, String target, String replacement, SourceLocation at) {
        if (replacement.length() > target.length()) {
            long count = 0;
            for (int i = text.indexOf(target); i >= 0; i = text.indexOf(target, i + target.length())) {
                count++;
            }
            Intrinsics.checkLength(text.length() + count * (replacement.length() - target.length()), "Fn::ForEach", at);
        }
        return text.replace(target, replacement);
    }

    private static TemplateNode substituteSub(TemplateNode argument, Map<String, String> bindings) {
        if (argument instanceof TemplateNode.Scalar scalar) {
            String text = scalar.text();
            for (Map.Entry<String, String> binding : bindings.entrySet()) {
                text = replace(text, "${" + binding.getKey() + "}", binding.getValue(), scalar.location());
            }
            return TemplateNode.Scalar.string(text, scalar.location());
        }
        if (argument instanceof TemplateNode.Sequence sequence
                && !sequence.items().isEmpty()) {
            List<TemplateNode> items = new ArrayList<>(sequence.items());
            items.set(0, substituteSub(items.get(0), bindings));
            return new TemplateNode.Sequence(items, sequence.location());
        }
        return argument;
    }
}
