package dev.dynaseed.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several commands on one data folder share its engine: none stops it under another, and starts do not race. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LocalEngineSharingTest {
    @TempDir
    Path dataDir;

    private final List<Long> enginePids = new ArrayList<>();

    @AfterEach
    void noEngineLeftBehind() {
        for (long pid : enginePids) {
            ProcessHandle.of(pid).ifPresent(handle -> {
                handle.destroyForcibly();
                handle.onExit().join();
            });
        }
    }

    private EngineConfig config() {
        return EngineConfig.onDisk(Dynalite.projectHome(), dataDir, Dynalite.freePort());
    }

    private LocalEngine track(LocalEngine engine) {
        enginePids.add(engine.pid());
        return engine;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void firstCommandEnding_leavesTheEngineToTheSecond_andTheLastOneStopsIt() {
        EngineConfig config = config();
        LocalEngine first = track(LocalEngine.start(config));
        LocalEngine second = LocalEngine.start(config);
        assertThat(second.pid()).isEqualTo(first.pid());
        assertThat(second.started()).isFalse();

        first.close();

        assertThat(LocalEngine.check(second.port()))
                .as("the engine still answers the second command")
                .isEmpty();
        assertThat(LocalEngine.status(config).users())
                .containsExactly(ProcessHandle.current().pid());
        second.close();
        assertThat(alive(first.pid())).isFalse();
        assertThat(LocalEngine.status(config).running()).isFalse();
        assertThat(dataDir.resolve("engine.pid")).doesNotExist();
    }

    @Test
    void concurrentStarts_forOneFolder_shareOneEngine() throws Exception {
        EngineConfig config = config();
        int commands = 4;
        CyclicBarrier together = new CyclicBarrier(commands);
        ExecutorService pool = Executors.newFixedThreadPool(commands);
        List<LocalEngine> engines = new ArrayList<>();
        try {
            List<Future<LocalEngine>> starts = new ArrayList<>();
            for (int i = 0; i < commands; i++) {
                starts.add(pool.submit(() -> {
                    together.await(60, TimeUnit.SECONDS);
                    return LocalEngine.start(config);
                }));
            }
            for (Future<LocalEngine> start : starts) {
                engines.add(track(start.get(120, TimeUnit.SECONDS)));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(engines)
                .extracting(LocalEngine::pid)
                .containsOnly(engines.get(0).pid());
        assertThat(engines).filteredOn(LocalEngine::started).hasSize(1);
        for (LocalEngine engine : engines.subList(0, commands - 1)) {
            engine.close();
            assertThat(LocalEngine.check(engine.port())).isEmpty();
        }
        engines.get(commands - 1).close();
        assertThat(alive(engines.get(0).pid())).isFalse();
    }

    @Test
    void killedCommand_leavesAnEngineThatTheNextCommandAdopts_andSaysSo() throws Exception {
        EngineConfig config = config();
        Process holder = LeaseHolder.spawn(config.home(), dataDir, config.port());
        long enginePid;
        try {
            EngineStatus held = LocalEngine.status(config);
            enginePid = held.pid().orElseThrow();
            enginePids.add(enginePid);
            assertThat(held.users()).containsExactly(holder.pid());
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(alive(enginePid))
                .as("kill -9 of a command leaves its engine running")
                .isTrue();
        assertThat(LocalEngine.status(config).leftByEndedRun()).isTrue();

        try (LocalEngine adopted = LocalEngine.start(config)) {
            assertThat(adopted.pid()).isEqualTo(enginePid);
            assertThat(adopted.notes())
                    .containsExactly("using the local engine left running by an earlier command that ended (pid "
                            + enginePid + "); it will be stopped when this command ends");
        }
        assertThat(alive(enginePid)).isFalse();
        assertThat(LocalEngine.status(config).running()).isFalse();
    }

    @Test
    void stalePidFile_isRemovedWithANote_andANewEngineStarts() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertThat(ended.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.writeString(dataDir.resolve("engine.pid"), "pid=" + ended.pid() + "\nport=1\nowner=run\n");
        EngineConfig config = config();

        try (LocalEngine engine = track(LocalEngine.start(config))) {
            assertThat(engine.started()).isTrue();
            assertThat(engine.notes())
                    .containsExactly("removed the pid file of a local engine that is no longer running (pid "
                            + ended.pid() + ", " + dataDir.resolve("engine.pid") + "); starting a new one");
        }
    }

    @Test
    void engineWithoutAPidFile_isAdoptedWithANote_insteadOfAPortError() throws Exception {
        EngineConfig config = config();
        LocalEngine orphan = track(LocalEngine.startInBackground(config));
        Files.delete(dataDir.resolve("engine.pid"));

        try (LocalEngine engine = LocalEngine.start(config)) {
            assertThat(engine.pid()).isEqualTo(orphan.pid());
            assertThat(engine.notes())
                    .containsExactly(
                            "found a local engine of " + dataDir + " without a pid file (pid " + orphan.pid() + ")",
                            "using the local engine left running by an earlier command that ended (pid " + orphan.pid()
                                    + "); it will be stopped when this command ends");
        }
        assertThat(alive(orphan.pid())).isFalse();
    }

    @Test
    void backgroundEngine_isNeverStoppedByCommands() {
        EngineConfig config = config();
        LocalEngine background = track(LocalEngine.startInBackground(config));
        background.close();
        try (LocalEngine command = LocalEngine.start(config)) {
            assertThat(command.notes()).isEmpty();
        }
        assertThat(alive(background.pid())).isTrue();
        assertThat(LocalEngine.stop(config).kind()).isEqualTo(EngineStop.Kind.STOPPED);
        assertThat(alive(background.pid())).isFalse();
    }

    @Test
    void localStart_takesOverAnEngineACommandStarted_andCommandsNoLongerStopIt() {
        EngineConfig config = config();
        LocalEngine command = track(LocalEngine.start(config));
        try (LocalEngine background = LocalEngine.startInBackground(config)) {
            assertThat(background.started()).isFalse();
            assertThat(background.notes())
                    .containsExactly("a dynaseed command had started this engine; it now stays running until"
                            + " 'dynaseed local stop'");
        }
        command.close();
        assertThat(alive(command.pid())).isTrue();
        assertThat(LocalEngine.stop(config).kind()).isEqualTo(EngineStop.Kind.STOPPED);
    }

    @Test
    void localStop_whileACommandUsesTheEngine_leavesItToThatCommand() {
        EngineConfig config = config();
        LocalEngine background = track(LocalEngine.startInBackground(config));
        LocalEngine command = LocalEngine.start(config);

        EngineStop stop = LocalEngine.stop(config);

        assertThat(stop.kind()).isEqualTo(EngineStop.Kind.IN_USE);
        assertThat(stop.users()).containsExactly(ProcessHandle.current().pid());
        assertThat(LocalEngine.check(command.port())).isEmpty();
        command.close();
        assertThat(alive(background.pid())).as("the last command stopped it").isFalse();
    }

    @Test
    void corruptLeaseOfALiveProcess_doesNotKeepTheEngineRunning() throws Exception {
        EngineConfig config = config();
        LocalEngine command = track(LocalEngine.start(config));
        Path corrupt = dataDir.resolve("leases").resolve("1-1");
        Files.writeString(corrupt, "x");

        assertThat(LocalEngine.status(config).users())
                .containsExactly(ProcessHandle.current().pid());
        command.close();

        assertThat(alive(command.pid())).as("the last real command stopped it").isFalse();
        assertThat(corrupt).doesNotExist();
    }

    @Test
    void localStopEvenIfInUse_stopsTheEngineUnderTheCommandsUsingIt_andNamesThem() {
        EngineConfig config = config();
        LocalEngine background = track(LocalEngine.startInBackground(config));
        LocalEngine command = LocalEngine.start(config);

        EngineStop stop = LocalEngine.stopEvenIfInUse(config);

        assertThat(stop.kind()).isEqualTo(EngineStop.Kind.STOPPED);
        assertThat(stop.users()).containsExactly(ProcessHandle.current().pid());
        assertThat(alive(background.pid())).isFalse();
        assertThat(dataDir.resolve("engine.pid")).doesNotExist();
        command.close();
        assertThat(LocalEngine.status(config).running()).isFalse();
        assertThat(LocalEngine.status(config).users()).isEmpty();
    }

    @Test
    void portTakenByTheEngineOfAnotherFolder_namesThatFolder_insteadOfAdvisingAnotherPort() throws Exception {
        Path project = dataDir.resolve("project");
        Path otherData = project.resolve(".dynaseed").resolve("data");
        EngineConfig other = EngineConfig.onDisk(Dynalite.projectHome(), otherData, Dynalite.freePort());
        LocalEngine engine = track(LocalEngine.startInBackground(other));
        try {
            Path here = project.resolve("sub").resolve(".dynaseed").resolve("data");
            EngineConfig config = EngineConfig.onDisk(Dynalite.projectHome(), here, other.port());

            assertThatThrownBy(() -> LocalEngine.start(config))
                    .isInstanceOf(EngineException.class)
                    .hasMessage("port " + other.port() + " is used by the local engine of another data folder, "
                            + otherData + " (pid " + engine.pid() + "); to use its tables, run dynaseed from "
                            + project + ", or add --data-dir " + otherData);
        } finally {
            LocalEngine.stop(other);
        }
    }

    @Test
    void runningEngineThatNeverAnswers_failsWithOneLineNamingTheEndpoint() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // The test closed the socket: stop accepting.
                    accepted.forEach(LocalEngineSharingTest::closeQuietly);
                }
            });
            acceptor.start();
            // A live process whose command line names dynalite, standing for an engine that hangs.
            Process hung = new ProcessBuilder("sh", "-c", "sleep 120; :", "dynalite").start();
            try {
                Files.writeString(
                        dataDir.resolve("engine.pid"),
                        "pid=" + hung.pid() + "\nport=" + silent.getLocalPort() + "\nowner=run\n");
                EngineConfig config = EngineConfig.onDisk(Dynalite.projectHome(), dataDir, silent.getLocalPort())
                        .withStartTimeout(Duration.ofSeconds(2));

                assertThatThrownBy(() -> LocalEngine.start(config))
                        .isInstanceOf(EngineException.class)
                        .hasMessage("the local engine of " + dataDir + " (pid " + hung.pid() + ") at http://127.0.0.1:"
                                + silent.getLocalPort() + " did not answer ListTables within 2 s; check its log "
                                + dataDir.resolve("engine.log") + ", or stop it with 'dynaseed local stop' and retry");
            } finally {
                hung.descendants().forEach(ProcessHandle::destroyForcibly);
                hung.destroyForcibly();
                silent.close();
                acceptor.join(10_000);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
