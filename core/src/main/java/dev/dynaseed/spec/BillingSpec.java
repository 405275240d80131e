package dev.dynaseed.spec;

import java.util.Optional;

/**
 * How a table is billed: provisioned capacity or on demand. Code that handles billing switches over {@link #kind()}
 * without a {@code default}, so a new mode fails compilation wherever it is not handled yet.
 */
public sealed interface BillingSpec {

    /** Which billing mode this is. */
    Kind kind();

    /** The DynamoDB name of the billing mode. */
    default String mode() {
        return kind().name();
    }

    /** The billing modes, named as DynamoDB names them. */
    enum Kind {
        PROVISIONED,
        PAY_PER_REQUEST
    }

    /** Provisioned throughput with fixed read and write capacity units. */
    record Provisioned(long readCapacity, long writeCapacity) implements BillingSpec {
        @Override
        public Kind kind() {
            return Kind.PROVISIONED;
        }

        @Override
        public String toString() {
            return "PROVISIONED " + readCapacity + "/" + writeCapacity;
        }
    }

    /** On-demand capacity, with optional maximums ({@code maxReadRequestUnits}, {@code maxWriteRequestUnits}). */
    record PayPerRequest(Optional<OnDemandLimits> limits) implements BillingSpec {
        public PayPerRequest {
            java.util.Objects.requireNonNull(limits, "limits");
        }

        /** On demand without maximums. */
        public PayPerRequest() {
            this(Optional.empty());
        }

        @Override
        public Kind kind() {
            return Kind.PAY_PER_REQUEST;
        }

        @Override
        public String toString() {
            return limits.map(max -> mode() + " (" + max + ")").orElse(mode());
        }
    }
}
