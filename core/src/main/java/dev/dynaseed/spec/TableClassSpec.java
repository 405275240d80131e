package dev.dynaseed.spec;

/** A DynamoDB table class. */
public enum TableClassSpec {
    STANDARD,
    STANDARD_INFREQUENT_ACCESS
}
