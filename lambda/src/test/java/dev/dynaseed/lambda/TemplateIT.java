package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The SAM template against the packaged artifact it deploys. */
class TemplateIT {
    private static final JsonNode TEMPLATE = read();

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

    @Test
    void function_runsTheHandler_withTheSeedsTimeout_andTheRuntimesOwnJvmFlags() {
        assertThat(function().at("/Runtime/Ref").asText()).isEqualTo("Runtime");
        assertThat(function().get("Handler").asText()).isEqualTo(PackagedFunction.HANDLER);
        assertThat(function().at("/Timeout/Ref").asText()).isEqualTo("TimeoutSeconds");
        assertThat(TEMPLATE.at("/Parameters/TimeoutSeconds/Default").asInt()).isEqualTo(45);
        assertThat(TEMPLATE.at("/Parameters/FunctionName/Default").asText()).isEqualTo("sample-table-creator");
        // Lambda's java17 and java21 already stop at C1, java25 too unless SnapStart is on: the template adds C1 only
        // there, where ColdStartBenchmark measured it helps (TemplateVersionTest evaluates it per runtime).
        assertThat(function()
                        .at("/Environment/Variables/JAVA_TOOL_OPTIONS/Fn::If/0")
                        .asText())
                .isEqualTo("Java25WithSnapStart");
        assertThat(TEMPLATE.at("/Resources/SampleTableCreator/Metadata/SkipBuild")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void codeUri_isTheArtifact_whichHoldsTheHandler_andIsSmall() throws Exception {
        Path artifact = Path.of(function().get("CodeUri").asText());
        assertThat(artifact.toAbsolutePath()).isEqualTo(PackagedFunction.artifact());
        assertThat(Files.size(artifact)).isLessThanOrEqualTo(15L * 1024 * 1024);
        try (JarFile jar = new JarFile(artifact.toFile())) {
            assertThat(jar.getEntry("dev/dynaseed/lambda/SeedHandler.class")).isNotNull();
            assertThat(jar.stream().map(entry -> entry.getName()))
                    .noneMatch(name -> name.startsWith("io/netty/") || name.startsWith("org/apache/http/"));
        }
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {artifact.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> handler = loader.loadClass("dev.dynaseed.lambda.SeedHandler");
            assertThat(handler.getInterfaces())
                    .extracting(Class::getName)
                    .contains(RequestStreamHandler.class.getName());
            assertThat(handler.getConstructor()).isNotNull();
        }
    }

    @Test
    void role_grantsOnlyWhatTheFunctionCalls_onTheSpecsTables() {
        List<JsonNode> dynamoStatements = new ArrayList<>();
        for (JsonNode policy : TEMPLATE.at("/Resources/ExecutionRole/Properties/Policies")) {
            for (JsonNode statement : policy.at("/PolicyDocument/Statement")) {
                List<String> actions = new ArrayList<>();
                statement.get("Action").forEach(action -> actions.add(action.asText()));
                assertThat(actions).noneMatch(action -> action.equals("*") || action.endsWith(":*"));
                assertThat(statement.get("Resource").toString()).doesNotContain("\"*\"");
                if (actions.stream().anyMatch(action -> action.startsWith("dynamodb:"))) {
                    dynamoStatements.add(statement);
                }
            }
        }
        assertThat(dynamoStatements).hasSize(1);
        JsonNode statement = dynamoStatements.get(0);
        List<String> actions = new ArrayList<>();
        statement.get("Action").forEach(action -> actions.add(action.asText()));
        assertThat(actions)
                .containsExactlyInAnyOrder(
                        "dynamodb:DescribeTable",
                        "dynamodb:CreateTable",
                        "dynamodb:TagResource",
                        "dynamodb:Scan",
                        "dynamodb:BatchWriteItem",
                        "dynamodb:PutItem");
        // Which tables: TemplateGrantsTest (the three built-in tables by default, a pattern only as an opt-in).
        assertThat(statement.at("/Resource/Fn::If/0").asText()).isEqualTo("UseTableNamePattern");
    }

    @Test
    void policyFileForTheAwsCliPath_grantsWhatTheTemplateGrants() throws IOException {
        JsonNode policy = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Path.of("iam", "execution-policy.json").toFile());
        JsonNode dynamo = null;
        for (JsonNode statement : policy.get("Statement")) {
            assertThat(statement.get("Resource").toString()).doesNotContain("\"*\"");
            if (statement.get("Action").get(0).asText().startsWith("dynamodb:")) {
                dynamo = statement;
            }
        }
        assertThat(dynamo).isNotNull();
        JsonNode templateActions =
                TEMPLATE.at("/Resources/ExecutionRole/Properties/Policies/1/PolicyDocument" + "/Statement/0/Action");
        assertThat(dynamo.get("Action")).isEqualTo(templateActions);
        assertThat(dynamo.get("Resource")).hasSize(3);
    }

    @Test
    void existingRole_andSnapStart_areOptions() {
        assertThat(TEMPLATE.at("/Parameters/ExistingRoleArn/Default").asText()).isEmpty();
        assertThat(TEMPLATE.at("/Resources/ExecutionRole/Condition").asText()).isEqualTo("CreateRole");
        assertThat(function().at("/SnapStart/ApplyOn/Fn::If/0").asText()).isEqualTo("SnapStartOn");
        assertThat(TEMPLATE.at("/Parameters/EnableSnapStart/Default").asText()).isEqualTo("false");
    }
}
