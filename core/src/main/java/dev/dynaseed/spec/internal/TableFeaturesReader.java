package dev.dynaseed.spec.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.LocalIndexSpec;
import dev.dynaseed.spec.OnDemandLimits;
import dev.dynaseed.spec.PointInTimeRecoverySpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.StreamView;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.WarmThroughputSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads a table's optional features (indexes, TTL, stream, backups, encryption, ...) into {@link TableFeatures},
 * recording a problem for every structural fault; rules across fields are {@code SpecValidator}'s.
 */
public final class TableFeaturesReader {
    public static final List<String> FIELDS = List.of(
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
            "contributorInsights");
    public static final List<String> GLOBAL_INDEX_FIELDS = List.of(
            "name",
            "partitionKey",
            "sortKey",
            "projection",
            "readCapacity",
            "writeCapacity",
            "maxReadRequestUnits",
            "maxWriteRequestUnits",
            "warmThroughput",
            "sparse");
    public static final List<String> LOCAL_INDEX_FIELDS =
            List.of("name", "partitionKey", "sortKey", "projection", "sparse");
    public static final List<String> PROJECTION_FIELDS = List.of("type", "attributes");
    public static final List<String> WARM_THROUGHPUT_FIELDS = List.of("readUnitsPerSecond", "writeUnitsPerSecond");
    public static final List<String> TIME_TO_LIVE_FIELDS = List.of("attribute");
    public static final List<String> STREAM_FIELDS = List.of("viewType");
    public static final List<String> POINT_IN_TIME_RECOVERY_FIELDS = List.of("enabled", "recoveryPeriodDays");
    public static final List<String> ENCRYPTION_FIELDS = List.of("type", "kmsKeyId");

    /** DynamoDB's multi-attribute index keys: at most this many partition, and sort, key attributes per GSI. */
    public static final int MAX_INDEX_KEY_ATTRIBUTES = 4;

    /** The longest continuous-backup recovery period DynamoDB keeps, in days (also its default). */
    public static final int MAX_RECOVERY_PERIOD_DAYS = 35;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Problem> problems;
    private final BiFunction<JsonNode, String, Optional<KeySpec>> keys;

    /** Reads key objects with {@code keys}, as the table's own keys are read. */
    public TableFeaturesReader(List<Problem> problems, BiFunction<JsonNode, String, Optional<KeySpec>> keys) {
        this.problems = problems;
        this.keys = keys;
    }

    /** The features written in {@code table}; LSIs take {@code tablePartitionKey}, when it could be read. */
    public TableFeatures read(ObjectFields table, Optional<KeySpec> tablePartitionKey) {
        List<GlobalIndexSpec> globals = new ArrayList<>();
        table.node("globalSecondaryIndexes").ifPresent(list -> {
            String path = table.pathOf("globalSecondaryIndexes");
            if (isList(
                    list, path, "globalSecondaryIndexes: [{name: by_status, partitionKey: {name: status, type: S}}]")) {
                for (int i = 0; i < list.size(); i++) {
                    globalIndex(list.get(i), SpecPaths.index(path, i)).ifPresent(globals::add);
                }
            }
        });
        List<LocalIndexSpec> locals = new ArrayList<>();
        table.node("localSecondaryIndexes").ifPresent(list -> {
            String path = table.pathOf("localSecondaryIndexes");
            if (isList(list, path, "localSecondaryIndexes: [{name: by_total, sortKey: {name: total, type: N}}]")) {
                for (int i = 0; i < list.size(); i++) {
                    localIndex(list.get(i), SpecPaths.index(path, i), tablePartitionKey)
                            .ifPresent(locals::add);
                }
            }
        });
        Optional<String> timeToLive = table.node("timeToLive")
                .flatMap(
                        node -> object(node, table.pathOf("timeToLive"), TIME_TO_LIVE_FIELDS, "{attribute: expires_at}")
                                .flatMap(fields -> fields.requiredText("attribute", "attribute: expires_at")));
        Optional<StreamView> stream = table.node("stream")
                .flatMap(node -> object(node, table.pathOf("stream"), STREAM_FIELDS, "{viewType: NEW_AND_OLD_IMAGES}"))
                .flatMap(fields -> fields.requiredText("viewType", "viewType: NEW_AND_OLD_IMAGES")
                        .flatMap(text -> named(fields, "viewType", text, StreamView.values(), "a stream view type")));
        Optional<PointInTimeRecoverySpec> pointInTimeRecovery =
                table.node("pointInTimeRecovery").flatMap(node -> pointInTimeRecovery(node, table));
        Optional<EncryptionSpec> encryption = table.node("encryption").flatMap(node -> encryption(node, table));
        Optional<TableClassSpec> tableClass = table.text("tableClass", "tableClass: STANDARD")
                .flatMap(text -> named(table, "tableClass", text, TableClassSpec.values(), "a table class"));
        Optional<Boolean> deletionProtection = table.bool("deletionProtection", "deletionProtection: true");
        Optional<WarmThroughputSpec> warmThroughput =
                table.node("warmThroughput").flatMap(node -> warmThroughput(node, table.pathOf("warmThroughput")));
        Optional<String> resourcePolicy = table.node("resourcePolicy").flatMap(node -> resourcePolicy(node, table));
        Optional<Boolean> contributorInsights = table.bool("contributorInsights", "contributorInsights: true");
        return new TableFeatures(
                globals,
                locals,
                timeToLive,
                stream,
                pointInTimeRecovery,
                encryption,
                tableClass,
                deletionProtection,
                warmThroughput,
                resourcePolicy,
                contributorInsights);
    }

    private Optional<GlobalIndexSpec> globalIndex(JsonNode node, String path) {
        Optional<ObjectFields> found =
                object(node, path, GLOBAL_INDEX_FIELDS, "{name: by_status, partitionKey: {name: status, type: S}}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = found.get();
        int before = problems.size();
        Optional<String> name = fields.requiredText("name", "name: by_status");
        Optional<List<KeySpec>> partitionKeys = fields.required("partitionKey", "partitionKey: {name: status, type: S}")
                .flatMap(keyNode -> keyList(keyNode, fields.pathOf("partitionKey"), "partition"));
        Optional<List<KeySpec>> sortKeys = fields.node("sortKey")
                .map(keyNode -> keyList(keyNode, fields.pathOf("sortKey"), "sort"))
                .orElse(Optional.of(List.of()));
        ProjectionSpec projection = projection(fields);
        Optional<Long> read = SpecTreeWalker.capacity(fields, "read");
        Optional<Long> write = SpecTreeWalker.capacity(fields, "write");
        if (fields.has("readCapacity") != fields.has("writeCapacity")) {
            String absent = fields.has("readCapacity") ? "writeCapacity" : "readCapacity";
            fields.missing(absent, absent + ": 5 (an index's provisioned capacity needs read and write units)");
        }
        Optional<CapacitySpec> capacity = read.isPresent() && write.isPresent()
                ? Optional.of(new CapacitySpec(read.get(), write.get()))
                : Optional.empty();
        Optional<OnDemandLimits> onDemand = onDemandLimits(fields);
        Optional<WarmThroughputSpec> warm = fields.node("warmThroughput")
                .flatMap(warmNode -> warmThroughput(warmNode, fields.pathOf("warmThroughput")));
        boolean sparse = fields.bool("sparse", "sparse: true").orElse(false);
        if (problems.size() != before || name.isEmpty() || partitionKeys.isEmpty() || sortKeys.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GlobalIndexSpec(
                name.get(), partitionKeys.get(), sortKeys.get(), projection, capacity, onDemand, warm, sparse));
    }

    private Optional<LocalIndexSpec> localIndex(JsonNode node, String path, Optional<KeySpec> tablePartitionKey) {
        Optional<ObjectFields> found =
                object(node, path, LOCAL_INDEX_FIELDS, "{name: by_total, sortKey: {name: total, type: N}}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = found.get();
        int before = problems.size();
        Optional<String> name = fields.requiredText("name", "name: by_total");
        Optional<KeySpec> partitionKey =
                fields.node("partitionKey").flatMap(keyNode -> keys.apply(keyNode, fields.pathOf("partitionKey")));
        if (partitionKey.isPresent()
                && tablePartitionKey.isPresent()
                && !partitionKey.get().equals(tablePartitionKey.get())) {
            fields.problem(
                    "partitionKey",
                    Quote.of(partitionKey.get().name()) + " ("
                            + partitionKey.get().type()
                            + ") is not the table's partition key "
                            + Quote.of(tablePartitionKey.get().name())
                            + " (" + tablePartitionKey.get().type() + "); a local secondary index shares the"
                            + " table's partition key: remove partitionKey here, or make it a global secondary index");
        }
        Optional<KeySpec> sortKey = fields.required("sortKey", "sortKey: {name: total, type: N}")
                .flatMap(keyNode -> keys.apply(keyNode, fields.pathOf("sortKey")));
        ProjectionSpec projection = projection(fields);
        boolean sparse = fields.bool("sparse", "sparse: true").orElse(false);
        if (problems.size() != before || name.isEmpty() || sortKey.isEmpty() || tablePartitionKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LocalIndexSpec(name.get(), tablePartitionKey.get(), sortKey.get(), projection, sparse));
    }

    /** One {@code {name, type}} or a list of 1 to 4 of them (DynamoDB's multi-attribute index keys). */
    private Optional<List<KeySpec>> keyList(JsonNode node, String path, String role) {
        if (!node.isArray()) {
            return keys.apply(node, path).map(List::of);
        }
        if (node.isEmpty() || node.size() > MAX_INDEX_KEY_ATTRIBUTES) {
            problems.add(new Problem(
                    path,
                    "lists " + node.size() + " attributes; a global secondary index's " + role + " key has 1 to "
                            + MAX_INDEX_KEY_ATTRIBUTES + " (DynamoDB's multi-attribute keys), e.g. [{name: tenant,"
                            + " type: S}, {name: region, type: S}]"));
            return Optional.empty();
        }
        List<KeySpec> read = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < node.size(); i++) {
            Optional<KeySpec> key = keys.apply(node.get(i), SpecPaths.index(path, i));
            key.ifPresent(read::add);
            complete &= key.isPresent();
        }
        return complete ? Optional.of(read) : Optional.empty();
    }

    /** {@code ALL} (the default), {@code KEYS_ONLY}, or {@code {type: INCLUDE, attributes: [a, b]}}. */
    private ProjectionSpec projection(ObjectFields index) {
        Optional<JsonNode> written = index.node("projection");
        if (written.isEmpty()) {
            return ProjectionSpec.all();
        }
        JsonNode node = written.get();
        String path = index.pathOf("projection");
        if (node.isTextual()) {
            String type = node.textValue().toUpperCase(Locale.ROOT);
            if (type.equals("INCLUDE")) {
                problems.add(new Problem(
                        path,
                        "INCLUDE needs the attributes it projects; write projection: {type: INCLUDE, attributes:"
                                + " [total, status]}"));
                return ProjectionSpec.all();
            }
            return projectionType(index, "projection", node.textValue())
                    .map(t -> new ProjectionSpec(t, List.of()))
                    .orElse(ProjectionSpec.all());
        }
        Optional<ObjectFields> found = object(node, path, PROJECTION_FIELDS, "{type: INCLUDE, attributes: [total]}");
        if (found.isEmpty()) {
            return ProjectionSpec.all();
        }
        ObjectFields fields = found.get();
        Optional<ProjectionSpec.Type> type =
                fields.requiredText("type", "type: KEYS_ONLY").flatMap(text -> projectionType(fields, "type", text));
        List<String> attributes = new ArrayList<>();
        fields.node("attributes").ifPresent(list -> {
            if (!list.isArray()) {
                fields.wrongType("attributes", list, "a list of attribute names", "attributes: [total, status]");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode attribute = list.get(i);
                if (attribute.isTextual()) {
                    attributes.add(attribute.textValue());
                } else {
                    problems.add(new Problem(
                            SpecPaths.index(fields.pathOf("attributes"), i),
                            ObjectFields.describe(attribute) + " is not an attribute name; write e.g. total"));
                }
            }
        });
        if (type.isEmpty()) {
            return ProjectionSpec.all();
        }
        if (type.get() == ProjectionSpec.Type.INCLUDE) {
            if (!fields.has("attributes")) {
                fields.problem(
                        "attributes",
                        "missing; INCLUDE projects the attributes listed here (at least one), e.g. attributes:"
                                + " [total, status]");
            } else if (fields.node("attributes").get().isArray()
                    && fields.node("attributes").get().isEmpty()) {
                fields.problem(
                        "attributes",
                        "is empty; INCLUDE projects the attributes listed here (at least one), e.g. attributes:"
                                + " [total, status], or use projection KEYS_ONLY");
            }
        } else if (fields.has("attributes")) {
            fields.problem(
                    "attributes",
                    "only allowed with type INCLUDE; projection " + type.get() + " takes no attributes: remove"
                            + " them, or use type: INCLUDE");
            return new ProjectionSpec(type.get(), List.of());
        }
        return new ProjectionSpec(type.get(), attributes);
    }

    private Optional<ProjectionSpec.Type> projectionType(ObjectFields fields, String field, String text) {
        return named(fields, field, text, ProjectionSpec.Type.values(), "a projection type");
    }

    /** maxReadRequestUnits / maxWriteRequestUnits: at least 1, or -1 (as when left out) for no maximum. */
    static Optional<OnDemandLimits> onDemandLimits(ObjectFields fields) {
        Optional<Long> read = requestUnits(fields, "maxReadRequestUnits");
        Optional<Long> write = requestUnits(fields, "maxWriteRequestUnits");
        return read.isPresent() || write.isPresent() ? Optional.of(new OnDemandLimits(read, write)) : Optional.empty();
    }

    private static Optional<Long> requestUnits(ObjectFields fields, String field) {
        return fields.integer(field, field + ": 1000").flatMap(units -> {
            if (units.equals(BigInteger.ONE.negate())) {
                return Optional.empty();
            }
            if (units.signum() <= 0 || units.bitLength() >= Long.SIZE) {
                fields.problem(
                        field,
                        ObjectFields.describe(fields.node(field).orElseThrow()) + " is out of range; DynamoDB's"
                                + " on-demand maximum is at least 1 request unit per second (-1, or leaving it out,"
                                + " means no maximum), e.g. " + field + ": 1000");
                return Optional.empty();
            }
            return Optional.of(units.longValue());
        });
    }

    private Optional<WarmThroughputSpec> warmThroughput(JsonNode node, String path) {
        Optional<ObjectFields> found =
                object(node, path, WARM_THROUGHPUT_FIELDS, "{readUnitsPerSecond: 12000, writeUnitsPerSecond: 4000}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = found.get();
        if (!fields.has("readUnitsPerSecond") && !fields.has("writeUnitsPerSecond")) {
            problems.add(new Problem(
                    path,
                    "names no units; give readUnitsPerSecond, writeUnitsPerSecond or both, e.g."
                            + " {readUnitsPerSecond: 12000, writeUnitsPerSecond: 4000}"));
            return Optional.empty();
        }
        Optional<Long> read = unitsPerSecond(fields, "readUnitsPerSecond", "12000");
        Optional<Long> write = unitsPerSecond(fields, "writeUnitsPerSecond", "4000");
        return Optional.of(new WarmThroughputSpec(read, write));
    }

    private static Optional<Long> unitsPerSecond(ObjectFields fields, String field, String example) {
        return fields.integer(field, field + ": " + example).flatMap(units -> {
            if (units.signum() <= 0 || units.bitLength() >= Long.SIZE) {
                fields.problem(
                        field,
                        ObjectFields.describe(fields.node(field).orElseThrow()) + " is out of range; warm throughput"
                                + " is at least 1 unit per second, e.g. " + field + ": " + example);
                return Optional.empty();
            }
            return Optional.of(units.longValue());
        });
    }

    private Optional<PointInTimeRecoverySpec> pointInTimeRecovery(JsonNode node, ObjectFields table) {
        Optional<ObjectFields> found = object(
                node,
                table.pathOf("pointInTimeRecovery"),
                POINT_IN_TIME_RECOVERY_FIELDS,
                "{enabled: true, recoveryPeriodDays: 35}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = found.get();
        if (!fields.has("enabled")) {
            fields.missing("enabled", "enabled: true");
        }
        Optional<Boolean> enabled = fields.bool("enabled", "enabled: true");
        Optional<Integer> days = fields.integer("recoveryPeriodDays", "recoveryPeriodDays: 35")
                .flatMap(value -> {
                    if (value.compareTo(BigInteger.ONE) < 0
                            || value.compareTo(BigInteger.valueOf(MAX_RECOVERY_PERIOD_DAYS)) > 0) {
                        fields.problem(
                                "recoveryPeriodDays",
                                ObjectFields.describe(fields.node("recoveryPeriodDays")
                                                .orElseThrow())
                                        + " is out of range; DynamoDB keeps continuous backups for 1 to "
                                        + MAX_RECOVERY_PERIOD_DAYS + " days, e.g. recoveryPeriodDays: 35");
                        return Optional.empty();
                    }
                    return Optional.of(value.intValue());
                });
        if (enabled.isPresent() && !enabled.get() && fields.has("recoveryPeriodDays")) {
            fields.problem(
                    "recoveryPeriodDays",
                    "only allowed with enabled: true (a recovery period needs point-in-time recovery on); remove it,"
                            + " or set enabled: true");
            return Optional.empty();
        }
        return enabled.map(on -> new PointInTimeRecoverySpec(on, days));
    }

    private Optional<EncryptionSpec> encryption(JsonNode node, ObjectFields table) {
        Optional<ObjectFields> found = object(
                node,
                table.pathOf("encryption"),
                ENCRYPTION_FIELDS,
                "{type: CUSTOMER_MANAGED, kmsKeyId: alias/orders}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = found.get();
        Optional<EncryptionSpec.Type> type = fields.requiredText("type", "type: AWS_MANAGED")
                .flatMap(text -> named(fields, "type", text, EncryptionSpec.Type.values(), "an encryption type"));
        Optional<String> kmsKeyId = fields.text("kmsKeyId", "kmsKeyId: alias/orders");
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (type.get() == EncryptionSpec.Type.CUSTOMER_MANAGED) {
            if (!fields.has("kmsKeyId")) {
                fields.missing(
                        "kmsKeyId",
                        "kmsKeyId: alias/orders (CUSTOMER_MANAGED encrypts with the KMS key named here: its id, ARN"
                                + " or alias)");
                return Optional.empty();
            }
            if (kmsKeyId.isPresent() && kmsKeyId.get().isBlank()) {
                fields.problem("kmsKeyId", "is empty; name the KMS key by id, ARN or alias, e.g. alias/orders");
                return Optional.empty();
            }
        } else if (fields.has("kmsKeyId")) {
            fields.problem(
                    "kmsKeyId",
                    "only allowed with type CUSTOMER_MANAGED; " + type.get() + " uses a key AWS chooses: remove"
                            + " kmsKeyId, or use type: CUSTOMER_MANAGED");
            return Optional.empty();
        }
        return kmsKeyId.isPresent() || type.get() != EncryptionSpec.Type.CUSTOMER_MANAGED
                ? Optional.of(new EncryptionSpec(type.get(), kmsKeyId))
                : Optional.empty();
    }

    /** An object (the policy document itself) or a string holding one; kept as compact JSON text. */
    private Optional<String> resourcePolicy(JsonNode node, ObjectFields table) {
        String example = "resourcePolicy: {Version: '2012-10-17', Statement: [...]}";
        JsonNode document = node;
        if (node.isTextual()) {
            try {
                document = JSON.readTree(node.textValue());
            } catch (JsonProcessingException e) {
                table.problem(
                        "resourcePolicy",
                        "is not JSON (" + e.getOriginalMessage() + "); write the policy document as an object, e.g. "
                                + example);
                return Optional.empty();
            }
        }
        if (document == null || !document.isObject()) {
            table.problem(
                    "resourcePolicy",
                    ObjectFields.describe(node) + " is not a policy document; an IAM policy is a JSON object, e.g. "
                            + example);
            return Optional.empty();
        }
        JsonNode statement = document.get("Statement");
        if (statement == null || !(statement.isObject() || (statement.isArray() && !statement.isEmpty()))) {
            table.problem(
                    "resourcePolicy",
                    "has no Statement; an IAM policy needs at least one statement (Effect, Principal, Action,"
                            + " Resource), e.g. " + example);
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed JSON tree back as text", e);
        }
    }

    private Optional<ObjectFields> object(JsonNode node, String path, List<String> allowed, String example) {
        return ObjectFields.of(node, path, problems, allowed, example);
    }

    private boolean isList(JsonNode node, String path, String example) {
        if (node.isArray()) {
            return true;
        }
        problems.add(
                new Problem(path, "expected a list, got " + ObjectFields.describe(node) + "; write e.g. " + example));
        return false;
    }

    /** The constant named {@code text} in any case, or empty after a problem listing the names. */
    static <E extends Enum<E>> Optional<E> named(
            ObjectFields fields, String field, String text, E[] values, String what) {
        for (E value : values) {
            if (value.name().equalsIgnoreCase(text)) {
                return Optional.of(value);
            }
        }
        List<String> names = Arrays.stream(values).map(Enum::name).toList();
        String hint = DidYouMean.hint(text, names);
        fields.problem(field, Quote.of(text) + " is not " + what + "; " + hint + "use " + String.join(", ", names));
        return Optional.empty();
    }
}
