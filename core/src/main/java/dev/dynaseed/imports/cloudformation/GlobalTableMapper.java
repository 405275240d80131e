package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.LocalIndexSpec;
import dev.dynaseed.spec.OnDemandLimits;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps an {@code AWS::DynamoDB::GlobalTable} to the table of one region: the shared definition plus the replica whose
 * Region is the import's region. Provisioned capacity that CloudFormation gives as auto scaling settings becomes the
 * SeedCapacity, else the MinCapacity (what the table starts with).
 */
final class GlobalTableMapper {
    private static final Logger LOG = LoggerFactory.getLogger(GlobalTableMapper.class);

    static final Set<String> PROPERTIES = Set.of(
            "AttributeDefinitions",
            "BillingMode",
            "GlobalSecondaryIndexes",
            "GlobalTableSourceArn",
            "GlobalTableWitnesses",
            "KeySchema",
            "LocalSecondaryIndexes",
            "MultiRegionConsistency",
            "ReadOnDemandThroughputSettings",
            "ReadProvisionedThroughputSettings",
            "Replicas",
            "SSESpecification",
            "StreamSpecification",
            "TableName",
            "TimeToLiveSpecification",
            "WarmThroughput",
            "WriteOnDemandThroughputSettings",
            "WriteProvisionedThroughputSettings");

    private static final Set<String> REPLICA = Set.of(
            "Region",
            "ContributorInsightsSpecification",
            "DeletionProtectionEnabled",
            "DisassociationProtectionEnabled",
            "GlobalSecondaryIndexes",
            "KinesisStreamSpecification",
            "PointInTimeRecoverySpecification",
            "ReadOnDemandThroughputSettings",
            "ReadProvisionedThroughputSettings",
            "ReplicaStreamSpecification",
            "ResourcePolicy",
            "SSESpecification",
            "TableClass",
            "Tags");

    private GlobalTableMapper() {}

    static Optional<TableSpec> map(String name, Fields properties, String region) {
        properties.onlyKnown(PROPERTIES, "AWS::DynamoDB::GlobalTable");
        if (properties.has("GlobalTableSourceArn")) {
            properties.problem(
                    "GlobalTableSourceArn",
                    "makes the global table from an existing table in AWS, which"
                            + " dynaseed cannot read; define its key schema and indexes here instead");
        }
        Optional<Fields> replica = replica(properties, region);
        KeySchemas keys = new KeySchemas(properties);
        List<List<KeySpec>> primary = keys.keySchema(properties, false);
        String mode = properties.string("BillingMode").orElse("PROVISIONED");
        boolean provisioned = mode.equals("PROVISIONED");
        if (!provisioned && !mode.equals("PAY_PER_REQUEST")) {
            properties.problem(
                    "BillingMode", "'" + mode + "' is not a billing mode; use PROVISIONED or" + " PAY_PER_REQUEST");
        }
        BillingSpec billing = provisioned
                ? new BillingSpec.Provisioned(
                        read(properties, replica, region).orElse(1L),
                        write(properties, "WriteProvisionedThroughputSettings").orElse(1L))
                : new BillingSpec.PayPerRequest(onDemand(properties, replica));
        List<GlobalIndexSpec> global = new ArrayList<>();
        for (Fields index : properties.fieldsList("GlobalSecondaryIndexes")) {
            global.add(globalIndex(index, keys, provisioned, replica, region));
        }
        List<LocalIndexSpec> local = new ArrayList<>();
        for (Fields index : properties.fieldsList("LocalSecondaryIndexes")) {
            DynamoDbTableMapper.localIndex(index, keys, primary).ifPresent(local::add);
        }
        keys.checkAllUsed();
        TableFeatures features = new TableFeatures(
                global,
                local,
                KeySchemas.timeToLive(properties),
                KeySchemas.stream(properties),
                replica.flatMap(DynamoDbTableMapper::pointInTimeRecovery),
                encryption(properties, replica),
                replica.flatMap(DynamoDbTableMapper::tableClass),
                replica.flatMap(r -> r.bool("DeletionProtectionEnabled")),
                KeySchemas.warm(properties),
                replica.flatMap(KeySchemas::resourcePolicy),
                replica.flatMap(KeySchemas::contributorInsights));
        if (primary.get(0).isEmpty() || replica.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TableSpec.builder(name, primary.get(0).get(0))
                .sortKey(primary.get(1).stream().findFirst())
                .billing(billing)
                .tags(KeySchemas.tags(replica.get()))
                .features(features)
                .build());
    }

    private static Optional<Fields> replica(Fields properties, String region) {
        List<Fields> replicas = properties.fieldsList("Replicas");
        List<String> regions = new ArrayList<>();
        Optional<Fields> chosen = Optional.empty();
        Map<String, Fields> seen = new LinkedHashMap<>();
        for (Fields replica : replicas) {
            replica.onlyKnown(REPLICA, "Replica");
            String replicaRegion = replica.requiredString("Region");
            regions.add(replicaRegion);
            Fields earlier = seen.putIfAbsent(replicaRegion, replica);
            if (earlier != null) {
                replica.problem(
                        "Region",
                        "'" + replicaRegion + "' is given twice, at " + earlier.relativePath(properties) + " (line "
                                + earlier.location().line() + ") and " + replica.relativePath(properties)
                                + "; a global table has one replica per region: keep one of them");
            }
            if (replicaRegion.equals(region) && chosen.isEmpty()) {
                chosen = Optional.of(replica);
            }
        }
        chosen.ifPresent(GlobalTableMapper::uniqueReplicaIndexes);
        if (chosen.isEmpty()) {
            properties.problem(
                    properties.has("Replicas") ? "Replicas" : "",
                    "has no replica in region " + region + " (replicas: " + regions + "); CloudFormation needs one"
                            + " in the stack's region: add --import-region "
                            + (regions.isEmpty() ? "REGION" : regions.get(0))
                            + " (picks the replica and AWS::Region; the target stays as it is), or add a replica"
                            + " for " + region);
        }
        chosen.ifPresent(r -> {
            if (r.has("KinesisStreamSpecification") || r.has("ReplicaStreamSpecification")) {
                LOG.warn("{}: the replica's Kinesis and stream resource policy settings are not imported", r.path());
            }
        });
        return chosen;
    }

    /** Refuses a replica that gives settings for one index twice, instead of silently using the first. */
    private static void uniqueReplicaIndexes(Fields replica) {
        Map<String, Fields> seen = new LinkedHashMap<>();
        for (Fields index : replica.fieldsList("GlobalSecondaryIndexes")) {
            Optional<String> name = index.string("IndexName");
            if (name.isEmpty()) {
                continue;
            }
            Fields earlier = seen.putIfAbsent(name.get(), index);
            if (earlier != null) {
                index.problem(
                        "IndexName",
                        "'" + name.get() + "' is given twice, at " + earlier.relativePath(replica) + " (line "
                                + earlier.location().line() + ") and " + index.relativePath(replica)
                                + "; give each index's replica settings once");
            }
        }
    }

    private static Optional<Long> read(Fields properties, Optional<Fields> replica, String region) {
        Optional<Fields> settings = replica.flatMap(r -> r.fields("ReadProvisionedThroughputSettings"))
                .or(() -> properties.fields("ReadProvisionedThroughputSettings"));
        if (settings.isEmpty()) {
            replica.orElse(properties)
                    .problem(
                            "",
                            "needs ReadProvisionedThroughputSettings for region " + region
                                    + ": BillingMode is PROVISIONED (the default); or set BillingMode: PAY_PER_REQUEST");
            return Optional.empty();
        }
        Fields fields = settings.get();
        fields.onlyKnown(
                Set.of("ReadCapacityUnits", "ReadCapacityAutoScalingSettings"), "ReadProvisionedThroughputSettings");
        if (fields.has("ReadCapacityUnits")) {
            return fields.number("ReadCapacityUnits");
        }
        return fields.fields("ReadCapacityAutoScalingSettings").flatMap(GlobalTableMapper::startCapacity);
    }

    private static Optional<Long> write(Fields owner, String key) {
        Optional<Fields> settings = owner.fields(key);
        if (settings.isEmpty()) {
            owner.problem(
                    "",
                    "needs " + key + ": BillingMode is PROVISIONED (the default for a global table);"
                            + " or set BillingMode: PAY_PER_REQUEST");
            return Optional.empty();
        }
        settings.get().onlyKnown(Set.of("WriteCapacityAutoScalingSettings"), key);
        Optional<Fields> scaling = settings.get().fields("WriteCapacityAutoScalingSettings");
        if (scaling.isEmpty()) {
            settings.get().problem("", "needs WriteCapacityAutoScalingSettings");
        }
        return scaling.flatMap(GlobalTableMapper::startCapacity);
    }

    private static Optional<Long> startCapacity(Fields scaling) {
        scaling.onlyKnown(
                Set.of("MinCapacity", "MaxCapacity", "SeedCapacity", "TargetTrackingScalingPolicyConfiguration"),
                "CapacityAutoScalingSettings");
        return scaling.has("SeedCapacity") ? scaling.number("SeedCapacity") : scaling.number("MinCapacity");
    }

    private static Optional<OnDemandLimits> onDemand(Fields properties, Optional<Fields> replica) {
        Optional<Long> maxWrite = properties
                .fields("WriteOnDemandThroughputSettings")
                .flatMap(fields -> {
                    fields.onlyKnown(Set.of("MaxWriteRequestUnits"), "WriteOnDemandThroughputSettings");
                    return fields.number("MaxWriteRequestUnits");
                });
        Optional<Long> maxRead = replica.flatMap(r -> r.fields("ReadOnDemandThroughputSettings"))
                .or(() -> properties.fields("ReadOnDemandThroughputSettings"))
                .flatMap(fields -> {
                    fields.onlyKnown(Set.of("MaxReadRequestUnits"), "ReadOnDemandThroughputSettings");
                    return fields.number("MaxReadRequestUnits");
                });
        return maxRead.isEmpty() && maxWrite.isEmpty()
                ? Optional.empty()
                : Optional.of(new OnDemandLimits(maxRead, maxWrite));
    }

    private static GlobalIndexSpec globalIndex(
            Fields index, KeySchemas keys, boolean provisioned, Optional<Fields> replica, String region) {
        index.onlyKnown(
                Set.of(
                        "IndexName",
                        "KeySchema",
                        "Projection",
                        "WriteProvisionedThroughputSettings",
                        "WriteOnDemandThroughputSettings",
                        "ReadProvisionedThroughputSettings",
                        "ReadOnDemandThroughputSettings",
                        "WarmThroughput"),
                "GlobalSecondaryIndex");
        String name = index.requiredString("IndexName");
        keys.uniqueIndexName(index, name);
        List<List<KeySpec>> indexKeys = keys.keySchema(index, true);
        Optional<Fields> replicaIndex = replica.flatMap(r -> r.fieldsList("GlobalSecondaryIndexes").stream()
                .filter(i -> i.string("IndexName").filter(name::equals).isPresent())
                .findFirst());
        Optional<CapacitySpec> capacity = Optional.empty();
        Optional<OnDemandLimits> limits = Optional.empty();
        if (provisioned) {
            Optional<Long> write = write(index, "WriteProvisionedThroughputSettings");
            Optional<Long> read = read(index, replicaIndex, region);
            capacity = Optional.of(new CapacitySpec(read.orElse(1L), write.orElse(1L)));
        } else {
            limits = onDemand(index, replicaIndex);
        }
        return new GlobalIndexSpec(
                name,
                indexKeys.get(0),
                indexKeys.get(1),
                KeySchemas.projection(index),
                capacity,
                limits,
                KeySchemas.warm(index),
                false);
    }

    /** The shared SSEEnabled/SSEType with the replica's KMSMasterKeyId. */
    private static Optional<EncryptionSpec> encryption(Fields properties, Optional<Fields> replica) {
        Optional<String> key = replica.flatMap(r -> r.fields("SSESpecification"))
                .flatMap(fields -> {
                    fields.onlyKnown(Set.of("KMSMasterKeyId"), "ReplicaSSESpecification");
                    return fields.string("KMSMasterKeyId");
                });
        return properties.fields("SSESpecification").map(fields -> {
            fields.onlyKnown(Set.of("SSEEnabled", "SSEType"), "SSESpecification");
            boolean enabled = fields.bool("SSEEnabled").orElse(false);
            if (!enabled) {
                return new EncryptionSpec(EncryptionSpec.Type.AWS_OWNED, Optional.empty());
            }
            return key.map(id -> new EncryptionSpec(EncryptionSpec.Type.CUSTOMER_MANAGED, Optional.of(id)))
                    .orElse(new EncryptionSpec(EncryptionSpec.Type.AWS_MANAGED, Optional.empty()));
        });
    }
}
