package dev.dynaseed.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * Server-side encryption at rest.
 *
 * @param type whose key encrypts the table
 * @param kmsKeyId the customer managed key (id, ARN or alias); only with {@link Type#CUSTOMER_MANAGED}
 */
public record EncryptionSpec(Type type, Optional<String> kmsKeyId) {

    /** Whose key encrypts the table. */
    public enum Type {
        /** A key DynamoDB owns (the default, free). */
        AWS_OWNED,
        /** The AWS managed key {@code aws/dynamodb} in the account. */
        AWS_MANAGED,
        /** A customer managed KMS key, named by {@code kmsKeyId}. */
        CUSTOMER_MANAGED
    }

    public EncryptionSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kmsKeyId, "kmsKeyId");
    }
}
