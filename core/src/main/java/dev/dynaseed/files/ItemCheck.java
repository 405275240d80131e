package dev.dynaseed.files;

import dev.dynaseed.cost.ItemSize;
import dev.dynaseed.spec.KeySpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What every item read from a file must be before it is sent: with its table's keys, typed right, within 400 KB. */
record ItemCheck(List<KeySpec> keys) {
    /** DynamoDB's largest item. */
    static final long MAX_ITEM_BYTES = 400 * 1024;

    ItemCheck {
        keys = List.copyOf(keys);
    }

    /** Why {@code item} cannot be written; empty when it can. */
    Optional<String> problem(Map<String, AttributeValue> item, boolean keyOnly) {
        if (item.isEmpty()) {
            return Optional.of("is an empty item; an item needs at least its key attributes");
        }
        for (KeySpec key : keys) {
            AttributeValue value = item.get(key.name());
            if (value == null) {
                return Optional.of("lacks the key attribute " + key.name() + " (" + key.type()
                        + "); every item needs the table's keys");
            }
            String type = value.type().toString();
            if (!type.equals(key.type().name())) {
                return Optional.of("has " + key.name() + " of type " + type + ", but the table's key " + key.name()
                        + " is " + key.type() + "; give it as " + key.type());
            }
            if (value.type() == AttributeValue.Type.S && value.s().isEmpty()
                    || value.type() == AttributeValue.Type.B && value.b().asByteArrayUnsafe().length == 0) {
                return Optional.of("has an empty key attribute " + key.name() + "; key values cannot be empty");
            }
        }
        if (keyOnly && item.size() != keys.size()) {
            return Optional.of("is a key with other attributes; a DeleteRequest's Key holds the key attributes only");
        }
        long bytes = ItemSize.bytes(item);
        if (bytes > MAX_ITEM_BYTES) {
            return Optional.of("is an item of " + bytes + " bytes, over DynamoDB's limit of 400 KB (409600 bytes)");
        }
        return Optional.empty();
    }
}
