package dev.dynaseed.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands using a data folder's engine: one file per command in {@code leases/}, named after its process and
 * holding the process's start time, so a lease stays alive exactly while its process does (a {@code kill -9} leaves a
 * file whose process is gone, and a reused pid has another start time). A lease that cannot be read or parsed is
 * dead and deleted: else a corrupt file naming a long-lived pid would keep the engine running forever. Taken and
 * released under the {@link EngineLock}.
 */
final class Leases {
    private static final Logger LOG = LoggerFactory.getLogger(Leases.class);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** Written where the OS gives no process start times; such a lease lives while its pid does. */
    private static final String UNKNOWN_START = "unknown";

    private final Path dir;

    Leases(Path dir) {
        this.dir = dir;
    }

    /**
     * Takes a lease for this process; several threads of one process each take their own. The file appears whole
     * (written aside, then moved in), so a {@link #live} running meanwhile never sees it half written.
     */
    Path take() {
        ProcessHandle self = ProcessHandle.current();
        Path file = dir.resolve(self.pid() + "-" + SEQUENCE.incrementAndGet());
        Path written = null;
        try {
            Files.createDirectories(dir);
            written = Files.createTempFile(dir.getParent(), "lease-", ".tmp");
            Files.writeString(
                    written,
                    startTime(self).map(Instant::toString).orElse(UNKNOWN_START) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (written != null) {
                delete(written);
            }
            throw new EngineException(
                    "cannot write the lease " + file + " (" + e.getMessage()
                            + "); check that the data folder is writable, or choose another with --data-dir",
                    e);
        }
        return file;
    }

    void release(Path lease) {
        delete(lease);
    }

    /** The pids of the processes holding live leases; leases of ended processes are deleted on the way. */
    List<Long> live() {
        List<Long> pids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return pids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Optional<Long> pid = alivePid(file);
                if (pid.isPresent()) {
                    if (!pids.contains(pid.get())) {
                        pids.add(pid.get());
                    }
                } else {
                    delete(file);
                }
            }
        } catch (IOException e) {
            throw new EngineException(
                    "cannot read the leases in " + dir + " (" + e.getMessage()
                            + "); check that the data folder is readable",
                    e);
        }
        return pids;
    }

    private static Optional<Long> alivePid(Path file) {
        String name = file.getFileName().toString();
        int dash = name.indexOf('-');
        long pid;
        try {
            pid = Long.parseLong(dash < 0 ? name : name.substring(0, dash));
        } catch (NumberFormatException e) {
            LOG.debug("removing a lease whose name is not PID-N: {}", file);
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            LOG.info("removing the lease of an ended command: {}", file);
            return Optional.empty();
        }
        String recorded;
        try {
            recorded = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            // An unreadable lease proves no command runs; kept, it could hold the engine running forever.
            LOG.debug("removing an unreadable lease {}: {}", file, e.toString());
            return Optional.empty();
        }
        if (recorded.equals(UNKNOWN_START)) {
            return Optional.of(pid);
        }
        Instant recordedStart;
        try {
            recordedStart = Instant.parse(recorded);
        } catch (DateTimeParseException e) {
            LOG.debug("removing a lease without a start time ({}): '{}'", file, recorded);
            return Optional.empty();
        }
        Optional<Instant> started = startTime(process.get());
        if (started.isPresent() && !sameStart(recordedStart, started.get())) {
            LOG.info("removing the lease of an ended command whose pid was reused: {}", file);
            return Optional.empty();
        }
        return Optional.of(pid);
    }

    /** The start time is derived from clock ticks; a second's slack absorbs rounding, not a reused pid. */
    private static boolean sameStart(Instant recorded, Instant started) {
        return Duration.between(recorded, started).abs().compareTo(Duration.ofSeconds(1)) <= 0;
    }

    private static Optional<Instant> startTime(ProcessHandle process) {
        return process.info().startInstant();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", file, e.toString());
        }
    }
}
