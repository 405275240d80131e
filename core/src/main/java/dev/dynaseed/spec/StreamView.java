package dev.dynaseed.spec;

/** What a DynamoDB stream record holds (its {@code StreamViewType}). */
public enum StreamView {
    KEYS_ONLY,
    NEW_IMAGE,
    OLD_IMAGE,
    NEW_AND_OLD_IMAGES
}
