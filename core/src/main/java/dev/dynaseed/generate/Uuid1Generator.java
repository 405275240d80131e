package dev.dynaseed.generate;

import java.util.SplittableRandom;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Time-based (RFC 4122 version 1) UUIDs, as Python's {@code uuid.uuid1()} makes them in the seed. The timestamp is
 * the run's base time plus the item index in 100 ns steps, so ids are unique within a run and sort by index; the
 * clock sequence and the node (a random multicast address, as RFC 4122 allows) come from the table's seed, so two
 * runs, two containers or two restored snapshots never share them.
 */
public final class Uuid1Generator implements Generator {
    /** 100 ns intervals between 1582-10-15 (the UUID epoch) and 1970-01-01. */
    private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;

    private final long clockSeqAndNode;

    public Uuid1Generator(long tableSeed) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(tableSeed, 0x5EED1L));
        long clockSeq = random.nextInt(1 << 14);
        long node = random.nextLong() & 0xFFFF_FFFF_FFFFL | 0x0100_0000_0000L;
        this.clockSeqAndNode = (0x8000L | clockSeq) << 48 | node;
    }

    @Override
    public AttributeValue next(GenerationContext context) {
        return AttributeValue.fromS(
                uuid(context.baseEpochMillis(), context.index()).toString());
    }

    UUID uuid(long epochMillis, long index) {
        long timestamp = epochMillis * 10_000L + UUID_EPOCH_OFFSET + index;
        long timeLow = timestamp & 0xFFFF_FFFFL;
        long timeMid = (timestamp >>> 32) & 0xFFFFL;
        long timeHigh = (timestamp >>> 48) & 0x0FFFL;
        long mostSignificant = timeLow << 32 | timeMid << 16 | 0x1000L | timeHigh;
        return new UUID(mostSignificant, clockSeqAndNode);
    }
}
