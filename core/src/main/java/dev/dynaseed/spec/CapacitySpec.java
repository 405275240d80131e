package dev.dynaseed.spec;

/** Provisioned read and write capacity units, of a table or a global secondary index. */
public record CapacitySpec(long readCapacity, long writeCapacity) {
    @Override
    public String toString() {
        return readCapacity + "/" + writeCapacity;
    }
}
