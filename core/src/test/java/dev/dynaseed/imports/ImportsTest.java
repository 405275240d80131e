package dev.dynaseed.imports;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
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
}
