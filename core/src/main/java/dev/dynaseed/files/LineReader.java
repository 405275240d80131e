package dev.dynaseed.files;

import java.io.IOException;
import java.io.Reader;

/** Reads text line by line (LF or CRLF), numbering lines from 1 and refusing to hold a line past a cap. */
final class LineReader {
    /** A line holding more characters than this is not kept (no DynamoDB item of 400 KB needs that much text). */
    static final int MAX_LINE_CHARS = 1024 * 1024;

    private final Reader in;
    private long number;
    private boolean ended;

    LineReader(Reader in) {
        this.in = in;
    }

    /** A line: its text, or {@code tooLong} when it passed the cap (its text then is its start only). */
    record Line(long number, String text, boolean tooLong) {}

    /** The next line, or null at the end of the text. */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            int c = in.read();
            if (c == -1) {
                ended = true;
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            if (c == '\n') {
                break;
            }
            if (text.length() < MAX_LINE_CHARS) {
                text.append((char) c);
            } else {
                tooLong = true;
            }
        }
        number++;
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\r') {
            text.setLength(end - 1);
        }
        return new Line(number, text.toString(), tooLong);
    }

    long number() {
        return number;
    }
}
