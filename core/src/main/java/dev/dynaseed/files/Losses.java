package dev.dynaseed.files;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the values an export wrote in a form that does not read back as the same type (sets, binary). */
public final class Losses {
    private final AtomicLong sets = new AtomicLong();
    private final AtomicLong binaries = new AtomicLong();
    private final AtomicLong other = new AtomicLong();

    void set() {
        sets.incrementAndGet();
    }

    void binary() {
        binaries.incrementAndGet();
    }

    /** A value CSV could only write as DynamoDB JSON text (lists, maps, null), or an empty string left out. */
    void other() {
        other.incrementAndGet();
    }

    public boolean any() {
        return sets.get() + binaries.get() + other.get() > 0;
    }

    /** E.g. {@code 3 sets written as lists, 1 binary value written as base64 text}; empty when nothing was lost. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (sets.get() > 0) {
            parts.add(sets.get() + " set" + (sets.get() == 1 ? "" : "s") + " written as lists");
        }
        if (binaries.get() > 0) {
            parts.add(binaries.get() + " binary value" + (binaries.get() == 1 ? "" : "s") + " written as base64 text");
        }
        if (other.get() > 0) {
            parts.add(other.get() + " value" + (other.get() == 1 ? "" : "s")
                    + " (lists, maps, nulls, empty or number-like strings) written as text or left out");
        }
        return String.join(", ", parts);
    }
}
