package dev.dynaseed.plan;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads a plan's independent read calls (a table's companion reads, the capability probes) are sent on at once:
 * each costs a round trip, and in a fresh JVM tens of milliseconds, so one after another they delayed the first item.
 * A few daemon threads, shared by every reader; idle ones end after a moment. A call never waits for another call on
 * these threads (only the caller joins), so the bound cannot deadlock; calls beyond it wait in the queue.
 */
final class ReadCalls {
    private static final int THREADS = 8;
    private static final ExecutorService EXECUTOR = executor();

    private ReadCalls() {}

    /** {@code call} started on a read thread. */
    static <T> CompletableFuture<T> start(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, EXECUTOR);
    }

    /**
     * What {@code call} returned, waiting for it; what it threw is thrown as it was (an SDK exception stays one, so the
     * caller's catch clauses work as they did when the call was made on its own thread).
     */
    static <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static ExecutorService executor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(THREADS, THREADS, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "dynaseed-read-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
