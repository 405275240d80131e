package dev.dynaseed.files;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: commas, double quotes around cells holding commas, quotes or line breaks, {@code ""} for a
 * quote; lines end in CRLF or LF, a CR alone is refused) into records, each with the line it starts on; no record is
 * held past a cap.
 */
final class CsvRecords {
    private final Reader in;
    private long line = 1;
    private int pending = -2;
    private boolean ended;
    /** The column of the last character read from the text, from 1 (0 before a line's first). */
    private long column;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /**
     * A record's cells and the column each starts at (on its line, from 1), or why it could not be read ({@code last}:
     * nothing after it can be).
     */
    record Row(long line, List<String> cells, List<Long> columns, String problem, boolean last) {
        Row {
            cells = List.copyOf(cells);
            columns = List.copyOf(columns);
        }

        Row(long line, List<String> cells, String problem, boolean last) {
            this(line, cells, List.of(), problem, last);
        }

        /** The column cell {@code index} starts at; 1 when unknown. */
        long column(int index) {
            return index < columns.size() ? columns.get(index) : 1;
        }
    }

    /** The next record that is not a blank line, or null at the end. */
    Row next() throws IOException {
        while (true) {
            if (ended) {
                return null;
            }
            Row row = record();
            if (row == null) {
                return null;
            }
            if (row.problem() == null
                    && row.cells().size() == 1
                    && row.cells().get(0).isEmpty()) {
                continue;
            }
            return row;
        }
    }

    private Row record() throws IOException {
        long start = line;
        List<String> cells = new ArrayList<>();
        List<Long> columns = new ArrayList<>();
        columns.add(column + 1);
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean any = false;
        long chars = 0;
        while (true) {
            int c = read();
            if (c == -1) {
                ended = true;
                if (quoted) {
                    return new Row(start, List.of(), "has a quote that is never closed", true);
                }
                if (!any) {
                    return null;
                }
                cells.add(cell.toString());
                return new Row(start, cells, columns, null, false);
            }
            any = true;
            if (++chars > LineReader.MAX_LINE_CHARS) {
                if (quoted) {
                    ended = true;
                    return new Row(
                            start,
                            List.of(),
                            "has a quoted cell longer than " + LineReader.MAX_LINE_CHARS
                                    + " characters (a quote that is never closed?)",
                            true);
                }
                skipLine(c);
                return new Row(
                        start,
                        List.of(),
                        "is longer than " + LineReader.MAX_LINE_CHARS
                                + " characters; no item of DynamoDB's 400 KB needs that much",
                        false);
            }
            if (quoted) {
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        pending = after;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
                continue;
            }
            if (c == ',') {
                cells.add(cell.toString());
                columns.add(column + 1);
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n') {
                line++;
                cells.add(cell.toString());
                return new Row(start, cells, columns, null, false);
            } else if (c == '\r') {
                long at = column;
                int after = read();
                if (after == '\n') {
                    line++;
                } else if (after == -1) {
                    ended = true;
                } else {
                    // RFC 4180 ends lines in CRLF; a CR alone is an old Mac line end or a stray byte: either way
                    // reading on would take the whole file for one line.
                    ended = true;
                    return new Row(
                            start,
                            List.of(),
                            List.of(at),
                            "holds a carriage return (CR) not followed by a line feed (LF); CSV lines end in CRLF or"
                                    + " LF (RFC 4180), and a CR inside a cell must be quoted: if the file ends its lines"
                                    + " with CR alone, convert it, e.g. tr '\\r' '\\n' < in.csv > out.csv",
                            true);
                }
                cells.add(cell.toString());
                return new Row(start, cells, columns, null, false);
            } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                cell.append((char) c);
            }
        }
    }

    private void skipLine(int c) throws IOException {
        while (c != -1 && c != '\n') {
            c = read();
        }
        if (c == -1) {
            ended = true;
        } else {
            line++;
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        int c = in.read();
        column = c == '\n' ? 0 : column + 1;
        return c;
    }
}
