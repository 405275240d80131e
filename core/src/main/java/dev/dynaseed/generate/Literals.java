package dev.dynaseed.generate;

import dev.dynaseed.spec.SpecValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Turns the literals of a spec into DynamoDB values. */
final class Literals {
    private Literals() {}

    static AttributeValue attributeValue(SpecValue value) {
        return switch (value.type()) {
            case S -> AttributeValue.fromS(((SpecValue.Text) value).value());
            case N -> AttributeValue.fromN(((SpecValue.Number) value).value().toPlainString());
            case BOOL -> AttributeValue.fromBool(((SpecValue.Bool) value).value());
            case B, SS, NS, BS, L, M -> throw new IllegalArgumentException("spec literals are never binary: " + value);
        };
    }
}
