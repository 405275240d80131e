package dev.dynaseed.spec;

/** How a table is billed: provisioned capacity or on demand. */
public sealed interface BillingSpec {

    /** The DynamoDB name of the billing mode. */
    String mode();

    /** Provisioned throughput with fixed read and write capacity units. */
    record Provisioned(long readCapacity, long writeCapacity) implements BillingSpec {
        @Override
        public String mode() {
            return "PROVISIONED";
        }

        @Override
        public String toString() {
            return "PROVISIONED " + readCapacity + "/" + writeCapacity;
        }
    }

    /** On-demand capacity. */
    record PayPerRequest() implements BillingSpec {
        @Override
        public String mode() {
            return "PAY_PER_REQUEST";
        }

        @Override
        public String toString() {
            return mode();
        }
    }
}
