package dev.dynaseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.generate.ItemGenerator;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.report.Report;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.SpecReader.SpecFormat;
import dev.dynaseed.testing.Dynalite;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An item whose key a generator makes empty (a Datafaker expression can; validation cannot know) is never sent:
 * DynamoDB would refuse the whole batch. It is counted failed with its position and why; the items around it are
 * written.
 */
class EmptyKeyItemsTest {
    private static final int COUNT = 300;
    private final DynamoDbClient client = Dynalite.client();

    @Test
    void itemsWithAnEmptyKey_areFailedWithTheirPosition_andTheOthersWritten() {
        String name = Dynalite.uniqueTableName("emptykey");
        Spec spec = SpecReader.read("""
                tables:
                  - name: %s
                    partitionKey: {name: id, type: S}
                    sortKey: {name: n, type: N}
                    billing: {mode: PAY_PER_REQUEST}
                    seed:
                      count: %d
                      randomSeed: 7
                      attributes:
                        n: {generator: sequence}
                        id: {generator: fake, expression: "#{regexify '[a-c]{0,1}'}"}
                """.formatted(name, COUNT), SpecFormat.YAML, "empty-key.yaml");
        ItemGenerator generator =
                ItemGenerator.forTable(name, spec.tables().get(0).seed(), 0, Instant.EPOCH);
        Set<Long> empty = new HashSet<>();
        for (long i = 0; i < COUNT; i++) {
            if (generator.item(i).get("id").s().isEmpty()) {
                empty.add(i);
            }
        }
        assertThat(empty)
                .as("the expression makes some empty keys")
                .isNotEmpty()
                .hasSizeLessThan(COUNT);

        Report report = new Pipeline(client, "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);

        var seed = report.tables().get(0).seed();
        assertThat(seed.failed()).isEqualTo(empty.size());
        assertThat(seed.written()).isEqualTo(COUNT - empty.size());
        assertThat(seed.errors())
                .isNotEmpty()
                .allSatisfy(error -> assertThat(error)
                        .matches("item \\d+ has an empty key attribute 'id' \\(DynamoDB refuses empty key values\\):"
                                + " check the generator or file that makes it; it was not sent"))
                .allSatisfy(error -> assertThat(empty)
                        .contains(Long.parseLong(error.substring("item ".length(), error.indexOf(" has")))));
        assertThat(client.scanPaginator(r -> r.tableName(name)).items().stream().count())
                .isEqualTo(COUNT - empty.size());
    }

    @Test
    void keysOverDynamoDbsKeySizeLimits_areFailedWithTheirSize_notSent() {
        String name = Dynalite.uniqueTableName("longkey");
        Spec spec = SpecReader.read("""
                tables:
                  - name: %s
                    partitionKey: {name: id, type: S}
                    sortKey: {name: sk, type: S}
                    billing: {mode: PAY_PER_REQUEST}
                    seed:
                      count: 4
                      randomSeed: 7
                      attributes:
                        n: {generator: sequence}
                        long: {generator: fake, expression: "#{Lorem.characters '2049'}"}
                        id: '{long}'
                        sk: 'S{n}'
                """.formatted(name), SpecFormat.YAML, "long-key.yaml");

        Report report = new Pipeline(client, "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);

        var seed = report.tables().get(0).seed();
        assertThat(seed.failed()).isEqualTo(4);
        assertThat(seed.written()).isZero();
        assertThat(seed.errors())
                .contains("item 0 has a partition key 'id' of 2049 bytes, over DynamoDB's 2048 for a partition key"
                        + " value: make it shorter; it was not sent");
    }
}
