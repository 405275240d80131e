package dev.dynaseed.imports.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.LocalIndexSpec;
import dev.dynaseed.spec.OnDemandLimits;
import dev.dynaseed.spec.PointInTimeRecoverySpec;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecValidator;
import dev.dynaseed.spec.StreamView;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.spec.WarmThroughputSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationImporterTest {
    @TempDir
    Path dir;

    private Templates t() {
        return new Templates(dir);
    }

    private static final String FULL = """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage: {Type: String, Default: dev}
            Conditions:
              WithAudit: !Equals [!Ref Stage, prod]
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "orders-${Stage}"
                  BillingMode: PROVISIONED
                  ProvisionedThroughput: {ReadCapacityUnits: "5", WriteCapacityUnits: 4}
                  AttributeDefinitions:
                    - {AttributeName: pk, AttributeType: S}
                    - {AttributeName: sk, AttributeType: S}
                    - {AttributeName: status, AttributeType: S}
                    - {AttributeName: created, AttributeType: N}
                  KeySchema:
                    - {AttributeName: pk, KeyType: HASH}
                    - {AttributeName: sk, KeyType: RANGE}
                  GlobalSecondaryIndexes:
                    - IndexName: byStatus
                      KeySchema:
                        - {AttributeName: status, KeyType: HASH}
                        - {AttributeName: created, KeyType: RANGE}
                      Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [total]}
                      ProvisionedThroughput: {ReadCapacityUnits: 2, WriteCapacityUnits: 1}
                  LocalSecondaryIndexes:
                    - IndexName: byCreated
                      KeySchema:
                        - {AttributeName: pk, KeyType: HASH}
                        - {AttributeName: created, KeyType: RANGE}
                      Projection: {ProjectionType: KEYS_ONLY}
                  TimeToLiveSpecification: {AttributeName: expiresAt, Enabled: "True"}
                  StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
                  PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: yes, RecoveryPeriodInDays: "7"}
                  SSESpecification: {SSEEnabled: TRUE, SSEType: KMS, KMSMasterKeyId: alias/orders}
                  TableClass: STANDARD_INFREQUENT_ACCESS
                  DeletionProtectionEnabled: "false"
                  ContributorInsightsSpecification: {Enabled: true}
                  WarmThroughput: {ReadUnitsPerSecond: 12000, WriteUnitsPerSecond: "4000"}
                  ResourcePolicy:
                    PolicyDocument:
                      Version: "2012-10-17"
                      Statement: [{Effect: Allow, Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}, Action: "dynamodb:GetItem", Resource: "*"}]
                  Tags:
                    - {Key: team, Value: shop}
                    - {Key: stage, Value: !Ref Stage}
              Audit:
                Type: AWS::DynamoDB::Table
                Condition: WithAudit
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
              Sessions:
                Type: AWS::Serverless::SimpleTable
              Queue:
                Type: AWS::SQS::Queue
            """;

    @Test
    void table_mapsEveryPropertyWithACounterpart() {
        List<ImportedTable> tables = t().read(FULL);
        assertThat(tables).extracting(ImportedTable::origin).containsExactly("Orders", "Sessions");
        ImportedTable orders = tables.get(0);
        assertThat(orders.kind()).isEqualTo(SourceKind.CLOUDFORMATION);
        assertThat(orders.location().line()).isEqualTo(9);
        TableSpec table = orders.table();
        assertThat(table.name()).isEqualTo("orders-dev");
        assertThat(table.partitionKey()).isEqualTo(new KeySpec("pk", KeyType.S));
        assertThat(table.sortKey()).contains(new KeySpec("sk", KeyType.S));
        assertThat(table.billing()).isEqualTo(new BillingSpec.Provisioned(5, 4));
        assertThat(table.tags()).containsExactly(Map.entry("team", "shop"), Map.entry("stage", "dev"));
        var features = table.features();
        assertThat(features.globalSecondaryIndexes())
                .containsExactly(new GlobalIndexSpec(
                        "byStatus",
                        List.of(new KeySpec("status", KeyType.S)),
                        List.of(new KeySpec("created", KeyType.N)),
                        new ProjectionSpec(ProjectionSpec.Type.INCLUDE, List.of("total")),
                        Optional.of(new CapacitySpec(2, 1)),
                        Optional.empty(),
                        Optional.empty(),
                        false));
        assertThat(features.localSecondaryIndexes())
                .containsExactly(new LocalIndexSpec(
                        "byCreated",
                        new KeySpec("pk", KeyType.S),
                        new KeySpec("created", KeyType.N),
                        new ProjectionSpec(ProjectionSpec.Type.KEYS_ONLY, List.of()),
                        false));
        assertThat(features.timeToLiveAttribute()).contains("expiresAt");
        assertThat(features.stream()).contains(StreamView.NEW_AND_OLD_IMAGES);
        assertThat(features.pointInTimeRecovery()).contains(new PointInTimeRecoverySpec(true, Optional.of(7)));
        assertThat(features.encryption())
                .contains(new EncryptionSpec(EncryptionSpec.Type.CUSTOMER_MANAGED, Optional.of("alias/orders")));
        assertThat(features.tableClass()).contains(TableClassSpec.STANDARD_INFREQUENT_ACCESS);
        assertThat(features.deletionProtection()).contains(false);
        assertThat(features.contributorInsights()).contains(true);
        assertThat(features.warmThroughput()).contains(new WarmThroughputSpec(Optional.of(12000L), Optional.of(4000L)));
        assertThat(features.resourcePolicy())
                .contains("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                        + "\"arn:aws:iam::123456789012:root\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}");
    }

    @Test
    void importedTables_passTheSpecValidator() {
        List<TableSpec> tables =
                t().read(FULL).stream().map(ImportedTable::table).toList();
        assertThat(SpecValidator.validate(new Spec(tables))).isEmpty();
    }

    @Test
    void simpleTable_expandsAsSamDoes() {
        TableSpec sessions = t().read(FULL).get(1).table();
        assertThat(sessions.name()).isEqualTo(PhysicalNames.tableName("dynaseed", "Sessions"));
        assertThat(sessions.partitionKey()).isEqualTo(new KeySpec("id", KeyType.S));
        assertThat(sessions.sortKey()).isEmpty();
        assertThat(sessions.billing()).isEqualTo(new BillingSpec.PayPerRequest());
        TableSpec keyed = t().only("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  SimpleTable:
                    SSESpecification: {SSEEnabled: true}
                Resources:
                  Counters:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      TableName: counters
                      PrimaryKey: {Name: counter, Type: Number}
                      ProvisionedThroughput: {ReadCapacityUnits: 3, WriteCapacityUnits: 2}
                      Tags: {team: ops}
                """);
        assertThat(keyed.name()).isEqualTo("counters");
        assertThat(keyed.partitionKey()).isEqualTo(new KeySpec("counter", KeyType.N));
        assertThat(keyed.billing()).isEqualTo(new BillingSpec.Provisioned(3, 2));
        assertThat(keyed.tags()).containsExactly(Map.entry("team", "ops"));
        assertThat(keyed.features().encryption())
                .contains(new EncryptionSpec(EncryptionSpec.Type.AWS_MANAGED, Optional.empty()));
    }

    @Test
    void simpleTable_withoutTheSamTransform_isRefusedAsCloudFormationRefusesIt() {
        assertThat(t().problems("""
                Resources:
                  S: {Type: AWS::Serverless::SimpleTable}
                """)).contains("Unrecognized resource types: [AWS::Serverless::SimpleTable]");
    }

    @Test
    void billingMode_defaultsToProvisioned_andThenNeedsThroughput() {
        String template = Templates.table("").replace("      BillingMode: PAY_PER_REQUEST\n", "");
        assertThat(t().problems(template))
                .contains("t.yaml:5:7: Resources.Users.Properties: needs ProvisionedThroughput: BillingMode is"
                        + " PROVISIONED (CloudFormation's default");
        TableSpec table = t().only(template.replace(
                "      AttributeDefinitions:",
                "      ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}\n"
                        + "      AttributeDefinitions:"));
        assertThat(table.billing()).isEqualTo(new BillingSpec.Provisioned(1, 1));
    }

    @Test
    void onDemandThroughput_isTheTablesMaximum() {
        TableSpec table = t().only(Templates.table("OnDemandThroughput: {MaxReadRequestUnits: 100}"));
        assertThat(table.billing())
                .isEqualTo(new BillingSpec.PayPerRequest(
                        Optional.of(new OnDemandLimits(Optional.of(100L), Optional.empty()))));
    }

    @Test
    void sseDisabled_isTheAwsOwnedKey_andEnabledWithoutKeyTheManagedOne() {
        assertThat(t().only(Templates.table("SSESpecification: {SSEEnabled: false}"))
                        .features()
                        .encryption())
                .contains(new EncryptionSpec(EncryptionSpec.Type.AWS_OWNED, Optional.empty()));
        assertThat(t().only(Templates.table("SSESpecification: {SSEEnabled: On}"))
                        .features()
                        .encryption())
                .contains(new EncryptionSpec(EncryptionSpec.Type.AWS_MANAGED, Optional.empty()));
    }

    @Test
    void ttlDisabled_isNoTtl() {
        assertThat(t().only(Templates.table("TimeToLiveSpecification: {AttributeName: ttl, Enabled: false}"))
                        .features()
                        .timeToLiveAttribute())
                .isEmpty();
    }

    @Test
    void keyAttributeNotDefined_isRefusedWithDynamoDbsReason() {
        String template =
                Templates.table("").replace("{AttributeName: pk, KeyType: HASH}", "{AttributeName: id, KeyType: HASH}");
        assertThat(t().problems(template))
                .contains("Resources.Users.Properties.KeySchema: One or more parameter values were invalid: Some"
                        + " index key attributes are not defined in AttributeDefinitions. Keys: [id],"
                        + " AttributeDefinitions: [pk]");
    }

    @Test
    void attributeDefinedButUnused_isRefusedWithDynamoDbsReason() {
        String template = Templates.table("")
                .replace(
                        "        - {AttributeName: pk, AttributeType: S}",
                        "        - {AttributeName: pk, AttributeType: S}\n        - {AttributeName: extra, AttributeType: N}");
        assertThat(t().problems(template))
                .contains("t.yaml:7:9: Resources.Users.Properties.AttributeDefinitions: One or more parameter values"
                        + " were invalid: Number of attributes in KeySchema does not exactly match number of"
                        + " attributes defined in AttributeDefinitions ([extra]");
    }

    @Test
    void payPerRequestWithProvisionedThroughput_isRefused() {
        assertThat(t().problems(Templates.table(
                        "ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}")))
                .contains("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                        + " PAY_PER_REQUEST");
    }

    @Test
    void unsupportedProperty_isRefusedAsCloudFormationRefusesIt() {
        assertThat(t().problems(Templates.table("Colour: blue")))
                .contains("t.yaml:10:15: Resources.Users.Properties.Colour: Encountered unsupported property Colour");
    }

    @Test
    void importSourceSpecification_isAProblem_andKinesisIsNotImported() {
        assertThat(t().problems(Templates.table("ImportSourceSpecification: {InputFormat: CSV}")))
                .contains("ImportSourceSpecification: creates the table from data in S3");
        assertThat(t().only(Templates.table("KinesisStreamSpecification: {StreamArn: arn:aws:kinesis:x}"))
                        .name())
                .startsWith("dynaseed-Users-");
    }

    @Test
    void wrongValues_areEachReportedWithTheirLine() {
        String problems = t().problems(Templates.table("""
                TableClass: COLD
                DeletionProtectionEnabled: maybe
                StreamSpecification: {StreamViewType: EVERYTHING}
                """));
        assertThat(problems)
                .contains("3 problems")
                .contains("t.yaml:10:19: Resources.Users.Properties.TableClass: 'COLD' is not a table class")
                .contains("t.yaml:11:34: Resources.Users.Properties.DeletionProtectionEnabled: must be true or false")
                .contains("StreamViewType: 'EVERYTHING' is not a stream view type");
    }

    @Test
    void noEchoParameter_isNeverShown_inAnyProblem() {
        String template = """
                Parameters:
                  DbPassword: {Type: String, NoEcho: true, AllowedPattern: "[a-z]+", AllowedValues: [abc]}
                  Size: {Type: Number, NoEcho: "true"}
                """
                + Templates.table("TableName: !Sub \"t-${DbPassword}-${Size}\"")
                        .replace("Resources:\n", "Resources:\n");
        String problems =
                t().problems(template, Templates.parameters(Map.of("DbPassword", "S3cr3t!Pass", "Size", "S3cr3tSize")));
        assertThat(problems)
                .doesNotContain("S3cr3t")
                .contains("Parameter 'DbPassword' must match pattern [a-z]+, got '****'")
                .contains("Parameter 'DbPassword' must be one of AllowedValues [abc], got '****'")
                .contains("Parameter 'Size' must be a number, got '****'");
    }

    @Test
    void missingParameterUsedByATable_isReportedOnce() {
        String template = """
                Parameters:
                  Env: {Type: String}
                """ + Templates.table("TableName: !Sub \"t-${Env}\"");
        String problems = t().problems(template);
        assertThat(problems).contains("parameter 'Env' has no value");
        assertThat(problems.split("parameter 'Env' has no value", -1)).hasSize(2);
    }

    @Test
    void generatedName_followsCloudFormationsPattern_andIsRepeatable() {
        String name = t().only(Templates.table("")).name();
        assertThat(name).matches("dynaseed-Users-[A-Z0-9]{13}");
        assertThat(t().only(Templates.table("")).name()).isEqualTo(name);
        assertThat(t().only(Templates.table(""), Templates.stackAndRegion("shop", "eu-west-1"))
                        .name())
                .matches("shop-Users-[A-Z0-9]{13}")
                .isNotEqualTo(name);
    }

    @Test
    void generatedName_isShortenedToDynamoDbsLimit() {
        String longStack = "s".repeat(128);
        String longId = "L".repeat(200);
        String name = PhysicalNames.tableName(longStack, longId);
        assertThat(name).hasSize(255).startsWith(longStack + "-L").matches(".*-[A-Z0-9]{13}");
    }

    @Test
    void globalTable_isTheReplicaOfTheImportsRegion() {
        String template = """
                Resources:
                  Carts:
                    Type: AWS::DynamoDB::GlobalTable
                    Properties:
                      TableName: carts
                      AttributeDefinitions:
                        - {AttributeName: pk, AttributeType: S}
                        - {AttributeName: gk, AttributeType: S}
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      WriteProvisionedThroughputSettings:
                        WriteCapacityAutoScalingSettings: {MinCapacity: 5, MaxCapacity: 50, SeedCapacity: 7,
                          TargetTrackingScalingPolicyConfiguration: {TargetValue: 70}}
                      GlobalSecondaryIndexes:
                        - IndexName: byG
                          KeySchema: [{AttributeName: gk, KeyType: HASH}]
                          Projection: {ProjectionType: ALL}
                          WriteProvisionedThroughputSettings:
                            WriteCapacityAutoScalingSettings: {MinCapacity: 2, MaxCapacity: 9,
                              TargetTrackingScalingPolicyConfiguration: {TargetValue: 70}}
                      StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
                      SSESpecification: {SSEEnabled: true, SSEType: KMS}
                      Replicas:
                        - Region: eu-west-1
                          ReadProvisionedThroughputSettings: {ReadCapacityUnits: 9}
                          GlobalSecondaryIndexes:
                            - IndexName: byG
                              ReadProvisionedThroughputSettings: {ReadCapacityUnits: 8}
                        - Region: us-east-1
                          ReadProvisionedThroughputSettings: {ReadCapacityUnits: 3}
                          TableClass: STANDARD
                          DeletionProtectionEnabled: true
                          PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                          SSESpecification: {KMSMasterKeyId: alias/carts}
                          Tags: [{Key: region, Value: home}]
                          GlobalSecondaryIndexes:
                            - IndexName: byG
                              ReadProvisionedThroughputSettings:
                                ReadCapacityAutoScalingSettings: {MinCapacity: 4, MaxCapacity: 8,
                                  TargetTrackingScalingPolicyConfiguration: {TargetValue: 70}}
                """;
        TableSpec table = t().only(template);
        assertThat(table.name()).isEqualTo("carts");
        assertThat(table.billing()).isEqualTo(new BillingSpec.Provisioned(3, 7));
        assertThat(table.tags()).containsExactly(Map.entry("region", "home"));
        assertThat(table.features().globalSecondaryIndexes().get(0).provisionedThroughput())
                .contains(new CapacitySpec(4, 2));
        assertThat(table.features().encryption())
                .contains(new EncryptionSpec(EncryptionSpec.Type.CUSTOMER_MANAGED, Optional.of("alias/carts")));
        assertThat(table.features().tableClass()).contains(TableClassSpec.STANDARD);
        assertThat(table.features().deletionProtection()).contains(true);
        assertThat(table.features().stream()).contains(StreamView.NEW_AND_OLD_IMAGES);
        assertThat(SpecValidator.validate(new Spec(List.of(table)))).isEmpty();

        TableSpec europe = t().only(template, Templates.stackAndRegion("s", "eu-west-1"));
        assertThat(europe.billing()).isEqualTo(new BillingSpec.Provisioned(9, 7));
        assertThat(t().problems(template, Templates.stackAndRegion("s", "ap-south-1")))
                .contains("has no replica in region ap-south-1 (replicas: [eu-west-1, us-east-1])")
                .contains("add --import-region eu-west-1 (picks the replica and AWS::Region; the target stays as it"
                        + " is), or add a replica for ap-south-1")
                .doesNotContain("import with --region");
    }

    @Test
    void globalTable_onDemand() {
        TableSpec table = t().only("""
                Resources:
                  Carts:
                    Type: AWS::DynamoDB::GlobalTable
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      WriteOnDemandThroughputSettings: {MaxWriteRequestUnits: 10}
                      Replicas: [{Region: us-east-1, ReadOnDemandThroughputSettings: {MaxReadRequestUnits: 20}}]
                """);
        assertThat(table.billing())
                .isEqualTo(new BillingSpec.PayPerRequest(
                        Optional.of(new OnDemandLimits(Optional.of(20L), Optional.of(10L)))));
        assertThat(table.name()).matches("dynaseed-Carts-[A-Z0-9]{13}");
    }

    @Test
    void forEach_expandsTablesWithLanguageExtensions() {
        String template = """
                Transform: AWS::LanguageExtensions
                Parameters:
                  Names: {Type: CommaDelimitedList, Default: "users,order-lines"}
                Resources:
                  Fn::ForEach::Tables:
                    - Name
                    - !Ref Names
                    - Table&{Name}:
                        Type: AWS::DynamoDB::Table
                        Properties:
                          TableName: !Sub "${AWS::StackName}-${Name}"
                          BillingMode: PAY_PER_REQUEST
                          AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                          KeySchema: [{AttributeName: pk, KeyType: HASH}]
                          Tags: [{Key: name, Value: !Ref Name}]
                """;
        List<ImportedTable> tables = t().read(template);
        assertThat(tables).extracting(ImportedTable::origin).containsExactly("Tableusers", "Tableorderlines");
        assertThat(tables).extracting(i -> i.table().name()).containsExactly("dynaseed-users", "dynaseed-order-lines");
        assertThat(tables.get(1).table().tags()).containsEntry("name", "order-lines");
        assertThat(t().problems(template.replace("Transform: AWS::LanguageExtensions\n", "")))
                .contains("add Transform: AWS::LanguageExtensions");
    }

    @Test
    void unknownMacro_isAProblem() {
        assertThat(t().problems("Transform: MyMacro\n" + Templates.table("")))
                .contains("names the macro MyMacro, which runs only in AWS");
    }

    @Test
    void recognizes_templatesButNotServerlessFiles() {
        CloudFormationImporter importer = new CloudFormationImporter();
        Path file = Path.of("template.yaml");
        assertThat(importer.recognizes(file, "AWSTemplateFormatVersion: '2010-09-09'\n"))
                .isTrue();
        assertThat(importer.recognizes(file, "{\"AWSTemplateFormatVersion\": \"2010-09-09\"}"))
                .isTrue();
        assertThat(importer.recognizes(file, "Transform: AWS::Serverless-2016-10-31\nResources: {}\n"))
                .isTrue();
        assertThat(importer.recognizes(file, "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n"))
                .isTrue();
        assertThat(importer.recognizes(file, "{\"Resources\": {\"T\": {\"Type\": \"AWS::S3::Bucket\"}}}"))
                .isTrue();
        assertThat(importer.recognizes(file, "tables:\n  - name: users\n")).isFalse();
        assertThat(importer.recognizes(file, """
                service: shop
                provider: {name: aws}
                resources:
                  Resources:
                    T: {Type: AWS::DynamoDB::Table}
                """)).isFalse();
        assertThat(importer.recognizes(Path.of("serverless.yml"), "Resources:\n  T: {Type: AWS::DynamoDB::Table}"))
                .isFalse();
        assertThat(importer.recognizes(file, "{\"TableName\": \"x\", \"KeySchema\": []}"))
                .isFalse();
    }

    @Test
    void defaults_areDocumented() {
        assertThat(ImportOptions.defaults().stackName()).isEqualTo("dynaseed");
    }

    @Test
    void localIndex_needsTheTablesHashKeyAndARangeKeyOnTheTable() {
        String lsi = """
                LocalSecondaryIndexes:
                  - IndexName: byOther
                    KeySchema: [{AttributeName: other, KeyType: HASH}, {AttributeName: pk, KeyType: RANGE}]
                    Projection: {ProjectionType: ALL}
                """;
        String template = Templates.table(lsi)
                .replace(
                        "        - {AttributeName: pk, AttributeType: S}",
                        "        - {AttributeName: pk, AttributeType: S}\n        - {AttributeName: other, AttributeType: S}");
        assertThat(t().problems(template))
                .contains("Table KeySchema does not have a range key, which is required when specifying a"
                        + " LocalSecondaryIndex");
        String withRange = template.replace(
                "        - {AttributeName: pk, KeyType: HASH}",
                "        - {AttributeName: pk, KeyType: HASH}\n        - {AttributeName: other, KeyType: RANGE}");
        assertThat(t().problems(withRange))
                .contains("Index KeySchema does not have the same leading hash key as table KeySchema for index:"
                        + " byOther. index hash key: other, table hash key: pk");
    }

    @Test
    void tagKeyGivenTwice_isRefusedNamingBothPositions_neverLastWins() {
        String problems = t().problems(Templates.table("""
                Tags:
                  - {Key: team, Value: a}
                  - {Key: team, Value: b}
                """));
        assertThat(problems)
                .contains("1 problem")
                .contains("t.yaml:12:17: Resources.Users.Properties.Tags[1].Key: 'team' is given twice, at Tags[0]"
                        + " (line 11, Value 'a') and Tags[1] (Value 'b'); a table has one value per tag key: keep"
                        + " one of them");
    }

    @Test
    void attributeDefinedTwice_isRefusedNamingBothPositions() {
        String template = Templates.table("")
                .replace(
                        "        - {AttributeName: pk, AttributeType: S}",
                        "        - {AttributeName: pk, AttributeType: S}\n        - {AttributeName: pk, AttributeType: N}");
        assertThat(t().problems(template))
                .contains("1 problem")
                .contains("Resources.Users.Properties.AttributeDefinitions[1].AttributeName: Cannot have two"
                        + " attributes with the same name: pk (defined at AttributeDefinitions[0], line 7, and at"
                        + " AttributeDefinitions[1]; define each attribute once)");
    }

    @Test
    void indexNameGivenTwice_isRefusedNamingBothPositions() {
        String template = Templates.table("""
                        GlobalSecondaryIndexes:
                          - IndexName: byG
                            KeySchema: [{AttributeName: g, KeyType: HASH}]
                            Projection: {ProjectionType: ALL}
                          - IndexName: byG
                            KeySchema: [{AttributeName: g, KeyType: HASH}, {AttributeName: pk, KeyType: RANGE}]
                            Projection: {ProjectionType: KEYS_ONLY}
                        """)
                .replace(
                        "        - {AttributeName: pk, AttributeType: S}",
                        "        - {AttributeName: pk, AttributeType: S}\n        - {AttributeName: g, AttributeType: S}");
        assertThat(t().problems(template))
                .contains("1 problem")
                .contains("t.yaml:15:22: Resources.Users.Properties.GlobalSecondaryIndexes[1].IndexName: 'byG' is"
                        + " already the IndexName of GlobalSecondaryIndexes[0] (line 12); index names are unique"
                        + " across a table's global and local secondary indexes: rename one of them");
    }

    @Test
    void globalTable_replicaRegionOrReplicaIndexGivenTwice_isRefusedNamingBothPositions() {
        String template = """
                Resources:
                  Carts:
                    Type: AWS::DynamoDB::GlobalTable
                    Properties:
                      TableName: carts
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}, {AttributeName: g, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      GlobalSecondaryIndexes:
                        - IndexName: byG
                          KeySchema: [{AttributeName: g, KeyType: HASH}]
                          Projection: {ProjectionType: ALL}
                      Replicas:
                        - Region: us-east-1
                          Tags: [{Key: team, Value: a}]
                          GlobalSecondaryIndexes:
                            - {IndexName: byG, ReadOnDemandThroughputSettings: {MaxReadRequestUnits: 5}}
                            - {IndexName: byG, ReadOnDemandThroughputSettings: {MaxReadRequestUnits: 9}}
                        - Region: us-east-1
                          Tags: [{Key: team, Value: b}]
                """;
        assertThat(t().problems(template))
                .contains("2 problems")
                .contains("Resources.Carts.Properties.Replicas[1].Region: 'us-east-1' is given twice, at Replicas[0]"
                        + " (line 14) and Replicas[1]; a global table has one replica per region: keep one of them")
                .contains("Resources.Carts.Properties.Replicas[0].GlobalSecondaryIndexes[1].IndexName: 'byG' is given"
                        + " twice, at GlobalSecondaryIndexes[0] (line 17) and GlobalSecondaryIndexes[1]; give each"
                        + " index's replica settings once");
    }

    @Test
    void contributorInsightsMode_throttledKeysIsRefused_notWidened_andAnUnknownModeIsRefused() {
        assertThat(t().problems(Templates.table(
                        "ContributorInsightsSpecification: {Enabled: true, Mode: THROTTLED_KEYS}")))
                .contains("1 problem")
                .contains("t.yaml:10:63: Resources.Users.Properties.ContributorInsightsSpecification.Mode:"
                        + " THROTTLED_KEYS (throttled requests only) has no counterpart in a dynaseed spec, whose"
                        + " contributorInsights: true tracks every access (ACCESSED_AND_THROTTLED_KEYS); remove Mode to"
                        + " import that mode, or set Enabled: false");
        assertThat(t().problems(Templates.table("ContributorInsightsSpecification: {Enabled: true, Mode: BOGUS}")))
                .contains("Mode: 'BOGUS' is not a contributor insights mode; use ACCESSED_AND_THROTTLED_KEYS or"
                        + " THROTTLED_KEYS");
        assertThat(t().only(Templates.table(
                                "ContributorInsightsSpecification: {Enabled: true, Mode: ACCESSED_AND_THROTTLED_KEYS}"))
                        .features()
                        .contributorInsights())
                .contains(true);
    }

    @Test
    void simpleTable_globalsMappingsAreMergedKeyByKey_asSamMergesThem() {
        String template = """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  SimpleTable:
                    Tags: {team: core, env: global}
                    ProvisionedThroughput: {ReadCapacityUnits: 2, WriteCapacityUnits: 2}
                    SSESpecification: {SSEEnabled: true}
                Resources:
                  S1:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      TableName: sam-globals
                      Tags: {env: local}
                      ProvisionedThroughput: {ReadCapacityUnits: 9}
                      SSESpecification: !If [Never, {SSEEnabled: false}, !Ref AWS::NoValue]
                Conditions:
                  Never: !Equals [a, b]
                """;
        TableSpec table = t().only(template);
        assertThat(table.tags()).containsExactly(Map.entry("team", "core"), Map.entry("env", "local"));
        assertThat(table.billing()).isEqualTo(new BillingSpec.Provisioned(9, 2));
        assertThat(table.features().encryption())
                .as("an intrinsic function replaces the Globals value whole")
                .isEmpty();
    }

    @Test
    void missingValues_areOneProblemEach_withoutFollowOnOnes() {
        assertThat(t().problems(Templates.table("StreamSpecification: {}")))
                .contains("1 problem")
                .contains("Resources.Users.Properties.StreamSpecification: needs StreamViewType: KEYS_ONLY, NEW_IMAGE,"
                        + " OLD_IMAGE or NEW_AND_OLD_IMAGES");
        String noTypes = Templates.table("")
                .replace("{AttributeName: pk, AttributeType: S}", "{AttributeName: pk}")
                .replace("{AttributeName: pk, KeyType: HASH}", "{AttributeName: pk}");
        assertThat(t().problems(noTypes))
                .contains("2 problems")
                .contains("Resources.Users.Properties.AttributeDefinitions[0]: needs AttributeType")
                .contains("Resources.Users.Properties.KeySchema[0]: needs KeyType");
    }
}
