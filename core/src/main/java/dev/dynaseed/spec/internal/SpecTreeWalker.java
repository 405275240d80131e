package dev.dynaseed.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a spec tree into records, recording a problem for every structural fault; a table with faults is left out
 * of the result (its problems stay), so that validation only judges tables that could be read.
 */
public final class SpecTreeWalker {
    public static final List<String> SPEC_FIELDS = List.of("version", "tables");
    public static final List<String> TABLE_FIELDS = List.of(
            "name",
            "partitionKey",
            "sortKey",
            "billing",
            "tags",
            "globalSecondaryIndexes",
            "localSecondaryIndexes",
            "timeToLive",
            "stream",
            "pointInTimeRecovery",
            "encryption",
            "tableClass",
            "deletionProtection",
            "warmThroughput",
            "resourcePolicy",
            "contributorInsights",
            "seed");
    public static final List<String> KEY_FIELDS = List.of("name", "type");
    public static final List<String> BILLING_FIELDS =
            List.of("mode", "readCapacity", "writeCapacity", "maxReadRequestUnits", "maxWriteRequestUnits");
    public static final List<String> SEED_FIELDS =
            List.of("count", "onExisting", "randomSeed", "baseTime", "attributes", "items", "files", "entities");

    private final List<Problem> problems;
    private final GeneratorSpecReader generators;
    private final EntitySpecReader entities;
    private final TableFeaturesReader features;
    private final List<Integer> positions = new ArrayList<>();
    private final List<TableParts> broken = new ArrayList<>();

    /** The parts that could be read of each table left out for its structural faults. */
    public List<TableParts> broken() {
        return broken;
    }

    /** Where each table of the last spec read stood in its file (tables left out shift the rest). */
    public List<Integer> positions() {
        return positions;
    }

    public SpecTreeWalker(List<Problem> problems) {
        this.problems = problems;
        this.generators = new GeneratorSpecReader(problems);
        this.entities = new EntitySpecReader(problems, generators);
        this.features = new TableFeaturesReader(problems, this::key);
    }

    /** The spec in {@code tree}, with the tables that could be read. */
    public Spec spec(JsonNode tree) {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            problems.add(new Problem(
                    "",
                    "is empty; list tables, e.g. tables: [{name: orders, partitionKey:"
                            + " {name: id, type: S}}], or run 'dynaseed init' for a starter file"));
            return new Spec(List.of());
        }
        Optional<ObjectFields> root = ObjectFields.of(tree, "", problems, SPEC_FIELDS, "tables: [{name: orders, ...}]");
        if (root.isEmpty()) {
            return new Spec(List.of());
        }
        root.get().node("version").ifPresent(version -> {
            // Compared exactly: intValue() would read 4294967297 as 1.
            if (!version.isIntegralNumber() || !version.bigIntegerValue().equals(BigInteger.ONE)) {
                root.get()
                        .problem(
                                "version",
                                ObjectFields.describe(version)
                                        + " is not a spec version this dynaseed reads; use version: 1");
            }
        });
        Optional<JsonNode> tables = root.get().required("tables", "tables: [{name: orders, ...}]");
        List<TableSpec> result = new ArrayList<>();
        if (tables.isPresent() && !tables.get().isArray()) {
            root.get().wrongType("tables", tables.get(), "a list", "tables: [{name: orders, ...}]");
        } else if (tables.isPresent() && tables.get().isEmpty()) {
            root.get()
                    .problem(
                            "tables",
                            "is empty; list at least one table, e.g. tables: [{name: orders, partitionKey:"
                                    + " {name: id, type: S}}]");
        } else if (tables.isPresent()) {
            int index = 0;
            for (JsonNode table : tables.get()) {
                int position = index++;
                table(table, SpecPaths.index("tables", position), position).ifPresent(read -> {
                    result.add(read);
                    positions.add(position);
                });
            }
        }
        return new Spec(result);
    }

    private Optional<TableSpec> table(JsonNode node, String path, int position) {
        int before = problems.size();
        Optional<ObjectFields> found = ObjectFields.of(
                node, path, problems, TABLE_FIELDS, "{name: orders, partitionKey: {name: id, type: S}}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = found.get();
        Optional<String> name = fields.requiredText("name", "name: orders");
        Optional<KeySpec> partitionKey = fields.required("partitionKey", "partitionKey: {name: id, type: S}")
                .flatMap(key -> key(key, fields.pathOf("partitionKey")));
        Optional<KeySpec> sortKey = fields.node("sortKey").flatMap(key -> key(key, fields.pathOf("sortKey")));
        Optional<BillingSpec> billing = fields.node("billing").flatMap(b -> billing(b, fields.pathOf("billing")));
        Map<String, String> tags =
                fields.node("tags").map(t -> tags(t, fields.pathOf("tags"))).orElse(Map.of());
        TableFeatures tableFeatures = features.read(fields, partitionKey);
        Optional<SeedSpec> seed = fields.has("seed")
                ? fields.node("seed").flatMap(s -> seed(s, fields.pathOf("seed")))
                : Optional.of(SeedSpec.none());
        if (problems.size() != before || name.isEmpty() || partitionKey.isEmpty()) {
            Optional<KeySpec> sortKeyRead = fields.has("sortKey") ? sortKey : Optional.empty();
            broken.add(new TableParts(position, name, partitionKey, sortKeyRead, billing, tags, seed));
            return Optional.empty();
        }
        return Optional.of(new TableSpec(
                name.get(),
                partitionKey.get(),
                sortKey,
                billing.orElse(new BillingSpec.PayPerRequest()),
                tags,
                seed.orElse(SeedSpec.none()),
                tableFeatures));
    }

    private Optional<KeySpec> key(JsonNode node, String path) {
        Optional<ObjectFields> found = ObjectFields.of(node, path, problems, KEY_FIELDS, "{name: id, type: S}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = found.get();
        Optional<String> name = fields.requiredText("name", "name: id");
        Optional<KeyType> type = fields.requiredText("type", "type: S").flatMap(text -> {
            try {
                return Optional.of(KeyType.valueOf(text.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                fields.problem("type", Quote.of(text) + " is not a DynamoDB key type; use S, N or B");
                return Optional.empty();
            }
        });
        return name.isPresent() && type.isPresent()
                ? Optional.of(new KeySpec(name.get(), type.get()))
                : Optional.empty();
    }

    private Optional<BillingSpec> billing(JsonNode node, String path) {
        Optional<ObjectFields> found = ObjectFields.of(
                node, path, problems, BILLING_FIELDS, "{mode: PROVISIONED, readCapacity: 5, writeCapacity: 5}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = found.get();
        Optional<Long> read = capacity(fields, "read");
        Optional<Long> write = capacity(fields, "write");
        String mode = fields.requiredText("mode", "mode: PAY_PER_REQUEST").orElse("");
        switch (mode.toUpperCase(Locale.ROOT)) {
            case "PROVISIONED" -> {
                if (!fields.has("readCapacity")) {
                    fields.missing("readCapacity", "readCapacity: 5 (PROVISIONED needs read and write units)");
                }
                if (!fields.has("writeCapacity")) {
                    fields.missing("writeCapacity", "writeCapacity: 5 (PROVISIONED needs read and write units)");
                }
                for (String maximum : List.of("maxReadRequestUnits", "maxWriteRequestUnits")) {
                    if (fields.has(maximum)) {
                        fields.problem(
                                maximum,
                                "only allowed with mode PAY_PER_REQUEST (on-demand maximums); remove it, or use"
                                        + " readCapacity and writeCapacity to bound a PROVISIONED table");
                    }
                }
                return read.isPresent() && write.isPresent()
                        ? Optional.of(new BillingSpec.Provisioned(read.get(), write.get()))
                        : Optional.empty();
            }
            case "PAY_PER_REQUEST", "ON_DEMAND" -> {
                for (String capacity : List.of("readCapacity", "writeCapacity")) {
                    if (fields.has(capacity)) {
                        fields.problem(
                                capacity,
                                "not allowed with mode PAY_PER_REQUEST; remove it, or use"
                                        + " mode: PROVISIONED to set capacity units");
                    }
                }
                return Optional.of(new BillingSpec.PayPerRequest(TableFeaturesReader.onDemandLimits(fields)));
            }
            case "" -> {
                return Optional.empty();
            }
            default -> {
                fields.problem("mode", Quote.of(mode) + " is not a billing mode; use PROVISIONED or PAY_PER_REQUEST");
                return Optional.empty();
            }
        }
    }

    /** Capacity units as a long; a value beyond any long gets the validator's message for out-of-range units. */
    static Optional<Long> capacity(ObjectFields fields, String kind) {
        String field = kind + "Capacity";
        return fields.integer(field, field + ": 5").flatMap(units -> {
            if (units.bitLength() < Long.SIZE) {
                return Optional.of(units.longValue());
            }
            fields.problem(
                    field,
                    SpecLimits.capacityOutOfRange(
                            ObjectFields.describe(fields.node(field).orElseThrow()), kind));
            return Optional.empty();
        });
    }

    private Map<String, String> tags(JsonNode node, String path) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (!node.isObject()) {
            problems.add(new Problem(
                    path,
                    "expected a map of tag names to values, got " + ObjectFields.describe(node)
                            + "; write e.g. tags: {team: payments}"));
            return tags;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            if (tag.getValue().isValueNode() && !tag.getValue().isNull()) {
                tags.put(tag.getKey(), tag.getValue().asText());
            } else {
                problems.add(new Problem(
                        SpecPaths.field(path, tag.getKey()),
                        ObjectFields.describe(tag.getValue()) + " is not a tag value; write e.g. "
                                + Quote.bare(tag.getKey()) + ": payments"));
            }
        }
        return tags;
    }

    private Optional<SeedSpec> seed(JsonNode node, String path) {
        Optional<ObjectFields> found =
                ObjectFields.of(node, path, problems, SEED_FIELDS, "{count: 100, attributes: {id: uuid4}}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = found.get();
        // With items, files or entities, count (the generated items) may be left out: 0 (for entities, their total,
        // worked out below).
        Optional<Long> count =
                (fields.has("items") || fields.has("files") || fields.has("entities")) && !fields.has("count")
                        ? Optional.of(0L)
                        : fields.requiredWholeNumber("count", "count: 100", 0, SpecLimits.MAX_SEED_COUNT);
        List<ItemSourceSpec> sources = new ItemSourceReader(problems).read(fields);
        ExistingDataPolicy policy = fields.text("onExisting", "onExisting: append")
                .flatMap(text -> policy(text, fields))
                .orElse(ExistingDataPolicy.APPEND);
        Optional<Long> randomSeed = fields.wholeNumber("randomSeed", "randomSeed: 42");
        Optional<Instant> baseTime = fields.text("baseTime", "baseTime: 2025-01-01T00:00:00Z")
                .flatMap(text -> {
                    try {
                        return Optional.of(Instant.parse(text));
                    } catch (DateTimeParseException e) {
                        fields.problem(
                                "baseTime",
                                Quote.of(text) + " is not an ISO-8601 instant; write e.g."
                                        + " baseTime: 2025-01-01T00:00:00Z");
                        return Optional.empty();
                    }
                });
        Map<String, GeneratorSpec> attributes = new LinkedHashMap<>();
        fields.node("attributes").ifPresent(map -> {
            if (!map.isObject()) {
                fields.wrongType(
                        "attributes", map, "a map of attribute names to generators", "attributes: {id: uuid4}");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> attribute = it.next();
                generators
                        .read(attribute.getValue(), SpecPaths.field(fields.pathOf("attributes"), attribute.getKey()))
                        .ifPresent(generator -> attributes.put(attribute.getKey(), generator));
            }
        });
        Optional<SeedSpec> seed = count.map(c -> new SeedSpec(c, policy, randomSeed, baseTime, attributes, sources));
        if (seed.isPresent() && fields.has("entities")) {
            return entities.entities(fields.node("entities").orElseThrow(), fields.pathOf("entities"))
                    .flatMap(read -> entities.withEntities(seed.get(), read, fields));
        }
        return seed;
    }

    private Optional<ExistingDataPolicy> policy(String text, ObjectFields fields) {
        for (ExistingDataPolicy policy : ExistingDataPolicy.values()) {
            if (policy.specName().equalsIgnoreCase(text)) {
                return Optional.of(policy);
            }
        }
        fields.problem(
                "onExisting",
                Quote.of(text) + " is not a policy for existing data; use append (add items on"
                        + " every run), skip (seed only an empty table) or upsert (overwrite items by key)");
        return Optional.empty();
    }
}
