package dev.dynaseed.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's pid file: which process serves a data folder, on which port, and who started it. Read and written
 * only under the folder's {@link EngineLock}.
 */
record EngineRecord(long pid, int port, EngineOwner owner, long startedBy) {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRecord.class);

    EngineRecord {
        Objects.requireNonNull(owner, "owner");
    }

    static Optional<EngineRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties recorded = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            recorded.load(reader);
            return Optional.of(new EngineRecord(
                    Long.parseLong(recorded.getProperty("pid", "-1").trim()),
                    Integer.parseInt(recorded.getProperty("port", "-1").trim()),
                    EngineOwner.fromKey(recorded.getProperty("owner", "").trim()),
                    Long.parseLong(recorded.getProperty("startedBy", "-1").trim())));
        } catch (IOException | NumberFormatException e) {
            LOG.debug("unreadable pid file {}: {}", file, e.toString());
            return Optional.of(new EngineRecord(-1, -1, EngineOwner.BACKGROUND, -1));
        }
    }

    void write(Path file) {
        String text = "pid=" + pid + "\nport=" + port + "\nowner=" + owner.key() + "\nstartedBy=" + startedBy + "\n";
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EngineException(
                    "cannot write the engine's pid file " + file + " (" + e.getMessage()
                            + "); check that the data folder is writable",
                    e);
        }
    }

    EngineRecord withOwner(EngineOwner value) {
        return new EngineRecord(pid, port, value, startedBy);
    }

    /** Whether the recorded engine process is alive (a reused pid running something else does not count). */
    boolean alive() {
        return pid > 0
                && ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .filter(handle ->
                                handle.info().commandLine().orElse("dynalite").contains("dynalite"))
                        .isPresent();
    }
}
