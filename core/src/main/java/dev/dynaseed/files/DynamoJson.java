package dev.dynaseed.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.spec.internal.Quote;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB JSON, the typed format of the DynamoDB API, the AWS CLI and S3 exports: every value is an object with one
 * type descriptor ({@code {"S": "a"}}, {@code {"N": "1.50"}}, {@code {"SS": ["a"]}}, {@code {"M": {...}}}); numbers
 * are strings, so they keep every digit, and binary values are base64. Reading and writing it loses nothing.
 */
public final class DynamoJson {
    private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M");
    private static final int MAX_DEPTH = 32;

    private DynamoJson() {}

    /** The item {@code node} holds (an object of attribute names to typed values). */
    public static Map<String, AttributeValue> item(JsonNode node) throws ItemFormatException {
        if (node == null || !node.isObject()) {
            throw new ItemFormatException(
                    "is " + describe(node) + ", not an item; write an object such as {\"id\": {\"S\": \"a\"}}");
        }
        ItemJson.unique(node, "");
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            ItemJson.named(field.getKey(), "");
            item.put(field.getKey(), value(field.getValue(), field.getKey(), 1));
        }
        return item;
    }

    /**
     * The item {@code node} holds, bare or in an {@code {"Item": {...}}} wrapper (an S3 export line, a get-item
     * answer). {@code {"Item": {"S": "a"}}} is read by validity: as a wrapper when its {@code Item} is a valid item (a
     * map of typed attributes), else as an item with one attribute named {@code Item} when that is valid. Both cannot
     * be valid at once.
     */
    public static Map<String, AttributeValue> unwrappedItem(JsonNode node) throws ItemFormatException {
        if (!wrapperShape(node)) {
            return item(node);
        }
        JsonNode inner = node.get("Item");
        try {
            return item(inner);
        } catch (ItemFormatException asWrapper) {
            try {
                return item(node);
            } catch (ItemFormatException asItem) {
                throw typedValueShape(inner) ? asItem : asWrapper;
            }
        }
    }

    /** The typed value {@code node} holds, e.g. {@code {"N": "42"}}; {@code where} names it in messages. */
    public static AttributeValue value(JsonNode node, String where) throws ItemFormatException {
        return value(node, where, 1);
    }

    /**
     * Whether {@code node} looks like a DynamoDB JSON item: an object (not empty) whose every value is an object with
     * exactly one type descriptor.
     */
    public static boolean looksTyped(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            return false;
        }
        for (JsonNode value : node) {
            if (!value.isObject()
                    || value.size() != 1
                    || !TYPES.contains(value.fieldNames().next())) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code {"Item": {...}}} (an S3 export line, a get-item answer): the item inside; else {@code node}. As in {@link
     * #unwrappedItem}, {@code {"Item": {"S": "a"}}} is an item whose attribute {@code Item} is the string a.
     */
    public static JsonNode unwrap(JsonNode node) {
        if (!wrapperShape(node)) {
            return node;
        }
        JsonNode inner = node.get("Item");
        if (valid(inner)) {
            return inner;
        }
        return valid(node) || typedValueShape(inner) ? node : inner;
    }

    private static boolean wrapperShape(JsonNode node) {
        return node != null
                && node.isObject()
                && node.size() == 1
                && node.has("Item")
                && node.get("Item").isObject();
    }

    /** Whether {@code node} has the shape of one typed value: an object with one key, a DynamoDB type. */
    private static boolean typedValueShape(JsonNode node) {
        return node.isObject()
                && node.size() == 1
                && TYPES.contains(node.fieldNames().next());
    }

    private static boolean valid(JsonNode node) {
        try {
            item(node);
            return true;
        } catch (ItemFormatException e) {
            return false;
        }
    }

    private static AttributeValue value(JsonNode node, String where, int depth) throws ItemFormatException {
        if (depth > MAX_DEPTH) {
            throw new ItemFormatException(where + " is nested deeper than DynamoDB's " + MAX_DEPTH + " levels");
        }
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new ItemFormatException(where + " is " + describe(node)
                    + ", not a typed value; write one type and its value, e.g. {\"S\": \"text\"} or {\"N\": \"42\"}");
        }
        ItemJson.unique(node, where);
        String type = node.fieldNames().next();
        JsonNode content = node.get(type);
        String at = where + "." + type;
        return switch (type) {
            case "S" -> AttributeValue.fromS(text(content, at));
            case "N" -> AttributeValue.fromN(number(content, at));
            case "B" -> AttributeValue.fromB(binary(content, at));
            case "BOOL" -> {
                if (!content.isBoolean()) {
                    throw new ItemFormatException(at + " is " + describe(content) + "; write true or false");
                }
                yield AttributeValue.fromBool(content.booleanValue());
            }
            case "NULL" -> {
                if (!content.isBoolean() || !content.booleanValue()) {
                    throw new ItemFormatException(at + " is " + describe(content) + "; write {\"NULL\": true}");
                }
                yield AttributeValue.fromNul(true);
            }
            case "SS" -> {
                List<String> values = new ArrayList<>();
                for (JsonNode element : set(content, at)) {
                    values.add(text(element, at));
                }
                yield AttributeValue.fromSs(distinct(values, at));
            }
            case "NS" -> {
                List<String> values = new ArrayList<>();
                for (JsonNode element : set(content, at)) {
                    values.add(number(element, at));
                }
                yield AttributeValue.fromNs(distinctNumbers(values, at));
            }
            case "BS" -> {
                List<SdkBytes> values = new ArrayList<>();
                for (JsonNode element : set(content, at)) {
                    values.add(binary(element, at));
                }
                if (new HashSet<>(values).size() != values.size()) {
                    throw new ItemFormatException(at + " holds the same value twice; a set holds each value once");
                }
                yield AttributeValue.fromBs(values);
            }
            case "L" -> {
                if (!content.isArray()) {
                    throw new ItemFormatException(at + " is " + describe(content) + "; write a list of typed values");
                }
                List<AttributeValue> values = new ArrayList<>();
                int index = 0;
                for (JsonNode element : content) {
                    values.add(value(element, at + "[" + index++ + "]", depth + 1));
                }
                yield AttributeValue.fromL(values);
            }
            case "M" -> {
                if (!content.isObject()) {
                    throw new ItemFormatException(
                            at + " is " + describe(content) + "; write an object of names to typed values");
                }
                ItemJson.unique(content, at);
                Map<String, AttributeValue> values = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    ItemJson.named(field.getKey(), at);
                    values.put(field.getKey(), value(field.getValue(), at + "." + field.getKey(), depth + 1));
                }
                yield AttributeValue.fromM(values);
            }
            default ->
                throw new ItemFormatException(where + " has the type " + Quote.of(type)
                        + ", which DynamoDB does not know; use S, N, B, BOOL, NULL, SS, NS, BS, L or M");
        };
    }

    private static String text(JsonNode node, String at) throws ItemFormatException {
        if (!node.isTextual()) {
            throw notString(node, at, "S", "text");
        }
        return node.textValue();
    }

    // DynamoDB JSON writes numbers as strings, as the DynamoDB API requires: {"N": 5} is refused like {"S": 5}.
    private static String number(JsonNode node, String at) throws ItemFormatException {
        if (!node.isTextual()) {
            throw notString(node, at, "N", "42");
        }
        return Numbers.check(node.textValue().trim(), at);
    }

    /** {@code at} (a value of {@code type}, or a member of its set) is not a JSON string: the fix writes it as one. */
    private static ItemFormatException notString(JsonNode node, String at, String type, String example) {
        String text = node.isValueNode() && !node.isNull() ? node.asText() : example;
        String fix = at.endsWith("." + type + "S")
                ? "{\"" + type + "S\": [\"" + text + "\"]}"
                : "{\"" + type + "\": \"" + text + "\"}";
        return new ItemFormatException(at + " is " + describe(node) + ", not a string; write it as a string: " + fix);
    }

    private static SdkBytes binary(JsonNode node, String at) throws ItemFormatException {
        if (!node.isTextual()) {
            throw new ItemFormatException(at + " is " + describe(node) + "; write the bytes in base64, e.g. \"AQI=\"");
        }
        try {
            return SdkBytes.fromByteArray(
                    Base64.getDecoder().decode(node.textValue().trim()));
        } catch (IllegalArgumentException e) {
            throw new ItemFormatException(at + " is not base64 (" + e.getMessage() + "); write e.g. \"AQI=\"");
        }
    }

    private static JsonNode set(JsonNode node, String at) throws ItemFormatException {
        if (!node.isArray() || node.isEmpty()) {
            throw new ItemFormatException(at + " is " + describe(node) + "; a set is a list of one or more values");
        }
        return node;
    }

    private static List<String> distinct(List<String> values, String at) throws ItemFormatException {
        if (new HashSet<>(values).size() != values.size()) {
            throw new ItemFormatException(at + " holds the same value twice; a set holds each value once");
        }
        return values;
    }

    private static List<String> distinctNumbers(List<String> values, String at) throws ItemFormatException {
        Set<BigDecimal> seen = new HashSet<>();
        for (String value : values) {
            if (!seen.add(new BigDecimal(value).stripTrailingZeros())) {
                throw new ItemFormatException(at + " holds the number " + value + " twice; a set holds each once");
            }
        }
        return values;
    }

    /** Writes {@code item} as a DynamoDB JSON object. */
    public static void write(JsonGenerator out, Map<String, AttributeValue> item) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            out.writeFieldName(attribute.getKey());
            write(out, attribute.getValue());
        }
        out.writeEndObject();
    }

    /** Writes one typed value, e.g. {@code {"N": "42"}}. */
    public static void write(JsonGenerator out, AttributeValue value) throws IOException {
        Objects.requireNonNull(value, "value");
        out.writeStartObject();
        switch (value.type()) {
            case S -> out.writeStringField("S", value.s());
            case N -> out.writeStringField("N", value.n());
            case B -> out.writeStringField("B", base64(value.b()));
            case BOOL -> out.writeBooleanField("BOOL", value.bool());
            case NUL -> out.writeBooleanField("NULL", true);
            case SS -> {
                out.writeArrayFieldStart("SS");
                for (String s : value.ss()) {
                    out.writeString(s);
                }
                out.writeEndArray();
            }
            case NS -> {
                out.writeArrayFieldStart("NS");
                for (String n : value.ns()) {
                    out.writeString(n);
                }
                out.writeEndArray();
            }
            case BS -> {
                out.writeArrayFieldStart("BS");
                for (SdkBytes b : value.bs()) {
                    out.writeString(base64(b));
                }
                out.writeEndArray();
            }
            case L -> {
                out.writeArrayFieldStart("L");
                for (AttributeValue element : value.l()) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case M -> {
                out.writeFieldName("M");
                write(out, value.m());
            }
            case UNKNOWN_TO_SDK_VERSION -> throw new IOException("a value of a type this SDK does not know: " + value);
        }
        out.writeEndObject();
    }

    /** {@code item} as a DynamoDB JSON tree (for spec files: {@code seed.items}). */
    public static ObjectNode node(Map<String, AttributeValue> item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        item.forEach((name, value) -> node.set(name, node(value)));
        return node;
    }

    private static ObjectNode node(AttributeValue value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", base64(value.b()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> {
                ArrayNode array = node.putArray("BS");
                value.bs().forEach(b -> array.add(base64(b)));
            }
            case L -> {
                ArrayNode array = node.putArray("L");
                value.l().forEach(element -> array.add(node(element)));
            }
            case M -> node.set("M", node(value.m()));
            case UNKNOWN_TO_SDK_VERSION ->
                throw new IllegalArgumentException("a value of a type this SDK does not know: " + value);
        }
        return node;
    }

    static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        String text = node.toString();
        String kind = node.isObject()
                ? "an object"
                : node.isArray() ? "a list" : node.isTextual() ? "a string" : node.isNumber() ? "a number" : "";
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return kind.isEmpty() ? shown : kind + " " + shown;
    }
}
