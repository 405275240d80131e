package dev.dynaseed.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dynaseed.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** What {@link Imports} refuses before opening a file. */
class ImportsTest {
    @TempDir
    Path dir;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFifoNobodyWritesTo_isRefusedInWords_insteadOfWaitedOnForever() throws Exception {
        Path fifo = dir.resolve("template.yaml");
        Process mkfifo =
                new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        if (!mkfifo.waitFor(30, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            throw new AssertionError("mkfifo failed");
        }

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThatThrownBy(() -> new Imports().read(fifo, Optional.empty(), ImportOptions.defaults()))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("is not a regular file (a pipe, a device or a socket)")
                    .hasMessageContaining("save it to a file first");
            assertThatThrownBy(() ->
                            new Imports().read(fifo, Optional.of(SourceKind.CLOUDFORMATION), ImportOptions.defaults()))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("is not a regular file");
        });
    }

    @Test
    void aTableNameDefinedByTwoImports_isOneProblemNamingBothOrigins() throws Exception {
        String request = """
                {"TableName": "twice", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}
                """;
        Path first = Files.writeString(dir.resolve("first.json"), request);
        Path second = Files.writeString(dir.resolve("second.json"), request);
        List<ImportedTable> tables = new ArrayList<>();
        tables.addAll(new Imports().read(first, Optional.empty(), ImportOptions.defaults()));
        tables.addAll(new Imports().read(second, Optional.empty(), ImportOptions.defaults()));

        assertThatThrownBy(() -> ImportedTables.merge(new Spec(List.of()), "spec.yaml", tables))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).problems())
                        .singleElement()
                        .asString()
                        .contains("table 'twice' is defined twice: by " + first)
                        .contains(second.toString()));
    }

    @Test
    void serverlessConfigurationAsCode_isNamed_withTheCommandThatPrintsItAsYaml() throws Exception {
        Path code = Files.writeString(dir.resolve("serverless.ts"), "const serverlessConfiguration = {};\n");

        assertThatThrownBy(() -> new Imports().detect(code))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("is the Serverless Framework's configuration as code (serverless.ts)")
                .hasMessageContaining("serverless print > serverless.yml");
    }
}
