package dev.dynaseed.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A parsed template: literal text and placeholders {@code {name}}, {@code {name:lower}}, {@code {name:upper}},
 * {@code {name:06}} (zero-padded to 6 characters) and {@code {parent.name}}; {@code {{} and {@code }}} are literal
 * braces.
 *
 * @param parts the literal texts and placeholders, in order
 */
record TemplateText(List<Part> parts) {
    private static final Pattern FORMAT = Pattern.compile("lower|upper|0[1-9][0-9]?");

    TemplateText {
        parts = List.copyOf(parts);
    }

    /** A piece of a template. */
    sealed interface Part permits Literal, Placeholder {}

    /** Text written as it is. */
    record Literal(String text) implements Part {}

    /**
     * An attribute's value.
     *
     * @param name the attribute
     * @param parent whether it is the parent item's attribute
     * @param format empty, {@code lower}, {@code upper} or {@code 0N}
     */
    record Placeholder(String name, boolean parent, String format) implements Part {}

    /** Parses {@code template}, or says what is wrong with it. */
    static Parsed parse(String template) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '}') {
                return Parsed.error("has a '}' without its '{' at character " + (i + 1) + "; write }} for a brace");
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    return Parsed.error("has a '{' without its '}' at character " + (i + 1)
                            + "; close it, e.g. USER#{user_id}, or write {{ for a brace");
                }
                String inside = template.substring(i + 1, end).trim();
                String name = inside;
                String format = "";
                int colon = inside.indexOf(':');
                if (colon >= 0) {
                    name = inside.substring(0, colon).trim();
                    format = inside.substring(colon + 1).trim();
                    Matcher matcher = FORMAT.matcher(format);
                    if (!matcher.matches()) {
                        return Parsed.error(
                                format.matches("0[0-9]+")
                                        ? "pads to " + format.substring(1).replaceFirst("^0+(?=.)", "")
                                                + " characters in {"
                                                + inside
                                                + "}; zero-padding goes from 1 to 99 characters (0N with N at most"
                                                + " 99), e.g. {" + name + ":06}"
                                        : "has an unknown format '" + format + "' in {" + inside
                                                + "}; use lower, upper or 0N (zero-padded to N characters, N from 1 to 99),"
                                                + " e.g. {" + name + ":06}");
                    }
                }
                boolean parent = name.startsWith("parent.");
                if (parent) {
                    name = name.substring("parent.".length());
                }
                if (name.isEmpty()) {
                    return Parsed.error("has an empty placeholder {" + inside + "}; name an attribute, e.g. {user_id}");
                }
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Placeholder(name, parent, format));
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return new Parsed(Optional.of(new TemplateText(parts)), Optional.empty());
    }

    /** The result of parsing: a template or why there is none. */
    record Parsed(Optional<TemplateText> template, Optional<String> error) {
        static Parsed error(String message) {
            return new Parsed(Optional.empty(), Optional.of(message));
        }
    }

    /** The placeholders, in order. */
    List<Placeholder> placeholders() {
        return parts.stream()
                .filter(Placeholder.class::isInstance)
                .map(Placeholder.class::cast)
                .toList();
    }

    /** The text for one item; an attribute left out (optional) is written as nothing. */
    String render(java.util.Map<String, AttributeValue> item, java.util.Map<String, AttributeValue> parent) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                text.append(literal.text());
            } else {
                Placeholder placeholder = (Placeholder) part;
                AttributeValue value = (placeholder.parent() ? parent : item).get(placeholder.name());
                text.append(format(value == null ? "" : plain(value), placeholder.format()));
            }
        }
        return text.toString();
    }

    private static String plain(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        if (value.bool() != null) {
            return value.bool().toString();
        }
        if (value.b() != null) {
            return java.util.Base64.getEncoder().encodeToString(value.b().asByteArray());
        }
        return value.toString();
    }

    private static String format(String value, String format) {
        if (format.isEmpty()) {
            return value;
        }
        return switch (format) {
            case "lower" -> value.toLowerCase(java.util.Locale.ROOT);
            case "upper" -> value.toUpperCase(java.util.Locale.ROOT);
            default -> pad(value, Integer.parseInt(format.substring(1)));
        };
    }

    /** Zero-padded to {@code width}; a negative number keeps its sign in front. */
    private static String pad(String value, int width) {
        boolean negative = value.startsWith("-");
        String digits = negative ? value.substring(1) : value;
        int missing = width - value.length();
        return missing <= 0 ? value : (negative ? "-" : "") + "0".repeat(missing) + digits;
    }
}
