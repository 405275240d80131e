package dev.dynaseed.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;

/** Who holds a port on 127.0.0.1: nobody, the engine of this or another data folder, or another program. */
final class Ports {
    private Ports() {}

    /** A dynalite of this data folder listening on the port although no pid file names it. */
    static Optional<EngineRecord> unrecordedEngine(int port, Path dataDir) {
        if (!EngineProbe.listening(port)) {
            return Optional.empty();
        }
        return EngineProcess.engineOn(port)
                .filter(found -> found.dataDir().equals(dataDir))
                .map(found -> new EngineRecord(found.pid(), port, EngineOwner.RUN, -1));
    }

    /** Fails with what to do unless the port is free: naming the other data folder whose engine holds it, if any. */
    static void requireFree(int port, Path dataDir) {
        if (!EngineProbe.listening(port)) {
            return;
        }
        Optional<EngineProcess.Found> other = EngineProcess.engineOn(port);
        if (other.isPresent()) {
            Path folder = other.get().dataDir();
            Path parent = folder.getParent();
            String runFrom = folder.endsWith(Path.of(".dynaseed", "data")) && parent.getParent() != null
                    ? "run dynaseed from " + parent.getParent() + ", or "
                    : "";
            throw new EngineException("port " + port + " is used by the local engine of another data folder, "
                    + folder + " (pid " + other.get().pid() + "); to use its tables, " + runFrom + "add --data-dir "
                    + folder);
        }
        throw new EngineException("port " + port + " on 127.0.0.1 is already in use by another program; pick another"
                + " with --port " + (port + 1) + ", or stop that program");
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
