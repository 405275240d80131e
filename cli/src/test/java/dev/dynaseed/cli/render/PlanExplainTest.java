package dev.dynaseed.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.plan.ChangeClassifier;
import dev.dynaseed.plan.EngineCapabilities;
import dev.dynaseed.plan.LiveTable;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.plan.RequestJson;
import dev.dynaseed.plan.Step;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.PointInTimeRecoverySpec;
import dev.dynaseed.spec.StreamView;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@code plan --explain} without a server: every printed request parses back as the SDK type and equals its step. */
class PlanExplainTest {
    private static final KeySpec PK = new KeySpec("pk", KeyType.S);

    private static TableSpec featured(String name) {
        return TableSpec.builder(name, PK)
                .billing(new BillingSpec.Provisioned(5, 5))
                .tag("team", "payments")
                .features(new TableFeatures(
                        List.of(GlobalIndexSpec.of("by_status", new KeySpec("status", KeyType.S), Optional.empty())),
                        List.of(),
                        Optional.of("expires_at"),
                        Optional.of(StreamView.NEW_IMAGE),
                        Optional.of(new PointInTimeRecoverySpec(true, Optional.empty())),
                        Optional.of(new EncryptionSpec(EncryptionSpec.Type.AWS_MANAGED, Optional.empty())),
                        Optional.of(TableClassSpec.STANDARD_INFREQUENT_ACCESS),
                        Optional.of(false),
                        Optional.empty(),
                        Optional.of("{\"Version\":\"2012-10-17\",\"Statement\":[]}"),
                        Optional.of(true)))
                .build();
    }

    private static Plan plan() {
        ChangeClassifier aws = new ChangeClassifier(EngineCapabilities.aws());
        TableDescription live = TableDescription.builder()
                .tableName("changed")
                .tableArn("arn:aws:dynamodb:eu-west-1:123456789012:table/changed")
                .tableStatus("ACTIVE")
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .attributeDefinitions(d -> d.attributeName("pk").attributeType("S"))
                .billingModeSummary(b -> b.billingMode("PAY_PER_REQUEST"))
                .build();
        return new Plan(List.of(
                aws.create(featured("created")),
                aws.classify(
                        featured("changed"),
                        new LiveTable(
                                live,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Map.of("old", "x")),
                                Optional.empty(),
                                Optional.empty(),
                                Set.of()))));
    }

    @Test
    void everyPrintedRequest_parsesAsItsSdkRequestType_andEqualsTheStepsRequest_inOrder() {
        Plan plan = plan();
        List<Step> steps = plan.changes().stream()
                .flatMap(change -> change.steps().stream())
                .toList();

        String printed = PlanExplain.render(plan);

        List<DynamoDbRequest> parsed = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        StringBuilder json = new StringBuilder();
        String operation = null;
        for (String line : (printed + "\n").lines().toList()) {
            if (line.startsWith("# aws dynamodb ")) {
                commands.add(line);
                String command = line.substring("# aws dynamodb ".length(), line.indexOf(" --cli-input-json"));
                operation = pascal(command);
            } else if (line.isEmpty() && json.length() > 0) {
                parsed.add(RequestJson.parse(operation, json.toString()));
                json.setLength(0);
            } else if (!line.startsWith("#")) {
                json.append(line).append('\n');
            }
        }

        assertThat(steps).hasSizeGreaterThan(10);
        assertThat(parsed)
                .containsExactlyElementsOf(steps.stream().map(Step::request).toList());
        assertThat(commands.get(0)).isEqualTo("# aws dynamodb create-table --cli-input-json file://request.json");
        assertThat(printed).contains("# created, call 1 of ").contains("# aws dynamodb update-time-to-live ");
    }

    @Test
    void commandNames_areTheAwsClisKebabCase() {
        assertThat(PlanExplain.command("UpdateTimeToLive")).isEqualTo("update-time-to-live");
        assertThat(PlanExplain.command("CreateTable")).isEqualTo("create-table");
        assertThat(PlanExplain.command("UpdateContinuousBackups")).isEqualTo("update-continuous-backups");
    }

    @Test
    void planStatus_tellsNoChangesFromChangesFromBlocked() {
        TableSpec plain = TableSpec.builder("t", PK).build();

        assertThat(ReportView.planStatus(new Plan(List.of(new TableChange.NoChange(plain)))))
                .isEqualTo("noChanges");
        assertThat(ReportView.planStatus(plan())).isEqualTo("changes");
        assertThat(ReportView.planStatus(
                        new Plan(List.of(new TableChange.NoChange(plain), new TableChange.Blocked(plain, List.of())))))
                .isEqualTo("blocked");
    }

    private static String pascal(String command) {
        StringBuilder out = new StringBuilder();
        for (String word : command.split("-")) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }
}
