package dev.dynaseed.plan;

import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * One call {@code apply} makes for a table, in plan order: the exact request (what {@code plan --explain} prints, in
 * the form {@code aws dynamodb OPERATION --cli-input-json} accepts) and what to wait for before the next step.
 *
 * @param operation the DynamoDB operation, e.g. {@code CreateTable}, {@code UpdateTable}, {@code UpdateTimeToLive}
 * @param request the request, sent as is (apply adds only its per-request timeouts)
 * @param waitFor what must be true before the next step is sent
 * @param purpose what the step does, for people, e.g. {@code add index by_status}
 */
public record Step(String operation, DynamoDbRequest request, WaitFor waitFor, String purpose) {

    /** What a step waits for after its call returned. */
    public enum WaitFor {
        /** Nothing: the next step can follow at once. */
        NOTHING,
        /** The table is ACTIVE. */
        TABLE_ACTIVE,
        /** The table and every one of its global secondary indexes are ACTIVE (after adding or removing an index). */
        TABLE_AND_INDEXES_ACTIVE,
        /** The table is gone (after DeleteTable). */
        TABLE_GONE
    }

    public Step {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(waitFor, "waitFor");
        Objects.requireNonNull(purpose, "purpose");
    }
}
