package dev.dynaseed.imports.terraform;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Terraform's {@code jsonencode()}: compact JSON, object keys in lexical order, and strings escaped as Go's JSON
 * encoder does (also {@code <}, {@code >}, {@code &}, U+2028 and U+2029, as {@code \u003c} ...).
 */
final class JsonEncoding {
    private JsonEncoding() {}

    /** {@code value} (a string, number, bool, list, set, map, or null inside them) as Terraform's JSON. */
    static String encode(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, json);
        return json.toString();
    }

    private static void write(Object value, StringBuilder json) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String text) {
            string(text, json);
        } else if (value instanceof BigDecimal number) {
            json.append(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
        } else if (value instanceof Boolean bool) {
            json.append(bool);
        } else if (value instanceof Collection<?> items) {
            json.append('[');
            boolean first = true;
            for (Object item : items) {
                json.append(first ? "" : ",");
                first = false;
                write(item, json);
            }
            json.append(']');
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
            json.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                json.append(first ? "" : ",");
                first = false;
                string(entry.getKey(), json);
                json.append(':');
                write(entry.getValue(), json);
            }
            json.append('}');
        } else {
            throw new IllegalStateException("not a Terraform value: " + value.getClass());
        }
    }

    private static void string(String text, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
