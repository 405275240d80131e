package dev.dynaseed.seed;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.testing.CapacityLimitedEndpoint;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Run in a child JVM with a small heap by {@link FlatMemoryTest}: writes {@code args[0]} items of about 330 bytes
 * through the writer to a {@link CapacityLimitedEndpoint} and prints {@code written=N failed=F peakHeapMb=M}.
 */
public final class FlatMemoryChild {
    private FlatMemoryChild() {}

    public static void main(String[] args) throws Exception {
        long count = Long.parseLong(args[0]);
        try (CapacityLimitedEndpoint endpoint =
                        CapacityLimitedEndpoint.start(Duration.ZERO, 1e9, 1, Set.of("id"), false);
                DynamoDbClient client = DynamoDbClients.create(new Target.Local(endpoint.port()));
                BatchWriter writer = new BatchWriter(client, WriteOptions.defaults())) {
            SeedOutcome outcome = writer.write(
                    "flat", List.of("id"), new SyntheticItems(count, 300), SeedProgress.NONE, RunDeadline.none());
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("written=" + outcome.written() + " failed=" + outcome.failed() + " endpoint="
                    + endpoint.written() + " peakHeapMb=" + peak / (1024 * 1024));
        }
    }
}
