package dev.dynaseed.imports.terraform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that braces, brackets and parentheses of HCL text balance and nest no deeper than a bound, skipping
 * strings, templates, heredocs and comments. hcl4j 0.9.4 silently drops an unclosed block or a stray closing
 * brace, and recurses per nesting level, so both are checked before it reads the text.
 */
final class HclPrescan {
    /** Deeper nesting than any table definition needs; bounds hcl4j's recursion. */
    static final int MAX_DEPTH = 64;

    private final String text;
    private int position;
    private int line = 1;
    private final Deque<int[]> open = new ArrayDeque<>(); // {bracket char, line}
    private final List<Chunk> chunks = new ArrayList<>();
    private int chunkStart;
    private int chunkLine = 1;
    private boolean afterTopLevelBlock;
    private final Set<Integer> flushHeredocEnds = new HashSet<>();
    /** Each \\uNNNN or \\UNNNNNNNN escape of a quoted string, in text order. */
    private final List<Escape> unicodeEscapes = new ArrayList<>();

    private Optional<LineMessage> escapeProblem = Optional.empty();

    private HclPrescan(String text) {
        this.text = text;
    }

    /** The first problem of {@code text} as (line, message), if any. */
    static Optional<LineMessage> check(String text) {
        return new HclPrescan(text).run();
    }

    /**
     * {@code text} cut after each top-level block into pieces that each hold whole top-level blocks and arguments,
     * or the first problem of the text. hcl4j 0.9.4's lexer looks ahead to the end of its input for some tokens, so
     * its time grows with the square of the input; lexed piece by piece it grows with the size.
     */
    static Scan scan(String text) {
        HclPrescan prescan = new HclPrescan(text);
        Optional<LineMessage> problem = prescan.run().or(() -> prescan.escapeProblem);
        if (problem.isEmpty() && !prescan.unicodeEscapes.isEmpty()) {
            // hcl4j 0.9.4 knows no \\u escapes: each is written as its character (lines do not move)
            StringBuilder decoded = new StringBuilder(text.length());
            int from = 0;
            for (Escape escape : prescan.unicodeEscapes) {
                decoded.append(text, from, escape.start()).append(escape.forHcl4j());
                from = escape.end();
            }
            return scan(decoded.append(text.substring(from)).toString());
        }
        if (problem.isEmpty() && prescan.chunkStart < text.length()) {
            prescan.chunks.add(new Chunk(text.substring(prescan.chunkStart), prescan.chunkLine));
        }
        return new Scan(
                problem,
                problem.isPresent() ? List.of() : List.copyOf(prescan.chunks),
                Set.copyOf(prescan.flushHeredocEnds));
    }

    /** A unicode escape at {@code [start, end)} of the text, and how hcl4j is to read it instead. */
    private record Escape(int start, int end, String forHcl4j) {}

    /** A message tied to a 1-based line. */
    record LineMessage(int line, String message) {}

    /** A piece of the text starting on a 1-based line. */
    record Chunk(String text, int line) {}

    /**
     * The first problem of a text, or its pieces when it has none, and the 1-based lines on which each indented
     * ({@code <<-}) heredoc ends: hcl4j reads both heredoc forms alike, so the reader dedents those itself.
     */
    record Scan(Optional<LineMessage> problem, List<Chunk> chunks, Set<Integer> flushHeredocEnds) {}

    private Optional<LineMessage> run() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != '\n' && c != ' ' && c != '\t' && c != '\r' && c != '#' && !(c == '/' && peek(1) == '/')) {
                afterTopLevelBlock = false;
            }
            if (c == '\n') {
                line++;
                position++;
                if (afterTopLevelBlock) {
                    chunks.add(new Chunk(text.substring(chunkStart, position), chunkLine));
                    chunkStart = position;
                    chunkLine = line;
                    afterTopLevelBlock = false;
                }
            } else if (c == '#' || (c == '/' && peek(1) == '/')) {
                skipLine();
            } else if (c == '/' && peek(1) == '*') {
                int start = line;
                if (!skipBlockComment()) {
                    return Optional.of(new LineMessage(start, "a /* comment is never closed with */"));
                }
            } else if (c == '"') {
                int start = line;
                position++;
                if (!skipString()) {
                    return Optional.of(new LineMessage(start, "a string is never closed with \""));
                }
            } else if (c == '<' && peek(1) == '<' && heredocStart()) {
                int start = line;
                if (!skipHeredoc()) {
                    return Optional.of(new LineMessage(start, "a heredoc (<<) is never closed by its end marker"));
                }
            } else if (c == '{' || c == '[' || c == '(') {
                open.push(new int[] {c, line});
                if (open.size() > MAX_DEPTH) {
                    return Optional.of(new LineMessage(
                            line, "nests deeper than " + MAX_DEPTH + " levels; no table definition needs that"));
                }
                position++;
            } else if (c == '}' || c == ']' || c == ')') {
                if (open.isEmpty()) {
                    return Optional.of(new LineMessage(line, "'" + c + "' closes nothing; remove it"));
                }
                int[] opened = open.pop();
                if (closing((char) opened[0]) != c) {
                    return Optional.of(new LineMessage(
                            line,
                            "'" + c + "' does not match the '" + (char) opened[0] + "' opened on line " + opened[1]));
                }
                position++;
                afterTopLevelBlock = c == '}' && open.isEmpty();
            } else {
                position++;
            }
        }
        if (!open.isEmpty()) {
            int[] opened = open.peek();
            return Optional.of(new LineMessage(
                    opened[1], "'" + (char) opened[0] + "' is never closed with '" + closing((char) opened[0]) + "'"));
        }
        return Optional.empty();
    }

    private static char closing(char opening) {
        return switch (opening) {
            case '{' -> '}';
            case '[' -> ']';
            default -> ')';
        };
    }

    private char peek(int ahead) {
        int at = position + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipLine() {
        while (position < text.length() && text.charAt(position) != '\n') {
            position++;
        }
    }

    private boolean skipBlockComment() {
        position += 2;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\n') {
                line++;
            } else if (c == '*' && peek(1) == '/') {
                position += 2;
                return true;
            }
            position++;
        }
        return false;
    }

    /** After the opening quote: to after the closing one, through escapes and ${...} interpolations. */
    private boolean skipString() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\n') {
                return false; // quoted strings end on their line in HCL
            } else if (c == '\\' && (peek(1) == 'u' || peek(1) == 'U')) {
                unicodeEscape(peek(1) == 'u' ? 4 : 8);
            } else if (c == '\\') {
                position += 2;
            } else if (c == '"') {
                position++;
                return true;
            } else if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
                position += 3; // $${ and %%{ are escapes
            } else if ((c == '$' || c == '%') && peek(1) == '{') {
                position += 2;
                if (!skipInterpolation()) {
                    return false;
                }
            } else {
                position++;
            }
        }
        return false;
    }

    /**
     * At a \\u (4 hex digits) or \\U (8) escape: records how hcl4j, which does not know it, is to read it: as its
     * character, or as the escape hcl4j knows for a quote, backslash or line break.
     */
    private void unicodeEscape(int digits) {
        int start = position;
        int end = start + 2 + digits;
        String hex = end <= text.length() ? text.substring(start + 2, end) : "";
        String written = text.substring(start, Math.min(end, text.length()));
        position = Math.min(end, text.length());
        if (!hex.matches("[0-9A-Fa-f]{" + digits + "}")) {
            escapeProblem = escapeProblem.or(() -> Optional.of(new LineMessage(
                    line,
                    "the escape " + written + " needs " + digits + " hexadecimal digits, such as \\u00e9 or"
                            + " \\U0001F600")));
            return;
        }
        int codePoint = (int) Long.parseLong(hex, 16);
        String replacement;
        if (codePoint == '"' || codePoint == '\\') {
            replacement = "\\" + (char) codePoint;
        } else if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t') {
            replacement = codePoint == '\n' ? "\\n" : codePoint == '\r' ? "\\r" : "\\t";
        } else if (codePoint < 0x20
                || codePoint == '$'
                || codePoint == '%'
                || !Character.isValidCodePoint(codePoint)
                || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            escapeProblem = escapeProblem.or(() -> Optional.of(new LineMessage(
                    line,
                    "the escape " + written + " is not supported by dynaseed's HCL reader (hcl4j 0.9.4); write the"
                            + " character itself (or $${ and %%{ for a literal ${ or %{)")));
            return;
        } else {
            replacement = new String(Character.toChars(codePoint));
        }
        unicodeEscapes.add(new Escape(start, end, replacement));
    }

    /** After "${": to after the matching "}", through nested strings and braces. */
    private boolean skipInterpolation() {
        int depth = 0;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\n') {
                line++;
                position++;
            } else if (c == '"') {
                position++;
                if (!skipString()) {
                    return false;
                }
            } else if (c == '{') {
                depth++;
                if (depth + open.size() > MAX_DEPTH) {
                    return false;
                }
                position++;
            } else if (c == '}') {
                position++;
                if (depth == 0) {
                    return true;
                }
                depth--;
            } else {
                position++;
            }
        }
        return false;
    }

    private boolean heredocStart() {
        int at = position + 2;
        if (at < text.length() && text.charAt(at) == '-') {
            at++;
        }
        return at < text.length() && Character.isLetter(text.charAt(at));
    }

    private boolean skipHeredoc() {
        int at = position + 2;
        boolean flush = text.charAt(at) == '-';
        if (flush) {
            at++;
        }
        int markerStart = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        String marker = text.substring(markerStart, at);
        int lineEnd = text.indexOf('\n', at);
        if (lineEnd < 0) {
            return false;
        }
        position = lineEnd + 1;
        line++;
        while (position < text.length()) {
            int end = text.indexOf('\n', position);
            String content = text.substring(position, end < 0 ? text.length() : end);
            if (content.strip().equals(marker)) {
                position += content.length();
                if (flush) {
                    flushHeredocEnds.add(line);
                }
                return true;
            }
            if (end < 0) {
                return false;
            }
            position = end + 1;
            line++;
        }
        return false;
    }
}
