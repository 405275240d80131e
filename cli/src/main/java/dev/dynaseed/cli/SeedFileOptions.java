package dev.dynaseed.cli;

import dev.dynaseed.files.ItemFiles;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * How a spec's item files (seed.files) are read: each is scanned before anything is sent (it exists, every line is an
 * item, counting them); what the scan found that a user should know (bad lines skipped, CSV types inferred) is said
 * on stderr.
 */
public final class SeedFileOptions {
    @Option(
            names = "--skip-bad",
            description = "Seed files: write the items that can be read and count the lines that cannot (listed with"
                    + " file:line:column and why, and counted per table in the report) instead of refusing to run while"
                    + " a seed file has a bad line.")
    boolean skipBad;

    /** The last scan's notes on requests of batch-write files that no table applies (also said on stderr). */
    private List<String> notes = List.of();

    /** {@code spec} with its files scanned; throws, naming every bad line, when a file cannot be used. */
    Spec scan(Spec spec, String source, PrintWriter err) {
        Spec scanned = ItemFiles.scan(spec, source, skipBad);
        for (TableSpec table : scanned.tables()) {
            for (ItemSourceSpec item : table.seed().sources()) {
                if (item instanceof ItemSourceSpec.File file && file.scan().isPresent()) {
                    note(table.name(), file, file.scan().get(), err);
                }
            }
        }
        notes = ItemFiles.unappliedRequests(scanned);
        notes.forEach(note -> err.println("note: " + note));
        err.flush();
        return scanned;
    }

    /** What the last {@link #scan} noted about requests no table applies, for {@code -o json}'s notes. */
    List<String> notes() {
        return notes;
    }

    private static void note(String table, ItemSourceSpec.File file, ItemSourceSpec.FileScan scan, PrintWriter err) {
        if (!scan.inferred().isEmpty()) {
            Map<String, ItemSourceSpec.CsvType> types = scan.columnTypes();
            err.println(table + ": " + file.path().getFileName() + ": column types "
                    + types.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()
                                    + (scan.inferred().contains(e.getKey()) ? " (inferred)" : ""))
                            .collect(Collectors.joining(", "))
                    + "; set others with types: {name: S}");
        }
        if (scan.badLines() > 0) {
            err.println(table + ": skipping " + scan.badLines() + " bad line" + (scan.badLines() == 1 ? "" : "s")
                    + " of " + file.path() + " (--skip-bad):");
            scan.bad().forEach(bad -> err.println("  " + bad));
            if (scan.badLines() > scan.bad().size()) {
                err.println("  ... and " + (scan.badLines() - scan.bad().size()) + " more");
            }
        }
    }
}
