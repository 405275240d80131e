package dev.dynaseed.imports.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecValidator;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerlessImporterTest {
    @TempDir
    Path dir;

    private static final String SERVICE = """
            service: shop
            provider:
              name: aws
              stage: ${opt:stage, 'dev'}
            custom:
              tables:
                dev: {capacity: 1}
                prod: {capacity: 5}
              usersTable: users-${sls:stage}
            resources:
              Resources:
                Users:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    TableName: ${self:custom.usersTable}
                    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                    KeySchema: [{AttributeName: id, KeyType: HASH}]
                    ProvisionedThroughput:
                      ReadCapacityUnits: ${self:custom.tables.${opt:stage, 'dev'}.capacity}
                      WriteCapacityUnits: ${self:custom.tables.${self:provider.stage}.capacity}
                    Tags:
                      - {Key: region, Value: "${opt:region, 'eu-west-1'}"}
                      - {Key: owner, Value: "${env:OWNER, 'nobody'}"}
                      - {Key: arn, Value: !Sub "arn:${AWS::Partition}:x:${AWS::Region}"}
                Orders:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    BillingMode: PAY_PER_REQUEST
                    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                    KeySchema: [{AttributeName: id, KeyType: HASH}]
            """;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static ImportOptions stage(String stage) {
        ImportOptions d = ImportOptions.defaults();
        return new ImportOptions(Map.of(), d.stackName(), d.region(), d.accountId(), stage, Map.of(), List.of());
    }

    private List<ImportedTable> read(String text, ImportOptions options) throws IOException {
        return new ServerlessImporter().read(write("serverless.yml", text), options);
    }

    private String problems(String text) throws IOException {
        ImportException e = catchThrowableOfType(ImportException.class, () -> read(text, ImportOptions.defaults()));
        assertThat(e).as("an ImportException").isNotNull();
        return e.getMessage();
    }

    @Test
    void resources_areReadWithVariablesResolved_forTheDefaultStage() throws IOException {
        List<ImportedTable> tables = read(SERVICE, ImportOptions.defaults());
        assertThat(tables).extracting(ImportedTable::origin).containsExactly("Users", "Orders");
        assertThat(tables.get(0).kind()).isEqualTo(SourceKind.SERVERLESS);
        TableSpec users = tables.get(0).table();
        assertThat(users.name()).isEqualTo("users-dev");
        assertThat(users.partitionKey()).isEqualTo(new KeySpec("id", KeyType.S));
        assertThat(users.billing()).isEqualTo(new BillingSpec.Provisioned(1, 1));
        assertThat(users.tags())
                .containsEntry("region", "us-east-1")
                .containsEntry("owner", "nobody")
                .containsEntry("arn", "arn:aws:x:us-east-1");
        assertThat(tables.get(1).table().name()).matches("shop-dev-Orders-[A-Z0-9]{13}");
    }

    @Test
    void stage_comesFromTheOptions() throws IOException {
        List<ImportedTable> tables = read(SERVICE, stage("prod"));
        assertThat(tables.get(0).table().name()).isEqualTo("users-prod");
        assertThat(tables.get(0).table().billing()).isEqualTo(new BillingSpec.Provisioned(5, 5));
        assertThat(tables.get(1).table().name()).matches("shop-prod-Orders-[A-Z0-9]{13}");
    }

    @Test
    void providerStage_isTheStage_whenNoneIsGiven() throws IOException {
        List<ImportedTable> tables = read(
                SERVICE.replace("stage: ${opt:stage, 'dev'}", "stage: prod")
                        .replace("${opt:stage, 'dev'}.capacity", "${sls:stage}.capacity"),
                ImportOptions.defaults());
        assertThat(tables.get(0).table().name()).isEqualTo("users-prod");
        assertThat(tables.get(1).table().name()).startsWith("shop-prod-Orders-");
    }

    @Test
    void givenStageAndRegion_winOverProvider_evenWhenEqualToTheDefaults() throws IOException {
        String service = SERVICE.replace("stage: ${opt:stage, 'dev'}", "stage: prod\n  region: eu-central-1")
                .replace("${opt:stage, 'dev'}.capacity", "${sls:stage}.capacity");
        ImportOptions d = ImportOptions.defaults();
        ImportOptions given =
                new ImportOptions(Map.of(), d.stackName(), "us-east-1", d.accountId(), "dev", List.of(), true, true);
        List<ImportedTable> tables = read(service, given);
        assertThat(tables.get(0).table().name()).isEqualTo("users-dev");
        assertThat(tables.get(0).table().tags()).containsEntry("arn", "arn:aws:x:us-east-1");
        assertThat(tables.get(1).table().name()).startsWith("shop-dev-Orders-");

        List<ImportedTable> defaults = read(service, d);
        assertThat(defaults.get(0).table().name()).isEqualTo("users-prod");
        assertThat(defaults.get(0).table().tags()).containsEntry("arn", "arn:aws:x:eu-central-1");
    }

    @Test
    void importedTables_passTheSpecValidator() throws IOException {
        List<TableSpec> tables = read(SERVICE, ImportOptions.defaults()).stream()
                .map(ImportedTable::table)
                .toList();
        assertThat(SpecValidator.validate(new Spec(tables))).isEmpty();
    }

    @Test
    void resources_asAListOfFileIncludes_areMerged() throws IOException {
        write("tables.yml", """
                Resources:
                  Users:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: ${self:service}-users
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """);
        write("config.json", "{\"names\": {\"orders\": \"orders-table\"}}");
        String service = """
                service: shop
                provider: {name: aws}
                resources:
                  - ${file(./tables.yml)}
                  - Resources:
                      Orders:
                        Type: AWS::DynamoDB::Table
                        Properties:
                          TableName: ${file(./config.json):names.orders}
                          BillingMode: PAY_PER_REQUEST
                          AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                          KeySchema: [{AttributeName: id, KeyType: HASH}]
                """;
        assertThat(read(service, ImportOptions.defaults()))
                .extracting(t -> t.table().name())
                .containsExactly("shop-users", "orders-table");
    }

    @Test
    void envWithoutDefault_isAProblemNamingTheVariable_neverRead() throws IOException {
        assertThat(problems(SERVICE.replace("${env:OWNER, 'nobody'}", "${env:OWNER}")))
                .contains("serverless.yml:23:33: ")
                .contains("resources.Resources.Users.Properties.Tags[1].Value: ${env:OWNER} cannot be resolved: it"
                        + " reads environment variable OWNER, and dynaseed never reads the environment");
    }

    @Test
    void unknownSources_areProblemsNamingThem() throws IOException {
        String problems = problems(SERVICE.replace("${self:custom.usersTable}", "${ssm:/shop/users-table}")
                .replace("${env:OWNER, 'nobody'}", "${cf:other.Owner}"));
        assertThat(problems)
                .contains("2 problems")
                .contains("uses the variable source 'ssm', which reads AWS Systems Manager Parameter Store")
                .contains("uses the variable source 'cf', which reads another CloudFormation stack's outputs");
    }

    @Test
    void missingSelfPath_isAProblem() throws IOException {
        assertThat(problems(SERVICE.replace("${self:custom.usersTable}", "${self:custom.nope}")))
                .contains("${self:custom.nope} cannot be resolved: self:custom.nope is not defined in the file");
    }

    @Test
    void selfCycles_areProblemsNotStackOverflows() throws IOException {
        String cyclic = SERVICE.replace(
                "usersTable: users-${sls:stage}",
                "usersTable: ${self:custom.other}\n  other:" + " ${self:custom.usersTable}");
        assertThat(problems(cyclic)).contains("refers to itself");
        String deep = SERVICE.replace("${self:custom.usersTable}", "${opt:a, ".repeat(100) + "'x'" + "}".repeat(100));
        assertThat(problems(deep)).contains("nests variables more than");
    }

    @Test
    void missingFile_usesTheFallback_elseIsAProblem() throws IOException {
        assertThat(read(
                                SERVICE.replace("${self:custom.usersTable}", "${file(./none.yml):x, 'fallback'}"),
                                ImportOptions.defaults())
                        .get(0)
                        .table()
                        .name())
                .isEqualTo("fallback");
        assertThat(problems(SERVICE.replace("${self:custom.usersTable}", "${file(./none.yml):x}")))
                .contains("none.yml does not exist");
    }

    @Test
    void stackName_andGivenOptionsWin() throws IOException {
        ImportOptions d = ImportOptions.defaults();
        ImportOptions given =
                new ImportOptions(Map.of(), "mystack", "eu-west-1", d.accountId(), "qa", Map.of(), List.of());
        List<ImportedTable> tables = read(SERVICE.replace("dev: {capacity: 1}", "qa: {capacity: 1}"), given);
        assertThat(tables.get(0).table().tags()).containsEntry("region", "eu-west-1");
        assertThat(tables.get(1).table().name()).startsWith("mystack-Orders-");
    }

    @Test
    void noResources_isNoTables() throws IOException {
        assertThat(read("service: a\nprovider: {name: aws}\n", ImportOptions.defaults()))
                .isEmpty();
    }

    @Test
    void recognizes_serverlessFilesByNameOrContent() {
        ServerlessImporter importer = new ServerlessImporter();
        assertThat(importer.recognizes(Path.of("serverless.yml"), "")).isTrue();
        assertThat(importer.recognizes(Path.of("x/serverless.json"), "")).isTrue();
        assertThat(importer.recognizes(Path.of("app.yml"), "service: a\nprovider:\n  name: aws\n"))
                .isTrue();
        assertThat(importer.recognizes(Path.of("template.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\n"))
                .isFalse();
        assertThat(importer.recognizes(Path.of("spec.yaml"), "tables: []\n")).isFalse();
    }

    @Test
    void detection_tellsTemplatesFromServerlessFiles() throws IOException {
        dev.dynaseed.imports.Imports imports = new dev.dynaseed.imports.Imports();
        assertThat(imports.detect(write("app.yml", SERVICE))).isEqualTo(SourceKind.SERVERLESS);
        assertThat(imports.detect(write("template.yaml", """
                        AWSTemplateFormatVersion: "2010-09-09"
                        Resources:
                          T: {Type: AWS::DynamoDB::Table}
                        """))).isEqualTo(SourceKind.CLOUDFORMATION);
        assertThat(imports.detect(
                        write("sam.json", "{\"Transform\": \"AWS::Serverless-2016-10-31\", \"Resources\": {}}")))
                .isEqualTo(SourceKind.CLOUDFORMATION);
    }

    @Test
    void fallbackChains_andAwsVariables_resolve() throws IOException {
        String service = SERVICE.replace(
                        "${self:custom.usersTable}",
                        "${opt:stage, self:provider.stage, 'x'}-${aws:accountId}-${aws:region}")
                .replace("stage: ${opt:stage, 'dev'}", "stage: ${opt:stage, 'dev'}\n  region: eu-central-1");
        assertThat(read(service, ImportOptions.defaults()).get(0).table().name())
                .isEqualTo("dev-123456789012-eu-central-1");
    }

    private static final String TAGGED = """
            service: svc4
            provider:
              name: aws
              stackTags:
                cost: c1
                team: ${self:custom.team}
            custom:
              team: stack-team
            resources:
              Resources:
                Own:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    TableName: svc4-own
                    BillingMode: PAY_PER_REQUEST
                    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                    KeySchema: [{AttributeName: id, KeyType: HASH}]
                    Tags: [{Key: team, Value: table-team}]
                Bare:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    TableName: svc4-bare
                    BillingMode: PAY_PER_REQUEST
                    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                    KeySchema: [{AttributeName: id, KeyType: HASH}]
            """;

    @Test
    void stackTagsAndStage_areTheTablesTags_underTheTablesOwn() throws IOException {
        List<ImportedTable> tables = read(TAGGED, ImportOptions.defaults());
        assertThat(tables.get(0).table().tags())
                .containsExactly(Map.entry("team", "table-team"), Map.entry("STAGE", "dev"), Map.entry("cost", "c1"));
        assertThat(tables.get(1).table().tags())
                .containsExactly(Map.entry("STAGE", "dev"), Map.entry("cost", "c1"), Map.entry("team", "stack-team"));
        assertThat(read(TAGGED, stage("prod")).get(1).table().tags()).containsEntry("STAGE", "prod");
        assertThat(SpecValidator.validate(
                        new Spec(tables.stream().map(ImportedTable::table).toList())))
                .isEmpty();
    }

    @Test
    void stageTag_isReplacedByAStackTagOfTheSameKeyInAnyCase_asTheFrameworkDoes() throws IOException {
        String text = TAGGED.replace("    cost: c1\n", "    Stage: mine\n");
        assertThat(read(text, ImportOptions.defaults()).get(1).table().tags())
                .containsExactly(Map.entry("Stage", "mine"), Map.entry("team", "stack-team"));
    }

    @Test
    void stageTag_isEveryTablesTag_evenWithoutStackTags() throws IOException {
        assertThat(read(SERVICE, stage("prod")).get(1).table().tags()).containsExactly(Map.entry("STAGE", "prod"));
    }

    @Test
    void stackTagsThatAreNotAMappingOfStrings_areProblemsNamingThem() throws IOException {
        assertThat(problems(TAGGED.replace("    cost: c1\n", "    cost: [a, b]\n")))
                .contains("serverless.yml:5:11: provider.stackTags.cost: must be a string (the tag's value), e.g."
                        + " cost: payments");
    }

    @Test
    void globalTable_keepsOnlyItsOwnTags() throws IOException {
        String text = TAGGED.replace(
                        "Bare:\n      Type: AWS::DynamoDB::Table", "Bare:\n      Type: AWS::DynamoDB::GlobalTable")
                + "        Replicas: [{Region: us-east-1}]\n";
        List<ImportedTable> tables = read(text, ImportOptions.defaults());
        assertThat(tables.get(1).table().tags()).isEmpty();
    }

    @Test
    void longValueUsedManyTimes_isRefusedBeforeTheStringIsBuilt() throws IOException {
        String text = TAGGED.replace("  team: stack-team\n", "  team: stack-team\n  big: " + "x".repeat(100_000) + "\n")
                .replace("TableName: svc4-bare", "TableName: \"" + "${self:custom.big}".repeat(11) + "\"");
        assertThat(problems(text))
                .contains("1 problem")
                .contains("resources.Resources.Bare.Properties.TableName: its variables build a string of more than"
                        + " 1,000,000 characters, which no table setting holds (a long value used many times?);"
                        + " shorten the values it joins");
    }

    @Test
    void referencesMultiplyingAtEachLevel_areRefusedOnce_beforeMemoryRunsOut() throws IOException {
        StringBuilder levels = new StringBuilder("  l0: [a, b]\n");
        for (int i = 1; i <= 21; i++) {
            levels.append("  l")
                    .append(i)
                    .append(": [\"${self:custom.l")
                    .append(i - 1)
                    .append("}\", \"${self:custom.l")
                    .append(i - 1)
                    .append("}\"]\n");
        }
        String text = TAGGED.replace("  team: stack-team\n", "  team: stack-team\n" + levels)
                .replace(
                        "Tags: [{Key: team, Value: table-team}]", "Tags: [{Key: team, Value: \"${self:custom.l21}\"}]");
        assertThat(problems(text))
                .contains("1 problem")
                .contains("variables expand to more than 500,000 values (references to lists or mappings that refer"
                        + " to others, multiplying at each level); write the values out");
    }

    @Test
    void unresolvableResourcesInclude_isOneProblem_notAlsoAWrongType() throws IOException {
        String text = """
                service: svc6
                provider:
                  name: aws
                resources:
                  - ${file(./missing.yml)}
                """;
        String problems = problems(text);
        assertThat(problems).contains("1 problem").contains("missing.yml does not exist");
        assertThat(problems).doesNotContain("must be a mapping");
    }
}
