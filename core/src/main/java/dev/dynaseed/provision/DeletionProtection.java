package dev.dynaseed.provision;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Keeps destroy away from tables with deletion protection: it reads {@code DeletionProtectionEnabled} before
 * DeleteTable and refuses such a table, and it turns DynamoDB's own refusal of DeleteTable (a ValidationException,
 * "Resource cannot be deleted as it is currently protected against deletion") into the same clear outcome.
 */
public final class DeletionProtection {
    private static final Logger LOG = LoggerFactory.getLogger(DeletionProtection.class);

    private DeletionProtection() {}

    /**
     * The refusal for {@code tableName} when DescribeTable says its deletion protection is on; empty when it is off,
     * when there is no such table, or when DescribeTable fails (DeleteTable then says why, and DynamoDB still refuses
     * a protected table itself).
     */
    public static Optional<DestroyOutcome> refusal(DynamoDbClient client, String tableName) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(tableName, "tableName");
        try {
            Boolean enabled =
                    client.describeTable(r -> r.tableName(tableName)).table().deletionProtectionEnabled();
            return Boolean.TRUE.equals(enabled) ? Optional.of(refused(tableName)) : Optional.empty();
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            LOG.debug("DescribeTable {} before DeleteTable failed; DeleteTable will say why", tableName, e);
            return Optional.empty();
        }
    }

    /** The refusal when {@code e}, thrown by DeleteTable, is DynamoDB refusing a table with deletion protection. */
    public static Optional<DestroyOutcome> refusedBy(SdkException e, String tableName) {
        Objects.requireNonNull(e, "e");
        if (e instanceof DynamoDbException dynamo && dynamo.awsErrorDetails() != null) {
            String message = Objects.toString(dynamo.awsErrorDetails().errorMessage(), "")
                    .toLowerCase(Locale.ROOT);
            if (message.contains("protected against deletion") || message.contains("deletion protection")) {
                return Optional.of(refused(tableName));
            }
        }
        return Optional.empty();
    }

    /** The outcome for a protected table: what happened and the two ways to lift the protection. */
    public static DestroyOutcome refused(String tableName) {
        String name = Objects.requireNonNull(tableName, "tableName");
        return new DestroyOutcome.Failed("refused: " + name + " has deletion protection enabled, so it was not"
                + " deleted; to delete it, turn the protection off first (aws dynamodb update-table --table-name "
                + name + " --no-deletion-protection-enabled, or set deletionProtection: false on the table in the spec"
                + " and run dynaseed apply), then run destroy again");
    }
}
