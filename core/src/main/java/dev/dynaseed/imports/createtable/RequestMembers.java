package dev.dynaseed.imports.createtable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.spec.internal.DidYouMean;
import dev.dynaseed.spec.internal.SpecLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Checks request JSON against the SDK's model of the request before it is built: every member known (an unknown one
 * gets a "did you mean"), every value of the member's JSON type. Generic over the model, as {@code RequestJson} is.
 */
final class RequestMembers {
    private RequestMembers() {}

    /** Reports {@code (path, message)} for every unknown member and every value of the wrong JSON type. */
    static void check(JsonNode json, SdkPojo model, String path, BiConsumer<String, String> problems) {
        if (!json.isObject()) {
            problems.accept(path, "is " + describe(json) + "; write a JSON object of the API's members");
            return;
        }
        List<String> names = new ArrayList<>();
        model.sdkFields().forEach(field -> names.add(field.locationName()));
        Iterator<Map.Entry<String, JsonNode>> members = json.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            SdkField<?> field = model.sdkFields().stream()
                    .filter(f -> f.locationName().equals(member.getKey()))
                    .findFirst()
                    .orElse(null);
            if (field == null) {
                String suggestion = DidYouMean.hint(member.getKey(), names);
                problems.accept(
                        memberPath,
                        "unknown member; " + suggestion + "use one of " + String.join(", ", names)
                                + " (the API's names, case-sensitive)");
                continue;
            }
            value(member.getValue(), field, memberPath, problems);
        }
    }

    private static void value(JsonNode json, SdkField<?> field, String path, BiConsumer<String, String> problems) {
        if (json.isNull()) {
            return;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            check(json, (SdkPojo) field.constructor().get(), path, problems);
        } else if (type == MarshallingType.LIST) {
            if (!json.isArray()) {
                problems.accept(path, "is " + describe(json) + "; write a JSON list, e.g. [ ... ]");
                return;
            }
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            for (int i = 0; i < json.size(); i++) {
                value(json.get(i), member, path + "[" + i + "]", problems);
            }
        } else if (type == MarshallingType.MAP) {
            if (!json.isObject()) {
                problems.accept(path, "is " + describe(json) + "; write a JSON object");
                return;
            }
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            json.fields()
                    .forEachRemaining(entry -> value(entry.getValue(), member, path + "." + entry.getKey(), problems));
        } else if (type == MarshallingType.STRING) {
            if (!json.isTextual()) {
                problems.accept(path, "is " + describe(json) + "; write a string, e.g. \"value\"");
            }
        } else if (type == MarshallingType.BOOLEAN) {
            if (!json.isBoolean()) {
                problems.accept(path, "is " + describe(json) + "; write true or false");
            }
        } else if (type == MarshallingType.INTEGER || type == MarshallingType.LONG) {
            boolean fits = json.isIntegralNumber()
                    && (type == MarshallingType.LONG ? json.canConvertToLong() : json.canConvertToInt());
            if (!fits && wholeNumber(json) && fitsWhenWhole(json, type)) {
                // 5.0 or 1e3: a whole number inside the range, but the AWS CLI takes only JSON integers here.
                problems.accept(
                        path,
                        "is " + describe(json) + "; write it as a JSON integer, without a fraction or exponent, e.g. "
                                + json.decimalValue().stripTrailingZeros().toPlainString()
                                + " (the AWS CLI refuses other numbers for this member)");
            } else if (!fits && wholeNumber(json)) {
                problems.accept(path, "is " + describe(json) + ", out of range; " + range(path, type));
            } else if (!fits) {
                problems.accept(path, "is " + describe(json) + "; write a whole number, e.g. 5");
            }
        } else if (!json.isNumber() && !json.isTextual()) {
            problems.accept(path, "is " + describe(json) + "; write a value of type " + type);
        }
    }

    /** Whether the whole number {@code json} fits {@code type} (an int or a long member). */
    private static boolean fitsWhenWhole(JsonNode json, MarshallingType<?> type) {
        BigDecimal value = json.decimalValue();
        BigDecimal max = BigDecimal.valueOf(type == MarshallingType.LONG ? Long.MAX_VALUE : Integer.MAX_VALUE);
        BigDecimal min = BigDecimal.valueOf(type == MarshallingType.LONG ? Long.MIN_VALUE : Integer.MIN_VALUE);
        return value.compareTo(max) <= 0 && value.compareTo(min) >= 0;
    }

    /** Whether {@code json} is a number without a fraction, however written ({@code 40000}, {@code 1e30}). */
    private static boolean wholeNumber(JsonNode json) {
        if (json.isIntegralNumber()) {
            return true;
        }
        if (!json.isNumber()) {
            return false;
        }
        BigDecimal value = json.decimalValue();
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** The values a whole-number member takes: capacity units as the spec validator allows them. */
    private static String range(String path, MarshallingType<?> type) {
        String member = path.substring(path.lastIndexOf('.') + 1);
        if (member.endsWith("CapacityUnits")) {
            return "use 1 to " + SpecLimits.MAX_CAPACITY_UNITS + " capacity units (DynamoDB's default quota per"
                    + " table), e.g. 5, or \"BillingMode\": \"PAY_PER_REQUEST\"";
        }
        return type == MarshallingType.LONG
                ? "write a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", e.g. 5"
                : "write a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ", e.g. 5";
    }

    private static String describe(JsonNode json) {
        if (json.isObject()) {
            return "an object";
        }
        if (json.isArray()) {
            return "a list";
        }
        if (json.isTextual()) {
            String text = json.asText();
            return "the string \"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
        }
        return json.toString();
    }
}
