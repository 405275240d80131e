package dev.dynaseed.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.plan.ShapeField.Rendered;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TableShapeTest {
    private static final TableSpec SPEC = TableSpec.builder("orders", new KeySpec("id", KeyType.S))
            .sortKey(new KeySpec("at", KeyType.N))
            .billing(new BillingSpec.Provisioned(5, 5))
            .tag("team", "payments")
            .build();

    private static TableDescription described(String hashType, BillingMode mode, long read, long write) {
        return TableDescription.builder()
                .tableName("orders")
                .keySchema(
                        k -> k.attributeName("id").keyType("HASH"),
                        k -> k.attributeName("at").keyType("RANGE"))
                .attributeDefinitions(
                        d -> d.attributeName("id").attributeType(hashType),
                        d -> d.attributeName("at").attributeType("N"))
                .billingModeSummary(b -> b.billingMode(mode))
                .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write))
                .build();
    }

    private static LiveTable live(TableDescription table, Map<String, String> tags, Optional<String> policy) {
        return new LiveTable(
                table, Optional.empty(), Optional.empty(), Optional.of(tags), Optional.empty(), policy, Set.of());
    }

    @Test
    void liveTableThatMatches_hasNoDifference_andUnreadTagsAreNotCompared() {
        TableShape live = TableShape.of(described("S", BillingMode.PROVISIONED, 5, 5));

        assertThat(live.tags()).isEmpty();
        assertThat(TableShape.compare(TableShape.of(SPEC), live)).isEmpty();
    }

    @Test
    void eachDifferingField_isOneDifference_namedAndRenderedByItsField() {
        TableShape live = TableShape.of(described("B", BillingMode.PAY_PER_REQUEST, 0, 0));

        assertThat(TableShape.compare(TableShape.of(SPEC), live))
                .containsExactly(
                        new Rendered("partitionKey", "id (S)", "id (B)"),
                        new Rendered("billing", "PROVISIONED 5/5", "PAY_PER_REQUEST"));
    }

    @Test
    void readTags_areComparedLikeAnyField() {
        TableShape live = TableShape.of(
                live(described("S", BillingMode.PROVISIONED, 5, 5), Map.of("team", "billing"), Optional.empty()));

        assertThat(TableShape.compare(TableShape.of(SPEC), live))
                .containsExactly(new Rendered("tags", "{team=payments}", "{team=billing}"));
    }

    @Test
    void omittedFeatures_equalDynamoDbsDefaults_onTheLiveSide() {
        TableDescription table = described("S", BillingMode.PROVISIONED, 5, 5).toBuilder()
                .sseDescription(s -> s.status(SSEStatus.DISABLED))
                .deletionProtectionEnabled(false)
                .build();

        assertThat(TableShape.compare(
                        TableShape.of(SPEC), TableShape.of(live(table, Map.of("team", "payments"), Optional.empty()))))
                .isEmpty();
    }

    @Test
    void resourcePolicy_isComparedAsParsedJson_notAsText() {
        String written = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\"}]}";
        String returned = "{\"Statement\":[{\"Effect\":\"Deny\"}],\"Version\":\"2012-10-17\"}";
        TableSpec spec = SPEC.toBuilder()
                .features(new TableFeatures(
                        List.of(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(written),
                        Optional.empty()))
                .build();
        LiveTable live =
                live(described("S", BillingMode.PROVISIONED, 5, 5), Map.of("team", "payments"), Optional.of(returned));

        assertThat(TableShape.compare(TableShape.of(spec), TableShape.of(live))).isEmpty();
    }

    @Test
    void capacityDifference_isComparedByValue_notByRendering() {
        TableShape live = TableShape.of(described("S", BillingMode.PROVISIONED, 5, 6));

        assertThat(TableShape.compare(TableShape.of(SPEC), live))
                .containsExactly(new Rendered("billing", "PROVISIONED 5/5", "PROVISIONED 5/6"));
    }

    @Test
    void everyComponentOfTheShape_isAComparedField() {
        List<String> components = Arrays.stream(TableShape.class.getRecordComponents())
                .map(component -> component.getName())
                .toList();

        assertThat(TableShape.FIELDS).extracting(ShapeField::name).containsExactlyElementsOf(components);
    }
}
