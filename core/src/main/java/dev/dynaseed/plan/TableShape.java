package dev.dynaseed.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dynaseed.plan.IndexShapes.GlobalIndex;
import dev.dynaseed.plan.IndexShapes.LocalIndex;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.LocalIndexSpec;
import dev.dynaseed.spec.OnDemandLimits;
import dev.dynaseed.spec.PointInTimeRecoverySpec;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.StreamView;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.spec.WarmThroughputSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The shape of a table, the one model that a spec ({@link #of(TableSpec)}) and a live table ({@link #of(LiveTable)})
 * both map into, compared field by field ({@link #FIELDS}). Both sides are normalised so that what a spec leaves out
 * equals DynamoDB's default on the live side (no SSEDescription is an AWS owned key, no TableClassSummary is
 * STANDARD, a resource policy is parsed JSON).
 *
 * @param partitionKey the partition key's name and type
 * @param sortKey the sort key's name and type, if the table has one
 * @param billing the billing mode and capacity (on-demand maximums apart, in {@code onDemandThroughput})
 * @param onDemandThroughput the table's on-demand maximums; empty when unlimited
 * @param globalSecondaryIndexes the GSIs by name
 * @param localSecondaryIndexes the LSIs by name
 * @param timeToLive the TTL attribute when TTL is on
 * @param stream the stream view type when the stream is on
 * @param pointInTimeRecovery the recovery period in days when point-in-time recovery is on
 * @param encryption server-side encryption
 * @param tableClass the table class
 * @param deletionProtection whether deletion protection is on
 * @param warmThroughput the warm throughput; empty on the spec side when the spec does not say (not compared)
 * @param resourcePolicy the resource policy as parsed JSON
 * @param contributorInsights whether contributor insights is on
 * @param tags the table's tags; empty when not read, so not compared
 */
public record TableShape(
        KeySpec partitionKey,
        Optional<KeySpec> sortKey,
        BillingSpec billing,
        Optional<OnDemandLimits> onDemandThroughput,
        Map<String, GlobalIndex> globalSecondaryIndexes,
        Map<String, LocalIndex> localSecondaryIndexes,
        Optional<String> timeToLive,
        Optional<StreamView> stream,
        Optional<Integer> pointInTimeRecovery,
        EncryptionSpec encryption,
        TableClassSpec tableClass,
        boolean deletionProtection,
        Optional<WarmThroughputSpec> warmThroughput,
        Optional<JsonNode> resourcePolicy,
        boolean contributorInsights,
        Optional<Map<String, String>> tags) {

    /** DynamoDB's default recovery period for point-in-time recovery, in days. */
    public static final int DEFAULT_RECOVERY_PERIOD_DAYS = 35;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EncryptionSpec AWS_OWNED = new EncryptionSpec(EncryptionSpec.Type.AWS_OWNED, Optional.empty());

    public static final ShapeField<KeySpec> PARTITION_KEY =
            ShapeField.of("partitionKey", TableShape::partitionKey, KeySpec::toString);
    public static final ShapeField<Optional<KeySpec>> SORT_KEY = ShapeField.of(
            "sortKey", TableShape::sortKey, key -> key.map(KeySpec::toString).orElse("none"));
    public static final ShapeField<BillingSpec> BILLING =
            ShapeField.of("billing", TableShape::billing, BillingSpec::toString);
    public static final ShapeField<Optional<OnDemandLimits>> ON_DEMAND_THROUGHPUT = ShapeField.of(
            "onDemandThroughput",
            TableShape::onDemandThroughput,
            limits -> limits.map(OnDemandLimits::toString).orElse("unlimited"));
    public static final ShapeField<Map<String, GlobalIndex>> GLOBAL_SECONDARY_INDEXES =
            ShapeField.of("globalSecondaryIndexes", TableShape::globalSecondaryIndexes, TableShape::renderIndexes);
    public static final ShapeField<Map<String, LocalIndex>> LOCAL_SECONDARY_INDEXES =
            ShapeField.of("localSecondaryIndexes", TableShape::localSecondaryIndexes, TableShape::renderIndexes);
    public static final ShapeField<Optional<String>> TIME_TO_LIVE = ShapeField.of(
            "timeToLive",
            TableShape::timeToLive,
            ttl -> ttl.map(name -> "on (" + name + ")").orElse("off"));
    public static final ShapeField<Optional<StreamView>> STREAM = ShapeField.of(
            "stream", TableShape::stream, view -> view.map(StreamView::name).orElse("off"));
    public static final ShapeField<Optional<Integer>> POINT_IN_TIME_RECOVERY = ShapeField.of(
            "pointInTimeRecovery",
            TableShape::pointInTimeRecovery,
            days -> days.map(d -> "on (" + d + " days)").orElse("off"));
    public static final ShapeField<EncryptionSpec> ENCRYPTION = new ShapeField<>(
            "encryption",
            shape -> Optional.of(shape.encryption()),
            TableShape::renderEncryption,
            TableShape::encryptionSatisfies);
    public static final ShapeField<TableClassSpec> TABLE_CLASS =
            ShapeField.of("tableClass", TableShape::tableClass, TableClassSpec::name);
    public static final ShapeField<Boolean> DELETION_PROTECTION =
            ShapeField.of("deletionProtection", TableShape::deletionProtection, on -> on ? "on" : "off");
    public static final ShapeField<WarmThroughputSpec> WARM_THROUGHPUT = new ShapeField<>(
            "warmThroughput", TableShape::warmThroughput, WarmThroughputSpec::toString, TableShape::warmSatisfies);
    public static final ShapeField<Optional<JsonNode>> RESOURCE_POLICY = ShapeField.of(
            "resourcePolicy",
            TableShape::resourcePolicy,
            policy -> policy.map(JsonNode::toString).orElse("none"));
    public static final ShapeField<Boolean> CONTRIBUTOR_INSIGHTS =
            ShapeField.of("contributorInsights", TableShape::contributorInsights, on -> on ? "on" : "off");
    public static final ShapeField<Map<String, String>> TAGS =
            new ShapeField<>("tags", TableShape::tags, TableShape::renderTags);

    /** Every field, in the order differences are listed; one per component (a test checks it). */
    public static final List<ShapeField<?>> FIELDS = List.of(
            PARTITION_KEY,
            SORT_KEY,
            BILLING,
            ON_DEMAND_THROUGHPUT,
            GLOBAL_SECONDARY_INDEXES,
            LOCAL_SECONDARY_INDEXES,
            TIME_TO_LIVE,
            STREAM,
            POINT_IN_TIME_RECOVERY,
            ENCRYPTION,
            TABLE_CLASS,
            DELETION_PROTECTION,
            WARM_THROUGHPUT,
            RESOURCE_POLICY,
            CONTRIBUTOR_INSIGHTS,
            TAGS);

    public TableShape {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(billing, "billing");
        onDemandThroughput = normalised(onDemandThroughput);
        globalSecondaryIndexes = Collections.unmodifiableMap(new LinkedHashMap<>(globalSecondaryIndexes));
        localSecondaryIndexes = Collections.unmodifiableMap(new LinkedHashMap<>(localSecondaryIndexes));
        Objects.requireNonNull(timeToLive, "timeToLive");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(pointInTimeRecovery, "pointInTimeRecovery");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(tableClass, "tableClass");
        Objects.requireNonNull(warmThroughput, "warmThroughput");
        Objects.requireNonNull(resourcePolicy, "resourcePolicy");
        tags = Objects.requireNonNull(tags, "tags").map(map -> Collections.unmodifiableMap(new LinkedHashMap<>(map)));
    }

    /** The shape a table spec asks for; what it leaves out is DynamoDB's default. */
    public static TableShape of(TableSpec spec) {
        TableFeatures features = spec.features();
        boolean provisioned = spec.billing().kind() == BillingSpec.Kind.PROVISIONED;
        Map<String, GlobalIndex> globals = new LinkedHashMap<>();
        for (GlobalIndexSpec index : features.globalSecondaryIndexes()) {
            globals.put(
                    index.name(),
                    new GlobalIndex(
                            index.name(),
                            index.partitionKeys(),
                            index.sortKeys(),
                            index.projection(),
                            provisioned ? index.provisionedThroughput() : Optional.empty(),
                            provisioned ? Optional.empty() : index.onDemandThroughput(),
                            index.warmThroughput(),
                            "ACTIVE"));
        }
        Map<String, LocalIndex> locals = new LinkedHashMap<>();
        for (LocalIndexSpec index : features.localSecondaryIndexes()) {
            locals.put(index.name(), new LocalIndex(index.name(), index.sortKey(), index.projection()));
        }
        return new TableShape(
                spec.partitionKey(),
                spec.sortKey(),
                withoutLimits(spec.billing()),
                spec.billing() instanceof BillingSpec.PayPerRequest onDemand ? onDemand.limits() : Optional.empty(),
                globals,
                locals,
                features.timeToLiveAttribute(),
                features.stream(),
                features.pointInTimeRecovery()
                        .filter(PointInTimeRecoverySpec::enabled)
                        .map(pitr -> pitr.recoveryPeriodDays().orElse(DEFAULT_RECOVERY_PERIOD_DAYS)),
                features.encryption().orElse(AWS_OWNED),
                features.tableClass().orElse(TableClassSpec.STANDARD),
                features.deletionProtection().orElse(false),
                features.warmThroughput(),
                features.resourcePolicy().map(TableShape::parsePolicy),
                features.contributorInsights().orElse(false),
                Optional.of(spec.tags()));
    }

    /** The shape DescribeTable alone shows: companion features at their defaults, tags unread. */
    public static TableShape of(TableDescription table) {
        return of(LiveTable.of(table));
    }

    /** The shape of a live table; a feature that was not read is at DynamoDB's default. */
    public static TableShape of(LiveTable live) {
        TableDescription table = live.table();
        BillingSpec billing = billingOf(table);
        boolean provisioned = billing.kind() == BillingSpec.Kind.PROVISIONED;
        Map<String, GlobalIndex> globals = new LinkedHashMap<>();
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            globals.put(
                    index.indexName(),
                    new GlobalIndex(
                            index.indexName(),
                            keys(table, index.keySchema(), KeyType.HASH),
                            keys(table, index.keySchema(), KeyType.RANGE),
                            projection(index.projection()),
                            provisioned ? capacity(index.provisionedThroughput()) : Optional.empty(),
                            provisioned ? Optional.empty() : limits(index.onDemandThroughput()),
                            Optional.ofNullable(index.warmThroughput())
                                    .map(warm -> new WarmThroughputSpec(
                                            Optional.ofNullable(warm.readUnitsPerSecond()),
                                            Optional.ofNullable(warm.writeUnitsPerSecond())))
                                    .or(() -> Optional.of(new WarmThroughputSpec(Optional.empty(), Optional.empty()))),
                            index.indexStatusAsString() == null ? "ACTIVE" : index.indexStatusAsString()));
        }
        Map<String, LocalIndex> locals = new LinkedHashMap<>();
        for (LocalSecondaryIndexDescription index : table.localSecondaryIndexes()) {
            locals.put(
                    index.indexName(),
                    new LocalIndex(
                            index.indexName(),
                            keys(table, index.keySchema(), KeyType.RANGE).get(0),
                            projection(index.projection())));
        }
        return new TableShape(
                keys(table, table.keySchema(), KeyType.HASH).stream()
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "DescribeTable " + table.tableName() + " shows no partition key")),
                keys(table, table.keySchema(), KeyType.RANGE).stream().findFirst(),
                billing,
                provisioned ? Optional.empty() : limits(table.onDemandThroughput()),
                globals,
                locals,
                live.timeToLive()
                        .filter(ttl -> ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                                || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING)
                        .map(ttl -> ttl.attributeName()),
                Optional.ofNullable(table.streamSpecification())
                        .filter(stream -> Boolean.TRUE.equals(stream.streamEnabled()))
                        .map(stream -> StreamView.valueOf(stream.streamViewTypeAsString())),
                live.continuousBackups()
                        .map(ContinuousBackupsDescription::pointInTimeRecoveryDescription)
                        .filter(pitr -> pitr.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED)
                        .map(pitr -> pitr.recoveryPeriodInDays() == null
                                ? DEFAULT_RECOVERY_PERIOD_DAYS
                                : pitr.recoveryPeriodInDays()),
                encryptionOf(table),
                table.tableClassSummary() == null || table.tableClassSummary().tableClassAsString() == null
                        ? TableClassSpec.STANDARD
                        : TableClassSpec.valueOf(table.tableClassSummary().tableClassAsString()),
                Boolean.TRUE.equals(table.deletionProtectionEnabled()),
                Optional.of(Optional.ofNullable(table.warmThroughput())
                        .map(warm -> new WarmThroughputSpec(
                                Optional.ofNullable(warm.readUnitsPerSecond()),
                                Optional.ofNullable(warm.writeUnitsPerSecond())))
                        .orElse(new WarmThroughputSpec(Optional.empty(), Optional.empty()))),
                live.resourcePolicy().map(TableShape::parsePolicy),
                live.contributorInsights()
                        .map(status -> status == ContributorInsightsStatus.ENABLED
                                || status == ContributorInsightsStatus.ENABLING)
                        .orElse(false),
                live.tags());
    }

    /**
     * Every difference between what the spec asks for and what the table has, field by field, before
     * classification; empty when they match.
     */
    public static List<ShapeField.Rendered> compare(TableShape expected, TableShape actual) {
        return FIELDS.stream()
                .map(field -> field.compare(expected, actual))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The billing DescribeTable shows (on-demand maximums apart). */
    public static BillingSpec billingOf(TableDescription table) {
        boolean onDemand = table.billingModeSummary() != null
                && table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
        if (onDemand) {
            return new BillingSpec.PayPerRequest();
        }
        ProvisionedThroughputDescription throughput = table.provisionedThroughput();
        long read = throughput == null || throughput.readCapacityUnits() == null ? 0 : throughput.readCapacityUnits();
        long write =
                throughput == null || throughput.writeCapacityUnits() == null ? 0 : throughput.writeCapacityUnits();
        return new BillingSpec.Provisioned(read, write);
    }

    /** A resource policy as compared: parsed JSON, or the text itself when it is not JSON. */
    public static JsonNode parsePolicy(String policy) {
        try {
            return JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(policy);
        }
    }

    static Optional<OnDemandLimits> normalised(Optional<OnDemandLimits> limits) {
        return Objects.requireNonNull(limits, "limits")
                .map(l -> new OnDemandLimits(
                        l.maxReadRequestUnits().filter(units -> units > 0),
                        l.maxWriteRequestUnits().filter(units -> units > 0)))
                .filter(l -> l.maxReadRequestUnits().isPresent()
                        || l.maxWriteRequestUnits().isPresent());
    }

    private static BillingSpec withoutLimits(BillingSpec billing) {
        return switch (billing.kind()) {
            case PROVISIONED -> billing;
            case PAY_PER_REQUEST -> new BillingSpec.PayPerRequest();
        };
    }

    private static Optional<OnDemandLimits> limits(OnDemandThroughput throughput) {
        return throughput == null
                ? Optional.empty()
                : Optional.of(new OnDemandLimits(
                        Optional.ofNullable(throughput.maxReadRequestUnits()),
                        Optional.ofNullable(throughput.maxWriteRequestUnits())));
    }

    private static Optional<CapacitySpec> capacity(ProvisionedThroughputDescription throughput) {
        return throughput == null
                ? Optional.empty()
                : Optional.of(new CapacitySpec(
                        throughput.readCapacityUnits() == null ? 0 : throughput.readCapacityUnits(),
                        throughput.writeCapacityUnits() == null ? 0 : throughput.writeCapacityUnits()));
    }

    private static ProjectionSpec projection(Projection projection) {
        if (projection == null || projection.projectionTypeAsString() == null) {
            return ProjectionSpec.all();
        }
        return new ProjectionSpec(
                ProjectionSpec.Type.valueOf(projection.projectionTypeAsString()), projection.nonKeyAttributes());
    }

    private static EncryptionSpec encryptionOf(TableDescription table) {
        if (table.sseDescription() == null
                || table.sseDescription().status() == SSEStatus.DISABLED
                || table.sseDescription().status() == SSEStatus.DISABLING) {
            return AWS_OWNED;
        }
        // DescribeTable names the key by ARN only; whether it is the AWS managed key needs KMS, so a KMS key is
        // reported as the key it is and compared leniently (see encryptionSatisfies).
        return new EncryptionSpec(
                EncryptionSpec.Type.CUSTOMER_MANAGED,
                Optional.ofNullable(table.sseDescription().kmsMasterKeyArn()));
    }

    private static boolean encryptionSatisfies(EncryptionSpec wanted, EncryptionSpec found) {
        return switch (wanted.type()) {
            case AWS_OWNED -> found.type() == EncryptionSpec.Type.AWS_OWNED;
            case AWS_MANAGED -> found.type() != EncryptionSpec.Type.AWS_OWNED;
            case CUSTOMER_MANAGED ->
                found.type() != EncryptionSpec.Type.AWS_OWNED
                        && (wanted.kmsKeyId().isEmpty()
                                || found.kmsKeyId().isEmpty()
                                || wanted.kmsKeyId().get().startsWith("alias/")
                                || found.kmsKeyId()
                                        .get()
                                        .equals(wanted.kmsKeyId().get())
                                || found.kmsKeyId()
                                        .get()
                                        .endsWith("/" + wanted.kmsKeyId().get()));
        };
    }

    /** Warm throughput can only grow: a live value at least the spec's satisfies it. */
    static boolean warmSatisfies(WarmThroughputSpec wanted, WarmThroughputSpec found) {
        return atLeast(wanted.readUnitsPerSecond(), found.readUnitsPerSecond())
                && atLeast(wanted.writeUnitsPerSecond(), found.writeUnitsPerSecond());
    }

    private static boolean atLeast(Optional<Long> wanted, Optional<Long> found) {
        return wanted.isEmpty() || (found.isPresent() && found.get() >= wanted.get());
    }

    private static String renderEncryption(EncryptionSpec encryption) {
        return encryption.type() == EncryptionSpec.Type.AWS_OWNED
                ? "AWS_OWNED"
                : encryption.type()
                        + encryption.kmsKeyId().map(key -> " " + key).orElse("");
    }

    private static List<KeySpec> keys(TableDescription table, List<KeySchemaElement> schema, KeyType role) {
        return schema.stream()
                .filter(element -> element.keyType() == role)
                .map(KeySchemaElement::attributeName)
                .map(name -> new KeySpec(name, attributeType(table, name)))
                .toList();
    }

    private static dev.dynaseed.spec.KeyType attributeType(TableDescription table, String name) {
        return table.attributeDefinitions().stream()
                .filter(definition -> definition.attributeName().equals(name))
                .map(AttributeDefinition::attributeTypeAsString)
                .map(dev.dynaseed.spec.KeyType::valueOf)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "DescribeTable " + table.tableName() + " shows no attribute definition for key " + name));
    }

    private static String renderIndexes(Map<String, ?> indexes) {
        return indexes.isEmpty()
                ? "none"
                : indexes.entrySet().stream()
                        .map(index -> index.getKey() + " (" + index.getValue() + ")")
                        .collect(Collectors.joining("; "));
    }

    private static String renderTags(Map<String, String> tags) {
        return tags.isEmpty()
                ? "none"
                : tags.entrySet().stream()
                        .map(tag -> tag.getKey() + "=" + tag.getValue())
                        .collect(Collectors.joining(", ", "{", "}"));
    }
}
