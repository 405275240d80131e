package dev.dynaseed.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Turns DynamoDB's typed attribute values into plain JSON and text, so no caller needs the SDK's model. */
final class PlainValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlainValues() {}

    static Item item(Map<String, AttributeValue> item) {
        Map<String, ItemValue> values = new LinkedHashMap<>();
        item.forEach((name, value) -> values.put(name, value(value)));
        return new Item(values);
    }

    static ItemValue value(AttributeValue value) {
        JsonNode json = json(value);
        String text = value.s() != null ? value.s() : value.n() != null ? value.n() : json.toString();
        return new ItemValue(text, json);
    }

    private static JsonNode json(AttributeValue value) {
        return switch (value.type()) {
            case S -> NODES.textNode(value.s());
            case N -> NODES.numberNode(new BigDecimal(value.n()));
            case B -> NODES.textNode(base64(value.b()));
            case BOOL -> NODES.booleanNode(value.bool());
            case NUL -> NODES.nullNode();
            case SS -> {
                ArrayNode array = NODES.arrayNode();
                value.ss().forEach(array::add);
                yield array;
            }
            case NS -> {
                ArrayNode array = NODES.arrayNode();
                value.ns().forEach(n -> array.add(new BigDecimal(n)));
                yield array;
            }
            case BS -> {
                ArrayNode array = NODES.arrayNode();
                value.bs().forEach(b -> array.add(base64(b)));
                yield array;
            }
            case L -> {
                ArrayNode array = NODES.arrayNode();
                value.l().forEach(element -> array.add(json(element)));
                yield array;
            }
            case M -> {
                var object = NODES.objectNode();
                value.m().forEach((name, element) -> object.set(name, json(element)));
                yield object;
            }
            case UNKNOWN_TO_SDK_VERSION -> NODES.textNode(String.valueOf(value));
        };
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    static List<Item> items(List<Map<String, AttributeValue>> items) {
        return items.stream().map(PlainValues::item).toList();
    }
}
