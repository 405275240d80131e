package dev.dynaseed.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table of test cases in a tab-separated file: one case per line, {@code #} lines are comments. In a cell,
 * {@code \n}, {@code \t} and {@code \\} stand for a line break, a tab and a backslash, so that a multi-line message
 * fits on one line. With {@code -Dhostile.record=true} a test may rewrite its table from what it saw (then review the
 * diff: recording makes no test pass by itself).
 */
public final class CaseTable {
    /** Whether to rewrite the tables from the outputs seen instead of comparing with them. */
    public static final boolean RECORD = Boolean.getBoolean("hostile.record");

    private final Path file;
    private final List<String> lines;
    private final List<Row> rows;

    /** One case: its name (the first cell) and the other cells, unescaped, and the line it is on. */
    public record Row(String name, List<String> cells, int line) {
        public Row {
            Objects.requireNonNull(name, "name");
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private CaseTable(Path file, List<String> lines, List<Row> rows) {
        this.file = file;
        this.lines = lines;
        this.rows = rows;
    }

    /** Reads {@code resource} (e.g. {@code hostile/spec/cases.tsv}) from the module's test resources folder. */
    public static CaseTable ofResource(String resource) {
        Path file = Path.of("src", "test", "resources").resolve(resource);
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = Arrays.stream(line.split("\t", -1))
                        .map(CaseTable::unescape)
                        .toList();
                rows.add(new Row(cells.get(0), cells.subList(1, cells.size()), i));
            }
            return new CaseTable(file, lines, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the case table " + file.toAbsolutePath(), e);
        }
    }

    public List<Row> rows() {
        return rows;
    }

    /** Under {@link #RECORD}: replaces the cells of {@code row} after the name with {@code cells}, in the file. */
    public synchronized void record(Row row, List<String> cells) {
        StringBuilder line = new StringBuilder(escape(row.name()));
        cells.forEach(cell -> line.append('\t').append(escape(cell)));
        lines.set(row.line(), line.toString());
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String cell) {
        return cell.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    static String unescape(String cell) {
        StringBuilder out = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length()) {
                char next = cell.charAt(++i);
                out.append(
                        switch (next) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> next;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
