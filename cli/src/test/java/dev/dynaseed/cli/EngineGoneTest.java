package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine that goes away after seeding: the report and its closing line still print. */
class EngineGoneTest {
    @TempDir
    Path dir;

    @Test
    void apply_printsTheReportAndSummary_andOneLineInsteadOfSampleRows_whenTheEngineDiesBeforeTheSampleScan()
            throws IOException {
        String first = Dynalite.uniqueTableName("gone");
        String second = Dynalite.uniqueTableName("gone");
        Path file = dir.resolve("spec.yaml");
        Files.writeString(
                file,
                "tables:\n"
                        + "  - {name: " + first
                        + ", partitionKey: {name: id, type: S}, seed: {count: 5, attributes: {id:"
                        + " uuid4}}}\n"
                        + "  - {name: " + second
                        + ", partitionKey: {name: id, type: S}, seed: {count: 5, attributes: {id:"
                        + " uuid4}}}\n");
        try (DyingEndpoint endpoint = new DyingEndpoint(Dynalite.target().endpoint(), "Scan")) {
            Cli.Result result = Cli.run("apply", "-f", file.toString(), "--endpoint-url", endpoint.url());

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err()).isEmpty();
            assertThat(result.out())
                    .containsPattern(first + " +Created +5 +5 +0 +0 +0 ")
                    .containsPattern(second + " +Created +5 +5 +0 +0 +0 ")
                    .containsPattern(
                            "\n\nSample rows not shown: Scan of (" + first + "|" + second + ") on endpoint "
                                    + endpoint.url()
                                    + " failed: cannot connect \\([^\n]+\\); check that the endpoint is"
                                    + " running and reachable, and its host and port\n\nOK: 2 tables, 10 of 10 items written in [0-9.]+s\\.\n$")
                    .doesNotContain("first 3 rows");
        }
    }
}
