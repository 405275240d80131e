package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dynaseed.spec.DefaultSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the template's role may touch, evaluated the way CloudFormation would for the default parameters and for an
 * opted-in pattern; no artifact needed, so it runs with the unit tests.
 */
class TemplateGrantsTest {
    private static final JsonNode TEMPLATE = read();
    private static final Map<String, String> PSEUDO =
            Map.of("AWS::Partition", "aws", "AWS::Region", "us-east-1", "AWS::AccountId", "123456789012");

    private static JsonNode read() {
        try {
            return new YAMLMapper().readTree(Path.of("template.yaml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("template.yaml cannot be read", e);
        }
    }

    private static JsonNode dynamoResource() {
        for (JsonNode policy : TEMPLATE.at("/Resources/ExecutionRole/Properties/Policies")) {
            for (JsonNode statement : policy.at("/PolicyDocument/Statement")) {
                if (statement.get("Action").get(0).asText().startsWith("dynamodb:")) {
                    return statement.get("Resource");
                }
            }
        }
        throw new AssertionError("no DynamoDB statement in the template's role");
    }

    /** The Resource list for the given TableNamePattern: Fn::If on the template's condition, then Fn::Sub. */
    private static List<String> resources(String tableNamePattern) {
        JsonNode branches = dynamoResource().get("Fn::If");
        assertThat(branches).as("the DynamoDB Resource is an Fn::If").isNotNull();
        String condition = branches.get(0).asText();
        JsonNode conditionNode = TEMPLATE.at("/Conditions/" + condition);
        assertThat(conditionNode.toString())
                .as("the condition tests the parameter against empty")
                .isEqualTo("{\"Fn::Not\":[{\"Fn::Equals\":[{\"Ref\":\"TableNamePattern\"},\"\"]}]}");
        JsonNode chosen = tableNamePattern.isEmpty() ? branches.get(2) : branches.get(1);
        List<String> arns = new ArrayList<>();
        for (JsonNode arn : chosen) {
            String text = arn.get("Fn::Sub").asText();
            for (Map.Entry<String, String> pseudo : PSEUDO.entrySet()) {
                text = text.replace("${" + pseudo.getKey() + "}", pseudo.getValue());
            }
            arns.add(text.replace("${TableNamePattern}", tableNamePattern));
        }
        return arns;
    }

    private static boolean allowed(String tableNamePattern) {
        String regex =
                TEMPLATE.at("/Parameters/TableNamePattern/AllowedPattern").asText();
        return Pattern.compile(regex).matcher(tableNamePattern).matches();
    }

    @Test
    void defaultRole_grantsExactlyTheBuiltInScenariosThreeTables_noPattern() {
        assertThat(TEMPLATE.at("/Parameters/TableNamePattern/Default").asText()).isEmpty();
        assertThat(resources(""))
                .containsExactly(
                        "arn:aws:dynamodb:us-east-1:123456789012:table/webapp_user_logs",
                        "arn:aws:dynamodb:us-east-1:123456789012:table/mobile_user_logs",
                        "arn:aws:dynamodb:us-east-1:123456789012:table/utilityapp_user_logs");
        assertThat(resources("").stream().map(arn -> arn.substring(arn.indexOf("table/") + 6)))
                .containsExactlyElementsOf(DefaultSpec.TABLE_NAMES);
        assertThat(resources("")).noneMatch(arn -> arn.contains("*"));
    }

    @Test
    void tableNamePattern_isAnOptIn_thatReplacesTheThreeTables() {
        assertThat(resources("orders_*")).containsExactly("arn:aws:dynamodb:us-east-1:123456789012:table/orders_*");
        assertThat(allowed("orders_*")).isTrue();
        assertThat(allowed("*_user_logs")).isTrue();
        assertThat(allowed("")).isTrue();
    }

    @Test
    void tableNamePattern_refusesWildcardsThatCoverUnrelatedTables() {
        assertThat(allowed("*")).isFalse();
        assertThat(allowed("**")).isFalse();
        assertThat(allowed("*_*")).isFalse();
        assertThat(allowed("orders/*")).isFalse();
        assertThat(TEMPLATE.at("/Parameters/TableNamePattern/ConstraintDescription")
                        .asText())
                .contains("\"*\" alone would let the function write every table in the account");
    }

    @Test
    void rule_failsTheDeployOnAStar_withAMessageSayingWhatToDo() {
        JsonNode assertion = TEMPLATE.at("/Rules/TableNamePatternIsNotEverything/Assertions/0");
        assertThat(assertion.get("Assert").toString())
                .isEqualTo("{\"Fn::Not\":[{\"Fn::Equals\":[{\"Ref\":\"TableNamePattern\"},\"*\"]}]}");
        assertThat(assertion.get("AssertDescription").asText())
                .contains("every DynamoDB table in the account")
                .contains("leave it empty");
    }

    @Test
    void policyFileForTheAwsCliPath_grantsTheSameThreeTables() throws IOException {
        JsonNode policy = new ObjectMapper()
                .readTree(Path.of("iam", "execution-policy.json").toFile());
        List<String> dynamo = new ArrayList<>();
        for (JsonNode statement : policy.get("Statement")) {
            if (statement.get("Action").get(0).asText().startsWith("dynamodb:")) {
                statement.get("Resource").forEach(arn -> dynamo.add(arn.asText()));
            }
        }
        assertThat(dynamo)
                .containsExactlyElementsOf(resources("").stream()
                        .map(arn -> arn.replace("us-east-1", "REGION").replace("123456789012", "ACCOUNT_ID"))
                        .toList());
    }
}
