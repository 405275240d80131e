package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.testing.CaseTable;
import dev.dynaseed.testing.CountingEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad spec file in {@code hostile/spec/cases.tsv} given to {@code dynaseed apply}: the exact lines a user reads,
 * exit code 2, nothing on stdout and not one request to the (counting) endpoint. A case named {@code gen:NAME} is
 * made by {@link #generate} at test time (files too large to commit, folders, missing files).
 */
class HostileSpecTest {
    private static final String TABLE = "hostile/spec/cases.tsv";
    private static final CaseTable CASES = CaseTable.ofResource(TABLE);
    private static CountingEndpoint endpoint;

    @TempDir
    Path dir;

    @BeforeAll
    static void listen() {
        endpoint = CountingEndpoint.refusingEverything();
    }

    @AfterAll
    static void close() {
        endpoint.close();
    }

    static List<CaseTable.Row> cases() {
        return CASES.rows();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void badSpec_isRefusedWithItsMessageAndExitCode_andSendsNothing(CaseTable.Row row) throws IOException {
        Path file = file(row.name());
        long before = endpoint.requests();

        Cli.Result result = Cli.run("apply", "-f", file.toString(), "--endpoint-url", endpoint.url());

        String seen = result.err().replace(dir.toString(), "{dir}");
        if (CaseTable.RECORD) {
            CASES.record(row, List.of(String.valueOf(result.exitCode()), seen));
        }
        assertThat(seen).as(row.name()).isEqualTo(row.cell(1));
        assertThat(result.exitCode()).as(row.name()).isEqualTo(Integer.parseInt(row.cell(0)));
        assertThat(result.out()).as(row.name()).isEmpty();
        assertThat(endpoint.requests() - before)
                .as("requests sent for " + row.name())
                .isZero();
    }

    private Path file(String name) throws IOException {
        if (name.startsWith("gen:")) {
            return generate(name.substring("gen:".length()));
        }
        Path file = dir.resolve(name);
        try (InputStream in = HostileSpecTest.class.getResourceAsStream("/hostile/spec/" + name)) {
            assertThat(in).as("resource hostile/spec/" + name).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    /** Inputs made at test time: too large to commit, or not files at all. */
    private Path generate(String name) throws IOException {
        Path file = dir.resolve(name);
        switch (name) {
            case "huge.yaml" -> {
                // 2 MiB of a valid spec's text: refused by its size before it is parsed.
                String table = "  - {name: t%05d, partitionKey: {name: id, type: S}}\n";
                StringBuilder text = new StringBuilder("tables:\n");
                for (int i = 0; text.length() < 2 * 1024 * 1024; i++) {
                    text.append(String.format(table, i));
                }
                Files.writeString(file, text);
            }
            case "huge-string.json" ->
                Files.writeString(
                        file,
                        "{\"tables\": [{\"name\": \"" + "x".repeat(1_100_000)
                                + "\", \"partitionKey\": {\"name\": \"id\", \"type\": \"S\"}}]}");
            case "too-many-tables.yaml" -> {
                StringBuilder text = new StringBuilder("tables:\n");
                for (int i = 0; i < 2_501; i++) {
                    text.append(String.format("  - {name: t%05d, partitionKey: {name: id, type: S}}\n", i));
                }
                Files.writeString(file, text);
            }
            case "many-broken-tables.yaml" -> {
                // Just under 1 MiB: 16,000 tables, each with a wrong key type.
                StringBuilder text = new StringBuilder("tables:\n");
                for (int i = 0; i < 16_000; i++) {
                    text.append(String.format("  - {name: t%05d, partitionKey: {name: id, type: X}}\n", i));
                }
                Files.writeString(file, text);
            }
            case "folder.yaml" -> Files.createDirectory(file);
            case "missing.yaml" -> {
                // Left absent.
            }
            default -> throw new IllegalArgumentException("no generator for " + name + " in " + TABLE);
        }
        return file;
    }
}
