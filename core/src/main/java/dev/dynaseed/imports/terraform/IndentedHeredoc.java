package dev.dynaseed.imports.terraform;

/**
 * Terraform's rule for an indented heredoc ({@code <<-EOT}), as HCL's native syntax applies it: the line with the
 * fewest leading whitespace characters (a tab or any Unicode space counts as one character, as a space does) sets
 * how many are trimmed from the start of every line; lines holding only whitespace count for nothing and keep
 * their whitespace.
 */
final class IndentedHeredoc {
    private IndentedHeredoc() {}

    /** {@code content} (the heredoc's lines, each with its line break) with the common indentation removed. */
    static String dedent(String content) {
        String[] lines = content.split("(?<=\n)");
        int trim = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!blank(line)) {
                trim = Math.min(trim, leadingWhitespace(line));
            }
        }
        if (trim == Integer.MAX_VALUE || trim == 0) {
            return content;
        }
        StringBuilder dedented = new StringBuilder(content.length());
        for (String line : lines) {
            dedented.append(blank(line) ? line : line.substring(line.offsetByCodePoints(0, trim)));
        }
        return dedented.toString();
    }

    /** A line of whitespace alone, ending in a line break: HCL leaves it out of the count and as it is. */
    private static boolean blank(String line) {
        return line.endsWith("\n") && leadingWhitespace(line) == line.codePointCount(0, line.length());
    }

    private static int leadingWhitespace(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            if (!whitespace(codePoint)) {
                break;
            }
            count++;
            i += Character.charCount(codePoint);
        }
        return count;
    }

    /** Go's unicode.IsSpace, which HCL uses: the Unicode White_Space characters. */
    private static boolean whitespace(int codePoint) {
        return (codePoint >= '\t' && codePoint <= '\r') || codePoint == 0x85 || Character.isSpaceChar(codePoint);
    }
}
