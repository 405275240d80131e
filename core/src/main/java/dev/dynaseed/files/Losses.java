package dev.dynaseed.files;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the values an export wrote in a form that does not read back as the same type: sets and binary in plain
 * JSON, and each CSV column whose values a reimport reads as another type or leaves out.
 */
public final class Losses {
    /** The CSV columns described by name; the rest are counted. */
    static final int COLUMNS_NAMED = 5;

    private final AtomicLong sets = new AtomicLong();
    private final AtomicLong binaries = new AtomicLong();
    private final List<String> columns = new ArrayList<>();

    void set() {
        sets.incrementAndGet();
    }

    void binary() {
        binaries.incrementAndGet();
    }

    /** A CSV column whose values do not all read back as written, e.g. {@code column v holds N in 1 item and S in 1}. */
    synchronized void column(String note) {
        columns.add(note);
    }

    public synchronized boolean any() {
        return sets.get() + binaries.get() > 0 || !columns.isEmpty();
    }

    /** E.g. {@code 3 sets written as lists, 1 binary value written as base64 text}; empty when nothing was lost. */
    public synchronized String describe() {
        List<String> parts = new ArrayList<>();
        if (sets.get() > 0) {
            parts.add(sets.get() + " set" + (sets.get() == 1 ? "" : "s") + " written as lists");
        }
        if (binaries.get() > 0) {
            parts.add(binaries.get() + " binary value" + (binaries.get() == 1 ? "" : "s") + " written as base64 text");
        }
        if (!parts.isEmpty()) {
            parts = new ArrayList<>(List.of(String.join(", ", parts)));
        }
        parts.addAll(columns.subList(0, Math.min(columns.size(), COLUMNS_NAMED)));
        if (columns.size() > COLUMNS_NAMED) {
            parts.add((columns.size() - COLUMNS_NAMED) + " more columns like these");
        }
        return String.join("; ", parts);
    }
}
