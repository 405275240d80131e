package dev.dynaseed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which lease files count as commands using the engine; no engine is started. */
class LeasesTest {
    @TempDir
    Path dataDir;

    @Test
    void live_countsThisProcessesLease() {
        Leases leases = new Leases(dataDir.resolve("leases"));
        Path lease = leases.take();

        assertThat(leases.live()).containsExactly(ProcessHandle.current().pid());
        assertThat(lease).exists();
        assertThat(dataDir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void live_deletesALeaseWhoseStartTimeCannotBeParsed_evenWhenItsPidIsAlive() throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("leases"));
        // pid 1 is always alive; its lease holds garbage instead of a start time.
        Files.writeString(dir.resolve("1-1"), "x");
        Files.writeString(dir.resolve("1-2"), "");

        assertThat(new Leases(dir).live()).isEmpty();
        assertThat(dir.resolve("1-1")).doesNotExist();
        assertThat(dir.resolve("1-2")).doesNotExist();
    }

    @Test
    void live_deletesALeaseThatCannotBeRead() throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("leases"));
        // A folder in place of the file: reading it fails like an unreadable file would.
        Files.createDirectories(dir.resolve("1-3"));

        assertThat(new Leases(dir).live()).isEmpty();
        assertThat(dir.resolve("1-3")).doesNotExist();
    }
}
