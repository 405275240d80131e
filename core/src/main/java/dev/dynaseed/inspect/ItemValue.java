package dev.dynaseed.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One attribute value for display: {@code text} as a person reads it (strings and numbers as they are, anything
 * else as JSON) and {@code json} as plain JSON (numbers as numbers, binary as base64).
 */
public record ItemValue(String text, JsonNode json) {
    public ItemValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(json, "json");
    }
}
