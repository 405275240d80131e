package dev.dynaseed.provision;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.plan.Difference;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.plan.TableShape;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.TableSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** Carries out one table's change: CreateTable (with tags) and wait for ACTIVE, or report what is there. */
public final class Provisioner {
    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);

    private final DynamoDbClient client;
    private final ActiveWaiter waiter;

    public Provisioner(DynamoDbClient client, ActiveWaiter waiter) {
        this.client = Objects.requireNonNull(client, "client");
        this.waiter = Objects.requireNonNull(waiter, "waiter");
    }

    public TableOutcome provision(TableChange change) throws InterruptedException {
        return provision(change, RunDeadline.none());
    }

    /** As {@link #provision(TableChange)}, each request bounded by {@code deadline}. */
    public TableOutcome provision(TableChange change, RunDeadline deadline) throws InterruptedException {
        TableSpec table = change.table();
        return switch (change.kind()) {
            case DRIFT, UPDATE, REPLACE, BLOCKED -> {
                LOG.info("table {} drifted from its spec; left unchanged: {}", table.name(), change.differences());
                yield new TableOutcome.Drifted(change.differences());
            }
            case NO_CHANGE -> {
                TableOutcome waited = awaitActive(table.name(), deadline);
                yield waited.kind() == TableOutcome.Kind.FAILED ? waited : new TableOutcome.AlreadyMatches();
            }
            case CREATE -> create(table, deadline);
        };
    }

    private TableOutcome create(TableSpec table, RunDeadline deadline) throws InterruptedException {
        try {
            client.createTable(createRequest(table).toBuilder()
                    .overrideConfiguration(deadline.bound(client))
                    .build());
            LOG.info("CreateTable {} sent", table.name());
        } catch (ResourceInUseException e) {
            // Someone created it between our DescribeTable and CreateTable: judge it like any existing table.
            return existing(table, deadline);
        } catch (SdkException e) {
            LOG.info("CreateTable {} failed: {}", table.name(), e.getMessage());
            return new TableOutcome.Failed("CreateTable failed: " + e.getMessage());
        }
        return awaitActive(table.name(), deadline);
    }

    private TableOutcome existing(TableSpec table, RunDeadline deadline) {
        try {
            TableDescription description = client.describeTable(
                            r -> r.tableName(table.name()).overrideConfiguration(deadline.bound(client)))
                    .table();
            List<Difference> differences = TableShape.compare(TableShape.of(table), TableShape.of(description));
            return differences.isEmpty() ? new TableOutcome.AlreadyMatches() : new TableOutcome.Drifted(differences);
        } catch (SdkException e) {
            return new TableOutcome.Failed("DescribeTable failed: " + e.getMessage());
        }
    }

    private TableOutcome awaitActive(String tableName, RunDeadline deadline) throws InterruptedException {
        try {
            ActiveWaiter.Result result = waiter.await(tableName, deadline);
            if (result.active()) {
                LOG.info(
                        "table {} is ACTIVE after {} ms",
                        tableName,
                        result.waited().toMillis());
                return new TableOutcome.Created(result.waited());
            }
            return new TableOutcome.Failed(
                    "table did not become ACTIVE within " + result.waited().toSeconds() + " s (last status: "
                            + result.lastStatus() + "); raise --wait-timeout or check the table");
        } catch (SdkException e) {
            return new TableOutcome.Failed("DescribeTable failed while waiting: " + e.getMessage());
        }
    }

    /** The CreateTable request for a table spec: its name and {@link TableShape}. */
    public static CreateTableRequest createRequest(TableSpec table) {
        TableShape shape = TableShape.of(table);
        List<KeySchemaElement> keySchema = new ArrayList<>();
        List<AttributeDefinition> definitions = new ArrayList<>();
        addKey(shape.partitionKey(), KeyType.HASH, keySchema, definitions);
        shape.sortKey().ifPresent(key -> addKey(key, KeyType.RANGE, keySchema, definitions));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.name())
                .keySchema(keySchema)
                .attributeDefinitions(definitions);
        billing(request, shape.billing());
        Map<String, String> tags = shape.tags().orElse(Map.of());
        if (!tags.isEmpty()) {
            request.tags(tags.entrySet().stream()
                    .map(tag -> Tag.builder()
                            .key(tag.getKey())
                            .value(tag.getValue())
                            .build())
                    .toList());
        }
        return request.build();
    }

    private static CreateTableRequest.Builder billing(CreateTableRequest.Builder request, BillingSpec billing) {
        return switch (billing.kind()) {
            case PROVISIONED -> {
                BillingSpec.Provisioned provisioned = (BillingSpec.Provisioned) billing;
                yield request.billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(t -> t.readCapacityUnits(provisioned.readCapacity())
                                .writeCapacityUnits(provisioned.writeCapacity()));
            }
            case PAY_PER_REQUEST -> request.billingMode(BillingMode.PAY_PER_REQUEST);
        };
    }

    private static void addKey(
            KeySpec key, KeyType role, List<KeySchemaElement> keySchema, List<AttributeDefinition> definitions) {
        keySchema.add(KeySchemaElement.builder()
                .attributeName(key.name())
                .keyType(role)
                .build());
        definitions.add(AttributeDefinition.builder()
                .attributeName(key.name())
                .attributeType(key.type().name())
                .build());
    }

    /** DeleteTable, then wait until it is gone; the outcome says whether there was a table to delete. */
    public DestroyOutcome destroy(String tableName) throws InterruptedException {
        Optional<DestroyOutcome> protectedTable = DeletionProtection.refusal(client, tableName);
        if (protectedTable.isPresent()) {
            return protectedTable.get();
        }
        try {
            client.deleteTable(r -> r.tableName(tableName));
            LOG.info("DeleteTable {} sent", tableName);
            ActiveWaiter.Result gone = waiter.awaitDeleted(tableName);
            return gone.active()
                    ? new DestroyOutcome.Deleted()
                    : new DestroyOutcome.Failed("DeleteTable was accepted but the table still exists after "
                            + gone.waited().toSeconds() + " s (status " + gone.lastStatus() + ")");
        } catch (ResourceNotFoundException e) {
            return new DestroyOutcome.NotFound();
        } catch (ResourceInUseException e) {
            return DeletionProtection.refusedBy(e, tableName)
                    .orElseGet(() -> new DestroyOutcome.Failed(
                            "the table is busy (" + e.awsErrorDetails().errorMessage() + "); retry in a few seconds"));
        } catch (SdkException e) {
            return DeletionProtection.refusedBy(e, tableName)
                    .orElseGet(
                            () -> new DestroyOutcome.Failed(TargetException.from(client, "DeleteTable " + tableName, e)
                                    .getMessage()));
        }
    }

    /** How long CreateTable waits by default before giving up on ACTIVE. */
    public static final Duration DEFAULT_ACTIVE_TIMEOUT = Duration.ofMinutes(5);
}
