package dev.dynaseed.spec;

/** A DynamoDB key attribute type: string, number or binary. */
public enum KeyType {
    S,
    N,
    B;

    /** The generated value type that fits this key type. */
    public ValueType valueType() {
        return switch (this) {
            case S -> ValueType.S;
            case N -> ValueType.N;
            case B -> ValueType.B;
        };
    }
}
