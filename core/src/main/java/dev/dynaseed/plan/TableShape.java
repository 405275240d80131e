package dev.dynaseed.plan;

import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.TableSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The shape of a table, the one model that a spec ({@link #of(TableSpec)}) and a live table
 * ({@link #of(TableDescription)}) both map into, compared field by field ({@link #FIELDS}). A new table feature
 * (indexes, TTL, streams, ...) is a new component here plus its {@link ShapeField}; CreateTable is built from the
 * same shape.
 *
 * @param partitionKey the partition key's name and type
 * @param sortKey the sort key's name and type, if the table has one
 * @param billing the billing mode and capacity
 * @param tags the table's tags; empty when not read (DescribeTable does not return tags), so not compared
 */
public record TableShape(
        KeySpec partitionKey, Optional<KeySpec> sortKey, BillingSpec billing, Optional<Map<String, String>> tags) {

    public static final ShapeField<KeySpec> PARTITION_KEY =
            new ShapeField<>("partitionKey", shape -> Optional.of(shape.partitionKey()), KeySpec::toString);
    public static final ShapeField<Optional<KeySpec>> SORT_KEY = new ShapeField<>(
            "sortKey",
            shape -> Optional.of(shape.sortKey()),
            key -> key.map(KeySpec::toString).orElse("none"));
    public static final ShapeField<BillingSpec> BILLING =
            new ShapeField<>("billing", shape -> Optional.of(shape.billing()), BillingSpec::toString);
    public static final ShapeField<Map<String, String>> TAGS =
            new ShapeField<>("tags", TableShape::tags, TableShape::renderTags);

    /** Every field, in the order differences are listed; one per component (a test checks it). */
    public static final List<ShapeField<?>> FIELDS = List.of(PARTITION_KEY, SORT_KEY, BILLING, TAGS);

    public TableShape {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(billing, "billing");
        tags = Objects.requireNonNull(tags, "tags").map(map -> Collections.unmodifiableMap(new LinkedHashMap<>(map)));
    }

    /** The shape a table spec asks for. */
    public static TableShape of(TableSpec spec) {
        return new TableShape(spec.partitionKey(), spec.sortKey(), spec.billing(), Optional.of(spec.tags()));
    }

    /** The shape DescribeTable shows; tags are unread. */
    public static TableShape of(TableDescription table) {
        return new TableShape(
                key(table, KeyType.HASH)
                        .orElseThrow(() -> new IllegalStateException(
                                "DescribeTable " + table.tableName() + " shows no partition key")),
                key(table, KeyType.RANGE),
                billingOf(table),
                Optional.empty());
    }

    /** Every difference between what the spec asks for and what the table has, field by field; empty when they match. */
    public static List<Difference> compare(TableShape expected, TableShape actual) {
        return FIELDS.stream()
                .map(field -> field.compare(expected, actual))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The billing DescribeTable shows. */
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

    private static Optional<KeySpec> key(TableDescription table, KeyType role) {
        return table.keySchema().stream()
                .filter(element -> element.keyType() == role)
                .map(KeySchemaElement::attributeName)
                .findFirst()
                .map(name -> new KeySpec(name, attributeType(table, name)));
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

    private static String renderTags(Map<String, String> tags) {
        return tags.isEmpty()
                ? "none"
                : tags.entrySet().stream()
                        .map(tag -> tag.getKey() + "=" + tag.getValue())
                        .collect(Collectors.joining(", ", "{", "}"));
    }
}
