package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * When a deploy publishes a new version for the alias {@code live}, the only one SnapStart snapshots. The SAM
 * transform names the {@code AWS::Lambda::Version} after a hash of the code location, the function's properties as
 * written (with {@code AutoPublishAliasAllProperties}) and {@code AutoPublishCodeSha256}, resolving parameter
 * references only in the code location and in {@code AutoPublishCodeSha256}; CloudFormation then replaces (publishes
 * anew) a version whose resolved {@code Description} changed. Evaluated here for parameter values as CloudFormation
 * would, without AWS.
 */
class TemplateVersionTest {
    private static final JsonNode TEMPLATE = read();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9:]+)}");

    private static JsonNode read() {
        try {
            return new YAMLMapper().readTree(Path.of("template.yaml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("template.yaml cannot be read", e);
        }
    }

    private static JsonNode function() {
        return TEMPLATE.at("/Resources/SampleTableCreator/Properties");
    }

    /** The defaults with {@code overrides}, as {@code sam deploy --parameter-overrides} gives them. */
    private static Map<String, String> parameters(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        TEMPLATE.get("Parameters")
                .fields()
                .forEachRemaining(
                        p -> values.put(p.getKey(), p.getValue().path("Default").asText("")));
        values.putAll(overrides);
        return values;
    }

    /**
     * What decides whether a deploy with these parameters publishes: the version's logical id (properties as written,
     * the code location, and {@code AutoPublishCodeSha256} resolved) and its resolved {@code Description}.
     */
    private static String versionIdentity(Map<String, String> parameters) {
        String written = function().toString();
        String codeSha256 = resolve(function().get("AutoPublishCodeSha256"), parameters);
        String description = resolve(function().get("VersionDescription"), parameters);
        return written + "|" + codeSha256 + "|" + description;
    }

    /** Ref, Fn::Sub (with a variable map) and Fn::If over the template's Equals/Not conditions, as CloudFormation. */
    private static String resolve(JsonNode value, Map<String, String> parameters) {
        if (value == null || value.isMissingNode()) {
            return "";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.has("Ref")) {
            String name = value.get("Ref").asText();
            if (name.equals("AWS::NoValue")) {
                return "";
            }
            assertThat(parameters).as("Ref %s is a parameter", name).containsKey(name);
            return parameters.get(name);
        }
        if (value.has("Fn::If")) {
            JsonNode branches = value.get("Fn::If");
            boolean condition =
                    condition(TEMPLATE.at("/Conditions/" + branches.get(0).asText()), parameters);
            return resolve(branches.get(condition ? 1 : 2), parameters);
        }
        if (value.has("Fn::Sub")) {
            JsonNode sub = value.get("Fn::Sub");
            String text = sub.isArray() ? sub.get(0).asText() : sub.asText();
            Map<String, String> variables = new HashMap<>(parameters);
            if (sub.isArray()) {
                sub.get(1).fields().forEachRemaining(v -> variables.put(v.getKey(), resolve(v.getValue(), parameters)));
            }
            Matcher matcher = SUB_VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                assertThat(variables).as("${%s} resolves", matcher.group(1)).containsKey(matcher.group(1));
                matcher.appendReplacement(out, Matcher.quoteReplacement(variables.get(matcher.group(1))));
            }
            matcher.appendTail(out);
            return out.toString();
        }
        throw new AssertionError("not evaluated here: " + value);
    }

    private static boolean condition(JsonNode condition, Map<String, String> parameters) {
        if (condition.has("Condition")) {
            return condition(
                    TEMPLATE.at("/Conditions/" + condition.get("Condition").asText()), parameters);
        }
        if (condition.has("Fn::And")) {
            boolean all = true;
            for (JsonNode operand : condition.get("Fn::And")) {
                all &= condition(operand, parameters);
            }
            return all;
        }
        if (condition.has("Fn::Not")) {
            return !condition(condition.get("Fn::Not").get(0), parameters);
        }
        if (condition.has("Fn::Equals")) {
            JsonNode operands = condition.get("Fn::Equals");
            return resolve(operands.get(0), parameters).equals(resolve(operands.get(1), parameters));
        }
        throw new AssertionError("condition not evaluated here: " + condition);
    }

    /** Parameters a node refers to: Ref, ${...} in Fn::Sub, and those of the conditions its Fn::If tests. */
    private static Set<String> parametersUsed(JsonNode node) {
        Set<String> used = new TreeSet<>();
        collect(node, used);
        return used;
    }

    private static void collect(JsonNode node, Set<String> used) {
        if (node.isObject()) {
            if (node.has("Ref")
                    && TEMPLATE.get("Parameters").has(node.get("Ref").asText())) {
                used.add(node.get("Ref").asText());
            }
            if (node.has("Fn::Sub")) {
                JsonNode sub = node.get("Fn::Sub");
                Matcher matcher =
                        SUB_VARIABLE.matcher(sub.isArray() ? sub.get(0).asText() : sub.asText());
                while (matcher.find()) {
                    if (TEMPLATE.get("Parameters").has(matcher.group(1))) {
                        used.add(matcher.group(1));
                    }
                }
            }
            if (node.has("Fn::If")) {
                collect(TEMPLATE.at("/Conditions/" + node.get("Fn::If").get(0).asText()), used);
            }
            if (node.has("Condition") && node.get("Condition").isTextual()) {
                collect(TEMPLATE.at("/Conditions/" + node.get("Condition").asText()), used);
            }
        }
        node.forEach(child -> collect(child, used));
    }

    @Test
    void function_publishesTheLiveAlias_andSnapStartAppliesToPublishedVersions() {
        assertThat(function().get("AutoPublishAlias").asText()).isEqualTo("live");
        assertThat(function().get("AutoPublishAliasAllProperties").asBoolean()).isTrue();
        assertThat(function().at("/SnapStart/ApplyOn/Fn::If").toString())
                .isEqualTo("[\"SnapStartOn\",\"PublishedVersions\",\"None\"]");
        assertThat(TEMPLATE.at("/Outputs/LiveAliasArn/Value/Ref").asText()).isEqualTo("SampleTableCreator.Alias");
    }

    @Test
    void everyParameterTheFunctionUses_publishesANewVersionWhenItChanges() {
        JsonNode properties = function().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) properties).remove("VersionDescription");
        ((com.fasterxml.jackson.databind.node.ObjectNode) properties).remove("AutoPublishCodeSha256");
        Set<String> used = parametersUsed(properties);
        // A new FunctionName is a new function, with versions of its own.
        used.remove("FunctionName");
        Set<String> publishing = parametersUsed(function().get("VersionDescription"));
        publishing.addAll(parametersUsed(function().get("AutoPublishCodeSha256")));

        assertThat(used)
                .containsExactlyInAnyOrder(
                        "Runtime", "TimeoutSeconds", "MemorySize", "EnableSnapStart", "ExistingRoleArn", "Spec");
        assertThat(publishing).containsAll(used);
    }

    @Test
    void eachConfigurationChange_changesWhatDecidesPublishing() {
        String defaults = versionIdentity(parameters(Map.of()));
        Map<String, String> changes = Map.of(
                "MemorySize", "1024",
                "Runtime", "java25",
                "EnableSnapStart", "true",
                "TimeoutSeconds", "120",
                "Spec", "tables: []",
                "ExistingRoleArn", "arn:aws:iam::123456789012:role/lambda-dynamodb-role");

        for (Map.Entry<String, String> change : changes.entrySet()) {
            assertThat(versionIdentity(parameters(Map.of(change.getKey(), change.getValue()))))
                    .as("a deploy with %s=%s publishes a new version", change.getKey(), change.getValue())
                    .isNotEqualTo(defaults);
        }
        // The role's table grants are not part of a version: nothing to publish.
        assertThat(versionIdentity(parameters(Map.of("TableNamePattern", "orders_*"))))
                .isEqualTo(defaults);
    }

    @Test
    void versionDescription_staysWithinTheVersionsLimitOf256Characters() {
        String longest = resolve(
                function().get("VersionDescription"),
                parameters(
                        Map.of(
                                "Runtime",
                                "java25",
                                "MemorySize",
                                "10240",
                                "TimeoutSeconds",
                                "900",
                                "EnableSnapStart",
                                "false",
                                "ExistingRoleArn",
                                "arn:aws-us-gov:iam::123456789012:role/service-role/a-role-name-of-sixty-four-characters-at-most-x")));

        assertThat(longest).startsWith("dynaseed java25, 10240 MB, 900 s, SnapStart false, role arn:");
        assertThat(longest.length()).isLessThanOrEqualTo(256);
    }

    @Test
    void runtime_isJava17_21or25() {
        JsonNode runtime = TEMPLATE.at("/Parameters/Runtime");
        assertThat(runtime.get("AllowedValues").toString()).isEqualTo("[\"java17\",\"java21\",\"java25\"]");
        assertThat(runtime.get("Default").asText()).isEqualTo("java21");
        assertThat(function().at("/Runtime/Ref").asText()).isEqualTo("Runtime");
    }

    @Test
    void javaToolOptions_forceC1Only_onlyOnJava25WithSnapStart_whereLambdaWouldNot() {
        JsonNode options = function().at("/Environment/Variables/JAVA_TOOL_OPTIONS");
        for (String runtime : new String[] {"java17", "java21", "java25"}) {
            for (String snapStart : new String[] {"true", "false"}) {
                String resolved =
                        resolve(options, parameters(Map.of("Runtime", runtime, "EnableSnapStart", snapStart)));
                assertThat(resolved)
                        .as("%s, SnapStart %s", runtime, snapStart)
                        .isEqualTo(
                                runtime.equals("java25") && snapStart.equals("true")
                                        ? "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
                                        : "");
            }
        }
    }

    @Test
    void logGroup_keepsTwoWeeks_andSaysWhatHappensOnDeleteAndReplace() {
        JsonNode logGroup = TEMPLATE.at("/Resources/LogGroup");
        assertThat(logGroup.get("DeletionPolicy").asText()).isEqualTo("Delete");
        assertThat(logGroup.get("UpdateReplacePolicy").asText()).isEqualTo("Delete");
        assertThat(logGroup.at("/Properties/RetentionInDays").asInt()).isEqualTo(14);
        assertThat(function().at("/LoggingConfig/LogGroup/Ref").asText()).isEqualTo("LogGroup");
    }
}
