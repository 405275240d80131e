package dev.dynaseed.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.dynaseed.spec.StreamView;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.spec.WarmThroughputSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

class RequestJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A table using every field, billed on demand with maximums. */
    static TableSpec everyField() {
        KeySpec pk = new KeySpec("pk", KeyType.S);
        return TableSpec.builder("orders", pk)
                .sortKey(new KeySpec("sk", KeyType.N))
                .billing(new BillingSpec.PayPerRequest(
                        Optional.of(new OnDemandLimits(Optional.of(100L), Optional.of(50L)))))
                .tag("team", "payments")
                .features(new TableFeatures(
                        List.of(new GlobalIndexSpec(
                                "by_place",
                                List.of(new KeySpec("country", KeyType.S), new KeySpec("city", KeyType.S)),
                                List.of(new KeySpec("at", KeyType.N)),
                                new ProjectionSpec(ProjectionSpec.Type.INCLUDE, List.of("total")),
                                Optional.empty(),
                                Optional.of(new OnDemandLimits(Optional.of(10L), Optional.empty())),
                                Optional.of(new WarmThroughputSpec(Optional.of(12000L), Optional.of(4000L))),
                                true)),
                        List.of(new LocalIndexSpec(
                                "by_amount", pk, new KeySpec("amount", KeyType.N), ProjectionSpec.all(), false)),
                        Optional.of("expires_at"),
                        Optional.of(StreamView.NEW_AND_OLD_IMAGES),
                        Optional.of(new PointInTimeRecoverySpec(true, Optional.of(7))),
                        Optional.of(
                                new EncryptionSpec(EncryptionSpec.Type.CUSTOMER_MANAGED, Optional.of("alias/orders"))),
                        Optional.of(TableClassSpec.STANDARD_INFREQUENT_ACCESS),
                        Optional.of(true),
                        Optional.of(new WarmThroughputSpec(Optional.of(13000L), Optional.empty())),
                        Optional.of("{\"Version\":\"2012-10-17\",\"Statement\":[]}"),
                        Optional.of(true)))
                .build();
    }

    private static List<Step> steps() {
        TableRequests aws = new TableRequests(EngineCapabilities.aws());
        TableRequests local = new TableRequests(EngineCapabilities.localEngine());
        List<Step> steps = new ArrayList<>(aws.replace(everyField()));
        steps.addAll(local.create(everyField()));
        steps.add(aws.billing(
                everyField().toBuilder()
                        .billing(new BillingSpec.Provisioned(5, 5))
                        .build(),
                true));
        steps.add(aws.updateIndex(
                "orders", "by_place", Optional.of(new CapacitySpec(1, 2)), Optional.empty(), Optional.empty(), "x"));
        steps.add(aws.deleteIndex("orders", "by_place"));
        steps.add(aws.createIndex(
                everyField(), everyField().features().globalSecondaryIndexes().get(0)));
        steps.add(aws.timeToLive("orders", "expires_at", false));
        steps.add(aws.pointInTimeRecovery("orders", Optional.empty()));
        steps.add(aws.untag("arn:aws:dynamodb:eu-west-1:123456789012:table/orders", List.of("team")));
        steps.add(aws.deletePolicy("arn:aws:dynamodb:eu-west-1:123456789012:table/orders"));
        return steps;
    }

    @Test
    void everyStepsRequest_printedAsJson_parsesBackAsItsSdkRequestType_andEqualsIt() throws Exception {
        for (Step step : steps()) {
            String printed = JSON.writeValueAsString(RequestJson.toJson(step.request()));

            assertThat(RequestJson.parse(step.operation(), printed))
                    .as(step.operation() + " " + printed)
                    .isInstanceOf(RequestJson.requestType(step.operation()))
                    .isEqualTo(step.request());
        }
    }

    @Test
    void json_namesMembersInPascalCase_asTheAwsCliTakesThem_andLeavesUnsetOnesOut() {
        CreateTableRequest request = new TableRequests(EngineCapabilities.aws()).createRequest(everyField());

        String json = RequestJson.toJson(request).toString();

        assertThat(json)
                .startsWith("{\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},")
                .contains("\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                        + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]")
                .contains("\"KeySchema\":[{\"AttributeName\":\"country\",\"KeyType\":\"HASH\"},"
                        + "{\"AttributeName\":\"city\",\"KeyType\":\"HASH\"},"
                        + "{\"AttributeName\":\"at\",\"KeyType\":\"RANGE\"}]")
                .contains("\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}")
                .contains(
                        "\"SSESpecification\":{\"Enabled\":true,\"SSEType\":\"KMS\",\"KMSMasterKeyId\":\"alias/orders\"}")
                .contains("\"OnDemandThroughput\":{\"MaxReadRequestUnits\":100,\"MaxWriteRequestUnits\":50}")
                .contains("\"DeletionProtectionEnabled\":true")
                .contains("\"ResourcePolicy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\"")
                .doesNotContain("ProvisionedThroughput")
                .doesNotContain("null");
    }

    @Test
    void unknownMember_isRefused_namingTheMembersThereAre() {
        assertThatThrownBy(() -> RequestJson.parse("DeleteTable", "{\"TableName\":\"t\",\"Bogus\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'Bogus' is not a member of")
                .hasMessageContaining("TableName");
    }
}
