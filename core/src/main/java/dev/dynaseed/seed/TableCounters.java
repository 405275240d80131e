package dev.dynaseed.seed;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** One table's counters, shared by the batches in flight for it; every item ends in exactly one of them. */
final class TableCounters {
    private static final int MAX_ERRORS_KEPT = 5;
    /** Items counted failed by each thread, over all tables: tells a writer thread whether its batch lost any. */
    private static final ThreadLocal<long[]> FAILED_ON_THREAD = ThreadLocal.withInitial(() -> new long[1]);

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final Set<String> errors = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private final String table;
    private final long requested;
    private final SeedProgress progress;

    TableCounters(String table, long requested, SeedProgress progress) {
        this.table = table;
        this.requested = requested;
        this.progress = progress;
    }

    void written(long count) {
        written.addAndGet(count);
        report();
    }

    void failed(long count, String error) {
        if (count == 0) {
            return;
        }
        failed.addAndGet(count);
        FAILED_ON_THREAD.get()[0] += count;
        if (errors.size() < MAX_ERRORS_KEPT) {
            errors.add(error);
        }
        report();
    }

    /** The items the calling thread has counted failed so far. */
    static long failedOnThisThread() {
        return FAILED_ON_THREAD.get()[0];
    }

    /** {@code count} items are about to be sent again. */
    void resending(long count) {
        retried.addAndGet(count);
    }

    /** Asks the table's writing to stop: no further batch is sent for it, and why (the first reason wins). */
    void stop(String reason) {
        stopReason.compareAndSet(null, reason);
    }

    Optional<String> stopReason() {
        return Optional.ofNullable(stopReason.get());
    }

    long written() {
        return written.get();
    }

    long failed() {
        return failed.get();
    }

    long retried() {
        return retried.get();
    }

    List<String> errors() {
        return errors.stream().sorted().toList();
    }

    private void report() {
        progress.update(table, written.get() + failed.get(), requested);
    }
}
