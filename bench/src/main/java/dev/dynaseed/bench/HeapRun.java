package dev.dynaseed.bench;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.CallTimeouts;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.seed.BatchWriter;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.Seeder;
import dev.dynaseed.seed.WriteOptions;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Seeds args[0] seed-shape items to the endpoint args[1] with the default writer; writes its figures to a file. */
public final class HeapRun {
    private HeapRun() {}

    public static void main(String[] args) throws Exception {
        long count = Long.parseLong(args[0]);
        TableSpec table = SpecReader.read(Shapes.seed("bench_heap", count), SpecReader.SpecFormat.YAML, "bench")
                .tables()
                .get(0);
        Target target = new Target.Endpoint(URI.create(args[1]), Optional.empty(), Optional.empty());
        long started = System.nanoTime();
        SeedOutcome outcome;
        try (var client = DynamoDbClients.create(target, CallTimeouts.defaults(), Benchmark.CLI_HTTP);
                BatchWriter writer = new BatchWriter(client, WriteOptions.defaults())) {
            outcome = new Seeder(client, writer).seed(table, 5, Instant.now(), SeedProgress.NONE, RunDeadline.none());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        String line = String.format(
                "written %d, failed %d in %.1f s (%.0f items/s); peak heap %d MB of %d MB max",
                outcome.written(),
                outcome.failed(),
                seconds,
                outcome.written() / seconds,
                peak / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "dynaseed-heap-run.txt"), line);
        System.exit(outcome.written() == count ? 0 : 1);
    }
}
