package dev.dynaseed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.plan.Difference;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.provision.TableOutcome;
import dev.dynaseed.report.Report;
import dev.dynaseed.report.ReportJson;
import dev.dynaseed.report.TableReport;
import dev.dynaseed.seed.ItemSource;
import dev.dynaseed.seed.ItemSourceFactory;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.Seeder;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.Specs;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class PipelineTest {
    private final DynamoDbClient client = Dynalite.client();
    private final Pipeline pipeline = new Pipeline(client, "test", ApplyOptions.defaults());

    @Test
    void defaultSpec_createsTheSeedsTablesWithThreeTypedItemsEach() {
        Report report = pipeline.apply(DefaultSpec.seedScenario(), SeedProgress.NONE);

        assertThat(report.status()).isEqualTo(Report.Status.OK);
        for (String name : DefaultSpec.TABLE_NAMES) {
            TableDescription table =
                    client.describeTable(r -> r.tableName(name)).table();
            assertThat(table.keySchema())
                    .containsExactly(
                            KeySchemaElement.builder()
                                    .attributeName("transaction_id")
                                    .keyType("HASH")
                                    .build(),
                            KeySchemaElement.builder()
                                    .attributeName("access_timestamp")
                                    .keyType("RANGE")
                                    .build());
            assertThat(table.attributeDefinitions())
                    .containsExactlyInAnyOrder(
                            AttributeDefinition.builder()
                                    .attributeName("transaction_id")
                                    .attributeType(ScalarAttributeType.S)
                                    .build(),
                            AttributeDefinition.builder()
                                    .attributeName("access_timestamp")
                                    .attributeType(ScalarAttributeType.N)
                                    .build());
            assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
            assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);
            var items = client.scan(r -> r.tableName(name)).items();
            assertThat(items).hasSize(3);
            for (var item : items) {
                assertThat(UUID.fromString(item.get("transaction_id").s()).version())
                        .isEqualTo(1);
                assertThat(Long.parseLong(item.get("access_timestamp").n()))
                        .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
                assertThat(UUID.fromString(item.get("user_id").s()).version()).isEqualTo(4);
            }
        }
        var json = ReportJson.toJson(report);
        assertThat(json.get("create").toString())
                .isEqualTo("[[{\"webapp_user_logs\":\"Create successful.\"},{\"mobile_user_logs\":\"Create"
                        + " successful.\"},{\"utilityapp_user_logs\":\"Create successful.\"}]]");
        assertThat(json.get("insert")).hasSize(9);
        assertThat(json.get("insert").get(0).toString()).isEqualTo("{\"webapp_user_logs\":\"Insert successful.\"}");
        assertThat(json.get("insert").get(8).toString()).isEqualTo("{\"utilityapp_user_logs\":\"Insert successful.\"}");

        Report second = pipeline.apply(DefaultSpec.seedScenario(), SeedProgress.NONE);

        assertThat(second.tables()).extracting(TableReport::outcomeName).containsOnly("AlreadyMatches");
        assertThat(ReportJson.toJson(second).get("create").get(0).get(0).toString())
                .isEqualTo("{\"webapp_user_logs\":\"Table already exists.\"}");
        for (String name : DefaultSpec.TABLE_NAMES) {
            assertThat(Specs.count(client, name)).isEqualTo(6);
        }
    }

    @Test
    void skip_seedsOnlyAnEmptyTable() {
        Spec spec = Specs.map(
                Specs.withUniqueNames(
                        new Spec(List.of(DefaultSpec.seedScenario().tables().get(0)))),
                table -> Specs.withSeed(table, policy(table.seed(), ExistingDataPolicy.SKIP, Optional.empty())));
        String name = spec.tableNames().get(0);

        Report first = pipeline.apply(spec, SeedProgress.NONE);
        Report second = pipeline.apply(spec, SeedProgress.NONE);

        assertThat(first.tables().get(0).seed().written()).isEqualTo(3);
        assertThat(second.tables().get(0).seed().skipped()).isEqualTo(3);
        assertThat(second.tables().get(0).seed().note()).contains("the table already holds items (onExisting: skip)");
        assertThat(ReportJson.toJson(second)
                        .get("tables")
                        .get(0)
                        .get("seed")
                        .get("skipReason")
                        .asText())
                .isEqualTo("existingItems");
        assertThat(second.status()).isEqualTo(Report.Status.OK);
        assertThat(Specs.count(client, name)).isEqualTo(3);
    }

    @Test
    void upsert_withRandomSeed_overwritesTheSameItems() {
        Spec spec = Specs.map(
                Specs.withUniqueNames(
                        new Spec(List.of(DefaultSpec.seedScenario().tables().get(0)))),
                table -> Specs.withSeed(table, policy(table.seed(), ExistingDataPolicy.UPSERT, Optional.of(42L))));
        String name = spec.tableNames().get(0);

        pipeline.apply(spec, SeedProgress.NONE);
        var before = client.scan(r -> r.tableName(name)).items();
        Report second = pipeline.apply(spec, SeedProgress.NONE);

        assertThat(second.tables().get(0).seed().written()).isEqualTo(3);
        assertThat(Specs.count(client, name)).isEqualTo(3);
        assertThat(client.scan(r -> r.tableName(name)).items()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void existingTableWithADifferentKey_needsReplacing_andIsLeftAloneWithItsItems_withoutConsent() {
        TableSpec original =
                Specs.withUniqueNames(DefaultSpec.seedScenario()).tables().get(0);
        pipeline.apply(new Spec(List.of(original)), SeedProgress.NONE);
        Map<String, GeneratorSpec> attributes = new LinkedHashMap<>();
        attributes.put("id", new GeneratorSpec.Uuid4());
        TableSpec changed = new TableSpec(
                original.name(),
                new KeySpec("id", KeyType.S),
                Optional.empty(),
                original.billing(),
                Map.of(),
                new SeedSpec(5, ExistingDataPolicy.APPEND, Optional.empty(), Optional.empty(), attributes));

        TableChange planned =
                pipeline.plan(new Spec(List.of(changed))).changes().get(0);
        Report report = pipeline.apply(new Spec(List.of(changed)), SeedProgress.NONE);

        assertThat(planned.kind()).isEqualTo(TableChange.Kind.REPLACE);
        assertThat(planned.differences()).extracting(Difference::field).containsExactly("partitionKey", "sortKey");
        TableOutcome outcome = report.tables().get(0).outcome();
        assertThat(outcome.kind()).isEqualTo(TableOutcome.Kind.REPLACEMENT_REFUSED);
        assertThat(outcome.differences()).isEqualTo(planned.differences());
        assertThat(outcome.advice()).contains("rerun with --allow-replace; the table's 3 items are lost");
        assertThat(report.tables().get(0).seed().skipped()).isEqualTo(5);
        assertThat(report.status()).isEqualTo(Report.Status.PARTIAL);
        var description =
                client.describeTable(r -> r.tableName(original.name())).table();
        assertThat(description.keySchema().get(0).attributeName()).isEqualTo("transaction_id");
        assertThat(Specs.count(client, original.name())).isEqualTo(3);
    }

    @Test
    void billingDifference_isChangedInPlace_keepingTheItems() {
        TableSpec original =
                Specs.withUniqueNames(DefaultSpec.seedScenario()).tables().get(0);
        pipeline.apply(new Spec(List.of(original)), SeedProgress.NONE);
        TableSpec onDemand = new TableSpec(
                original.name(),
                original.partitionKey(),
                original.sortKey(),
                new dev.dynaseed.spec.BillingSpec.PayPerRequest(),
                Map.of(),
                SeedSpec.none());

        TableChange planned =
                pipeline.plan(new Spec(List.of(onDemand))).changes().get(0);
        Report report = pipeline.apply(new Spec(List.of(onDemand)), SeedProgress.NONE);

        assertThat(planned.kind()).isEqualTo(TableChange.Kind.UPDATE);
        assertThat(planned.differences())
                .extracting(Difference::field, Difference::expected, Difference::actual, Difference::resolution)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "billing", "PAY_PER_REQUEST", "PROVISIONED 5/5", Difference.Resolution.IN_PLACE));
        assertThat(report.tables().get(0).outcome().kind()).isEqualTo(TableOutcome.Kind.UPDATED);
        assertThat(report.status()).isEqualTo(Report.Status.OK);
        assertThat(client.describeTable(r -> r.tableName(original.name()))
                        .table()
                        .billingModeSummary()
                        .billingModeAsString())
                .isEqualTo("PAY_PER_REQUEST");
        assertThat(Specs.count(client, original.name())).isEqualTo(3);
    }

    @Test
    void plan_writesNothing() {
        Spec spec = Specs.withUniqueNames(DefaultSpec.seedScenario());

        var plan = pipeline.plan(spec);

        assertThat(plan.changes()).allMatch(change -> change.kind() == TableChange.Kind.CREATE);
        assertThat(client.listTablesPaginator().tableNames().stream().toList())
                .doesNotContainAnyElementsOf(spec.tableNames());
    }

    @Test
    void destroy_deletesTheSpecsTables_andReportsMissingOnes() {
        Spec spec = Specs.withUniqueNames(
                new Spec(List.of(DefaultSpec.seedScenario().tables().get(0))));
        pipeline.apply(spec, SeedProgress.NONE);

        var first = pipeline.destroy(spec);
        var second = pipeline.destroy(spec);

        assertThat(first.values()).containsExactly(new dev.dynaseed.provision.DestroyOutcome.Deleted());
        assertThat(second.values()).containsExactly(new dev.dynaseed.provision.DestroyOutcome.NotFound());
    }

    @Test
    void apply_failsOnlyTheTableWhoseSeedingThrows_andKeepsTheOtherTablesReports() {
        Spec spec = twoTables(2_000, 500);
        String good = spec.tableNames().get(0);
        String bad = spec.tableNames().get(1);
        ItemSourceFactory throwingForBad = (table, runSeed, now) -> table.name().equals(bad)
                ? failingAfter(Seeder.generated(table, runSeed, now), 60, "generator broke at item 60")
                : Seeder.generated(table, runSeed, now);

        Report report =
                new Pipeline(client, "test", ApplyOptions.defaults(), throwingForBad).apply(spec, SeedProgress.NONE);

        assertThat(report.tables()).extracting(row -> row.table().name()).containsExactly(good, bad);
        TableReport goodRow = report.tables().get(0);
        assertThat(goodRow.outcome().kind()).isEqualTo(TableOutcome.Kind.CREATED);
        assertThat(goodRow.seed().written()).isEqualTo(2_000);
        assertThat(goodRow.complete()).isTrue();
        assertThat(Specs.count(client, good)).isEqualTo(2_000);
        TableReport badRow = report.tables().get(1);
        assertThat(badRow.seed().requested()).isEqualTo(500);
        assertThat(badRow.seed().written()
                        + badRow.seed().failed()
                        + badRow.seed().skipped())
                .isEqualTo(500);
        assertThat(badRow.seed().failed()).isPositive();
        assertThat(badRow.seed().errors()).anyMatch(error -> error.contains("generator broke at item 60"));
        assertThat(report.status()).isEqualTo(Report.Status.PARTIAL);
        assertThat(ReportJson.toJson(report).get("tables")).hasSize(2);
    }

    @Test
    void apply_failsOnlyTheTable_whoseItemsCannotEvenBeMade() {
        Spec spec = twoTables(40, 40);
        String bad = spec.tableNames().get(1);
        ItemSourceFactory throwingForBad = (table, runSeed, now) -> {
            if (table.name().equals(bad)) {
                throw new IllegalArgumentException("scale 2 does not fit 1e20");
            }
            return Seeder.generated(table, runSeed, now);
        };

        Report report =
                new Pipeline(client, "test", ApplyOptions.defaults(), throwingForBad).apply(spec, SeedProgress.NONE);

        assertThat(report.tables().get(0).seed().written()).isEqualTo(40);
        TableReport badRow = report.tables().get(1);
        assertThat(badRow.outcomeName()).isEqualTo("Created");
        assertThat(badRow.seed().failed()).isEqualTo(40);
        assertThat(badRow.seed().errors())
                .containsExactly("seeding stopped with an error: IllegalArgumentException: scale 2 does not fit 1e20;"
                        + " items sent before it may have been written; fix the cause and apply again");
        assertThat(report.status()).isEqualTo(Report.Status.PARTIAL);
    }

    private static Spec twoTables(long firstCount, long secondCount) {
        TableSpec template = DefaultSpec.seedScenario().tables().get(0);
        return Specs.withUniqueNames(new Spec(List.of(
                template.toBuilder()
                        .name("survivor")
                        .seed(count(template.seed(), firstCount))
                        .build(),
                template.toBuilder()
                        .name("broken")
                        .seed(count(template.seed(), secondCount))
                        .build())));
    }

    private static SeedSpec count(SeedSpec seed, long count) {
        return new SeedSpec(count, seed.onExisting(), seed.randomSeed(), seed.baseTime(), seed.attributes());
    }

    /** The source's items until {@code failAt}, where its iterator throws as a broken generator would. */
    private static ItemSource failingAfter(ItemSource source, long failAt, String message) {
        return new ItemSource() {
            @Override
            public long size() {
                return source.size();
            }

            @Override
            public Iterator<Map<String, AttributeValue>> iterator() {
                Iterator<Map<String, AttributeValue>> items = source.iterator();
                return new Iterator<>() {
                    private long next;

                    @Override
                    public boolean hasNext() {
                        return items.hasNext();
                    }

                    @Override
                    public Map<String, AttributeValue> next() {
                        if (next++ == failAt) {
                            throw new IllegalStateException(message);
                        }
                        return items.next();
                    }
                };
            }
        };
    }

    private static SeedSpec policy(SeedSpec seed, ExistingDataPolicy policy, Optional<Long> randomSeed) {
        return new SeedSpec(seed.count(), policy, randomSeed, seed.baseTime(), seed.attributes());
    }
}
