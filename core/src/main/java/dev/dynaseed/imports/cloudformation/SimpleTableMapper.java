package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps an {@code AWS::Serverless::SimpleTable} as the SAM transform expands it: a table keyed by PrimaryKey (default
 * {@code id} of type String), PROVISIONED with ProvisionedThroughput when given, else PAY_PER_REQUEST.
 */
final class SimpleTableMapper {
    static final Set<String> PROPERTIES = Set.of(
            "PrimaryKey",
            "ProvisionedThroughput",
            "SSESpecification",
            "TableName",
            "Tags",
            "PointInTimeRecoverySpecification");

    private SimpleTableMapper() {}

    static Optional<TableSpec> map(String name, Fields properties) {
        properties.onlyKnown(PROPERTIES, "AWS::Serverless::SimpleTable");
        KeySpec key = properties
                .fields("PrimaryKey")
                .map(primary -> {
                    primary.onlyKnown(Set.of("Name", "Type"), "PrimaryKey");
                    String keyName = primary.requiredString("Name");
                    String type = primary.requiredString("Type");
                    KeyType keyType = switch (type) {
                        case "String" -> KeyType.S;
                        case "Number" -> KeyType.N;
                        case "Binary" -> KeyType.B;
                        default -> {
                            primary.problem(
                                    "Type",
                                    "'" + type + "' is not a SimpleTable key type; use" + " String, Number or Binary");
                            yield KeyType.S;
                        }
                    };
                    return new KeySpec(keyName, keyType);
                })
                .orElse(new KeySpec("id", KeyType.S));
        BillingSpec billing = KeySchemas.capacity(properties, "ProvisionedThroughput")
                .<BillingSpec>map(c -> new BillingSpec.Provisioned(c.readCapacity(), c.writeCapacity()))
                .orElse(new BillingSpec.PayPerRequest());
        Optional<EncryptionSpec> encryption = DynamoDbTableMapper.encryption(properties);
        Map<String, String> tags = new LinkedHashMap<>();
        properties.node("Tags").ifPresent(node -> {
            if (node instanceof TemplateNode.Mapping mapping) {
                mapping.entries().forEach((k, v) -> tags.put(k, Intrinsics.text(v, "Tags." + k)));
            } else {
                properties.problem("Tags", "must be a mapping of tag names to values, e.g. {team: payments}");
            }
        });
        TableFeatures none = TableFeatures.none();
        TableFeatures features = new TableFeatures(
                none.globalSecondaryIndexes(),
                none.localSecondaryIndexes(),
                Optional.empty(),
                Optional.empty(),
                DynamoDbTableMapper.pointInTimeRecovery(properties),
                encryption,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        return Optional.of(TableSpec.builder(name, key)
                .billing(billing)
                .tags(tags)
                .features(features)
                .build());
    }
}
