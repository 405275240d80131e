package dev.dynaseed.cli;

import dev.dynaseed.Cancellation;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) for the CLI. The first one asks the command that can stop cleanly (apply) to stop: no new batch
 * starts, those in flight finish, the partial report is printed and the local engine given back, exit 130. A second
 * one, or the first during a command that cannot stop cleanly, exits at once with 130 (the stopped line says what
 * may be half done). Only {@link Dynaseed#main} installs it; in-process runs (tests) never see a signal.
 */
final class Interrupts {
    private static final AtomicReference<Cancellation> RUNNING = new AtomicReference<>();
    private static final AtomicInteger SIGNALS = new AtomicInteger();

    private Interrupts() {}

    static void install(PrintStream err) {
        try {
            Signal.handle(new Signal("INT"), signal -> interrupted(err));
        } catch (IllegalArgumentException e) {
            // The JVM keeps SIGINT for itself (-Xrs): Ctrl-C then stops the process as it always did.
        }
    }

    private static void interrupted(PrintStream err) {
        Cancellation running = RUNNING.get();
        if (SIGNALS.incrementAndGet() == 1 && running != null) {
            running.cancel();
            err.println("interrupted: finishing the writes in flight, then reporting; press Ctrl-C again to stop"
                    + " at once");
            err.flush();
            return;
        }
        // System.exit runs the shutdown hooks: the stopped line, and giving the local engine back.
        Thread exit = new Thread(() -> System.exit(ExitCode.INTERRUPTED), "dynaseed-interrupted");
        exit.start();
    }

    /** A cancellation that the first Ctrl-C cancels, until {@link #finished} is called with it. */
    static Cancellation cancellable() {
        Cancellation cancellation = new Cancellation();
        RUNNING.set(cancellation);
        if (SIGNALS.get() > 0) {
            cancellation.cancel();
        }
        return cancellation;
    }

    /** Ctrl-C no longer cancels {@code cancellation}: the command is done with it. */
    static void finished(Cancellation cancellation) {
        RUNNING.compareAndSet(cancellation, null);
    }
}
