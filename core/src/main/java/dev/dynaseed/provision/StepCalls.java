package dev.dynaseed.provision;

import dev.dynaseed.RunDeadline;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/** Sends a plan step's request through the client method of its type, as is, bounded by the run's deadline. */
final class StepCalls {
    private StepCalls() {}

    /**
     * Sends {@code request} with {@code deadline}'s bound added (nothing else changed).
     *
     * @throws IllegalArgumentException for a request type apply does not send (a planner defect)
     */
    static void send(DynamoDbClient client, DynamoDbRequest request, RunDeadline deadline) {
        Objects.requireNonNull(request, "request");
        DynamoDbRequest bounded = (DynamoDbRequest) request.toBuilder()
                .overrideConfiguration(deadline.bound(client))
                .build();
        if (bounded instanceof CreateTableRequest r) {
            client.createTable(r);
        } else if (bounded instanceof UpdateTableRequest r) {
            client.updateTable(r);
        } else if (bounded instanceof DeleteTableRequest r) {
            client.deleteTable(r);
        } else if (bounded instanceof UpdateTimeToLiveRequest r) {
            client.updateTimeToLive(r);
        } else if (bounded instanceof UpdateContinuousBackupsRequest r) {
            client.updateContinuousBackups(r);
        } else if (bounded instanceof UpdateContributorInsightsRequest r) {
            client.updateContributorInsights(r);
        } else if (bounded instanceof PutResourcePolicyRequest r) {
            client.putResourcePolicy(r);
        } else if (bounded instanceof DeleteResourcePolicyRequest r) {
            client.deleteResourcePolicy(r);
        } else if (bounded instanceof TagResourceRequest r) {
            client.tagResource(r);
        } else if (bounded instanceof UntagResourceRequest r) {
            client.untagResource(r);
        } else {
            throw new IllegalArgumentException(
                    "apply does not send " + request.getClass().getSimpleName()
                            + " requests; a plan step must be one of CreateTable, UpdateTable, DeleteTable, UpdateTimeToLive,"
                            + " UpdateContinuousBackups, UpdateContributorInsights, PutResourcePolicy, DeleteResourcePolicy,"
                            + " TagResource, UntagResource");
        }
    }
}
