package dev.dynaseed.spec.internal;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Scalars and items written as YAML that reads back as exactly the same string (or DynamoDB JSON item). */
public final class YamlText {
    /** Words some YAML readers (YAML 1.1) take for booleans or null, which a plain string must not be. */
    private static final Set<String> RESERVED =
            Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null", "~");

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./-]*");

    /** The longest number written plain; a DynamoDB number has at most 38 digits, a sign and a point. */
    private static final int PLAIN_NUMBER_LENGTH = 40;

    private YamlText() {}

    /** {@code text} plain when that is safe (a name like {@code user_id}), else double-quoted. */
    public static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return quoted(text);
    }

    /**
     * {@code number} as a YAML number literal that reads back as the same value: plain ({@code 0.25},
     * {@code 1200}) while that is short, else scientific with a point ({@code 4.44E+69}, {@code 1.0E-100}), since
     * plain magnitudes such as 1E+125 run to more characters than a spec may give a number.
     */
    public static String number(java.math.BigDecimal number) {
        String plain = number.toPlainString();
        if (plain.length() <= PLAIN_NUMBER_LENGTH) {
            return plain;
        }
        java.math.BigDecimal stripped = number.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        long exponent = (long) stripped.precision() - stripped.scale() - 1;
        return (stripped.signum() < 0 ? "-" : "") + digits.charAt(0) + "."
                + (digits.length() > 1 ? digits.substring(1) : "0") + "E" + (exponent < 0 ? "-" : "+")
                + Math.abs(exponent);
    }

    /** {@code text} double-quoted, with every character YAML does not allow raw escaped. */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF') {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** An item in DynamoDB JSON on one line, e.g. {@code {"id": {"S": "a"}, "n": {"N": "1"}}}. */
    public static String dynamoJson(Map<String, AttributeValue> item) {
        return item.entrySet().stream()
                .map(entry -> quoted(entry.getKey()) + ": " + value(entry.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String value(AttributeValue value) {
        return switch (value.type()) {
            case S -> typed("S", quoted(value.s()));
            case N -> typed("N", quoted(value.n()));
            case B -> typed("B", bytes(value.b()));
            case BOOL -> typed("BOOL", String.valueOf(value.bool()));
            case NUL -> typed("NULL", "true");
            case SS ->
                typed("SS", list(value.ss().stream().map(YamlText::quoted).toList()));
            case NS ->
                typed("NS", list(value.ns().stream().map(YamlText::quoted).toList()));
            case BS -> typed("BS", list(value.bs().stream().map(YamlText::bytes).toList()));
            case L -> typed("L", list(value.l().stream().map(YamlText::value).toList()));
            case M -> typed("M", dynamoJson(value.m()));
            case UNKNOWN_TO_SDK_VERSION ->
                throw new IllegalArgumentException(
                        "an attribute value of a type this SDK does not know cannot be written: " + value);
        };
    }

    private static String typed(String type, String json) {
        return "{\"" + type + "\": " + json + "}";
    }

    private static String bytes(SdkBytes bytes) {
        return quoted(Base64.getEncoder().encodeToString(bytes.asByteArray()));
    }

    private static String list(List<String> values) {
        return String.join(", ", values).transform(joined -> "[" + joined + "]");
    }
}
