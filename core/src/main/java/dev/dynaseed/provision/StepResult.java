package dev.dynaseed.provision;

import dev.dynaseed.plan.Step;
import java.util.Objects;

/**
 * What became of one step of a table's change: done, failed, or not started (a step before it failed).
 *
 * @param operation the DynamoDB operation, e.g. {@code UpdateTable}
 * @param purpose what the step does, e.g. {@code add index by_status}
 * @param status what became of it
 */
public record StepResult(String operation, String purpose, Status status) {

    /** What became of a step, each with the name reports write as JSON {@code status}. */
    public enum Status {
        DONE("done"),
        FAILED("failed"),
        NOT_STARTED("not started");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The name in text and JSON output; never rename one. */
        public String label() {
            return label;
        }
    }

    public StepResult {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
    }

    /** {@code step} with {@code status}. */
    public static StepResult of(Step step, Status status) {
        return new StepResult(step.operation(), step.purpose(), status);
    }

    /** As reports list it, e.g. {@code UpdateTable (add index by_status)}. */
    @Override
    public String toString() {
        return operation + " (" + purpose + ")";
    }
}
