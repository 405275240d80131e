package dev.dynaseed.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plain JSON items ({@code {"id": "a", "n": 1.50, "tags": ["x"]}}), typed as the AWS SDKs' document clients type them:
 * strings S, numbers N (their text kept, so every digit), booleans BOOL, null NULL, arrays L, objects M. Written back,
 * sets become arrays and binary values base64 strings: plain JSON cannot tell them apart, so they come back as lists
 * and strings ({@link Losses} counts them).
 */
public final class PlainJson {
    private static final int MAX_DEPTH = 32;

    private PlainJson() {}

    /** The item {@code node} holds (an object of attribute names to plain values). */
    public static Map<String, AttributeValue> item(JsonNode node) throws ItemFormatException {
        if (node == null || !node.isObject()) {
            throw new ItemFormatException(
                    "is " + DynamoJson.describe(node) + ", not an item; write an object such as {\"id\": \"a\"}");
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

    private static AttributeValue value(JsonNode node, String where, int depth) throws ItemFormatException {
        if (depth > MAX_DEPTH) {
            throw new ItemFormatException(where + " is nested deeper than DynamoDB's " + MAX_DEPTH + " levels");
        }
        if (node.isTextual()) {
            return AttributeValue.fromS(node.textValue());
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(
                    node.isBigDecimal()
                            ? Numbers.check(node.decimalValue(), where)
                            : Numbers.check(node.asText(), where));
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.booleanValue());
        }
        if (node.isNull()) {
            return AttributeValue.fromNul(true);
        }
        if (node.isArray()) {
            List<AttributeValue> values = new ArrayList<>();
            int index = 0;
            for (JsonNode element : node) {
                values.add(value(element, where + "[" + index++ + "]", depth + 1));
            }
            return AttributeValue.fromL(values);
        }
        if (node.isObject()) {
            ItemJson.unique(node, where);
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                ItemJson.named(field.getKey(), where);
                values.put(field.getKey(), value(field.getValue(), where + "." + field.getKey(), depth + 1));
            }
            return AttributeValue.fromM(values);
        }
        throw new ItemFormatException(where + " is " + DynamoJson.describe(node) + ", which JSON items cannot hold");
    }

    /** Writes {@code item} as a plain JSON object, counting in {@code losses} what plain JSON cannot keep. */
    public static void write(JsonGenerator out, Map<String, AttributeValue> item, Losses losses) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            out.writeFieldName(attribute.getKey());
            write(out, attribute.getValue(), losses);
        }
        out.writeEndObject();
    }

    private static void write(JsonGenerator out, AttributeValue value, Losses losses) throws IOException {
        switch (value.type()) {
            case S -> out.writeString(value.s());
            case N -> out.writeNumber(value.n());
            case B -> {
                losses.binary();
                out.writeString(DynamoJson.base64(value.b()));
            }
            case BOOL -> out.writeBoolean(value.bool());
            case NUL -> out.writeNull();
            case SS -> {
                losses.set();
                out.writeStartArray();
                for (String s : value.ss()) {
                    out.writeString(s);
                }
                out.writeEndArray();
            }
            case NS -> {
                losses.set();
                out.writeStartArray();
                for (String n : value.ns()) {
                    out.writeNumber(n);
                }
                out.writeEndArray();
            }
            case BS -> {
                losses.set();
                losses.binary();
                out.writeStartArray();
                for (SdkBytes b : value.bs()) {
                    out.writeString(DynamoJson.base64(b));
                }
                out.writeEndArray();
            }
            case L -> {
                out.writeStartArray();
                for (AttributeValue element : value.l()) {
                    write(out, element, losses);
                }
                out.writeEndArray();
            }
            case M -> write(out, value.m(), losses);
            case UNKNOWN_TO_SDK_VERSION -> throw new IOException("a value of a type this SDK does not know: " + value);
        }
    }
}
