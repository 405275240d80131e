package dev.dynaseed.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A plain-text table with aligned columns; numeric columns are right-aligned. Control characters in headers and cells
 * (newline, tab, ESC, ...) are shown as escapes such as {@code \n}, {@code \t} and backslash-u 001b for ESC, so that a value
 * can neither break the table's lines nor drive the terminal.
 */
public final class TextTable {
    private final List<String> headers;
    private final Set<Integer> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> headers, Set<Integer> rightAligned) {
        this.headers = headers.stream().map(TextTable::visible).toList();
        this.rightAligned = Set.copyOf(rightAligned);
    }

    public static TextTable of(List<String> headers, Set<Integer> rightAligned) {
        return new TextTable(headers, rightAligned);
    }

    public static TextTable of(String... headers) {
        return new TextTable(List.of(headers), Set.of());
    }

    public TextTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(cells.stream().map(TextTable::visible).toList());
        return this;
    }

    public TextTable row(String... cells) {
        return row(List.of(cells));
    }

    /**
     * {@code text} with each control character (C0, DEL, C1, line and paragraph separators) as a visible escape:
     * {@code \n}, {@code \r}, {@code \t}, else a backslash, u and four hex digits (ESC: backslash-u 001b). Other text, backslashes included, is unchanged.
     */
    public static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
            if (!control) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, each line indented by {@code indent}, ending with a newline. */
    public String render(String indent) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, indent, headers, widths);
        for (List<String> row : rows) {
            line(out, indent, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, String indent, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(rightAligned.contains(i) ? pad + cell : cell + pad);
            if (i < cells.size() - 1) {
                line.append("  ");
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
