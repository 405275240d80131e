package dev.dynaseed.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a local engine runs for a data folder.
 *
 * @param running whether its process is alive
 * @param pid its process id, when running
 * @param port its port, when running
 * @param dataDir the data folder
 * @param logFile its log
 */
public record EngineStatus(boolean running, Optional<Long> pid, Optional<Integer> port, Path dataDir, Path logFile) {}
