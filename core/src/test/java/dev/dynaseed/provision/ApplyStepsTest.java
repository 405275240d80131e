package dev.dynaseed.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.RunDeadline;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.plan.Difference;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.plan.Step;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.report.Report;
import dev.dynaseed.report.ReportJson;
import dev.dynaseed.report.TableReport;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.SkipReason;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.Specs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Apply carries out hand-built changes (real SDK requests in steps) against dynalite: in place, replaced with
 * consent only, blocked, failing mid-way, and a table with indexes created in one CreateTable.
 */
class ApplyStepsTest {
    private final DynamoDbClient client = Dynalite.client();

    private static TableSpec table(String name, String keyName, String keyType, String billing, int count) {
        String yaml = "tables:\n"
                + "  - name: " + name + "\n"
                + "    partitionKey: {name: " + keyName + ", type: " + keyType + "}\n"
                + "    sortKey: {name: at, type: N}\n"
                + "    billing: " + billing + "\n"
                + "    seed: {count: " + count + ", randomSeed: 7, attributes: {" + keyName + ": "
                + (keyType.equals("S") ? "uuid4" : "{generator: sequence}")
                + ", at: epochMillis, status: {generator: oneOf, values: [open, shipped]}}}\n";
        return SpecReader.read(yaml, SpecReader.SpecFormat.YAML, "test")
                .tables()
                .get(0);
    }

    private static Report apply(TableChange change, ApplyOptions options) {
        return new Pipeline(Dynalite.client(), "test", options)
                .apply(new Plan(List.of(change)), SeedProgress.NONE, RunDeadline.none());
    }

    private void createProvisioned(String name, String keyName, String keyType, long capacity) {
        client.createTable(r -> r.tableName(name)
                .keySchema(
                        k -> k.attributeName(keyName).keyType("HASH"),
                        k -> k.attributeName("at").keyType("RANGE"))
                .attributeDefinitions(
                        a -> a.attributeName(keyName).attributeType(keyType),
                        a -> a.attributeName("at").attributeType("N"))
                .billingMode("PROVISIONED")
                .provisionedThroughput(t -> t.readCapacityUnits(capacity).writeCapacityUnits(capacity)));
        try {
            assertThat(ActiveWaiter.standard(client, Duration.ofSeconds(30))
                            .await(name)
                            .active())
                    .isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private void putItems(String name, int count) {
        for (int i = 0; i < count; i++) {
            int n = i;
            client.putItem(r -> r.tableName(name)
                    .item(Map.of(
                            "pk", AttributeValue.fromN(Integer.toString(n)),
                            "at", AttributeValue.fromN("1"))));
        }
    }

    private TableDescription describe(String name) {
        return client.describeTable(r -> r.tableName(name)).table();
    }

    @Test
    void update_changesCapacityInPlace_waitsForActive_andSeedsTheTable() {
        String name = Dynalite.uniqueTableName("capacity");
        createProvisioned(name, "id", "S", 5);
        TableSpec spec = table(name, "id", "S", "{mode: PROVISIONED, readCapacity: 10, writeCapacity: 12}", 5);
        Step step = new Step(
                "UpdateTable",
                UpdateTableRequest.builder()
                        .tableName(name)
                        .provisionedThroughput(t -> t.readCapacityUnits(10L).writeCapacityUnits(12L))
                        .build(),
                Step.WaitFor.TABLE_ACTIVE,
                "set capacity to 10/12");
        Difference billing = new Difference(
                "billing", "PROVISIONED 10/12", "PROVISIONED 5/5", Difference.Resolution.IN_PLACE, "UpdateTable");

        Report report = apply(new TableChange.Update(spec, List.of(billing), List.of(step)), ApplyOptions.defaults());

        TableReport row = report.tables().get(0);
        assertThat(row.outcome())
                .isEqualTo(new TableOutcome.Updated(
                        List.of(billing),
                        List.of(new StepResult("UpdateTable", "set capacity to 10/12", StepResult.Status.DONE))));
        assertThat(row.outcomeName()).isEqualTo("Updated");
        assertThat(row.seed().written()).isEqualTo(5);
        assertThat(report.status()).isEqualTo(Report.Status.OK);
        TableDescription table = describe(name);
        assertThat(table.tableStatusAsString()).isEqualTo("ACTIVE");
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(12L);
        assertThat(Specs.count(client, name)).isEqualTo(5);
        JsonNode json = ReportJson.toJson(report);
        assertThat(json.get("create").toString()).isEqualTo("[[{\"" + name + "\":\"Table already exists.\"}]]");
        assertThat(json.get("tables").get(0).get("steps").toString())
                .isEqualTo(
                        "[{\"operation\":\"UpdateTable\",\"purpose\":\"set capacity to 10/12\",\"status\":\"done\"}]");
        assertThat(json.get("tables").get(0).get("differences").get(0).toString())
                .isEqualTo("{\"field\":\"billing\",\"expected\":\"PROVISIONED 10/12\",\"actual\":\"PROVISIONED 5/5\","
                        + "\"resolution\":\"in place\",\"how\":\"UpdateTable\"}");
    }

    private TableChange.Replace replaceChange(String name, TableSpec spec) {
        Difference key = new Difference(
                "partitionKey",
                "id (S)",
                "pk (N)",
                Difference.Resolution.REPLACE,
                "the key schema is fixed at creation");
        return new TableChange.Replace(
                spec,
                List.of(key),
                List.of(
                        new Step(
                                "DeleteTable",
                                DeleteTableRequest.builder().tableName(name).build(),
                                Step.WaitFor.TABLE_GONE,
                                "delete the table"),
                        new Step(
                                "CreateTable",
                                Provisioner.createRequest(spec),
                                Step.WaitFor.TABLE_ACTIVE,
                                "create the table again")));
    }

    @Test
    void replace_isRefusedWithoutConsent_leavingTheTableAndItsItems_andTheRunPartial() {
        String name = Dynalite.uniqueTableName("refused");
        createProvisioned(name, "pk", "N", 5);
        putItems(name, 4);
        TableSpec spec = table(name, "id", "S", "{mode: PROVISIONED, readCapacity: 5, writeCapacity: 5}", 3);

        Report report = apply(replaceChange(name, spec), ApplyOptions.defaults());

        TableReport row = report.tables().get(0);
        assertThat(row.outcome().kind()).isEqualTo(TableOutcome.Kind.REPLACEMENT_REFUSED);
        assertThat(row.outcome().oldItems()).contains(4L);
        assertThat(row.outcome().advice()).contains("rerun with --allow-replace; the table's 4 items are lost");
        assertThat(row.seed().skipped()).isEqualTo(3);
        assertThat(row.seed().skipReason()).contains(SkipReason.REPLACEMENT_REFUSED);
        assertThat(report.status()).isEqualTo(Report.Status.PARTIAL);
        assertThat(describe(name).keySchema().get(0).attributeName()).isEqualTo("pk");
        assertThat(Specs.count(client, name)).isEqualTo(4);
        JsonNode json = ReportJson.toJson(report);
        JsonNode tableJson = json.get("tables").get(0);
        assertThat(tableJson.get("outcome").asText()).isEqualTo("ReplacementRefused");
        assertThat(tableJson.get("oldItems").asLong()).isEqualTo(4);
        assertThat(tableJson.get("seed").get("skipReason").asText()).isEqualTo("replacementRefused");
        assertThat(json.get("create").toString()).isEqualTo("[[{\"" + name + "\":\"Table already exists.\"}]]");
        assertThat(json.get("insert").get(0).toString()).isEqualTo("{\"" + name + "\":\"Insert skipped.\"}");
    }

    @Test
    void replace_withConsent_deletesAndCreatesTheTable_countingTheItemsLost_andSeedsIt() {
        String name = Dynalite.uniqueTableName("replaced");
        createProvisioned(name, "pk", "N", 5);
        putItems(name, 4);
        TableSpec spec = table(name, "id", "S", "{mode: PROVISIONED, readCapacity: 5, writeCapacity: 5}", 3);

        Report report = apply(
                replaceChange(name, spec),
                ApplyOptions.defaults().withReplace(ReplaceConsent.only(java.util.Set.of(name), "x")));

        TableReport row = report.tables().get(0);
        assertThat(row.outcome())
                .isEqualTo(new TableOutcome.Replaced(
                        replaceChange(name, spec).differences(),
                        4,
                        List.of(
                                new StepResult("DeleteTable", "delete the table", StepResult.Status.DONE),
                                new StepResult("CreateTable", "create the table again", StepResult.Status.DONE))));
        assertThat(row.seed().written()).isEqualTo(3);
        assertThat(report.status()).isEqualTo(Report.Status.OK);
        assertThat(describe(name).keySchema().get(0).attributeName()).isEqualTo("id");
        assertThat(Specs.count(client, name)).isEqualTo(3);
        JsonNode json = ReportJson.toJson(report);
        assertThat(json.get("tables").get(0).get("oldItems").asLong()).isEqualTo(4);
        assertThat(json.get("create").toString()).isEqualTo("[[{\"" + name + "\":\"Create successful.\"}]]");
    }

    @Test
    void blocked_leavesTheTableAlone_withItsRule_andMakesTheRunPartial() {
        String name = Dynalite.uniqueTableName("blocked");
        createProvisioned(name, "id", "S", 5);
        TableSpec spec = table(name, "id", "S", "{mode: PROVISIONED, readCapacity: 5, writeCapacity: 5}", 2);
        Difference rule = new Difference(
                "globalSecondaryIndexes",
                "by_a, by_b",
                "none",
                Difference.Resolution.BLOCKED,
                "DynamoDB creates one index per UpdateTable; add one, apply, then the other");

        Report report = apply(new TableChange.Blocked(spec, List.of(rule)), ApplyOptions.defaults());

        TableReport row = report.tables().get(0);
        assertThat(row.outcome()).isEqualTo(new TableOutcome.Blocked(List.of(rule)));
        assertThat(row.seed().skipReason()).contains(SkipReason.TABLE_BLOCKED);
        assertThat(report.status()).isEqualTo(Report.Status.PARTIAL);
        assertThat(Specs.count(client, name)).isZero();
        assertThat(ReportJson.toJson(report)
                        .get("tables")
                        .get(0)
                        .get("differences")
                        .get(0)
                        .get("how")
                        .asText())
                .isEqualTo("DynamoDB creates one index per UpdateTable; add one, apply, then the other");
    }

    @Test
    void aStepThatFails_reportsWhichStepsWereDoneAndWhichNot() {
        String name = Dynalite.uniqueTableName("halfway");
        createProvisioned(name, "id", "S", 5);
        TableSpec spec = table(name, "id", "S", "{mode: PROVISIONED, readCapacity: 6, writeCapacity: 6}", 2);
        UpdateTableRequest sixBySix = UpdateTableRequest.builder()
                .tableName(name)
                .provisionedThroughput(t -> t.readCapacityUnits(6L).writeCapacityUnits(6L))
                .build();
        List<Step> steps = List.of(
                new Step("UpdateTable", sixBySix, Step.WaitFor.TABLE_ACTIVE, "set capacity to 6/6"),
                // The same capacity again: DynamoDB refuses an UpdateTable that changes nothing.
                new Step("UpdateTable", sixBySix, Step.WaitFor.TABLE_ACTIVE, "set capacity to 6/6 again"),
                new Step(
                        "UpdateTable",
                        UpdateTableRequest.builder()
                                .tableName(name)
                                .provisionedThroughput(
                                        t -> t.readCapacityUnits(7L).writeCapacityUnits(7L))
                                .build(),
                        Step.WaitFor.TABLE_ACTIVE,
                        "set capacity to 7/7"));

        Report report = apply(new TableChange.Update(spec, List.of(), steps), ApplyOptions.defaults());

        TableOutcome outcome = report.tables().get(0).outcome();
        assertThat(outcome.kind()).isEqualTo(TableOutcome.Kind.FAILED);
        assertThat(outcome.steps())
                .extracting(StepResult::status)
                .containsExactly(StepResult.Status.DONE, StepResult.Status.FAILED, StepResult.Status.NOT_STARTED);
        assertThat(outcome.error().orElseThrow())
                .startsWith("UpdateTable " + name + " on ")
                .contains("will not change")
                .endsWith("; steps done: UpdateTable (set capacity to 6/6); not done: UpdateTable (set capacity to 6/6"
                        + " again), UpdateTable (set capacity to 7/7)");
        assertThat(describe(name).provisionedThroughput().readCapacityUnits()).isEqualTo(6L);
        assertThat(report.tables().get(0).seed().failed()).isEqualTo(2);
    }

    @Test
    void create_makesGlobalAndLocalIndexesInOneCreateTable_waitsForThem_andSeedsTheTable() {
        String name = Dynalite.uniqueTableName("indexed");
        TableSpec spec = table(name, "id", "S", "{mode: PAY_PER_REQUEST}", 20);
        CreateTableRequest create = Provisioner.createRequest(spec).toBuilder()
                .attributeDefinitions(
                        a -> a.attributeName("id").attributeType("S"),
                        a -> a.attributeName("at").attributeType("N"),
                        a -> a.attributeName("status").attributeType("S"))
                .globalSecondaryIndexes(g -> g.indexName("by_status")
                        .keySchema(
                                k -> k.attributeName("status").keyType("HASH"),
                                k -> k.attributeName("at").keyType("RANGE"))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.ALL)
                                .build()))
                .localSecondaryIndexes(l -> l.indexName("by_status_local")
                        .keySchema(
                                k -> k.attributeName("id").keyType("HASH"),
                                k -> k.attributeName("status").keyType("RANGE"))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.KEYS_ONLY)
                                .build()))
                .build();
        Step step = new Step("CreateTable", create, Step.WaitFor.TABLE_AND_INDEXES_ACTIVE, "create the table");

        Report report = apply(new TableChange.Create(spec, List.of(step)), ApplyOptions.defaults());

        assertThat(report.tables().get(0).outcomeName()).isEqualTo("Created");
        assertThat(report.status()).isEqualTo(Report.Status.OK);
        TableDescription table = describe(name);
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("by_status");
            assertThat(index.indexStatusAsString()).isEqualTo("ACTIVE");
        });
        assertThat(table.localSecondaryIndexes())
                .singleElement()
                .satisfies(index -> assertThat(index.indexName()).isEqualTo("by_status_local"));
        long open = client.query(r -> r.tableName(name)
                        .indexName("by_status")
                        .keyConditionExpression("#s = :v")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("open"))))
                .count();
        long shipped = client.query(r -> r.tableName(name)
                        .indexName("by_status")
                        .keyConditionExpression("#s = :v")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("shipped"))))
                .count();
        assertThat(open + shipped).isEqualTo(20);
    }
}
