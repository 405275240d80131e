package dev.dynaseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.report.Report;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.SpecReader.SpecFormat;
import dev.dynaseed.testing.Dynalite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Items seeded into a table with a global secondary index carry its keys, so a Query on the index finds them. */
class IndexedTableSeedingTest {
    private final DynamoDbClient client = Dynalite.client();

    @Test
    void seededItems_landInTheGlobalSecondaryIndex_andAQueryOnItFindsThem() {
        String name = Dynalite.uniqueTableName("orders_by_status");
        Spec spec = SpecReader.read("""
                tables:
                  - name: %s
                    partitionKey: {name: order_id, type: S}
                    globalSecondaryIndexes:
                      - name: by_status
                        partitionKey: {name: status, type: S}
                        sortKey: {name: total, type: N}
                    seed:
                      count: 30
                      randomSeed: 7
                      attributes:
                        order_id: {generator: sequence, prefix: order-}
                        status: {generator: oneOf, values: [NEW, PAID]}
                        total: {generator: intRange, min: 1, max: 500}
                """.formatted(name), SpecFormat.YAML, "indexed.yaml");
        // The table as CreateTable makes it from this spec, so that seeding is tested whoever creates it.
        client.createTable(request -> request.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute("order_id", ScalarAttributeType.S),
                        attribute("status", ScalarAttributeType.S),
                        attribute("total", ScalarAttributeType.N))
                .keySchema(key("order_id", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("by_status")
                        .keySchema(key("status", KeyType.HASH), key("total", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.ALL)
                                .build())
                        .build()));

        Report report = new Pipeline(client, "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);

        assertThat(report.tables().get(0).seed().written()).isEqualTo(30);
        long found = 0;
        for (String status : List.of("NEW", "PAID")) {
            QueryResponse page = client.query(query -> query.tableName(name)
                    .indexName("by_status")
                    .keyConditionExpression("#status = :status AND #total BETWEEN :low AND :high")
                    .expressionAttributeNames(Map.of("#status", "status", "#total", "total"))
                    .expressionAttributeValues(Map.of(
                            ":status", AttributeValue.fromS(status),
                            ":low", AttributeValue.fromN("1"),
                            ":high", AttributeValue.fromN("500"))));
            assertThat(page.lastEvaluatedKey()).isEmpty();
            assertThat(page.items())
                    .allSatisfy(item -> assertThat(item.get("status").s()).isEqualTo(status));
            found += page.count();
        }
        assertThat(found).isEqualTo(30);
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
