package dev.dynaseed.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.TableSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
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

    @Test
    void liveTableThatMatches_hasNoDifference_andItsUnreadTagsAreNotCompared() {
        TableShape live = TableShape.of(described("S", BillingMode.PROVISIONED, 5, 5));

        assertThat(live.tags()).isEmpty();
        assertThat(TableShape.compare(TableShape.of(SPEC), live)).isEmpty();
    }

    @Test
    void eachDifferingField_isOneDifference_namedAndRenderedByItsField() {
        TableShape live = TableShape.of(described("B", BillingMode.PAY_PER_REQUEST, 0, 0));

        assertThat(TableShape.compare(TableShape.of(SPEC), live))
                .containsExactly(
                        new Difference("partitionKey", "id (S)", "id (B)"),
                        new Difference("billing", "PROVISIONED 5/5", "PAY_PER_REQUEST"));
    }

    @Test
    void readTags_areComparedLikeAnyField() {
        TableShape live = new TableShape(
                SPEC.partitionKey(), SPEC.sortKey(), SPEC.billing(), Optional.of(Map.of("team", "billing")));

        assertThat(TableShape.compare(TableShape.of(SPEC), live))
                .containsExactly(new Difference("tags", "{team=payments}", "{team=billing}"));
    }

    @Test
    void capacityDifference_isComparedByValue_notByRendering() {
        TableShape live = TableShape.of(described("S", BillingMode.PROVISIONED, 5, 6));

        assertThat(TableShape.compare(TableShape.of(SPEC), live))
                .containsExactly(new Difference("billing", "PROVISIONED 5/5", "PROVISIONED 5/6"));
    }

    @Test
    void everyComponentOfTheShape_isAComparedField() {
        List<String> components = Arrays.stream(TableShape.class.getRecordComponents())
                .map(component -> component.getName())
                .toList();

        assertThat(TableShape.FIELDS).extracting(ShapeField::name).containsExactlyElementsOf(components);
    }
}
