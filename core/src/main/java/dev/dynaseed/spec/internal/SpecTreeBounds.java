package dev.dynaseed.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.spec.Problem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The bounds a parsed spec tree must keep before it is walked, whether it was read from text or handed in (the
 * {@code spec} object of a Lambda event, parsed by someone else): nesting depth, number of values, number of tables,
 * and numbers that are numbers. Checked without recursion, so a tree of any shape is judged in bounded time and stack.
 */
public final class SpecTreeBounds {
    private SpecTreeBounds() {}

    private record Frame(JsonNode node, String path, int depth) {}

    /** The first bound {@code root} breaks, as the one problem worth reporting; empty when it keeps them all. */
    public static Optional<Problem> check(JsonNode root) {
        Deque<Frame> pending = new ArrayDeque<>();
        pending.push(new Frame(root, "", 0));
        long values = 0;
        while (!pending.isEmpty()) {
            Frame frame = pending.pop();
            JsonNode node = frame.node();
            if (++values > SpecLimits.MAX_VALUES) {
                return Optional.of(new Problem(
                        "",
                        "holds more than " + SpecLimits.grouped(SpecLimits.MAX_VALUES)
                                + " values; a spec needs far fewer: split its tables over several specs"));
            }
            if (node.isContainerNode() && frame.depth() >= SpecLimits.MAX_DEPTH) {
                return Optional.of(new Problem(
                        frame.path(),
                        "nests objects and lists more than " + SpecLimits.MAX_DEPTH
                                + " levels deep; a spec needs far fewer: check the brackets and indentation"));
            }
            if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
                return Optional.of(new Problem(
                        frame.path(),
                        node.asText() + " is not a number DynamoDB can store; write a number below 1E+126, e.g. 100"));
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    pending.push(new Frame(
                            field.getValue(), SpecPaths.field(frame.path(), field.getKey()), frame.depth() + 1));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    pending.push(new Frame(node.get(i), SpecPaths.index(frame.path(), i), frame.depth() + 1));
                }
            }
        }
        JsonNode tables = root.path("tables");
        if (tables.isArray() && tables.size() > SpecLimits.MAX_TABLES) {
            // Said alone: every other problem of so many tables is noise until they are split.
            return Optional.of(new Problem("tables", SpecLimits.tooManyTables(tables.size())));
        }
        return Optional.empty();
    }
}
