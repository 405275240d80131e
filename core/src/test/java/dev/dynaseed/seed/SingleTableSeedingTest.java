package dev.dynaseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.generate.EntityLayout;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.report.Report;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.SpecReader.SpecFormat;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The README's single-table spec (users and their orders in one table, a GSI for orders by status) applies as it
 * is written, and the access patterns it is for work on the seeded data.
 */
class SingleTableSeedingTest {
    private static final String MARKER = "<!-- single-table spec: applied by SingleTableSeedingTest -->";
    private final DynamoDbClient client = Dynalite.client();

    static String readmeSpec() throws IOException {
        String readme = Files.readString(Dynalite.projectHome().resolve("README.md"));
        int marker = readme.indexOf(MARKER);
        assertThat(marker).as("the README marks its single-table spec").isNotNegative();
        int start = readme.indexOf("```yaml\n", marker) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void readmeSpec_isTheTestedFixture() throws IOException {
        assertThat(readmeSpec())
                .isEqualTo(Files.readString(Path.of("src/test/resources/specs/single-table/shop.yaml")));
    }

    @Test
    void readmeSpec_applies_andAQueryOnTheGsiReturnsOrders_andAUsersPartitionHoldsProfileAndOrders()
            throws IOException {
        String name = Dynalite.uniqueTableName("shop");
        Spec spec = SpecReader.read(readmeSpec().replace("name: shop", "name: " + name), SpecFormat.YAML, "README.md");
        long total = spec.tables().get(0).seed().count();
        long orders = EntityLayout.of(spec.tables().get(0).seed()).children(0, 0);

        Report report = new Pipeline(client, "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);

        assertThat(report.tables().get(0).seed().written()).isEqualTo(total);
        List<Map<String, AttributeValue>> byStatus = new ArrayList<>();
        for (String status : List.of("PENDING", "SHIPPED", "DELIVERED")) {
            List<Map<String, AttributeValue>> found = query(QueryRequest.builder()
                    .tableName(name)
                    .indexName("orders_by_status")
                    .keyConditionExpression("#status = :status")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(status)))
                    .build());
            assertThat(found)
                    .isNotEmpty()
                    .allSatisfy(item -> assertThat(item.get("SK").s()).startsWith("ORDER#"))
                    .allSatisfy(item -> assertThat(item.get("status").s()).isEqualTo(status));
            byStatus.addAll(found);
        }
        // Every order is in the index (users have no status), and nothing else is.
        assertThat(byStatus).hasSize((int) orders);

        List<Map<String, AttributeValue>> partition = query(QueryRequest.builder()
                .tableName(name)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#000001")))
                .build());
        assertThat(partition.get(partition.size() - 1).get("SK").s()).isEqualTo("PROFILE");
        assertThat(partition.subList(0, partition.size() - 1))
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item.get("SK").s()).startsWith("ORDER#2024-"));
    }

    private List<Map<String, AttributeValue>> query(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.queryPaginator(request).items().forEach(items::add);
        return items;
    }
}
