package dev.dynaseed.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a local engine runs for a data folder, who started it and which commands use it.
 *
 * @param running whether its process is alive
 * @param pid its process id, when running
 * @param port its port, when running
 * @param owner who started it (and so who stops it), when running
 * @param users the process ids of the dynaseed commands using it now
 * @param dataDir the data folder
 * @param logFile its log
 */
public record EngineStatus(
        boolean running,
        Optional<Long> pid,
        Optional<Integer> port,
        Optional<EngineOwner> owner,
        List<Long> users,
        Path dataDir,
        Path logFile) {
    public EngineStatus {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(owner, "owner");
        users = List.copyOf(users);
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(logFile, "logFile");
    }

    static EngineStatus stopped(Path dataDir, Path logFile) {
        return new EngineStatus(
                false, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), dataDir, logFile);
    }

    /** Whether it was started by a command that has ended while no other command uses it (the next one adopts it). */
    public boolean leftByEndedRun() {
        return running && owner.equals(Optional.of(EngineOwner.RUN)) && users.isEmpty();
    }
}
