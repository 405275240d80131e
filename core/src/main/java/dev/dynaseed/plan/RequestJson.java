package dev.dynaseed.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * A request as the JSON that {@code aws dynamodb OPERATION --cli-input-json} accepts (PascalCase member names), and
 * back. Generic over the SDK's model: it walks {@link SdkPojo#sdkFields()} and names each member by
 * {@link SdkField#locationName()}, so a new request member needs no code here.
 */
public final class RequestJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MODEL_PACKAGE = "software.amazon.awssdk.services.dynamodb.model.";

    private RequestJson() {}

    /** The request's members that are set, as JSON; unset members (and empty auto-constructed lists) are left out. */
    public static ObjectNode toJson(SdkPojo pojo) {
        Objects.requireNonNull(pojo, "pojo");
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (isSet(value)) {
                node.set(field.locationName(), value(field, value));
            }
        }
        return node;
    }

    /** A request of {@code type} from its JSON, as {@link #toJson} writes it. */
    public static <T extends SdkPojo> T fromJson(JsonNode json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(type, "type");
        try {
            Object builder = type.getMethod("builder").invoke(null);
            return type.cast(build(json, (SdkPojo) builder));
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException(type.getName() + " has no public static builder()", e);
        }
    }

    /** The SDK request type of a DynamoDB operation, e.g. {@code UpdateTable} is {@code UpdateTableRequest}. */
    public static Class<? extends DynamoDbRequest> requestType(String operation) {
        try {
            return Class.forName(MODEL_PACKAGE + operation + "Request").asSubclass(DynamoDbRequest.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "'" + operation + "' is not a DynamoDB operation of this SDK; use one like UpdateTable", e);
        }
    }

    /** Parses JSON text (as {@link #toJson} writes it) into the request type of {@code operation}. */
    public static DynamoDbRequest parse(String operation, String json) {
        try {
            return fromJson(new ObjectMapper().readTree(json), requestType(operation));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean isSet(Object value) {
        return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
    }

    private static JsonNode value(SdkField<?> field, Object value) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return toJson((SdkPojo) value);
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            ArrayNode array = NODES.arrayNode();
            for (Object element : (List<?>) value) {
                array.add(element == null ? NODES.nullNode() : value(member, element));
            }
            return array;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            ObjectNode map = NODES.objectNode();
            ((Map<?, ?>) value).forEach((key, element) -> map.set(String.valueOf(key), value(member, element)));
            return map;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Float number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Instant instant) {
            return NODES.numberNode(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
        }
        if (value instanceof SdkBytes bytes) {
            return NODES.textNode(java.util.Base64.getEncoder().encodeToString(bytes.asByteArray()));
        }
        throw new IllegalStateException("member " + field.locationName() + " has a value of a type JSON cannot hold: "
                + value.getClass().getName());
    }

    private static Object build(JsonNode json, SdkPojo builder) {
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        builder.sdkFields().forEach(field -> fields.put(field.locationName(), field));
        Iterator<Map.Entry<String, JsonNode>> members = json.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            SdkField<?> field = fields.get(member.getKey());
            if (field == null) {
                throw new IllegalArgumentException("'" + member.getKey() + "' is not a member of "
                        + builder.getClass().getName().replace("$BuilderImpl", "") + "; members: " + fields.keySet());
            }
            field.set(builder, fromValue(field, member.getValue()));
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object fromValue(SdkField<?> field, JsonNode json) {
        MarshallingType<?> type = field.marshallingType();
        if (json.isNull()) {
            return null;
        }
        if (type == MarshallingType.SDK_POJO) {
            return build(json, field.constructor().get());
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            json.forEach(element -> list.add(fromValue(member, element)));
            return list;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            json.fields().forEachRemaining(entry -> map.put(entry.getKey(), fromValue(member, entry.getValue())));
            return map;
        }
        if (type == MarshallingType.STRING) {
            return json.asText();
        }
        if (type == MarshallingType.BOOLEAN) {
            return json.asBoolean();
        }
        if (type == MarshallingType.INTEGER) {
            return json.asInt();
        }
        if (type == MarshallingType.LONG) {
            return json.asLong();
        }
        if (type == MarshallingType.DOUBLE) {
            return json.asDouble();
        }
        if (type == MarshallingType.FLOAT) {
            return (float) json.asDouble();
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return json.decimalValue();
        }
        if (type == MarshallingType.INSTANT) {
            return Instant.ofEpochMilli(json.decimalValue().movePointRight(3).longValue());
        }
        if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(json.asText()));
        }
        throw new IllegalArgumentException("member " + field.locationName() + " has a type this reader does not know");
    }
}
