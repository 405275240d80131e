package dev.dynaseed.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * file whose process is gone, and a reused pid has another start time). Changed only under the {@link EngineLock}.
 */
final class Leases {
    private static final Logger LOG = LoggerFactory.getLogger(Leases.class);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path dir;

    Leases(Path dir) {
        this.dir = dir;
    }

    /** Takes a lease for this process; several threads of one process each take their own. */
    Path take() {
        ProcessHandle self = ProcessHandle.current();
        Path file = dir.resolve(self.pid() + "-" + SEQUENCE.incrementAndGet());
        try {
            Files.createDirectories(dir);
            Files.writeString(file, startTime(self).map(Instant::toString).orElse("") + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
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
                    LOG.info("removing the lease of an ended command: {}", file);
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
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        String recorded;
        try {
            recorded = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            recorded = "";
        }
        Optional<Instant> started = startTime(process.get());
        if (!recorded.isEmpty() && started.isPresent() && !sameStart(recorded, started.get())) {
            return Optional.empty();
        }
        return Optional.of(pid);
    }

    /** The start time is derived from clock ticks; a second's slack absorbs rounding, not a reused pid. */
    private static boolean sameStart(String recorded, Instant started) {
        try {
            return Duration.between(Instant.parse(recorded), started).abs().compareTo(Duration.ofSeconds(1)) <= 0;
        } catch (DateTimeParseException e) {
            return true;
        }
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
