package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.LocalIndexSpec;
import dev.dynaseed.spec.PointInTimeRecoverySpec;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the evaluated Properties of an {@code AWS::DynamoDB::Table} to a {@link TableSpec}, as CloudFormation creates
 * it: BillingMode defaults to PROVISIONED, which then needs ProvisionedThroughput.
 */
final class DynamoDbTableMapper {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbTableMapper.class);

    static final Set<String> PROPERTIES = Set.of(
            "AttributeDefinitions",
            "BillingMode",
            "ContributorInsightsSpecification",
            "DeletionProtectionEnabled",
            "GlobalSecondaryIndexes",
            "ImportSourceSpecification",
            "KeySchema",
            "KinesisStreamSpecification",
            "LocalSecondaryIndexes",
            "OnDemandThroughput",
            "PointInTimeRecoverySpecification",
            "ProvisionedThroughput",
            "ResourcePolicy",
            "SSESpecification",
            "StreamSpecification",
            "TableClass",
            "TableName",
            "Tags",
            "TimeToLiveSpecification",
            "WarmThroughput");

    private DynamoDbTableMapper() {}

    static Optional<TableSpec> map(String name, Fields properties) {
        properties.onlyKnown(PROPERTIES, "AWS::DynamoDB::Table");
        if (properties.has("ImportSourceSpecification")) {
            properties.problem(
                    "ImportSourceSpecification",
                    "creates the table from data in S3, which dynaseed cannot read; remove it and seed the table"
                            + " from a file instead (seed.items in a spec)");
        }
        if (properties.has("KinesisStreamSpecification")) {
            LOG.warn(
                    "{}: KinesisStreamSpecification is not imported (streaming changes to Kinesis does not change"
                            + " the table)",
                    properties.path());
        }
        KeySchemas keys = new KeySchemas(properties);
        List<List<KeySpec>> primary = keys.keySchema(properties, false);
        String mode = properties.string("BillingMode").orElse("PROVISIONED");
        boolean provisioned = mode.equals("PROVISIONED");
        if (!provisioned && !mode.equals("PAY_PER_REQUEST")) {
            properties.problem(
                    "BillingMode", "'" + mode + "' is not a billing mode; use PROVISIONED or" + " PAY_PER_REQUEST");
        }
        BillingSpec billing = billing(properties, provisioned);
        List<GlobalIndexSpec> global = new ArrayList<>();
        for (Fields index : properties.fieldsList("GlobalSecondaryIndexes")) {
            global.add(globalIndex(index, keys, provisioned));
        }
        List<LocalIndexSpec> local = new ArrayList<>();
        for (Fields index : properties.fieldsList("LocalSecondaryIndexes")) {
            localIndex(index, keys, primary).ifPresent(local::add);
        }
        keys.checkAllUsed();
        TableFeatures features = new TableFeatures(
                global,
                local,
                KeySchemas.timeToLive(properties),
                KeySchemas.stream(properties),
                pointInTimeRecovery(properties),
                encryption(properties),
                tableClass(properties),
                properties.bool("DeletionProtectionEnabled"),
                KeySchemas.warm(properties),
                KeySchemas.resourcePolicy(properties),
                KeySchemas.contributorInsights(properties));
        if (primary.get(0).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TableSpec.builder(name, primary.get(0).get(0))
                .sortKey(primary.get(1).stream().findFirst())
                .billing(billing)
                .tags(KeySchemas.tags(properties))
                .features(features)
                .build());
    }

    private static BillingSpec billing(Fields properties, boolean provisioned) {
        Optional<CapacitySpec> capacity = KeySchemas.capacity(properties, "ProvisionedThroughput");
        if (provisioned) {
            if (properties.has("OnDemandThroughput")) {
                properties.problem("OnDemandThroughput", "is only allowed with BillingMode PAY_PER_REQUEST");
            }
            if (!properties.has("ProvisionedThroughput")) {
                properties.problem(
                        "",
                        "needs ProvisionedThroughput: BillingMode is PROVISIONED (CloudFormation's default when"
                                + " BillingMode is not given); add ProvisionedThroughput or BillingMode:"
                                + " PAY_PER_REQUEST");
                return new BillingSpec.Provisioned(1, 1);
            }
            return capacity.map(c -> new BillingSpec.Provisioned(c.readCapacity(), c.writeCapacity()))
                    .orElse(new BillingSpec.Provisioned(1, 1));
        }
        if (properties.has("ProvisionedThroughput")) {
            properties.problem(
                    "ProvisionedThroughput",
                    "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits"
                            + " can be specified when BillingMode is PAY_PER_REQUEST (remove ProvisionedThroughput)");
        }
        return new BillingSpec.PayPerRequest(KeySchemas.onDemand(properties, "OnDemandThroughput"));
    }

    private static GlobalIndexSpec globalIndex(Fields index, KeySchemas keys, boolean provisioned) {
        index.onlyKnown(
                Set.of(
                        "IndexName",
                        "KeySchema",
                        "Projection",
                        "ProvisionedThroughput",
                        "OnDemandThroughput",
                        "WarmThroughput",
                        "ContributorInsightsSpecification"),
                "GlobalSecondaryIndex");
        String name = index.requiredString("IndexName");
        keys.uniqueIndexName(index, name);
        List<List<KeySpec>> indexKeys = keys.keySchema(index, true);
        Optional<CapacitySpec> capacity = KeySchemas.capacity(index, "ProvisionedThroughput");
        if (provisioned && !index.has("ProvisionedThroughput")) {
            index.problem("", "needs ProvisionedThroughput: the table's BillingMode is PROVISIONED");
        }
        if (!provisioned && index.has("ProvisionedThroughput")) {
            index.problem(
                    "ProvisionedThroughput",
                    "One or more parameter values were invalid: ProvisionedThroughput should not be specified for"
                            + " index: " + name + " when BillingMode is PAY_PER_REQUEST");
        }
        if (index.has("ContributorInsightsSpecification")) {
            LOG.warn("{}: an index's ContributorInsightsSpecification is not imported", index.path());
        }
        return new GlobalIndexSpec(
                name,
                indexKeys.get(0),
                indexKeys.get(1),
                KeySchemas.projection(index),
                capacity,
                KeySchemas.onDemand(index, "OnDemandThroughput"),
                KeySchemas.warm(index),
                false);
    }

    static Optional<LocalIndexSpec> localIndex(Fields index, KeySchemas keys, List<List<KeySpec>> primary) {
        index.onlyKnown(Set.of("IndexName", "KeySchema", "Projection"), "LocalSecondaryIndex");
        String name = index.requiredString("IndexName");
        keys.uniqueIndexName(index, name);
        List<List<KeySpec>> indexKeys = keys.keySchema(index, false);
        if (indexKeys.get(0).isEmpty() || indexKeys.get(1).isEmpty()) {
            index.problem("KeySchema", "a local secondary index needs a HASH and a RANGE key");
            return Optional.empty();
        }
        if (!primary.get(0).isEmpty() && primary.get(1).isEmpty()) {
            index.problem(
                    "KeySchema",
                    "One or more parameter values were invalid: Table KeySchema does not have a range key, which is"
                            + " required when specifying a LocalSecondaryIndex");
        } else if (!primary.get(0).isEmpty()
                && !indexKeys.get(0).get(0).equals(primary.get(0).get(0))) {
            index.problem(
                    "KeySchema",
                    "One or more parameter values were invalid: Index KeySchema does not have the same leading hash"
                            + " key as table KeySchema for index: " + name + ". index hash key: "
                            + indexKeys.get(0).get(0).name() + ", table hash key: "
                            + primary.get(0).get(0).name());
        }
        return Optional.of(new LocalIndexSpec(
                name, indexKeys.get(0).get(0), indexKeys.get(1).get(0), KeySchemas.projection(index), false));
    }

    static Optional<PointInTimeRecoverySpec> pointInTimeRecovery(Fields properties) {
        return properties.fields("PointInTimeRecoverySpecification").map(fields -> {
            fields.onlyKnown(
                    Set.of("PointInTimeRecoveryEnabled", "RecoveryPeriodInDays"), "PointInTimeRecoverySpecification");
            return new PointInTimeRecoverySpec(
                    fields.bool("PointInTimeRecoveryEnabled").orElse(false),
                    fields.number("RecoveryPeriodInDays").map(Long::intValue));
        });
    }

    /** SSEEnabled false is DynamoDB's own key; true is KMS, with the AWS managed key unless KMSMasterKeyId names one. */
    static Optional<EncryptionSpec> encryption(Fields properties) {
        return properties.fields("SSESpecification").map(fields -> {
            fields.onlyKnown(Set.of("SSEEnabled", "SSEType", "KMSMasterKeyId"), "SSESpecification");
            boolean enabled = fields.bool("SSEEnabled").orElseGet(() -> {
                fields.problem("", "needs SSEEnabled (true or false)");
                return false;
            });
            fields.string("SSEType")
                    .filter(type -> !type.equals("KMS"))
                    .ifPresent(type -> fields.problem("SSEType", "'" + type + "' is not an SSE type; use KMS"));
            Optional<String> key = fields.string("KMSMasterKeyId");
            if (!enabled) {
                if (key.isPresent()) {
                    fields.problem("KMSMasterKeyId", "is only allowed with SSEEnabled: true");
                }
                return new EncryptionSpec(EncryptionSpec.Type.AWS_OWNED, Optional.empty());
            }
            return key.map(id -> new EncryptionSpec(EncryptionSpec.Type.CUSTOMER_MANAGED, Optional.of(id)))
                    .orElse(new EncryptionSpec(EncryptionSpec.Type.AWS_MANAGED, Optional.empty()));
        });
    }

    static Optional<TableClassSpec> tableClass(Fields properties) {
        return properties.string("TableClass").flatMap(value -> {
            try {
                return Optional.of(TableClassSpec.valueOf(value));
            } catch (IllegalArgumentException e) {
                properties.problem(
                        "TableClass",
                        "'" + value + "' is not a table class; use STANDARD or" + " STANDARD_INFREQUENT_ACCESS");
                return Optional.empty();
            }
        });
    }
}
