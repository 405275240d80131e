package dev.dynaseed.spec.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages for JSON that a reader refuses, in dynaseed's words: a reading limit hit (nesting, a number's or a string's
 * length) says which limit and what to do, never the JSON library's class or method names.
 */
public final class JsonLimits {
    private static final Pattern ALLOWED = Pattern.compile("exceeds the maximum allowed \\((\\d+)");

    private JsonLimits() {}

    /**
     * Why {@code e} stopped reading, as the rest of a problem about the file: {@code "nests objects and lists more
     * than 64 levels deep; ..."} for a limit, else {@code "is not valid JSON: REASON"}.
     *
     * @param what what the file holds, for the advice, e.g. {@code "a template"}, {@code "a Lambda event"}
     */
    public static String problem(JsonProcessingException e, String what) {
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(what, "what");
        String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (!(e instanceof StreamConstraintsException)) {
            return "is not valid JSON: " + firstLine(reason);
        }
        Matcher allowed = ALLOWED.matcher(reason);
        String limit = allowed.find() ? allowed.group(1) : "the allowed number of";
        if (reason.startsWith("Document nesting depth")) {
            return nesting(limit, what);
        }
        if (reason.startsWith("Number value length")) {
            return "holds a number of more than " + limit + " characters; " + what
                    + " needs no such number (DynamoDB numbers hold at most 38 digits): shorten it";
        }
        if (reason.startsWith("String value length")) {
            return "holds a string of more than " + limit + " characters; shorten it";
        }
        if (reason.startsWith("Document length")) {
            return "is longer than " + limit + " characters; split it or shorten it";
        }
        return "exceeds a reading limit ("
                + firstLine(reason.replaceAll(", from `StreamReadConstraints\\.[a-zA-Z]+\\(\\)`", ""))
                + "); shorten it";
    }

    /**
     * {@code e} placed where {@code parser} stopped, when it does not say where itself (a limit is found before its
     * token has a location), so that the problem names the line.
     */
    public static StreamConstraintsException located(StreamConstraintsException e, JsonParser parser) {
        if (e.getLocation() != null) {
            return e;
        }
        StreamConstraintsException placed =
                new StreamConstraintsException(e.getOriginalMessage(), parser.currentLocation());
        placed.addSuppressed(e);
        return placed;
    }

    /** The problem of a file nested deeper than {@code limit} levels. */
    public static String nesting(Object limit, String what) {
        return "nests objects and lists more than " + limit + " levels deep; " + what
                + " needs far fewer: check its brackets, one may never be closed";
    }

    private static String firstLine(String reason) {
        String line = reason.lines().findFirst().orElse(reason).strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
