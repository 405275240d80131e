package dev.dynaseed.files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.SourceSelection;
import dev.dynaseed.spec.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run's reports say about a table's item sources besides the write counts: the bad lines of its files that
 * {@code --skip-bad} skipped, and the source items left out because a later item with the same key replaces them.
 */
public final class SourceReport {
    /** The bad lines and replaced items a report names per table (it counts them all). */
    public static final int SHOWN = 5;

    private SourceReport() {}

    /** The lines of the table's files that could not be read and were skipped (0 unless --skip-bad). */
    public static long badLinesSkipped(TableSpec table) {
        return scans(table).stream()
                .mapToLong(ItemSourceSpec.FileScan::badLines)
                .sum();
    }

    /** The first {@value #SHOWN} skipped lines, each as {@code file:line:column: why}. */
    public static List<String> badLines(TableSpec table) {
        List<String> bad = new ArrayList<>();
        for (ItemSourceSpec.FileScan scan : scans(table)) {
            for (String line : scan.bad()) {
                if (bad.size() < SHOWN) {
                    bad.add(line);
                }
            }
        }
        return bad;
    }

    /** The source items not written because a later item with the same key replaces them. */
    public static long replaced(TableSpec table) {
        return table.seed().selection().replaced();
    }

    /**
     * The report lines about the table's sources (none when there is nothing to say), unindented: a line with the
     * count, then one per example, indented by two spaces.
     */
    public static List<String> lines(TableSpec table) {
        Objects.requireNonNull(table, "table");
        List<String> lines = new ArrayList<>();
        long bad = badLinesSkipped(table);
        if (bad > 0) {
            lines.add(table.name() + ": " + lines(bad) + " of its files skipped (--skip-bad), not written"
                    + (bad > SHOWN ? "; the first " + SHOWN : "") + ":");
            badLines(table).forEach(line -> lines.add("  " + line));
        }
        SourceSelection selection = table.seed().selection();
        if (selection.replaced() > 0) {
            lines.add(table.name() + ": " + items(selection.replaced())
                    + " not written: a later item with the same key replaces "
                    + (selection.replaced() == 1 ? "it" : "each")
                    + " (DynamoDB keeps one item per key; give items their own keys to keep them all)"
                    + (selection.replaced() > selection.replacements().size()
                            ? "; the first " + selection.replacements().size()
                            : "")
                    + ":");
            selection.replacements().forEach(line -> lines.add("  " + line));
        }
        if (!selection.keysChecked()) {
            lines.add(table.name() + ": keys were checked for duplicates among the first "
                    + String.format(java.util.Locale.ROOT, "%,d", SameKeys.MAX_KEYS)
                    + " distinct keys only; later items with a key seen before are written in file order, but may"
                    + " land in any order (split the file to have every key checked)");
        }
        return lines;
    }

    /** The closing line's addition for all {@code tables}, e.g. {@code 3 bad lines skipped (--skip-bad)}. */
    public static Optional<String> closing(List<TableSpec> tables) {
        long bad = tables.stream().mapToLong(SourceReport::badLinesSkipped).sum();
        long replaced = tables.stream().mapToLong(SourceReport::replaced).sum();
        List<String> parts = new ArrayList<>();
        if (bad > 0) {
            parts.add(lines(bad) + " skipped (--skip-bad)");
        }
        if (replaced > 0) {
            parts.add(items(replaced) + " replaced by a later item with the same key");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }

    /**
     * Adds to a table's JSON {@code seed} object, for a table with item sources: {@code badLinesSkipped} and
     * {@code badLines} (the first few), {@code replacedBySameKey} and {@code sameKeys} (the first few), and
     * {@code sameKeysChecked: false} when not every key could be checked.
     */
    public static void addTo(ObjectNode seed, TableSpec table) {
        if (table.seed().sources().isEmpty()) {
            return;
        }
        if (!scans(table).isEmpty()) {
            seed.put("badLinesSkipped", badLinesSkipped(table));
            ArrayNode bad = seed.putArray("badLines");
            badLines(table).forEach(bad::add);
        }
        SourceSelection selection = table.seed().selection();
        seed.put("replacedBySameKey", selection.replaced());
        ArrayNode same = seed.putArray("sameKeys");
        selection.replacements().forEach(same::add);
        if (!selection.keysChecked()) {
            seed.put("sameKeysChecked", false);
        }
    }

    private static List<ItemSourceSpec.FileScan> scans(TableSpec table) {
        List<ItemSourceSpec.FileScan> scans = new ArrayList<>();
        for (ItemSourceSpec source : table.seed().sources()) {
            if (source instanceof ItemSourceSpec.File file) {
                file.scan().ifPresent(scans::add);
            }
        }
        return scans;
    }

    private static String lines(long count) {
        return count == 1 ? "1 bad line" : count + " bad lines";
    }

    private static String items(long count) {
        return count == 1 ? "1 item" : count + " items";
    }
}
