package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.FaultProxy;
import dev.dynaseed.testing.FaultProxy.Fault;
import dev.dynaseed.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `dynaseed apply` against an endpoint whose every write is faulted: it ends by itself, with exit code 3. */
class FaultsCliTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void apply_endsWithEveryItemWrittenOrFailed_andExitCode3_whenEveryWriteIsFaultedForever() throws IOException {
        String table = Dynalite.uniqueTableName("faulted");
        Path file = dir.resolve("spec.yaml");
        Files.writeString(
                file,
                "tables:\n"
                        + "  - name: " + table + "\n"
                        + "    partitionKey: {name: id, type: S}\n"
                        + "    seed: {count: 1000, randomSeed: 7, attributes: {id: {generator: sequence, prefix:"
                        + " item-}}}\n");
        Cli.Result result;
        try (FaultProxy proxy = FaultProxy.inFrontOfDynalite(
                Set.of("BatchWriteItem", "PutItem"), FaultProxy.random(11, 1.0, Fault.values()))) {
            // The CLI's own write options: 10 attempts per batch, backoff from 50 ms up to 5 s.
            result = Cli.run("apply", "-f", file.toString(), "--endpoint-url", proxy.url(), "--samples", "0");
            System.out.println(proxy.summary());
            assertThat(proxy.faulted()).isEqualTo(proxy.seen()).isPositive();
        }

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCode.PARTIAL);
        Matcher row = Pattern.compile(table + " +Created +1000 +(\\d+) +(\\d+) +0 +(\\d+) ")
                .matcher(result.out());
        assertThat(row.find()).as(result.out()).isTrue();
        long written = Long.parseLong(row.group(1));
        long failed = Long.parseLong(row.group(2));
        assertThat(written + failed).isEqualTo(1000);
        assertThat(written).isPositive();
        assertThat(failed).isPositive();
        assertThat(result.out())
                .contains("PARTIAL: 1 table, " + written + " of 1000 items written in ")
                .contains(table + " write error: ");
        // A failed item may still be there when its connection dropped after the write; a written one always is.
        assertThat(Specs.count(Dynalite.client(), table)).isBetween(written, 1000L);
    }
}
