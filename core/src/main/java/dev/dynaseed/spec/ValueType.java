package dev.dynaseed.spec;

/** The DynamoDB type of a generated attribute value. */
public enum ValueType {
    S,
    N,
    B,
    BOOL,
    /** A string set. */
    SS,
    /** A number set. */
    NS,
    /** A binary set. */
    BS,
    /** A list of values of any types. */
    L,
    /** A map of names to values of any types. */
    M
}
