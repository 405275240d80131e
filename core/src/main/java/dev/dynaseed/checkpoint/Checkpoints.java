package dev.dynaseed.checkpoint;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.generate.ItemChecks;
import dev.dynaseed.seed.IndexRanges;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.SeedRun;
import dev.dynaseed.seed.Seeder;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's checkpoint: records which item indexes of which table are written (saved often, atomically), resumes a
 * seed that stopped ({@code --resume}: only the missing indexes, with the stopped run's seed and base time), and
 * warns when {@code skip} or {@code append} meet a seed that never finished. Thread-safe: writer threads record.
 */
public final class Checkpoints {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final long SAVE_EVERY_NANOS = 200_000_000L;
    /** Saves what batches recorded since the last save, so that a run killed after a quiet spell lost none. */
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dynaseed-checkpoint");
        thread.setDaemon(true);
        return thread;
    });

    private final CheckpointFile file;
    private final boolean resume;
    private final Map<String, TableCheckpoint> before;
    private final Map<String, TableCheckpoint> current;
    private final Set<String> begun = new HashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long savedAt = System.nanoTime();
    /** The first failure to save, for the warnings (written under {@link #file}'s lock). */
    private volatile String saveFailure;

    private boolean saveScheduled;
    /** How many snapshots were taken (guarded by this). */
    private long snapshots;
    /** The number of the snapshot in the file (guarded by {@link #file}). */
    private long written;

    private Checkpoints(CheckpointFile file, boolean resume, Map<String, TableCheckpoint> before) {
        this.file = file;
        this.resume = resume;
        this.before = Map.copyOf(before);
        this.current = new LinkedHashMap<>(before);
    }

    /**
     * The checkpoint in {@code file}; with {@code resume}, the file must exist.
     *
     * @throws CheckpointException when it is damaged, or missing for a resume
     */
    public static Checkpoints open(CheckpointFile file, boolean resume) {
        Objects.requireNonNull(file, "file");
        if (resume && !file.exists()) {
            throw new CheckpointException("--resume: there is no checkpoint at " + file.path()
                    + ", so there is nothing to resume; apply without --resume (or name the file with --checkpoint)");
        }
        if (resume) {
            return new Checkpoints(file, true, file.read());
        }
        try {
            return new Checkpoints(file, false, file.read());
        } catch (CheckpointException e) {
            // A damaged checkpoint must not stop a run that does not resume: this run's replaces it.
            Checkpoints fresh = new Checkpoints(file, false, Map.of());
            fresh.warn(e.getMessage().replace("; delete it and apply without --resume", "") + "; this run replaces it");
            return fresh;
        }
    }

    public CheckpointFile file() {
        return file;
    }

    /** The entry an earlier run left for {@code table}. */
    public Optional<TableCheckpoint> last(String table) {
        return Optional.ofNullable(before.get(table));
    }

    /**
     * Refuses to resume when the spec of a table in the checkpoint has changed since: an unfinished seed would be
     * finished with other items, and a finished one (e.g. capped by {@code --max-items}) seeded again in full.
     *
     * @throws CheckpointException naming each changed table and field, and what to do
     */
    public void requireResumable(Spec spec) {
        List<String> changed = new ArrayList<>();
        for (TableSpec table : spec.tables()) {
            TableCheckpoint last = before.get(table.name());
            if (last == null) {
                continue;
            }
            TableDigest now = TableDigest.of(table);
            if (!now.digest().equals(last.spec().digest())) {
                changed.add("table '" + table.name() + "' (" + String.join(", ", now.changedFrom(last.spec())) + ")");
            }
        }
        if (!changed.isEmpty()) {
            throw new CheckpointException("--resume: the spec changed since the checkpoint " + file.path()
                    + " was made, in " + String.join("; ", changed) + ", so resuming would write other items;"
                    + " restore the spec as it was, or apply without --resume to seed again (onExisting decides what"
                    + " happens to the items already written)");
        }
    }

    /**
     * Seeds {@code table} through {@code seeder}, recording what is written: with {@code --resume} and an unfinished
     * seed of the same spec, only its missing items, made as that run made them; otherwise all of them, with
     * {@code runSeed} and {@code now}.
     */
    public SeedOutcome seed(
            Seeder seeder, TableSpec table, long runSeed, Instant now, SeedProgress progress, RunDeadline deadline)
            throws InterruptedException {
        return seed(seeder, table, false, runSeed, now, progress, deadline);
    }

    /**
     * As {@link #seed(Seeder, TableSpec, long, Instant, SeedProgress, RunDeadline)}, where {@code tableIsNew} says
     * this run created (or replaced) the table: the items an earlier seed wrote are not in it, so a resume writes all
     * of them again, made as that seed made them.
     */
    public SeedOutcome seed(
            Seeder seeder,
            TableSpec table,
            boolean tableIsNew,
            long runSeed,
            Instant now,
            SeedProgress progress,
            RunDeadline deadline)
            throws InterruptedException {
        String name = table.name();
        long count = table.seed().totalItems();
        TableDigest digest = TableDigest.of(table);
        Optional<TableCheckpoint> last = last(name);
        if (count > 0
                && resume
                && last.isPresent()
                && last.get().spec().digest().equals(digest.digest())) {
            if (tableIsNew) {
                TableCheckpoint again = TableCheckpoint.started(
                        name, digest, count, last.get().runSeed(), last.get().baseTime());
                note(name + ": the table was created by this run, so the "
                        + last.get().written().size()
                        + " items the checkpoint lists are not in it; all " + count + " were written again, made as"
                        + " the stopped seed made them");
                SeedOutcome outcome = seeder.seed(
                        table,
                        new SeedRun(
                                last.get().runSeed(),
                                last.get().baseTime(),
                                IndexRanges.upTo(count),
                                true,
                                indexes -> record(again, indexes)),
                        progress,
                        deadline);
                save();
                return outcome;
            }
            return resume(seeder, table, last.get(), progress, deadline);
        }
        TableCheckpoint start = TableCheckpoint.started(name, digest, count, runSeed, now);
        SeedOutcome outcome = seeder.seed(
                table,
                new SeedRun(runSeed, now, IndexRanges.upTo(count), true, indexes -> record(start, indexes)),
                progress,
                deadline);
        last.filter(entry -> !entry.complete() && count > 0).ifPresent(entry -> warnUnfinished(table, entry, outcome));
        if (!tableIsNew
                && outcome.written() > 0
                && table.seed().onExisting() == ExistingDataPolicy.APPEND
                && last.filter(entry -> entry.spec().digest().equals(digest.digest()))
                        .isPresent()) {
            sameKeys(table)
                    .ifPresent(why -> warn(name + ": onExisting: append wrote the keys the last seed of this"
                            + " table wrote (" + why + "), so it overwrote those items instead of adding "
                            + outcome.written()
                            + " more; say so with onExisting: upsert, or make keys that differ per run"
                            + " to add items"));
        }
        save();
        return outcome;
    }

    private SeedOutcome resume(
            Seeder seeder, TableSpec table, TableCheckpoint last, SeedProgress progress, RunDeadline deadline)
            throws InterruptedException {
        if (last.complete()) {
            note(table.name() + ": complete in the checkpoint; nothing left to write");
            return SeedOutcome.none();
        }
        IndexRanges missing = last.missing();
        note(table.name() + ": resumed: " + last.written().size() + " of " + last.count()
                + " items were written before and are kept; " + missing.size() + " were left to write");
        SeedOutcome outcome = seeder.seed(
                table,
                new SeedRun(last.runSeed(), last.baseTime(), missing, false, indexes -> record(last, indexes)),
                progress,
                deadline);
        save();
        return outcome;
    }

    /** Why {@code table}'s seed makes the same keys on every run of one spec, if it does. */
    private static Optional<String> sameKeys(TableSpec table) {
        if (table.seed().randomSeed().isPresent()) {
            return Optional.of("randomSeed " + table.seed().randomSeed().get() + " makes the same items on every run");
        }
        if (!table.seed().entities().isEmpty()) {
            return Optional.empty();
        }
        boolean repeat = table.keyNames().stream()
                .noneMatch(key -> ItemChecks.variesAcrossRuns(key, table.seed().attributes()));
        return repeat ? Optional.of("its key generators make the same keys on every run") : Optional.empty();
    }

    private void warnUnfinished(TableSpec table, TableCheckpoint last, SeedOutcome outcome) {
        String stopped = table.name() + ": the last seed of this table stopped after "
                + last.written().size() + " of " + last.count() + " items (checkpoint " + file.path() + ")";
        ExistingDataPolicy policy = table.seed().onExisting();
        if (policy == ExistingDataPolicy.SKIP && outcome.skippedByPolicy()) {
            warn(stopped + "; onExisting: skip left it unfinished; finish it with: dynaseed apply --resume");
        } else if (policy == ExistingDataPolicy.APPEND) {
            warn(stopped + "; onExisting: append added this run's " + outcome.written() + " items next to them;"
                    + " to finish a stopped seed instead of adding another, use: dynaseed apply --resume");
        }
    }

    /** Lines a report shows as warnings (a stopped seed met by skip or append). */
    public synchronized List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        String failure = saveFailure;
        if (failure != null) {
            all.add(failure);
        }
        return List.copyOf(all);
    }

    /** Lines a report shows as notes (what a resume did). */
    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    private synchronized void warn(String line) {
        warnings.add(line);
    }

    private synchronized void note(String line) {
        notes.add(line);
    }

    private synchronized void record(TableCheckpoint start, IndexRanges indexes) {
        if (begun.add(start.table())) {
            current.put(start.table(), start);
        }
        current.put(start.table(), current.get(start.table()).plus(indexes));
        // Saved by the checkpoint thread, never by the writer thread that recorded: a file written while every
        // other writer thread waits for this lock would stall the whole seed a few times a second.
        if (!saveScheduled) {
            saveScheduled = true;
            long wait = Math.max(0, SAVE_EVERY_NANOS - (System.nanoTime() - savedAt));
            LATER.schedule(() -> save(true), wait, TimeUnit.NANOSECONDS);
        }
    }

    /** Forgets {@code table}'s entry (its items were deleted); saved at once. */
    public synchronized void forget(String table) {
        if (current.remove(table) != null) {
            save();
        }
    }

    /**
     * Saves what is recorded now; a failure to save becomes a warning, never a failed seed. The file is written
     * outside the lock writer threads record under, and never replaced by an older state than it holds.
     */
    public void save() {
        save(false);
    }

    /**
     * Saves; {@code scheduled}: only when no save has taken what was recorded since this one was scheduled, so that
     * none writes the file after the run's last explicit save returned.
     */
    private void save(boolean scheduled) {
        Map<String, TableCheckpoint> snapshot;
        long number;
        synchronized (this) {
            if (scheduled && !saveScheduled) {
                return;
            }
            savedAt = System.nanoTime();
            saveScheduled = false;
            snapshot = new LinkedHashMap<>(current);
            number = ++snapshots;
        }
        synchronized (file) {
            if (number <= written) {
                return;
            }
            written = number;
            try {
                file.write(snapshot);
            } catch (CheckpointException e) {
                LOG.warn("{}", e.getMessage());
                // Not under this object's lock: forget() holds it while it saves.
                if (saveFailure == null) {
                    saveFailure = e.getMessage() + "; --resume cannot continue this run";
                }
            }
        }
    }
}
