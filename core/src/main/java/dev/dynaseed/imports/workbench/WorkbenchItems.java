package dev.dynaseed.imports.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.spec.internal.DynamoNumbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a data model's {@code TableData} items into typed DynamoDB items. Values are DynamoDB JSON
 * ({@code {"N": "42"}}); a plain JSON value is typed by the attribute's declared {@code AttributeType}. Numbers stay
 * exactly as written, sets stay sets, binary values are base64.
 */
final class WorkbenchItems {
    static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

    private WorkbenchItems() {}

    /** Why a value cannot be an attribute value, with the path inside the item. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;
        final String path;

        BadValue(String path, String message) {
            super(message);
            this.path = path;
        }
    }

    /** The item {@code node}, typed; {@code declared} holds the model's attribute types. */
    static Map<String, AttributeValue> item(JsonNode node, Map<String, String> declared) throws BadValue {
        if (!node.isObject()) {
            throw new BadValue("", "is " + kind(node) + ", not an item object such as {\"id\": {\"S\": \"a\"}}");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String name = field.getKey();
            item.put(name, value(field.getValue(), Optional.ofNullable(declared.get(name)), name));
        }
        return item;
    }

    private static AttributeValue value(JsonNode node, Optional<String> declared, String path) throws BadValue {
        if (node.isObject()
                && node.size() == 1
                && TYPES.contains(node.fieldNames().next())) {
            String type = node.fieldNames().next();
            return typed(type, node.get(type), path);
        }
        if (declared.isEmpty()) {
            throw new BadValue(
                    path,
                    "is not DynamoDB JSON (such as {\"S\": \"text\"}) and the model declares no type for it; write"
                            + " it typed, or declare it under NonKeyAttributes");
        }
        return plain(declared.get(), node, path);
    }

    private static AttributeValue typed(String type, JsonNode value, String path) throws BadValue {
        String at = path + "." + type;
        return switch (type) {
            case "S" -> AttributeValue.fromS(text(value, at));
            case "N" -> AttributeValue.fromN(number(value, at));
            case "B" -> AttributeValue.fromB(binary(value, at));
            case "BOOL" -> {
                if (!value.isBoolean()) {
                    throw new BadValue(at, "is " + kind(value) + "; BOOL holds true or false");
                }
                yield AttributeValue.fromBool(value.booleanValue());
            }
            case "NULL" -> {
                if (!value.isBoolean() || !value.booleanValue()) {
                    throw new BadValue(at, "is " + kind(value) + "; NULL holds true");
                }
                yield AttributeValue.fromNul(true);
            }
            case "M" -> {
                if (!value.isObject()) {
                    throw new BadValue(at, "is " + kind(value) + "; M holds an object of typed values");
                }
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                var fields = value.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    map.put(field.getKey(), value(field.getValue(), Optional.empty(), at + "." + field.getKey()));
                }
                yield AttributeValue.fromM(map);
            }
            case "L" -> {
                if (!value.isArray()) {
                    throw new BadValue(at, "is " + kind(value) + "; L holds an array of typed values");
                }
                List<AttributeValue> list = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    list.add(value(value.get(i), Optional.empty(), at + "[" + i + "]"));
                }
                yield AttributeValue.fromL(list);
            }
            case "SS" -> AttributeValue.fromSs(set(value, at, WorkbenchItems::text, text -> text));
            case "NS" ->
                AttributeValue.fromNs(
                        set(value, at, WorkbenchItems::number, number -> new BigDecimal(number).stripTrailingZeros()));
            case "BS" -> AttributeValue.fromBs(set(value, at, WorkbenchItems::binary, SdkBytes::asByteBuffer));
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }

    /** A plain JSON value typed as the model declares it. */
    private static AttributeValue plain(String type, JsonNode node, String path) throws BadValue {
        if ("N".equals(type) && node.isNumber()) {
            storable(node.decimalValue(), path);
            return AttributeValue.fromN(node.decimalValue().toString());
        }
        if ("M".equals(type) && node.isObject()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                map.put(field.getKey(), value(field.getValue(), Optional.empty(), path + "." + field.getKey()));
            }
            return AttributeValue.fromM(map);
        }
        if ("L".equals(type) && node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(value(node.get(i), Optional.empty(), path + "[" + i + "]"));
            }
            return AttributeValue.fromL(list);
        }
        return typed(type, node, path);
    }

    private interface Reader<T> {
        T read(JsonNode node, String path) throws BadValue;
    }

    private static <T> List<T> set(
            JsonNode value, String path, Reader<T> reader, java.util.function.Function<T, Object> identity)
            throws BadValue {
        if (!value.isArray() || value.isEmpty()) {
            throw new BadValue(
                    path, "is " + kind(value) + "; a set holds a non-empty array (DynamoDB has no empty sets)");
        }
        Set<Object> seen = new LinkedHashSet<>();
        List<T> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            T item = reader.read(value.get(i), path + "[" + i + "]");
            if (!seen.add(identity.apply(item))) {
                throw new BadValue(path + "[" + i + "]", "repeats a value; a set holds each value once");
            }
            items.add(item);
        }
        return items;
    }

    private static String text(JsonNode value, String path) throws BadValue {
        if (!value.isTextual()) {
            throw new BadValue(path, "is " + kind(value) + ", not a string");
        }
        return value.textValue();
    }

    /** A number exactly as written; DynamoDB JSON writes numbers as strings. */
    private static String number(JsonNode value, String path) throws BadValue {
        String text = value.isTextual()
                ? value.textValue()
                : value.isNumber() ? value.decimalValue().toString() : null;
        if (text == null) {
            throw new BadValue(path, "is " + kind(value) + ", not a number such as \"42\"");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new BadValue(path, "\"" + text + "\" is not a number; write digits such as \"42\" or \"-1.5\"");
        }
        storable(number, path);
        return text.strip();
    }

    /** Refuses what DynamoDB cannot store (over 38 digits, magnitudes past 1E+126 or under 1E-130), before any call. */
    private static void storable(BigDecimal number, String path) throws BadValue {
        Optional<String> problem = DynamoNumbers.problem(number);
        if (problem.isPresent()) {
            throw new BadValue(path, problem.get());
        }
    }

    private static SdkBytes binary(JsonNode value, String path) throws BadValue {
        String text = text(value, path);
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new BadValue(path, "is not base64; binary values are written in base64, such as \"AAEC\"");
        }
    }

    static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        } else if (node.isArray()) {
            return "an array";
        } else if (node.isTextual()) {
            return "a string";
        } else if (node.isNumber()) {
            return "a number";
        } else if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }
}
