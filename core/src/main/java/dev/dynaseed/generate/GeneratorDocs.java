package dev.dynaseed.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The generator reference, written from the registry: the README's table and the comments {@code init} writes. */
public final class GeneratorDocs {
    /** The longest comment line {@code init} writes, without its "# ". */
    private static final int WIDTH = 110;

    private GeneratorDocs() {}

    /** The README's generator table, in Markdown, ending in a newline. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder();
        table.append("| generator | type | parameters | value |\n");
        table.append("|---|---|---|---|\n");
        for (GeneratorKind<?> kind : GeneratorKinds.all()) {
            String parameters = kind.parameters().stream()
                    .map(parameter -> "`" + parameter.name() + "` (" + constraints(parameter) + "): " + parameter.doc())
                    .collect(Collectors.joining("; "));
            table.append("| `")
                    .append(kind.name())
                    .append("` | ")
                    .append(kind.valueTypes())
                    .append(" | ")
                    .append(parameters)
                    .append(" | ")
                    .append(kind.doc())
                    .append(" |\n");
        }
        return table.toString();
    }

    /** The generator reference as YAML comment lines, each ending in a newline. */
    public static String yamlComments() {
        List<String> lines = new ArrayList<>();
        lines.add("Generators: write the bare name (user_id: uuid4), or an object with parameters when a generator");
        lines.add("needs them or you change a default ({generator: intRange, min: 1, max: 100}).");
        int width =
                GeneratorKinds.names().stream().mapToInt(String::length).max().orElse(0);
        for (GeneratorKind<?> kind : GeneratorKinds.all()) {
            String name = String.format("%-" + width + "s", kind.name());
            String indent = "  " + " ".repeat(width) + "  ";
            wrap(lines, "  " + name + "  ", indent, plain(kind.valueTypes()) + ": " + plain(kind.doc()));
            if (!kind.parameters().isEmpty()) {
                wrap(
                        lines,
                        indent,
                        indent,
                        "e.g. " + kind.example() + "; "
                                + kind.parameters().stream()
                                        .map(parameter -> parameter.name() + " (" + constraints(parameter) + ")")
                                        .collect(Collectors.joining(", ")));
            }
        }
        return lines.stream().map(line -> ("# " + line).stripTrailing() + "\n").collect(Collectors.joining());
    }

    /** Adds {@code text} as lines of at most {@value #WIDTH} characters, the first after {@code first}. */
    private static void wrap(List<String> lines, String first, String indent, String text) {
        StringBuilder line = new StringBuilder(first);
        int start = line.length();
        for (String word : text.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
    }

    private static String constraints(Parameter parameter) {
        List<String> parts = new ArrayList<>();
        if (parameter.required()) {
            parts.add("required");
        }
        parameter.defaultValue().ifPresent(value -> parts.add("default " + value));
        if (parameter.minimum().isPresent() && parameter.maximum().isPresent()) {
            parts.add(plain(parameter.minimum().get()) + " to "
                    + plain(parameter.maximum().get()));
        } else {
            parameter.minimum().ifPresent(minimum -> parts.add("≥ " + plain(minimum)));
        }
        if (parts.isEmpty()) {
            parts.add("optional");
        }
        return String.join(", ", parts);
    }

    private static String plain(BigDecimal number) {
        return number.toPlainString();
    }

    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }
}
