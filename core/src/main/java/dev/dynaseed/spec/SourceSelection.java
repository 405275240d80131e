package dev.dynaseed.spec;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Which of a table's source items (inline, then each file's, in order; bad lines not counted) a run writes: all but
 * those a later item with the same key replaces (found when the files are scanned, see
 * {@code dev.dynaseed.files.ItemFiles}), and at most {@code limit} of them ({@code --max-items}).
 *
 * @param replaced how many source items a later one with the same key replaces (not written)
 * @param replacements the first few of them, each as {@code where: ...} naming the later item's file:line
 * @param keysChecked false when the sources held more distinct keys than are checked, so later duplicates may remain
 * @param limit the most source items written, after the replaced ones are left out
 * @param superseded the positions (among all source items) of the replaced items
 */
public record SourceSelection(
        long replaced, List<String> replacements, boolean keysChecked, long limit, BitSet superseded) {

    /** Every source item, none checked for keys: what a spec whose files were not scanned writes. */
    public static final SourceSelection ALL = new SourceSelection(0, List.of(), true, Long.MAX_VALUE, new BitSet());

    public SourceSelection {
        if (replaced < 0 || limit < 0) {
            throw new IllegalArgumentException(
                    "replaced and limit must not be negative, were " + replaced + ", " + limit);
        }
        replacements = List.copyOf(replacements);
        superseded = (BitSet) Objects.requireNonNull(superseded, "superseded").clone();
        if (superseded.cardinality() != replaced) {
            throw new IllegalArgumentException(
                    replaced + " items replaced, but " + superseded.cardinality() + " positions marked");
        }
    }

    /** A copy of the replaced items' positions. */
    @Override
    public BitSet superseded() {
        return (BitSet) superseded.clone();
    }

    /** Whether the source item at {@code position} is replaced by a later one with its key, so it is not written. */
    public boolean isSuperseded(long position) {
        return position < Integer.MAX_VALUE && superseded.get((int) position);
    }

    /** The items written of {@code sourceItems} source items. */
    public long written(long sourceItems) {
        return Math.min(limit, Math.max(0, sourceItems - replaced));
    }

    /** This selection writing at most {@code newLimit} source items. */
    public SourceSelection withLimit(long newLimit) {
        return new SourceSelection(replaced, replacements, keysChecked, newLimit, superseded);
    }
}
