package dev.dynaseed.plan;

import dev.dynaseed.plan.EngineCapabilities.Feature;
import dev.dynaseed.plan.Step.WaitFor;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.LocalIndexSpec;
import dev.dynaseed.spec.OnDemandLimits;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.StreamView;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.spec.WarmThroughputSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.WarmThroughput;

/**
 * Builds every request apply sends for a table: CreateTable with every feature the API takes in one call, its
 * companion calls (UpdateTimeToLive, UpdateContinuousBackups, UpdateContributorInsights, TagResource where the engine
 * ignores create-time tags), and the in-place calls, each as a {@link Step}.
 */
public final class TableRequests {
    /** The account dynalite puts in ARNs; it reads only the table name from an ARN, so this one always works there. */
    private static final String LOCAL_ARN_PREFIX = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    private final EngineCapabilities capabilities;

    public TableRequests(EngineCapabilities capabilities) {
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    /** CreateTable and its companion calls, in order, for a table that does not exist. */
    public List<Step> create(TableSpec table) {
        Objects.requireNonNull(table, "table");
        TableFeatures features = table.features();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                "CreateTable",
                createRequest(table),
                features.globalSecondaryIndexes().isEmpty() ? WaitFor.TABLE_ACTIVE : WaitFor.TABLE_AND_INDEXES_ACTIVE,
                "create table " + table.name()));
        String name = table.name();
        if (features.timeToLiveAttribute().isPresent() && capabilities.applies(Feature.TIME_TO_LIVE)) {
            steps.add(timeToLive(name, features.timeToLiveAttribute().get(), true));
        }
        features.pointInTimeRecovery()
                .filter(pitr -> pitr.enabled() && capabilities.applies(Feature.POINT_IN_TIME_RECOVERY))
                .ifPresent(pitr -> steps.add(pointInTimeRecovery(
                        name, Optional.of(pitr.recoveryPeriodDays().orElse(TableShape.DEFAULT_RECOVERY_PERIOD_DAYS)))));
        if (features.contributorInsights().orElse(false) && capabilities.applies(Feature.CONTRIBUTOR_INSIGHTS)) {
            steps.add(contributorInsights(name, true));
        }
        if (!table.tags().isEmpty()
                && !capabilities.applies(Feature.CREATE_TAGS)
                && capabilities.applies(Feature.TAGS)) {
            steps.add(tag(localArn(name), table.tags()));
        }
        return List.copyOf(steps);
    }

    /** DeleteTable, then CreateTable and its companions: replacing a table. */
    public List<Step> replace(TableSpec table) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                "DeleteTable",
                DeleteTableRequest.builder().tableName(table.name()).build(),
                WaitFor.TABLE_GONE,
                "delete table " + table.name() + " (its items are lost)"));
        steps.addAll(create(table));
        return List.copyOf(steps);
    }

    /** The CreateTable request: keys, attribute definitions, billing, indexes and every create-time feature. */
    public CreateTableRequest createRequest(TableSpec table) {
        TableFeatures features = table.features();
        boolean provisioned = table.billing().kind() == BillingSpec.Kind.PROVISIONED;
        Map<String, KeySpec> attributes = new LinkedHashMap<>();
        List<KeySpec> tableKeys = new ArrayList<>(List.of(table.partitionKey()));
        table.sortKey().ifPresent(tableKeys::add);
        tableKeys.forEach(key -> attributes.putIfAbsent(key.name(), key));
        for (GlobalIndexSpec index : features.globalSecondaryIndexes()) {
            index.partitionKeys().forEach(key -> attributes.putIfAbsent(key.name(), key));
            index.sortKeys().forEach(key -> attributes.putIfAbsent(key.name(), key));
        }
        for (LocalIndexSpec index : features.localSecondaryIndexes()) {
            attributes.putIfAbsent(index.sortKey().name(), index.sortKey());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.name())
                .attributeDefinitions(attributes.values().stream()
                        .map(TableRequests::definition)
                        .toList())
                .keySchema(keySchema(
                        List.of(table.partitionKey()),
                        table.sortKey().map(List::of).orElse(List.of())));
        switch (table.billing().kind()) {
            case PROVISIONED -> {
                BillingSpec.Provisioned capacity = (BillingSpec.Provisioned) table.billing();
                request.billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(
                                throughput(new CapacitySpec(capacity.readCapacity(), capacity.writeCapacity())));
            }
            case PAY_PER_REQUEST -> {
                request.billingMode(BillingMode.PAY_PER_REQUEST);
                ((BillingSpec.PayPerRequest) table.billing())
                        .limits()
                        .ifPresent(limits -> request.onDemandThroughput(onDemand(limits)));
            }
        }
        if (!features.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(features.globalSecondaryIndexes().stream()
                    .map(index -> globalIndex(index, provisioned))
                    .toList());
        }
        if (!features.localSecondaryIndexes().isEmpty()) {
            request.localSecondaryIndexes(features.localSecondaryIndexes().stream()
                    .map(index -> LocalSecondaryIndex.builder()
                            .indexName(index.name())
                            .keySchema(keySchema(List.of(index.partitionKey()), List.of(index.sortKey())))
                            .projection(projection(index.projection()))
                            .build())
                    .toList());
        }
        features.stream().ifPresent(view -> request.streamSpecification(stream(Optional.of(view))));
        features.encryption()
                .filter(sse -> sse.type() != EncryptionSpec.Type.AWS_OWNED)
                .ifPresent(sse -> request.sseSpecification(encryption(sse)));
        features.tableClass().ifPresent(tableClass -> request.tableClass(tableClass.name()));
        features.deletionProtection().ifPresent(request::deletionProtectionEnabled);
        features.warmThroughput().ifPresent(warm -> request.warmThroughput(warm(warm)));
        features.resourcePolicy().ifPresent(request::resourcePolicy);
        if (!table.tags().isEmpty() && capabilities.applies(Feature.CREATE_TAGS)) {
            request.tags(tags(table.tags()));
        }
        return request.build();
    }

    // ---- in-place calls ----

    /** UpdateTable changing billing mode and capacity (with every kept index's capacity when switching to PROVISIONED). */
    Step billing(TableSpec table, boolean modeChanges) {
        UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(table.name());
        switch (table.billing().kind()) {
            case PROVISIONED -> {
                BillingSpec.Provisioned capacity = (BillingSpec.Provisioned) table.billing();
                request.provisionedThroughput(
                        throughput(new CapacitySpec(capacity.readCapacity(), capacity.writeCapacity())));
                if (modeChanges) {
                    request.billingMode(BillingMode.PROVISIONED);
                }
            }
            case PAY_PER_REQUEST -> {
                request.billingMode(BillingMode.PAY_PER_REQUEST);
                ((BillingSpec.PayPerRequest) table.billing())
                        .limits()
                        .filter(limits -> capabilities.applies(Feature.ON_DEMAND_THROUGHPUT))
                        .ifPresent(limits -> request.onDemandThroughput(onDemand(limits)));
            }
        }
        return new Step(
                "UpdateTable",
                request.build(),
                WaitFor.TABLE_AND_INDEXES_ACTIVE,
                modeChanges ? "switch billing to " + table.billing() : "set capacity to " + table.billing());
    }

    /** UpdateTable switching to PROVISIONED with the capacity of every index the table keeps. */
    Step billingWithIndexes(TableSpec table, List<GlobalIndexSpec> keptIndexes) {
        UpdateTableRequest base = (UpdateTableRequest) billing(table, true).request();
        List<GlobalSecondaryIndexUpdate> updates = keptIndexes.stream()
                .filter(index -> index.provisionedThroughput().isPresent())
                .map(index -> GlobalSecondaryIndexUpdate.builder()
                        .update(u -> u.indexName(index.name())
                                .provisionedThroughput(
                                        throughput(index.provisionedThroughput().get())))
                        .build())
                .toList();
        UpdateTableRequest request = updates.isEmpty()
                ? base
                : base.toBuilder().globalSecondaryIndexUpdates(updates).build();
        return new Step(
                "UpdateTable", request, WaitFor.TABLE_AND_INDEXES_ACTIVE, "switch billing to " + table.billing());
    }

    Step onDemandThroughput(String table, Optional<OnDemandLimits> limits) {
        return updateTable(
                table,
                r -> r.onDemandThroughput(limits.map(TableRequests::onDemand).orElse(unlimited())),
                "set on-demand maximums to " + limits.map(Object::toString).orElse("unlimited"));
    }

    Step createIndex(TableSpec table, GlobalIndexSpec index) {
        boolean provisioned = table.billing().kind() == BillingSpec.Kind.PROVISIONED;
        Map<String, KeySpec> attributes = new LinkedHashMap<>();
        attributes.put(table.partitionKey().name(), table.partitionKey());
        table.sortKey().ifPresent(key -> attributes.putIfAbsent(key.name(), key));
        index.partitionKeys().forEach(key -> attributes.putIfAbsent(key.name(), key));
        index.sortKeys().forEach(key -> attributes.putIfAbsent(key.name(), key));
        GlobalSecondaryIndex built = globalIndex(index, provisioned);
        CreateGlobalSecondaryIndexAction.Builder create = CreateGlobalSecondaryIndexAction.builder()
                .indexName(built.indexName())
                .keySchema(built.keySchema())
                .projection(built.projection())
                .provisionedThroughput(built.provisionedThroughput())
                .onDemandThroughput(built.onDemandThroughput())
                .warmThroughput(built.warmThroughput());
        UpdateTableRequest request = UpdateTableRequest.builder()
                .tableName(table.name())
                .attributeDefinitions(attributes.values().stream()
                        .map(TableRequests::definition)
                        .toList())
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .create(create.build())
                        .build())
                .build();
        return new Step("UpdateTable", request, WaitFor.TABLE_AND_INDEXES_ACTIVE, "add index " + index.name());
    }

    Step deleteIndex(String table, String index) {
        return new Step(
                "UpdateTable",
                UpdateTableRequest.builder()
                        .tableName(table)
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .delete(d -> d.indexName(index))
                                .build())
                        .build(),
                WaitFor.TABLE_AND_INDEXES_ACTIVE,
                "remove index " + index);
    }

    /** UpdateTable changing one index's capacity, on-demand maximums or warm throughput. */
    Step updateIndex(
            String table,
            String index,
            Optional<CapacitySpec> capacity,
            Optional<OnDemandLimits> limits,
            Optional<WarmThroughputSpec> warm,
            String purpose) {
        UpdateTableRequest request = UpdateTableRequest.builder()
                .tableName(table)
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .update(u -> u.indexName(index)
                                .provisionedThroughput(
                                        capacity.map(TableRequests::throughput).orElse(null))
                                .onDemandThroughput(
                                        limits.map(TableRequests::onDemand).orElse(null))
                                .warmThroughput(warm.map(TableRequests::warm).orElse(null)))
                        .build())
                .build();
        return new Step("UpdateTable", request, WaitFor.TABLE_AND_INDEXES_ACTIVE, purpose);
    }

    Step stream(String table, Optional<StreamView> view) {
        return updateTable(
                table,
                r -> r.streamSpecification(stream(view)),
                view.map(v -> "turn the stream on (" + v + ")").orElse("turn the stream off"));
    }

    Step encryption(String table, EncryptionSpec encryption) {
        return updateTable(
                table, r -> r.sseSpecification(encryption(encryption)), "set encryption to " + encryption.type());
    }

    Step tableClass(String table, String tableClass) {
        return updateTable(table, r -> r.tableClass(tableClass), "set table class to " + tableClass);
    }

    Step deletionProtection(String table, boolean on) {
        return updateTable(
                table, r -> r.deletionProtectionEnabled(on), "turn deletion protection " + (on ? "on" : "off"));
    }

    Step warmThroughput(String table, WarmThroughputSpec warm) {
        return updateTable(table, r -> r.warmThroughput(warm(warm)), "raise warm throughput to " + warm);
    }

    Step timeToLive(String table, String attribute, boolean enabled) {
        return new Step(
                "UpdateTimeToLive",
                UpdateTimeToLiveRequest.builder()
                        .tableName(table)
                        .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(enabled))
                        .build(),
                WaitFor.NOTHING,
                (enabled ? "turn TTL on (" : "turn TTL off (") + attribute + ")");
    }

    /** UpdateContinuousBackups: on with the recovery period, or off when the period is empty. */
    Step pointInTimeRecovery(String table, Optional<Integer> recoveryPeriodDays) {
        return new Step(
                "UpdateContinuousBackups",
                UpdateContinuousBackupsRequest.builder()
                        .tableName(table)
                        .pointInTimeRecoverySpecification(
                                p -> p.pointInTimeRecoveryEnabled(recoveryPeriodDays.isPresent())
                                        .recoveryPeriodInDays(recoveryPeriodDays.orElse(null)))
                        .build(),
                WaitFor.NOTHING,
                recoveryPeriodDays
                        .map(days -> "turn point-in-time recovery on (" + days + " days)")
                        .orElse("turn point-in-time recovery off"));
    }

    Step contributorInsights(String table, boolean on) {
        return new Step(
                "UpdateContributorInsights",
                UpdateContributorInsightsRequest.builder()
                        .tableName(table)
                        .contributorInsightsAction(
                                on ? ContributorInsightsAction.ENABLE : ContributorInsightsAction.DISABLE)
                        .build(),
                WaitFor.NOTHING,
                "turn contributor insights " + (on ? "on" : "off"));
    }

    Step putPolicy(String arn, String policy) {
        return new Step(
                "PutResourcePolicy",
                PutResourcePolicyRequest.builder()
                        .resourceArn(arn)
                        .policy(policy)
                        .build(),
                WaitFor.NOTHING,
                "set the resource policy");
    }

    Step deletePolicy(String arn) {
        return new Step(
                "DeleteResourcePolicy",
                DeleteResourcePolicyRequest.builder().resourceArn(arn).build(),
                WaitFor.NOTHING,
                "remove the resource policy");
    }

    Step tag(String arn, Map<String, String> tags) {
        return new Step(
                "TagResource",
                TagResourceRequest.builder().resourceArn(arn).tags(tags(tags)).build(),
                WaitFor.NOTHING,
                "tag " + tags.keySet());
    }

    Step untag(String arn, List<String> keys) {
        return new Step(
                "UntagResource",
                UntagResourceRequest.builder().resourceArn(arn).tagKeys(keys).build(),
                WaitFor.NOTHING,
                "remove tags " + keys);
    }

    private static Step updateTable(
            String table, java.util.function.Consumer<UpdateTableRequest.Builder> change, String purpose) {
        UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(table);
        change.accept(request);
        return new Step("UpdateTable", request.build(), WaitFor.TABLE_ACTIVE, purpose);
    }

    private static String localArn(String table) {
        return LOCAL_ARN_PREFIX + table;
    }

    private static GlobalSecondaryIndex globalIndex(GlobalIndexSpec index, boolean provisioned) {
        GlobalSecondaryIndex.Builder built = GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(keySchema(index.partitionKeys(), index.sortKeys()))
                .projection(projection(index.projection()));
        if (provisioned) {
            index.provisionedThroughput().ifPresent(capacity -> built.provisionedThroughput(throughput(capacity)));
        } else {
            index.onDemandThroughput().ifPresent(limits -> built.onDemandThroughput(onDemand(limits)));
        }
        index.warmThroughput().ifPresent(warm -> built.warmThroughput(warm(warm)));
        return built.build();
    }

    /** Partition key attributes as HASH elements, then sort key attributes as RANGE elements, each in order. */
    static List<KeySchemaElement> keySchema(List<KeySpec> partitionKeys, List<KeySpec> sortKeys) {
        List<KeySchemaElement> schema = new ArrayList<>();
        partitionKeys.forEach(key -> schema.add(KeySchemaElement.builder()
                .attributeName(key.name())
                .keyType(KeyType.HASH)
                .build()));
        sortKeys.forEach(key -> schema.add(KeySchemaElement.builder()
                .attributeName(key.name())
                .keyType(KeyType.RANGE)
                .build()));
        return schema;
    }

    private static AttributeDefinition definition(KeySpec key) {
        return AttributeDefinition.builder()
                .attributeName(key.name())
                .attributeType(key.type().name())
                .build();
    }

    private static Projection projection(ProjectionSpec projection) {
        Projection.Builder built =
                Projection.builder().projectionType(projection.type().name());
        if (projection.type() == ProjectionSpec.Type.INCLUDE) {
            built.nonKeyAttributes(projection.nonKeyAttributes());
        }
        return built.build();
    }

    private static ProvisionedThroughput throughput(CapacitySpec capacity) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(capacity.readCapacity())
                .writeCapacityUnits(capacity.writeCapacity())
                .build();
    }

    private static OnDemandThroughput onDemand(OnDemandLimits limits) {
        return OnDemandThroughput.builder()
                .maxReadRequestUnits(limits.maxReadRequestUnits().orElse(-1L))
                .maxWriteRequestUnits(limits.maxWriteRequestUnits().orElse(-1L))
                .build();
    }

    private static OnDemandThroughput unlimited() {
        return OnDemandThroughput.builder()
                .maxReadRequestUnits(-1L)
                .maxWriteRequestUnits(-1L)
                .build();
    }

    private static WarmThroughput warm(WarmThroughputSpec warm) {
        return WarmThroughput.builder()
                .readUnitsPerSecond(warm.readUnitsPerSecond().orElse(null))
                .writeUnitsPerSecond(warm.writeUnitsPerSecond().orElse(null))
                .build();
    }

    private static StreamSpecification stream(Optional<StreamView> view) {
        return view.map(v -> StreamSpecification.builder()
                        .streamEnabled(true)
                        .streamViewType(v.name())
                        .build())
                .orElse(StreamSpecification.builder().streamEnabled(false).build());
    }

    private static SSESpecification encryption(EncryptionSpec encryption) {
        return switch (encryption.type()) {
            case AWS_OWNED -> SSESpecification.builder().enabled(false).build();
            case AWS_MANAGED ->
                SSESpecification.builder().enabled(true).sseType(SSEType.KMS).build();
            case CUSTOMER_MANAGED ->
                SSESpecification.builder()
                        .enabled(true)
                        .sseType(SSEType.KMS)
                        .kmsMasterKeyId(encryption.kmsKeyId().orElse(null))
                        .build();
        };
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(tag ->
                        Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
    }
}
