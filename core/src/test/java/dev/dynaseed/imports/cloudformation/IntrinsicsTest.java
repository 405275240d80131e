package dev.dynaseed.imports.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.imports.ImportOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntrinsicsTest {
    @TempDir
    Path dir;

    private static final String HEAD = """
            Parameters:
              Env:
                Type: String
                Default: dev
                AllowedValues: [dev, prod]
              Count:
                Type: Number
                Default: 3
              Names:
                Type: CommaDelimitedList
                Default: "a,b,c"
            Mappings:
              Sizes:
                dev: {Prefix: small}
                prod: {Prefix: large}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              IsDev: !Not [{Condition: IsProd}]
              Both: !And [!Condition IsDev, !Equals ["1", "1"]]
              Either: !Or [!Condition IsProd, !Equals [!Ref Count, "3"]]
            """;

    private String name(String expression) {
        return name(expression, ImportOptions.defaults());
    }

    private String name(String expression, ImportOptions options) {
        String template = HEAD + Templates.table("TableName: " + expression);
        return new Templates(dir).only(template, options).name();
    }

    static Stream<Arguments> expressions() {
        return Stream.of(
                Arguments.of("!Ref Env", "dev"),
                Arguments.of("{Ref: Env}", "dev"),
                Arguments.of("!Ref AWS::StackName", "dynaseed"),
                Arguments.of("!Ref AWS::Region", "us-east-1"),
                Arguments.of("!Ref AWS::AccountId", "123456789012"),
                Arguments.of("!Ref AWS::Partition", "aws"),
                Arguments.of("!Ref AWS::URLSuffix", "amazonaws.com"),
                Arguments.of("!Sub '${AWS::StackName}-${Env}-users'", "dynaseed-dev-users"),
                Arguments.of("!Sub ['${A}-${Env}', {A: !Ref Count}]", "3-dev"),
                Arguments.of("!Sub 'x${!Literal}'", "x${Literal}"),
                Arguments.of("{'Fn::Sub': 'plain'}", "plain"),
                Arguments.of("!Join ['-', [a, !Ref Env, !Ref Count]]", "a-dev-3"),
                Arguments.of("!Join ['', !Ref Names]", "abc"),
                Arguments.of("!Select [1, !Ref Names]", "b"),
                Arguments.of("!Select ['2', [x, y, z]]", "z"),
                Arguments.of("!Select [0, !Split ['/', 'first/second']]", "first"),
                Arguments.of("!Join ['+', !Split [',', 'a,,b']]", "a++b"),
                Arguments.of("!FindInMap [Sizes, !Ref Env, Prefix]", "small"),
                Arguments.of("!If [IsProd, prod-table, dev-table]", "dev-table"),
                Arguments.of("!If [IsDev, !Sub '${Env}-t', other]", "dev-t"),
                Arguments.of("!If [Both, both, neither]", "both"),
                Arguments.of("!If [Either, either, neither]", "either"),
                Arguments.of("!Base64 abc", "YWJj"),
                Arguments.of(
                        "!Sub ['${A}', {A: !GetAtt [Other, Arn]}]",
                        "arn:aws:dynamodb:us-east-1:123456789012:table/other-table"),
                Arguments.of(
                        "!Join ['-', [!Select [0, [t]], !GetAtt Other.Arn]]",
                        "t-arn:aws:dynamodb:us-east-1:123456789012:table/other-table"),
                Arguments.of("!Sub '${Other}-copy'", "other-table-copy"),
                Arguments.of("!Sub '${Other.Arn}'", "arn:aws:dynamodb:us-east-1:123456789012:table/other-table"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("expressions")
    void evaluate_givesWhatCloudFormationGives(String expression, String expected) {
        String template = HEAD + Templates.table("TableName: " + expression) + """
                  Other:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: other-table
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """;
        assertThat(new Templates(dir).read(template).get(0).table().name()).isEqualTo(expected);
    }

    static Stream<Arguments> languageExtensionExpressions() {
        return Stream.of(
                Arguments.of("!FindInMap [Sizes, test, Prefix, {DefaultValue: fallback}]", "fallback"),
                Arguments.of("!FindInMap [Sizes, dev, Prefix, {DefaultValue: fallback}]", "small"),
                Arguments.of("!Sub ['n${N}', {N: {'Fn::Length': [a, b, c]}}]", "n3"),
                Arguments.of("{'Fn::ToJsonString': {a: [1, true, x]}}", "{\"a\":[1,true,\"x\"]}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("languageExtensionExpressions")
    void languageExtensionFunctions_withTheTransform_giveWhatCloudFormationGives(String expression, String expected) {
        String template = "Transform: AWS::LanguageExtensions\n" + HEAD + Templates.table("TableName: " + expression);
        assertThat(new Templates(dir).only(template).name()).isEqualTo(expected);
    }

    static Stream<Arguments> languageExtensionFunctionsWithoutTransform() {
        return Stream.of(
                Arguments.of(
                        "!FindInMap [Sizes, test, Prefix, {DefaultValue: fallback}]",
                        "30:51",
                        "Fn::FindInMap's DefaultValue"),
                Arguments.of(
                        "!FindInMap [Sizes, dev, Prefix, {DefaultValue: fallback}]",
                        "30:50",
                        "Fn::FindInMap's DefaultValue"),
                Arguments.of("!Sub ['n${N}', {N: {'Fn::Length': [a, b, c]}}]", "30:37", "Fn::Length"),
                Arguments.of("{'Fn::ToJsonString': {a: [1, true, x]}}", "30:18", "Fn::ToJsonString"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("languageExtensionFunctionsWithoutTransform")
    void languageExtensionFunctions_withoutTheTransform_areRefusedNamingLineFunctionAndFix(
            String expression, String at, String function) {
        assertThat(new Templates(dir).problems(HEAD + Templates.table("TableName: " + expression)))
                .contains("1 problem")
                .contains("t.yaml:" + at + ": Resources.Users.Properties.TableName: " + function + " needs Transform:"
                        + " AWS::LanguageExtensions at the top of the template (CloudFormation rejects it otherwise);"
                        + " add the transform, or write the value out");
    }

    @Test
    void propertyThatCannotBeEvaluated_isReported_withoutTheProblemsItsAbsenceWouldCause() {
        String template = """
                Mappings:
                  M:
                    dev: {Mode: PAY_PER_REQUEST}
                """
                + Templates.table("")
                        .replace(
                                "BillingMode: PAY_PER_REQUEST",
                                "BillingMode: !FindInMap [M, prod, Mode, {DefaultValue: PAY_PER_REQUEST}]");
        assertThat(new Templates(dir).problems(template))
                .contains("1 problem")
                .contains("Resources.Users.Properties.BillingMode: Fn::FindInMap's DefaultValue needs Transform")
                .doesNotContain("needs ProvisionedThroughput");
    }

    @Test
    void longStringAliasUsedManyTimes_isRefusedBeforeTheStringIsBuilt() {
        String big = "x".repeat(100_000);
        String joined = String.join(", ", java.util.Collections.nCopies(11, "*b"));
        String template = "Metadata:\n  big: &b \"" + big + "\"\n"
                + Templates.table("Tags: [{Key: k, Value: !Join ['', [" + joined + "]]}]");
        assertThat(new Templates(dir).problems(template))
                .contains("1 problem")
                .contains("Resources.Users.Properties.Tags: Fn::Join would build a string of more than 1,000,000"
                        + " characters, which no table setting holds (a YAML alias of a long string used many"
                        + " times?); shorten the values it joins");
        String sub = "Metadata:\n  big: &b \"" + big + "\"\n"
                + Templates.table(
                        "Tags: [{Key: k, Value: !Sub ['${A}${A}${A}${A}${A}${A}${A}${A}${A}${A}${A}', {A: *b}]}]");
        assertThat(new Templates(dir).problems(sub)).contains("Fn::Sub would build a string of more than 1,000,000");
    }

    @Test
    void parameters_givenValueWinsOverDefault() {
        assertThat(name("!Ref Env", Templates.parameters(Map.of("Env", "prod"))))
                .isEqualTo("prod");
        assertThat(name("!If [IsProd, p, d]", Templates.parameters(Map.of("Env", "prod"))))
                .isEqualTo("p");
    }

    @Test
    void parameters_refusesValueOutsideAllowedValues() {
        assertThat(new Templates(dir).problems(HEAD + Templates.table(""), Templates.parameters(Map.of("Env", "qa"))))
                .contains("Parameter 'Env' must be one of AllowedValues [dev, prod], got 'qa'")
                .contains("t.yaml:3:5: Parameters.Env");
    }

    @Test
    void parameters_refusesNonNumberForNumberAndUnknownNames() {
        String problems = new Templates(dir)
                .problems(HEAD + Templates.table(""), Templates.parameters(Map.of("Count", "x", "Nope", "1")));
        assertThat(problems)
                .contains("Parameter 'Count' must be a number, got 'x'")
                .contains("Parameters: [Nope] do not exist in the template");
    }

    @Test
    void parameters_withoutValueUsedByATable_isAProblemNamingIt() {
        String template = """
                Parameters:
                  TableName: {Type: String}
                """ + Templates.table("TableName: !Ref TableName");
        assertThat(new Templates(dir).problems(template))
                .contains("t.yaml:12:18: Resources.Users.Properties.TableName: parameter 'TableName' has no value")
                .contains("--parameter TableName=VALUE");
    }

    @Test
    void parameters_withoutValueUnused_isNoProblem() {
        String template = """
                Parameters:
                  Unused: {Type: String}
                """ + Templates.table("");
        assertThat(new Templates(dir).read(template)).hasSize(1);
    }

    @Test
    void ssmParameterType_isAProblemUnlessGiven_itsDefaultBeingAParameterStoreKey() {
        String template = """
                Parameters:
                  Name: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /app/table}
                """ + Templates.table("TableName: !Ref Name");
        assertThat(new Templates(dir).problems(template))
                .contains("parameter 'Name' (AWS::SSM::Parameter::Value<String>) has no value here: CloudFormation"
                        + " reads it from Systems Manager Parameter Store under the key /app/table when it deploys")
                .contains("--parameter Name=VALUE");
        assertThat(new Templates(dir)
                        .only(template, Templates.parameters(Map.of("Name", "orders")))
                        .name())
                .isEqualTo("orders");
    }

    @Test
    void ssmParameterNameType_isTheKeyItself() {
        String template = """
                Parameters:
                  Name: {Type: 'AWS::SSM::Parameter::Name', Default: app-table}
                """ + Templates.table("TableName: !Ref Name");
        assertThat(new Templates(dir).only(template).name()).isEqualTo("app-table");
    }

    @Test
    void pseudoParameters_followTheRegionsPartition() {
        assertThat(name("!Sub '${AWS::Partition}.${AWS::URLSuffix}'", Templates.stackAndRegion("s", "cn-north-1")))
                .isEqualTo("aws-cn.amazonaws.com.cn");
        assertThat(name("!Ref AWS::Partition", Templates.stackAndRegion("s", "us-gov-west-1")))
                .isEqualTo("aws-us-gov");
    }

    @Test
    void stackId_isTheSameOnEveryRun() {
        String first = name("!Ref AWS::StackId");
        assertThat(first)
                .startsWith("arn:aws:cloudformation:us-east-1:123456789012:stack/dynaseed/")
                .isEqualTo(name("!Ref AWS::StackId"));
    }

    @Test
    void noValue_removesTheProperty() {
        String template = HEAD + Templates.table("TableName: !If [IsProd, prod, !Ref AWS::NoValue]");
        assertThat(new Templates(dir).only(template).name()).startsWith("dynaseed-Users-");
    }

    @Test
    void importValue_isAProblemNamingItAndTheResource() {
        assertThat(new Templates(dir).problems(Templates.table("TableName: !ImportValue shared-name")))
                .contains("t.yaml:10:18: Resources.Users.Properties.TableName: uses Fn::ImportValue");
    }

    @Test
    void unresolvableFunctions_areProblems() {
        Templates t = new Templates(dir);
        assertThat(t.problems(Templates.table("TableName: !Select [0, !GetAZs '']")))
                .contains("Fn::GetAZs");
        assertThat(t.problems(Templates.table("TableName: {'Fn::Transform': {Name: AWS::Include}}")))
                .contains("Fn::Transform");
        assertThat(t.problems(Templates.table("TableName: !Select [0, !Cidr [10.0.0.0/16, 2, 8]]")))
                .contains("Fn::Cidr");
        assertThat(t.problems(Templates.table("TableName: !Nope x"))).contains("Fn::Nope, which is not");
    }

    @Test
    void refToAResourceWhosePhysicalIdIsUnknown_isAProblem() {
        String template = Templates.table("TableName: !Ref Queue") + """
                  Queue:
                    Type: AWS::SQS::Queue
                """;
        assertThat(new Templates(dir).problems(template))
                .contains("refers to resource 'Queue' (AWS::SQS::Queue), whose physical id is known only once"
                        + " deployed");
        assertThat(new Templates(dir).problems(Templates.table("TableName: !GetAtt Queue.Arn") + """
                  Queue:
                    Type: AWS::SQS::Queue
                """))
                .contains("Fn::GetAtt Queue.Arn (AWS::SQS::Queue) is known only once deployed");
    }

    @Test
    void cycles_areProblemsNotStackOverflows() {
        String refCycle = Templates.table("TableName: !Sub '${Users}-x'");
        assertThat(new Templates(dir).problems(refCycle)).contains("refers to itself");
        String conditionCycle = """
                Conditions:
                  A: !Not [!Condition B]
                  B: !Not [!Condition A]
                """ + Templates.table("TableName: !If [A, a, b]");
        assertThat(new Templates(dir).problems(conditionCycle)).contains("refers to itself");
        String twoTables = Templates.table("TableName: !Ref Other") + """
                  Other:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Ref Users
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """;
        assertThat(new Templates(dir).problems(twoTables)).contains("refers to itself");
    }

    @Test
    void tableReferringToItself_isRefusedAsCloudFormationRefusesACircularDependency() {
        String problems = new Templates(dir)
                .problems(Templates.table("Tags: [{Key: c, Value: !GetAtt Users.Arn}, {Key: d, Value: !Ref Users}]"));
        assertThat(problems)
                .contains("1 problem")
                .contains("t.yaml:10:30: Resources.Users.Properties.Tags: refers to itself (Users): CloudFormation"
                        + " refuses a resource that depends on itself (Circular dependency between resources:"
                        + " [Users]); write the value out, e.g. the table's name");
    }

    @Test
    void tablesReferringToEachOther_areRefusedAsACircularDependency() {
        String template = Templates.table("TableName: users\nTags: [{Key: other, Value: !Ref Other}]") + """
                  Other:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: other
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      Tags: [{Key: users, Value: !GetAtt Users.Arn}]
                """;
        assertThat(new Templates(dir).problems(template))
                .contains("1 problem")
                .contains("t.yaml:11:34: Resources.Users: Circular dependency between resources: [Users, Other] (each"
                        + " refers to the next with Ref, Fn::GetAtt or Fn::Sub, the last to the first); CloudFormation"
                        + " refuses it: write one of the values out");
    }

    @Test
    void conditionReferringToAnUndeclaredParameter_isRefused_evenWhenNoTableUsesIt() {
        String template = """
                Conditions:
                  C1: !Equals [!Ref Undefined, x]
                  C2: !Not [!Condition Missing]
                """ + Templates.table("");
        assertThat(new Templates(dir).problems(template))
                .contains("2 problems")
                .contains("t.yaml:2:16: Conditions.C1: refers to 'Undefined', which is not a parameter of the template"
                        + " (Unresolved dependencies [Undefined]); a condition can use only parameters, pseudo"
                        + " parameters and other conditions; parameters: []")
                .contains("t.yaml:3:13: Conditions.C2: refers to condition 'Missing', which Conditions does not"
                        + " define; defined: [C1, C2]");
    }

    @Test
    void deeplyNestedFunctions_areAProblemNotAStackOverflow() {
        String nested = "x";
        for (int i = 0; i < 60; i++) {
            nested = "{'Fn::Join': ['', [" + nested + "]]}";
        }
        assertThat(new Templates(dir).problems(Templates.table("TableName: " + nested)))
                .contains("nests");
    }

    @Test
    void resourceCondition_falseSkipsTheTable() {
        String template = HEAD
                + Templates.table("")
                        .replace(
                                "    Type: AWS::DynamoDB::Table",
                                "    Type: AWS::DynamoDB::Table\n    Condition: IsProd");
        assertThat(new Templates(dir).read(template)).isEmpty();
        assertThat(new Templates(dir).read(template, Templates.parameters(Map.of("Env", "prod"))))
                .hasSize(1);
    }

    @Test
    void undefinedCondition_isAProblem() {
        String template = Templates.table("TableName: !If [Missing, a, b]");
        assertThat(new Templates(dir).problems(template))
                .contains("condition 'Missing', which Conditions does not" + " define");
    }

    @Test
    void longFormJson_isReadWithLines() {
        String template = """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Parameters": {"Env": {"Type": "String", "Default": "qa"}},
                  "Resources": {
                    "Users": {
                      "Type": "AWS::DynamoDB::Table",
                      "Properties": {
                        "TableName": {"Fn::Join": ["-", ["users", {"Ref": "Env"}]]},
                        "BillingMode": "PAY_PER_REQUEST",
                        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                        "StreamSpecification": {"StreamViewType": {"Fn::ImportValue": "x"}}
                      }
                    }
                  }
                }
                """;
        assertThat(new Templates(dir).problems(template))
                .contains("t.json:12:51: Resources.Users.Properties.StreamSpecification: uses Fn::ImportValue");
    }

    @Test
    void unknownTemplateSection_isRefusedAsCloudFormationRefusesIt() {
        assertThat(new Templates(dir).problems("Resourcez: {}\n" + Templates.table("")))
                .contains("t.yaml:1:12: Resourcez: Invalid template property or properties [Resourcez]");
    }

    @Test
    void generatedNames_alwaysFitDynamoDbsPattern() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
        for (int run = 0; run < 500; run++) {
            String stack = "s" + randomText(random, alphabet, random.nextInt(128));
            String id = "L" + randomText(random, alphabet.replace("-", ""), random.nextInt(255));
            String name = PhysicalNames.tableName(stack, id);
            assertThat(name)
                    .hasSizeLessThanOrEqualTo(255)
                    .matches("[a-zA-Z0-9_.-]{3,255}")
                    .endsWith("-" + PhysicalNames.suffix(stack, id))
                    .isEqualTo(PhysicalNames.tableName(stack, id));
        }
    }

    private static String randomText(java.util.Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
