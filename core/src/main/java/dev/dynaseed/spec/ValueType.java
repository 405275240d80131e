package dev.dynaseed.spec;

/** The DynamoDB type of a generated attribute value. */
public enum ValueType {
    S,
    N,
    B,
    BOOL
}
