package dev.dynaseed.plan;

import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Compares a table spec with what DescribeTable says: keys, key attribute types and billing. */
public final class SchemaComparison {
    private SchemaComparison() {}

    /** Every difference between the spec and the table; empty when they match. */
    public static List<Difference> differences(TableSpec spec, TableDescription table) {
        List<Difference> differences = new ArrayList<>();
        compareKey("partitionKey", Optional.of(spec.partitionKey()), key(table, KeyType.HASH), differences);
        compareKey("sortKey", spec.sortKey(), key(table, KeyType.RANGE), differences);
        String expectedBilling = spec.billing().toString();
        String actualBilling = billing(table);
        if (!expectedBilling.equals(actualBilling)) {
            differences.add(new Difference("billing", expectedBilling, actualBilling));
        }
        return differences;
    }

    private static void compareKey(
            String field, Optional<KeySpec> expected, Optional<KeySpec> actual, List<Difference> differences) {
        String expectedText = expected.map(KeySpec::toString).orElse("none");
        String actualText = actual.map(KeySpec::toString).orElse("none");
        if (!expectedText.equals(actualText)) {
            differences.add(new Difference(field, expectedText, actualText));
        }
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
                        "table " + table.tableName() + " has no attribute definition for key " + name));
    }

    /** The billing of a table, rendered like {@link BillingSpec#toString()}. */
    public static String billing(TableDescription table) {
        boolean onDemand = table.billingModeSummary() != null
                && table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
        if (onDemand) {
            return new BillingSpec.PayPerRequest().toString();
        }
        ProvisionedThroughputDescription throughput = table.provisionedThroughput();
        long read = throughput == null || throughput.readCapacityUnits() == null ? 0 : throughput.readCapacityUnits();
        long write =
                throughput == null || throughput.writeCapacityUnits() == null ? 0 : throughput.writeCapacityUnits();
        return new BillingSpec.Provisioned(read, write).toString();
    }
}
