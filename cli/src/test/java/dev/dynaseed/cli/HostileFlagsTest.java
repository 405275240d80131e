package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad command line in {@code hostile/flags/cases.tsv} (unknown options, negative or huge numbers, endpoints with
 * a wrong scheme, no host, spaces, options that contradict): the exact stderr and stdout, the exit code, and not one
 * request to the counting endpoint nor a local engine started.
 */
class HostileFlagsTest {
    private static final String TABLE = "hostile/flags/cases.tsv";
    private static final List<String> FILES = List.of("valid.yaml", "event-not-json.json", "event-spec-number.json");
    private static final CaseTable CASES = CaseTable.ofResource(TABLE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CountingEndpoint endpoint;

    @TempDir
    Path dir;

    private Path flags;

    @BeforeAll
    static void listen() {
        endpoint = CountingEndpoint.refusingEverything();
    }

    @AfterAll
    static void close() {
        endpoint.close();
    }

    @BeforeEach
    void copyFiles() throws IOException {
        flags = Files.createDirectory(dir.resolve("flags"));
        for (String name : FILES) {
            try (InputStream in = HostileFlagsTest.class.getResourceAsStream("/hostile/flags/" + name)) {
                Files.copy(in, flags.resolve(name));
            }
        }
    }

    static List<CaseTable.Row> cases() {
        return CASES.rows();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void badCommandLine_isRefusedWithItsMessageAndExitCode_andSendsNothing(CaseTable.Row row) throws IOException {
        List<String> args = JSON.readValue(row.cell(0), new TypeReference<List<String>>() {}).stream()
                .map(arg -> arg.replace("{endpoint}", endpoint.url())
                        .replace("{spec}", flags.resolve("valid.yaml").toString())
                        .replace("{flags}", flags.toString())
                        .replace("{dir}", dir.toString()))
                .toList();
        Path work = Files.createDirectory(dir.resolve("work"));
        long before = endpoint.requests();

        Cli.Result result = Cli.runIn(work, args.toArray(String[]::new));

        String err = anonymous(result.err());
        String out = anonymous(result.out());
        if (CaseTable.RECORD) {
            CASES.record(row, List.of(row.cell(0), String.valueOf(result.exitCode()), err, out));
        }
        assertThat(err).as(row.name()).isEqualTo(row.cell(2));
        assertThat(out).as(row.name()).isEqualTo(row.cell(3));
        assertThat(result.exitCode()).as(row.name()).isEqualTo(Integer.parseInt(row.cell(1)));
        assertThat(endpoint.requests() - before)
                .as("requests sent for " + row.name())
                .isZero();
        assertThat(work)
                .as("nothing written in the current folder (no engine data, no spec)")
                .isEmptyDirectory();
    }

    private String anonymous(String text) {
        return text.replace(endpoint.url(), "{endpoint}")
                .replace(flags.toString(), "{flags}")
                .replace(dir.toString(), "{dir}");
    }
}
