package dev.dynaseed.imports.createtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.ImportedTables;
import dev.dynaseed.imports.Imports;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.plan.EngineCapabilities;
import dev.dynaseed.plan.RequestJson;
import dev.dynaseed.plan.Step;
import dev.dynaseed.plan.TableRequests;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateTableImporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every field CreateTable and its companion calls can set. */
    private static final String FULL = """
            tables:
              - name: orders
                partitionKey: {name: customer_id, type: S}
                sortKey: {name: order_id, type: S}
                billing: {mode: PAY_PER_REQUEST, maxReadRequestUnits: 5000, maxWriteRequestUnits: 1000}
                tags: {team: payments, cost-center: '42'}
                globalSecondaryIndexes:
                  - name: by_status
                    partitionKey: {name: status, type: S}
                    sortKey: {name: created_at, type: N}
                    projection: {type: INCLUDE, attributes: [total]}
                    maxReadRequestUnits: 2000
                    maxWriteRequestUnits: 500
                    warmThroughput: {readUnitsPerSecond: 15000, writeUnitsPerSecond: 5000}
                  - name: by_tenant_region
                    partitionKey: [{name: tenant, type: S}, {name: region, type: S}]
                    projection: KEYS_ONLY
                localSecondaryIndexes:
                  - name: by_total
                    partitionKey: {name: customer_id, type: S}
                    sortKey: {name: total, type: N}
                    projection: ALL
                timeToLive: {attribute: expires_at}
                stream: {viewType: NEW_AND_OLD_IMAGES}
                pointInTimeRecovery: {enabled: true, recoveryPeriodDays: 30}
                encryption: {type: CUSTOMER_MANAGED, kmsKeyId: alias/orders}
                tableClass: STANDARD_INFREQUENT_ACCESS
                deletionProtection: true
                warmThroughput: {readUnitsPerSecond: 20000, writeUnitsPerSecond: 8000}
                resourcePolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"dynamodb:GetItem","Resource":"*"}]}'
                contributorInsights: true
              - name: events
                partitionKey: {name: id, type: B}
                billing: {mode: PROVISIONED, readCapacity: 5, writeCapacity: 7}
                globalSecondaryIndexes:
                  - name: by_kind
                    partitionKey: {name: kind, type: N}
                    readCapacity: 2
                    writeCapacity: 3
            """;

    @TempDir
    Path dir;

    private static Spec full() {
        return SpecReader.read(FULL, SpecReader.SpecFormat.YAML, "full.yaml");
    }

    @Test
    void read_givesTheTablesBack_fromTheCreateTableRequestsApplySends() throws IOException {
        Spec spec = full();
        TableRequests requests = new TableRequests(EngineCapabilities.aws());
        var list = JSON.createArrayNode();
        spec.tables().forEach(table -> list.add(RequestJson.toJson(requests.createRequest(table))));
        Path file = dir.resolve("requests.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list));

        List<ImportedTable> tables = new Imports().read(file, Optional.empty(), ImportOptions.defaults());

        // CreateTable cannot set TTL, point-in-time recovery or contributor insights: they need their own calls.
        assertThat(tables)
                .extracting(ImportedTable::table)
                .containsExactly(
                        createTimeOnly(spec.tables().get(0)),
                        createTimeOnly(spec.tables().get(1)));
        // Each table is placed where its request starts: the list element's opening brace.
        int line = tables.get(1).location().line();
        assertThat(Files.readAllLines(file).get(line - 1)).isEqualTo("}, {");
        assertThat(tables.get(1).describe()).isEqualTo(file + ":" + line + ":4 (CreateTable request JSON, events)");
    }

    @Test
    void read_givesEveryFieldBack_fromPlanExplainOutput() throws IOException {
        Spec spec = full();
        TableRequests requests = new TableRequests(EngineCapabilities.aws());
        StringBuilder explain = new StringBuilder();
        for (TableSpec table : spec.tables()) {
            int number = 0;
            List<Step> steps = requests.create(table);
            for (Step step : steps) {
                explain.append("# ")
                        .append(table.name())
                        .append(", call ")
                        .append(++number)
                        .append(" of ")
                        .append(steps.size())
                        .append(": ")
                        .append(step.purpose())
                        .append('\n')
                        .append("# aws dynamodb ")
                        .append(step.operation()
                                .replaceAll("([a-z])([A-Z])", "$1-$2")
                                .toLowerCase())
                        .append(" --cli-input-json file://request.json\n")
                        .append(JSON.writerWithDefaultPrettyPrinter()
                                .writeValueAsString(RequestJson.toJson(step.request())))
                        .append("\n\n");
            }
        }
        Path file = dir.resolve("plan.txt");
        Files.writeString(file, explain);

        List<ImportedTable> tables = new Imports().read(file, Optional.empty(), ImportOptions.defaults());

        assertThat(tables).extracting(ImportedTable::table).containsExactlyElementsOf(spec.tables());
    }

    @Test
    void read_reportsAnUnknownMemberWithDidYouMean_atItsLine() throws IOException {
        Path file = dir.resolve("users.json");
        Files.writeString(file, """
                {
                  "TableName": "users",
                  "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                  "BilingMode": "PAY_PER_REQUEST"
                }
                """);

        assertThatThrownBy(() -> new CreateTableImporter().read(file, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining(file + ":5:3: users.BilingMode: unknown member; did you mean 'BillingMode'?");
    }

    @Test
    void read_rejectsWhatDynamoDbRejects_aKeyNotDefinedAndADefinitionNotUsed() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"TableName": "users", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"},
                                          {"AttributeName": "email", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}
                """);

        assertThatThrownBy(() -> new CreateTableImporter().read(file, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("users.KeySchema[0].AttributeName: 'pk' is not in AttributeDefinitions")
                .hasMessageContaining("users.AttributeDefinitions[1]: 'email' is defined but no key");
    }

    @Test
    void read_reportsAValueOfTheWrongType_andAMissingThroughputForTheDefaultBilling() throws IOException {
        Path file = dir.resolve("types.json");
        Files.writeString(file, """
                [{"TableName": "a", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                  "ProvisionedThroughput": {"ReadCapacityUnits": "five", "WriteCapacityUnits": 5}},
                 {"TableName": "b", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}]
                """);

        assertThatThrownBy(() -> new CreateTableImporter().read(file, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining(
                        ":3:29: a.ProvisionedThroughput.ReadCapacityUnits: is the string \"five\"; write a"
                                + " whole number")
                .hasMessageContaining(":4:2: b.ProvisionedThroughput: missing")
                .hasMessageContaining(
                        "b.ProvisionedThroughput: missing; DynamoDB's default billing mode is PROVISIONED");
    }

    @Test
    void read_reportsATagKeyGivenTwice_namingBothPositions() throws IOException {
        Path file = dir.resolve("tags.json");
        Files.writeString(file, """
                {"TableName": "users", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                 "Tags": [{"Key": "team", "Value": "a"}, {"Key": "env", "Value": "b"},
                          {"Key": "team", "Value": "c"}]}
                """);

        assertThatThrownBy(() -> new CreateTableImporter().read(file, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessage("Cannot import " + file + " (CreateTable request JSON): 1 problem:\n  " + file
                        + ":5:12: users.Tags[2].Key: 'team' is given twice, at Tags[0] (Value 'a') and Tags[2] (Value"
                        + " 'c'); a table has one value per tag key: keep one of them");
    }

    @Test
    void read_reportsABadAttributeTypeOnce_withoutFollowOnProblemsAboutTheKeys() throws IOException {
        Path file = dir.resolve("type.json");
        Files.writeString(file, """
                {"TableName": "users", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "X"}],
                 "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}
                """);

        assertThatThrownBy(() -> new CreateTableImporter().read(file, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessage("Cannot import " + file + " (CreateTable request JSON): 1 problem:\n  " + file
                        + ":2:51: users.AttributeDefinitions[0].AttributeType: 'X' is not a key attribute type; use S,"
                        + " N or B");
    }

    @Test
    void read_reportsAHugeOrOutOfQuotaCapacity_withTheAllowedRange() throws IOException {
        Path file = dir.resolve("capacity.json");
        Files.writeString(file, """
                [{"TableName": "a", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                  "ProvisionedThroughput": {"ReadCapacityUnits": 1e30, "WriteCapacityUnits": 99999999999999999999}},
                 {"TableName": "b", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                  "ProvisionedThroughput": {"ReadCapacityUnits": 50000, "WriteCapacityUnits": 5.5}}]
                """);
        String range = "out of range; use 1 to 40000 capacity units (DynamoDB's default quota per table), e.g. 5, or"
                + " \"BillingMode\": \"PAY_PER_REQUEST\"";

        assertThatThrownBy(() -> new CreateTableImporter().read(file, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining(":3:29: a.ProvisionedThroughput.ReadCapacityUnits: is 1E+30, " + range)
                .hasMessageContaining(
                        ":3:56: a.ProvisionedThroughput.WriteCapacityUnits: is 99999999999999999999, " + range)
                .hasMessageContaining(":6:57: b.ProvisionedThroughput.WriteCapacityUnits: is 5.5; write a whole number")
                .hasMessageNotContaining("write a whole number, e.g. 5\n")
                .hasMessageNotContaining("billing.");
    }

    @Test
    void read_asksForAJsonInteger_whenACapacityInRangeIsWrittenWithAFractionOrExponent() throws IOException {
        Path file = dir.resolve("floats.json");
        Files.writeString(file, """
                {"TableName": "a", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                 "ProvisionedThroughput": {"ReadCapacityUnits": 5.0, "WriteCapacityUnits": 1e3}}
                """);

        assertThatThrownBy(() -> new CreateTableImporter().read(file, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining(":3:28: a.ProvisionedThroughput.ReadCapacityUnits: is 5.0; write it as a JSON"
                        + " integer, without a fraction or exponent, e.g. 5 (the AWS CLI refuses other numbers for"
                        + " this member)")
                .hasMessageContaining("a.ProvisionedThroughput.WriteCapacityUnits: is 1E+3; write it as a JSON"
                        + " integer, without a fraction or exponent, e.g. 1000")
                .hasMessageNotContaining("out of range");
    }

    @Test
    void read_refusesAnIncludeProjectionWithoutNonKeyAttributes_asDynamoDbDoes() throws IOException {
        Path file = dir.resolve("include.json");
        Files.writeString(file, """
                {"TableName": "a", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"},
                                          {"AttributeName": "g", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                 "GlobalSecondaryIndexes": [{"IndexName": "by_g", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                                             "Projection": {"ProjectionType": "INCLUDE"}}]}
                """);

        List<ImportedTable> tables = new Imports().read(file, Optional.empty(), ImportOptions.defaults());

        assertThatThrownBy(() -> ImportedTables.merge(new Spec(List.of()), "spec.yaml", tables))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("a.globalSecondaryIndexes[0].projection.attributes: is empty: DynamoDB refuses a"
                        + " projection of INCLUDE without non-key attributes (NonKeyAttributes); list at least one");
    }

    @Test
    void read_namesDescribeTableOutput_andTheCommandThatImportsTheLiveTable() throws IOException {
        Path file = dir.resolve("desc.json");
        Files.writeString(file, """
                {
                    "Table": {
                        "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                        "TableName": "users",
                        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                        "TableStatus": "ACTIVE"
                    }
                }
                """);

        assertThatThrownBy(() -> new CreateTableImporter().read(file, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("desc.json:2:5: Table: this is describe-table output ({\"Table\": {...}}), not a"
                        + " CreateTable request; import the live table with dynaseed init --from-table users")
                .hasMessageNotContaining("unknown member");
    }

    @Test
    void read_namesAShellCommandLine_insteadOfQuotingTheJsonParser() throws IOException {
        Path file = dir.resolve("create.sh");
        Files.writeString(file, """
                #!/bin/sh
                aws dynamodb create-table --table-name Music \\
                    --attribute-definitions AttributeName=Artist,AttributeType=S \\
                    --key-schema AttributeName=Artist,KeyType=HASH --billing-mode PAY_PER_REQUEST
                """);

        assertThat(new Imports().detect(file)).isEqualTo(SourceKind.CREATE_TABLE_JSON);
        assertThatThrownBy(() -> new CreateTableImporter().read(file, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("is an AWS CLI command line (aws dynamodb create-table --table-name ...), not"
                        + " the request JSON dynaseed reads; write the request as JSON (aws dynamodb create-table"
                        + " --generate-cli-skeleton prints its form)")
                .hasMessageNotContaining("Unrecognized token")
                .hasMessageNotContaining("was expecting");
    }

    @Test
    void detect_tellsCreateTableJsonFromACloudFormationTemplate() throws IOException {
        Path request = dir.resolve("t.json");
        Files.writeString(request, "{\"TableName\": \"t\", \"AttributeDefinitions\": [], \"KeySchema\": []}");
        Path template = dir.resolve("template.json");
        Files.writeString(
                template,
                "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\":"
                        + " {\"AttributeDefinitions\": [], \"KeySchema\": []}}}}");

        CreateTableImporter importer = new CreateTableImporter();
        assertThat(importer.recognizes(request, Files.readString(request))).isTrue();
        assertThat(importer.recognizes(template, Files.readString(template))).isFalse();
        assertThat(importer.kind()).isEqualTo(SourceKind.CREATE_TABLE_JSON);
    }

    @Test
    void detect_readsPastAUtf8ByteOrderMark_asNotepadAndPowerShellWriteIt() throws IOException {
        Path request = dir.resolve("bom.json");
        Files.writeString(request, "\uFEFF{\"TableName\": \"t\", \"AttributeDefinitions\": [], \"KeySchema\": []}");
        Path template = dir.resolve("bom.yaml");
        Files.writeString(template, "\uFEFFResources:\n  T:\n    Type: AWS::DynamoDB::Table\n");

        assertThat(new Imports().detect(request)).isEqualTo(SourceKind.CREATE_TABLE_JSON);
        assertThat(new Imports().detect(template)).isEqualTo(SourceKind.CLOUDFORMATION);
    }

    private static TableSpec createTimeOnly(TableSpec table) {
        var f = table.features();
        return table.toBuilder()
                .seed(SeedSpec.none())
                .features(new dev.dynaseed.spec.TableFeatures(
                        f.globalSecondaryIndexes(),
                        f.localSecondaryIndexes(),
                        Optional.empty(),
                        f.stream(),
                        Optional.empty(),
                        f.encryption(),
                        f.tableClass(),
                        f.deletionProtection(),
                        f.warmThroughput(),
                        f.resourcePolicy(),
                        Optional.empty()))
                .build();
    }
}
