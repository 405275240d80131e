package dev.dynaseed.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.seed.IndexRanges;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one shard invocation is told, besides the spec: its shard, the run seed and base time the CLI drew once for
 * the whole run (so that every shard makes the items a single run would), the digest of the spec the shards were cut
 * from, and which attempt this is. In an event it is the {@code "shard"} field:
 *
 * <pre>{"spec": ..., "shard": {"index": 3, "of": 8, "attempt": 1, "runSeed": "-42", "baseTime":
 * "2026-11-26T04:00:00Z", "specDigest": "9f2c...", "ranges": {"orders": [[25000, 50000]]}}}</pre>
 *
 * Ranges are {@code [from, to)} item indexes; {@code runSeed} is a string so that no JSON reader rounds it.
 *
 * @param shard which items to write
 * @param runSeed the run's seed (used by tables without a randomSeed)
 * @param baseTime the run's base time (used by tables without a randomSeed)
 * @param specDigest {@link Shards#digest} of the spec the shard was cut from
 * @param attempt 1 for the first invocation, counting re-invocations
 */
public record ShardEvent(Shard shard, long runSeed, Instant baseTime, String specDigest, int attempt) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ShardEvent {
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(baseTime, "baseTime");
        Objects.requireNonNull(specDigest, "specDigest");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, was " + attempt);
        }
    }

    /** The shards of {@code spec} split {@code n} ways, as first attempts with this run's seed and base time. */
    public static List<ShardEvent> split(Spec spec, int n, long runSeed, Instant baseTime) {
        String digest = Shards.digest(spec);
        return Shards.split(spec, n).stream()
                .map(shard -> new ShardEvent(shard, runSeed, baseTime, digest, 1))
                .toList();
    }

    /** The next attempt, writing {@code left} only. */
    public ShardEvent retry(Map<String, IndexRanges> left) {
        return new ShardEvent(shard.with(left), runSeed, baseTime, specDigest, attempt + 1);
    }

    /** The {@code "shard"} field's value. */
    public ObjectNode toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("index", shard.index());
        node.put("of", shard.of());
        node.put("attempt", attempt);
        node.put("runSeed", Long.toString(runSeed));
        node.put("baseTime", baseTime.toString());
        node.put("specDigest", specDigest);
        node.set("ranges", rangesJson(shard.ranges()));
        return node;
    }

    /** The whole event: {@code spec} (text or object; none for the function's configured spec) and the shard. */
    public ObjectNode event(Optional<JsonNode> spec) {
        ObjectNode event = MAPPER.createObjectNode();
        spec.ifPresent(value -> event.set("spec", value));
        event.set("shard", toJson());
        return event;
    }

    /** Whether {@code event} asks for one shard (has a {@code "shard"} field) rather than a whole apply. */
    public static boolean present(JsonNode event) {
        return event != null && event.has("shard") && !event.get("shard").isNull();
    }

    /**
     * The event's shard, checked against the spec the function uses: same digest, known tables, indexes within each
     * table's count.
     *
     * @throws InvalidSpecException listing every problem, with its path under {@code shard}
     */
    public static ShardEvent read(JsonNode event, Spec spec) {
        Shards.requireNoFiles(spec);
        JsonNode node = event.get("shard");
        List<Problem> problems = new ArrayList<>();
        if (!node.isObject()) {
            throw invalid(List.of(new Problem(
                    "shard",
                    "expected an object, got " + type(node) + "; send what 'dynaseed shards' prints, e.g."
                            + " {\"index\": 1, \"of\": 8, \"runSeed\": \"7\", \"baseTime\": \"2026-01-01T00:00:00Z\","
                            + " \"specDigest\": \"...\", \"ranges\": {\"orders\": [[0, 25000]]}}")));
        }
        int index = intField(node, "index", problems);
        int of = intField(node, "of", problems);
        int attempt = node.has("attempt") ? intField(node, "attempt", problems) : 1;
        if (attempt < 1 && node.has("attempt") && node.get("attempt").isIntegralNumber()) {
            problems.add(new Problem("shard.attempt", "counts from 1, was " + attempt));
        }
        long runSeed = 0;
        JsonNode seed = node.get("runSeed");
        if (seed == null || !(seed.isTextual() || seed.canConvertToLong() && seed.isIntegralNumber())) {
            problems.add(new Problem("shard.runSeed", "expected the run seed as a string of digits, e.g. \"-42\""));
        } else {
            try {
                runSeed = seed.isTextual() ? Long.parseLong(seed.textValue()) : seed.longValue();
            } catch (NumberFormatException e) {
                problems.add(new Problem(
                        "shard.runSeed",
                        "'" + shorten(seed.textValue()) + "' is not a whole number from " + Long.MIN_VALUE + " to "
                                + Long.MAX_VALUE));
            }
        }
        Instant baseTime = Instant.EPOCH;
        JsonNode time = node.get("baseTime");
        try {
            baseTime = Instant.parse(time == null || !time.isTextual() ? "" : time.textValue());
        } catch (DateTimeParseException e) {
            problems.add(new Problem("shard.baseTime", "expected an ISO-8601 instant, e.g. \"2026-01-01T00:00:00Z\""));
        }
        JsonNode digest = node.get("specDigest");
        String expected = Shards.digest(spec);
        if (digest == null || !digest.isTextual()) {
            problems.add(new Problem("shard.specDigest", "missing; send the digest 'dynaseed shards' prints"));
        } else if (!digest.textValue().equals(expected)) {
            problems.add(new Problem(
                    "shard.specDigest",
                    "the shard was cut from another spec (digest " + shorten(digest.textValue()) + ") than the one this"
                            + " function uses (digest " + expected + "), so it would write other items; send the same"
                            + " spec in the event's \"spec\", or deploy the function with it"));
        }
        Map<String, IndexRanges> ranges = ranges(node.get("ranges"), spec, problems);
        if (problems.isEmpty() && (of < 1 || index < 1 || index > of || of > Shards.MAX_SHARDS)) {
            problems.add(new Problem(
                    "shard.index",
                    "shard " + index + "/" + of + " is not K/N with 1 <= K <= N <= " + Shards.MAX_SHARDS));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new ShardEvent(new Shard(index, of, ranges), runSeed, baseTime, digest.textValue(), attempt);
    }

    /** {@code {"table": [[from, to], ...]}}. */
    public static ObjectNode rangesJson(Map<String, IndexRanges> ranges) {
        ObjectNode node = MAPPER.createObjectNode();
        ranges.forEach((table, indexes) -> {
            ArrayNode list = node.putArray(table);
            for (IndexRanges.Range range : indexes.ranges()) {
                list.addArray().add(range.from()).add(range.to());
            }
        });
        return node;
    }

    /**
     * Reads {@link #rangesJson} back, every range checked to be {@code 0 <= from < to <= limit(table)}.
     *
     * @param limits each known table's item count; a table not in it is a problem
     */
    static Map<String, IndexRanges> readRanges(
            JsonNode node, String path, Map<String, Long> limits, List<Problem> problems) {
        Map<String, IndexRanges> ranges = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            problems.add(new Problem(
                    path,
                    "expected an object of table name to [[from, to], ...], e.g." + " {\"orders\": [[0, 25000]]}"));
            return ranges;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String table = field.getKey();
            String at = path + "." + table;
            Long limit = limits.get(table);
            if (limit == null) {
                problems.add(new Problem(
                        at, "table '" + shorten(table) + "' is not in the spec; its tables are " + limits.keySet()));
                continue;
            }
            if (!field.getValue().isArray()) {
                problems.add(new Problem(at, "expected a list of [from, to] pairs, e.g. [[0, 25000]]"));
                continue;
            }
            List<IndexRanges.Range> list = new ArrayList<>();
            int i = 0;
            for (JsonNode pair : field.getValue()) {
                String pairPath = at + "[" + i++ + "]";
                if (!pair.isArray()
                        || pair.size() != 2
                        || !pair.get(0).canConvertToLong()
                        || !pair.get(1).canConvertToLong()
                        || !pair.get(0).isIntegralNumber()
                        || !pair.get(1).isIntegralNumber()) {
                    problems.add(new Problem(pairPath, "expected [from, to], two whole numbers, e.g. [0, 25000]"));
                    continue;
                }
                long from = pair.get(0).longValue();
                long to = pair.get(1).longValue();
                if (from < 0 || to <= from || to > limit) {
                    problems.add(new Problem(
                            pairPath,
                            "[" + from + ", " + to + "] is not a range of items of '" + table + "', which has " + limit
                                    + "; use 0 <= from < to <= " + limit));
                    continue;
                }
                list.add(new IndexRanges.Range(from, to));
            }
            ranges.put(table, IndexRanges.of(list));
        }
        return ranges;
    }

    private static Map<String, IndexRanges> ranges(JsonNode node, Spec spec, List<Problem> problems) {
        Map<String, Long> limits = new LinkedHashMap<>();
        for (TableSpec table : spec.tables()) {
            limits.put(table.name(), Shards.items(table));
        }
        Map<String, IndexRanges> read = readRanges(node, "shard.ranges", limits, problems);
        // In spec order, whatever order the event lists them in.
        Map<String, IndexRanges> ordered = new LinkedHashMap<>();
        limits.keySet().forEach(table -> {
            if (read.containsKey(table)) {
                ordered.put(table, read.get(table));
            }
        });
        return ordered;
    }

    private static int intField(JsonNode node, String name, List<Problem> problems) {
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(new Problem("shard." + name, "expected a whole number, e.g. 1"));
            return 0;
        }
        return value.intValue();
    }

    private static InvalidSpecException invalid(List<Problem> problems) {
        return new InvalidSpecException("event.shard", problems);
    }

    private static String type(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
