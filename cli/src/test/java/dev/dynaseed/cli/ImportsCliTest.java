package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.Imports;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * {@code apply --from}, {@code plan --from} and {@code init --from} on each import format: what apply creates is what
 * DescribeTable shows, plan is clean afterwards, and the spec init writes reads back to the imported tables. Applied
 * on the local engine target (dynalite, started once for the class), where dynaseed knows what the engine keeps
 * (dynalite ignores streams and tags at CreateTable, for one); the problems are checked against an endpoint never
 * contacted.
 */
class ImportsCliTest {
    @TempDir
    Path dir;

    @TempDir
    static Path engineDir;

    private static String[] local;
    private static DynamoDbClient client;

    private final String endpoint = Dynalite.target().endpoint().toString();

    @BeforeAll
    static void startEngine() {
        int port = Dynalite.freePort();
        local = new String[] {"--data-dir", engineDir.resolve("data").toString(), "--port", String.valueOf(port)};
        Cli.Result started = Cli.run(concat(new String[] {"local", "start"}, local));
        assertThat(started.exitCode()).as(started.out() + started.err()).isZero();
        client = DynamoDbClients.create(new Target.Local(port, Optional.empty()));
    }

    @AfterAll
    static void stopEngine() {
        if (client != null) {
            client.close();
        }
        Cli.run(concat(new String[] {"local", "stop"}, local));
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Runs the CLI on the class's local engine. */
    private static Cli.Result onEngine(String... args) {
        return Cli.run(concat(args, local));
    }

    /** A fixture copied with each of {@code names} made unique to this run (dynalite is shared by the JVM). */
    private Path fixture(String name, Map<String, String> renames) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/imports").resolve(name));
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            text = text.replace(rename.getKey(), rename.getValue());
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Map<String, String> unique(String... names) {
        Map<String, String> renames = new LinkedHashMap<>();
        for (String name : names) {
            renames.put(name, Dynalite.uniqueTableName(name));
        }
        return renames;
    }

    @Test
    void createTableJson_isApplied_planIsClean_andInitWritesItBack() throws IOException {
        Map<String, String> names = unique("ct_orders", "ct_events");
        Path file = fixture("create-table.json", names);
        String orders = names.get("ct_orders");
        String events = names.get("ct_events");

        Cli.Result applied = onEngine("apply", "--from", file.toString(), "--samples", "0");
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out()).startsWith("Applied " + file + " to local engine (dynalite)");

        TableDescription created =
                client.describeTable(r -> r.tableName(orders)).table();
        assertThat(created.keySchema())
                .extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
                .containsExactly("customer_id HASH", "order_id RANGE");
        assertThat(created.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
        assertThat(created.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("by_status");
            assertThat(gsi.projection().nonKeyAttributes()).containsExactly("total");
            assertThat(gsi.provisionedThroughput().writeCapacityUnits()).isEqualTo(3);
        });
        assertThat(created.localSecondaryIndexes())
                .singleElement()
                .satisfies(lsi ->
                        assertThat(lsi.projection().projectionTypeAsString()).isEqualTo("KEYS_ONLY"));
        // dynalite keeps no stream (its DescribeTable never shows StreamSpecification): not compared here.
        assertThat(client.describeTable(r -> r.tableName(events))
                        .table()
                        .billingModeSummary()
                        .billingModeAsString())
                .isEqualTo("PAY_PER_REQUEST");

        planIsClean(file);
        initWritesTheImportBack(file, ImportOptions.defaults());
    }

    @Test
    void planExplainOutput_asPrinted_readsBackAsTheTablesItWouldCreate() throws IOException {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, """
                tables:
                  - name: explain_orders
                    partitionKey: {name: customer_id, type: S}
                    sortKey: {name: order_id, type: S}
                    billing: {mode: PROVISIONED, readCapacity: 5, writeCapacity: 5}
                    tags: {team: payments}
                    globalSecondaryIndexes:
                      - name: by_status
                        partitionKey: {name: status, type: S}
                        projection: KEYS_ONLY
                        readCapacity: 1
                        writeCapacity: 2
                """);
        Cli.Result explain = onEngine("plan", "-f", spec.toString(), "--explain");
        assertThat(explain.exitCode()).as(explain.out() + explain.err()).isEqualTo(ExitCode.PLAN_CHANGES);
        Path printed = dir.resolve("plan.txt");
        Files.writeString(printed, explain.out());
        Path out = dir.resolve("from-explain.yaml");

        Cli.Result init = Cli.run("init", "-f", out.toString(), "--from", printed.toString());

        assertThat(init.exitCode()).as(init.out() + init.err()).isZero();
        assertThat(SpecReader.read(out)).isEqualTo(SpecReader.read(spec));
    }

    @Test
    void apply_reportsAnImportProblemLikeASpecProblem_exit2_beforeAnyRequest() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"TableName": "never_created", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                 "StreamSpecification": {"StreamEnabled": true, "StreamViewTyp": "KEYS_ONLY"}}
                """);

        Cli.Result result = Cli.run("apply", "--from", file.toString(), "--endpoint-url", "http://127.0.0.1:9");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .isEqualTo(
                        "error: Cannot import " + file + " (CreateTable request JSON): 1 problem:\n"
                                + "  " + file
                                + ":4:49: never_created.StreamSpecification.StreamViewTyp: unknown member; did you mean"
                                + " 'StreamViewType'? use one of StreamEnabled, StreamViewType (the API's names, case-sensitive)\n");
    }

    @Test
    void apply_mapsAValidationProblemOfAnImportedTableToItsOrigin() throws IOException {
        Path file = dir.resolve("short.json");
        Files.writeString(file, """
                {"TableName": "ab", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}
                """);

        Cli.Result result = Cli.run("plan", "--from", file.toString(), "--endpoint-url", "http://127.0.0.1:9");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .startsWith("error: Cannot import " + file + ": 1 problem:\n  " + file + ":1:1: ab.name: ");
    }

    @Test
    void apply_refusesATableNameTwice_namingBothOrigins() throws IOException {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "tables:\n  - name: twice\n    partitionKey: {name: id, type: S}\n");
        Path file = dir.resolve("twice.json");
        Files.writeString(file, """
                {"TableName": "twice", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}
                """);

        Cli.Result result = Cli.run(
                "apply", "-f", spec.toString(), "--from", file.toString(), "--endpoint-url", "http://127.0.0.1:9");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .contains(file + ":1:1: twice: table 'twice' is defined twice: by " + spec + " (tables[0]) and by "
                        + file + ":1:1 (CreateTable request JSON, twice)");
    }

    @Test
    void initFromTable_writesTheLiveTable_withGeneratorsFromItsItems() throws IOException {
        String table = Dynalite.uniqueTableName("live_users");
        Path spec = dir.resolve("users.yaml");
        Files.writeString(spec, """
                tables:
                  - name: %s
                    partitionKey: {name: user_id, type: S}
                    sortKey: {name: created_at, type: N}
                    globalSecondaryIndexes:
                      - name: by_plan
                        partitionKey: {name: plan, type: S}
                    seed:
                      count: 20
                      attributes:
                        user_id: uuid4
                        created_at: {generator: intRange, min: 100, max: 200}
                        plan: {generator: oneOf, values: [free, pro]}
                        score: {generator: decimalRange, min: 1, max: 5, scale: 1}
                        active: {generator: oneOf, values: [true, false]}
                        seen: isoTimestamp
                """.formatted(table));
        Cli.Result applied = Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint, "--samples", "0");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        Path out = dir.resolve("from-live.yaml");

        Cli.Result init = Cli.run(
                "init", "-f", out.toString(), "--from-table", table, "--endpoint-url", endpoint, "--count", "5");

        assertThat(init.exitCode()).as(init.out() + init.err()).isZero();
        String written = Files.readString(out);
        assertThat(written).contains("  # from table " + table + " on endpoint " + endpoint + " (20 items sampled)");
        TableSpec read = SpecReader.read(out).tables().get(0);
        assertThat(read.seed().count()).isEqualTo(5);
        assertThat(read.seed().attributes().get("user_id").kind().specName()).isEqualTo("uuid4");
        assertThat(read.seed().attributes().get("plan").kind().specName()).isEqualTo("oneOf");
        assertThat(read.seed().attributes().get("active").kind().specName()).isEqualTo("oneOf");
        assertThat(read.seed().attributes().get("score").kind().specName()).isEqualTo("decimalRange");
        assertThat(read.seed().attributes().get("seen").kind().specName()).isEqualTo("isoTimestamp");
        assertThat(read.seed().attributes().get("created_at").kind().specName()).isEqualTo("intRange");
        assertThat(read.features().globalSecondaryIndexes())
                .singleElement()
                .satisfies(gsi -> assertThat(gsi.name()).isEqualTo("by_plan"));

        Cli.Result plan = Cli.run("plan", "-f", out.toString(), "--endpoint-url", endpoint);
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    }

    @Test
    void initFromTable_writesASpecItCanReadBack_whenTheItemsHoldNumbersNoDecimalRangeHolds() throws IOException {
        String table = Dynalite.uniqueTableName("live_wide");
        Path spec = dir.resolve("wide.yaml");
        Files.writeString(spec, """
                tables:
                  - name: %s
                    partitionKey: {name: id, type: S}
                """.formatted(table));
        Cli.Result applied = Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint, "--samples", "0");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        // 0.5 next to 38 nines: a decimalRange over both has 39-digit values at scale 1, ~1E+38 steps at scale 0.
        List<String> numbers = List.of("0.5", "99999999999999999999999999999999999999", "1E+125", "-2.5E-100");
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            Dynalite.client()
                    .putItem(r -> r.tableName(table)
                            .item(Map.of(
                                    "id", AttributeValue.fromS("item-" + number),
                                    "v", AttributeValue.fromN(number))));
        }
        Path out = dir.resolve("wide-live.yaml");

        Cli.Result init = Cli.run("init", "-f", out.toString(), "--from-table", table, "--endpoint-url", endpoint);

        assertThat(init.exitCode()).as(init.out() + init.err()).isZero();
        assertThat(Files.readString(out))
                .contains("v: {generator: oneOf, values: [-2.5E-100, 0.5, 99999999999999999999999999999999999999,"
                        + " 1.0E+125]}");
        Cli.Result plan = Cli.run("plan", "-f", out.toString(), "--endpoint-url", endpoint);
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "template.json, '{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": ', '}', a template",
        "model.json, '{\"ModelName\": \"m\", \"DataModel\": ', '}', a NoSQL Workbench model",
        "create.json, '{\"TableName\": \"t\", \"KeySchema\": [], \"AttributeDefinitions\": [], \"Tags\": ', '}',"
                + " a CreateTable request",
        "tf/main.tf.json, '{\"resource\": ', '}', a Terraform configuration"
    })
    void deeplyNestedJson_isRefusedInOurWords_namingTheFileTheLimitAndWhatToDo(
            String name, String head, String tail, String what) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, head + "[".repeat(3000) + "]".repeat(3000) + tail);

        Cli.Result result = Cli.run("init", "-f", dir.resolve("out.yaml").toString(), "--from", file.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .containsPattern(java.util.regex.Pattern.quote(file.toString()) + ":1:\\d+: nests objects and lists"
                        + " more than 6[45] levels deep; " + what + " needs far fewer: check its brackets, one may"
                        + " never be closed\n$")
                .doesNotContain("StreamReadConstraints")
                .doesNotContain("Document nesting depth");
        assertThat(dir.resolve("out.yaml")).doesNotExist();
    }

    @Test
    void samTemplate_withTwoTablesIndexesTtlAndACondition_isAppliedAndPlannedClean() throws IOException {
        Path template = fixture("template.yaml", Map.of());
        assumeImported(template);

        Cli.Result applied =
                onEngine("apply", "--from", template.toString(), "--parameter", "Env=prod", "--samples", "0");
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();

        TableDescription users =
                client.describeTable(r -> r.tableName("sam_users_prod")).table();
        assertThat(
                        users.billingModeSummary() == null
                                ? "PROVISIONED"
                                : users.billingModeSummary().billingModeAsString())
                .as("IsProd picks PROVISIONED")
                .isEqualTo("PROVISIONED");
        assertThat(users.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
        assertThat(users.globalSecondaryIndexes())
                .extracting(g -> g.indexName())
                .containsExactly("by_email");
        assertThat(users.localSecondaryIndexes()).extracting(l -> l.indexName()).containsExactly("by_plan");
        TableDescription orders =
                client.describeTable(r -> r.tableName("sam_orders_prod")).table();
        assertThat(orders.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.keySchema()).extracting(k -> k.attributeName()).containsExactly("status", "placed_at");
            assertThat(gsi.projection().nonKeyAttributes()).containsExactly("total");
            assertThat(gsi.provisionedThroughput().writeCapacityUnits()).isEqualTo(2);
        });

        Cli.Result plan = onEngine("plan", "--from", template.toString(), "--parameter", "Env=prod");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(ExitCode.OK);
        // dynalite has no UpdateTimeToLive: the template's TTL is imported, and plan says the engine cannot hold it.
        assertThat(plan.out()).containsPattern("sam_users_prod +timeToLive .*not supported by engine");
        initWritesTheImportBack(template, options(Map.of("Env", "prod"), "dev", Map.of()), "--parameter", "Env=prod");
    }

    @Test
    void serverlessYml_withAStageVariable_isAppliedAndPlannedClean() throws IOException {
        Path serverless = fixture("serverless.yml", Map.of());
        assumeImported(serverless);

        Cli.Result applied = onEngine("apply", "--from", serverless.toString(), "--stage", "test", "--samples", "0");
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();

        TableDescription orders =
                client.describeTable(r -> r.tableName("sls_orders_test")).table();
        assertThat(orders.keySchema()).extracting(k -> k.attributeName()).containsExactly("pk", "sk");
        assertThat(orders.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");

        Cli.Result plan = onEngine("plan", "--from", serverless.toString(), "--stage", "test");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(ExitCode.OK);
        initWritesTheImportBack(serverless, options(Map.of(), "test", Map.of()), "--stage", "test");
    }

    @Test
    void terraformFolder_withVariablesAndTfvars_isAppliedAndPlannedClean() throws IOException {
        Path folder = dir.resolve("terraform");
        Files.createDirectories(folder);
        for (String name : List.of("main.tf", "variables.tf", "terraform.tfvars")) {
            Files.copy(Path.of("src/test/resources/imports/terraform").resolve(name), folder.resolve(name));
        }
        assumeImported(folder);

        Cli.Result applied = onEngine("apply", "--from", folder.toString(), "--var", "env=test", "--samples", "0");
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();

        TableDescription orders =
                client.describeTable(r -> r.tableName("tf_orders_test")).table();
        assertThat(orders.provisionedThroughput().readCapacityUnits())
                .as("from terraform.tfvars")
                .isEqualTo(7);
        assertThat(orders.keySchema()).extracting(k -> k.attributeName()).containsExactly("customer_id", "order_id");
        assertThat(orders.globalSecondaryIndexes())
                .extracting(g -> g.indexName())
                .containsExactly("by_status");

        Cli.Result plan = onEngine("plan", "--from", folder.toString(), "--var", "env=test");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(ExitCode.OK);
        assertThat(plan.out()).containsPattern("tf_orders_test +timeToLive .*not supported by engine");
        initWritesTheImportBack(folder, options(Map.of(), "dev", Map.of("env", "test")), "--var", "env=test");
    }

    @Test
    void terraformVarAndVarFile_applyInTheOrderGiven_asTerraformDoes() throws IOException {
        Path folder = dir.resolve("terraform-order");
        Files.createDirectories(folder);
        for (String name : List.of("main.tf", "variables.tf")) {
            Files.copy(Path.of("src/test/resources/imports/terraform").resolve(name), folder.resolve(name));
        }
        Path qa = Files.writeString(dir.resolve("qa.tfvars"), "env = \"qa\"\n");

        assertThat(initTableNames(folder, "--var", "env=prod", "--var-file", qa.toString()))
                .as("the file given after the value wins")
                .contains("tf_orders_qa");
        assertThat(initTableNames(folder, "--var-file=" + qa, "--var=env=prod"))
                .as("the value given after the file wins")
                .contains("tf_orders_prod");
        assertThat(initTableNames(folder, "--var", "env=prod", "--var-file", qa.toString(), "--var", "env=uat"))
                .contains("tf_orders_uat");
    }

    @Test
    void terraformVarWithoutEquals_isRefusedNamingTheOptionAndAnExample() throws IOException {
        Path folder = dir.resolve("terraform-bad-var");
        Files.createDirectories(folder);
        for (String name : List.of("main.tf", "variables.tf")) {
            Files.copy(Path.of("src/test/resources/imports/terraform").resolve(name), folder.resolve(name));
        }
        Path qa = Files.writeString(dir.resolve("qa-bad.tfvars"), "env = \"qa\"\n");

        Cli.Result init = Cli.run(
                "init",
                "-f",
                dir.resolve("bad-var.yaml").toString(),
                "--from",
                folder.toString(),
                "--var-file",
                qa.toString(),
                "--var",
                "env");

        assertThat(init.exitCode()).as(init.out() + init.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(init.err()).contains("--var: 'env' is not NAME=VALUE; write e.g. --var table_name=users");
    }

    private List<String> initTableNames(Path folder, String... extra) {
        Path out = dir.resolve("init-order-" + System.nanoTime() + ".yaml");
        List<String> args = new ArrayList<>(List.of("init", "-f", out.toString(), "--from", folder.toString()));
        args.addAll(List.of(extra));
        Cli.Result init = Cli.run(args.toArray(String[]::new));
        assertThat(init.exitCode()).as(init.out() + init.err()).isZero();
        return SpecReader.read(out).tables().stream().map(TableSpec::name).toList();
    }

    @Test
    void workbenchModel_withData_isAppliedAndPlannedClean() throws IOException {
        Path model = fixture("workbench.json", Map.of());
        assumeImported(model);

        Cli.Result applied = onEngine("apply", "--from", model.toString(), "--samples", "0");
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();

        TableDescription products =
                client.describeTable(r -> r.tableName("wb_products")).table();
        assertThat(products.keySchema()).extracting(k -> k.attributeName()).containsExactly("product_id", "sku");
        assertThat(products.globalSecondaryIndexes())
                .extracting(g -> g.indexName())
                .containsExactly("by_category");
        if (ITEMS_WRITTEN) {
            assertThat(client.scan(r -> r.tableName("wb_products")).count()).isEqualTo(3);
            initWritesTheImportBack(model, ImportOptions.defaults());
        }

        Cli.Result plan = onEngine("plan", "--from", model.toString());
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(ExitCode.OK);
    }

    /**
     * Whether seed.items (inline items such as a Workbench model's TableData) are read from spec files and written
     * by the seeder yet (the file sources work); until then the Workbench test checks the tables only.
     */
    private static final boolean ITEMS_WRITTEN =
            dev.dynaseed.spec.internal.SpecTreeWalker.SEED_FIELDS.contains("items");

    /** Skips a format whose importer has not landed yet (the contract's stub says so); runs it once it has. */
    private static void assumeImported(Path source) {
        try {
            new Imports().read(source, Optional.empty(), ImportOptions.defaults());
        } catch (dev.dynaseed.imports.ImportException e) {
            assumeFalse(
                    e.getMessage().contains("cannot be imported yet")
                            || e.getMessage().contains("is none of the formats dynaseed imports"),
                    "the importer of " + source + " has not landed: " + e.getMessage());
        }
    }

    private static ImportOptions options(Map<String, String> parameters, String stage, Map<String, String> vars) {
        ImportOptions defaults = ImportOptions.defaults();
        return new ImportOptions(
                parameters, defaults.stackName(), defaults.region(), defaults.accountId(), stage, vars, List.of());
    }

    private void planIsClean(Path... sources) {
        List<String> args = new ArrayList<>(List.of("plan"));
        for (Path source : sources) {
            args.add("--from");
            args.add(source.toString());
        }
        Cli.Result plan = onEngine(args.toArray(String[]::new));
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(ExitCode.OK);
    }

    /** init --from writes a spec that reads back to exactly the imported tables. */
    private void initWritesTheImportBack(Path source, ImportOptions options, String... extra) {
        Path out = dir.resolve("init-" + source.getFileName() + ".yaml");
        List<String> args = new ArrayList<>(List.of("init", "-f", out.toString(), "--from", source.toString()));
        args.addAll(List.of(extra));
        Cli.Result init = Cli.run(args.toArray(String[]::new));
        assertThat(init.exitCode()).as(init.out() + init.err()).isZero();
        List<TableSpec> imported = new Imports()
                .read(source, Optional.empty(), options).stream()
                        .map(ImportedTable::table)
                        .toList();
        assertThat(SpecReader.read(out)).isEqualTo(new Spec(imported));
    }
}
