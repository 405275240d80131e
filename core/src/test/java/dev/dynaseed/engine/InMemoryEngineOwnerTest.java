package dev.dynaseed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.testing.Dynalite;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An in-memory engine (the test suite's) never outlives the process that started it, however that process ends. */
class InMemoryEngineOwnerTest {
    /** The engine checks its owner every second; this leaves a loaded machine ample room. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void inMemoryEngine_stopsByItself_whenTheProcessThatStartedItIsKilledBeforeItsShutdownHook() throws Exception {
        LeaseHolder.Held held = LeaseHolder.spawnInMemory(Dynalite.projectHome());
        Optional<ProcessHandle> engine = ProcessHandle.of(held.enginePid());
        assertThat(engine)
                .as("the engine runs while its owner does")
                .hasValueSatisfying(handle -> assertThat(handle.isAlive()).isTrue());

        // SIGKILL: the owner's shutdown hook, which stops the engine on a normal exit, never runs.
        held.child().destroyForcibly();
        assertThat(held.child().waitFor(30, TimeUnit.SECONDS)).isTrue();

        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (engine.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        boolean stillAlive = engine.get().isAlive();
        if (stillAlive) {
            engine.get().destroyForcibly();
        }
        assertThat(stillAlive)
                .as("the engine (pid %d) still runs %s after its owner was killed", held.enginePid(), DEADLINE)
                .isFalse();
    }
}
