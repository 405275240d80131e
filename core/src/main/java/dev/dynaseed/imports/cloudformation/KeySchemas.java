package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.OnDemandLimits;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.StreamView;
import dev.dynaseed.spec.WarmThroughputSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts AWS::DynamoDB::Table and AWS::DynamoDB::GlobalTable share: attribute definitions, key schemas,
 * projections, throughput shapes and streams, with the checks DynamoDB makes on CreateTable (a key attribute must be
 * defined, every definition must be used by a key), worded as DynamoDB words them.
 */
final class KeySchemas {
    private final Fields properties;
    private final Map<String, KeyType> definitions = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    /** Attributes defined with a missing or wrong type, already a problem: keys using them add none. */
    private final Set<String> mistyped = new LinkedHashSet<>();

    private final Map<String, Fields> indexNames = new LinkedHashMap<>();

    KeySchemas(Fields properties) {
        this.properties = properties;
        Map<String, Fields> defined = new LinkedHashMap<>();
        for (Fields definition : properties.fieldsList("AttributeDefinitions")) {
            definition.onlyKnown(Set.of("AttributeName", "AttributeType"), "AttributeDefinition");
            String name = definition.requiredString("AttributeName");
            String type = definition.requiredString("AttributeType");
            Optional<KeyType> keyType = keyType(type);
            Fields earlier = defined.putIfAbsent(name, definition);
            if (earlier != null) {
                definition.problem(
                        "AttributeName",
                        "Cannot have two attributes with the same name: " + name + " (defined at "
                                + earlier.relativePath(properties) + ", line "
                                + earlier.location().line() + ", and at "
                                + definition.relativePath(properties) + "; define each attribute once)");
            } else if (keyType.isEmpty()) {
                mistyped.add(name);
                if (definition.has("AttributeType")) {
                    definition.problem("AttributeType", "'" + type + "' is not a key attribute type; use S, N or B");
                }
            } else {
                definitions.put(name, keyType.get());
            }
        }
        if (!properties.has("AttributeDefinitions")) {
            properties.problem("", "needs AttributeDefinitions (the key attributes and their types)");
        }
    }

    private static Optional<KeyType> keyType(String type) {
        return switch (type) {
            case "S" -> Optional.of(KeyType.S);
            case "N" -> Optional.of(KeyType.N);
            case "B" -> Optional.of(KeyType.B);
            default -> Optional.empty();
        };
    }

    /** The HASH then RANGE attributes of {@code fields}' KeySchema; {@code multi} allows several of each (GSIs). */
    List<List<KeySpec>> keySchema(Fields fields, boolean multi) {
        List<KeySpec> hash = new ArrayList<>();
        List<KeySpec> range = new ArrayList<>();
        List<String> undefined = new ArrayList<>();
        boolean badKeyType = false;
        List<Fields> elements = fields.fieldsList("KeySchema");
        if (!fields.has("KeySchema")) {
            fields.problem("", "needs a KeySchema");
        }
        for (Fields element : elements) {
            element.onlyKnown(Set.of("AttributeName", "KeyType"), "KeySchema");
            String name = element.requiredString("AttributeName");
            String keyType = element.requiredString("KeyType").toUpperCase(Locale.ROOT);
            KeyType type = definitions.get(name);
            used.add(name);
            if (type == null) {
                if (!mistyped.contains(name)) {
                    undefined.add(name);
                }
                type = KeyType.S;
            }
            switch (keyType) {
                case "HASH" -> {
                    if (!range.isEmpty() && !multi) {
                        element.problem("KeyType", "the HASH key must come before the RANGE key in a KeySchema");
                    }
                    hash.add(new KeySpec(name, type));
                }
                case "RANGE" -> range.add(new KeySpec(name, type));
                default -> {
                    badKeyType = true;
                    if (element.has("KeyType")) {
                        element.problem("KeyType", "'" + keyType + "' is not a key type; use HASH or RANGE");
                    }
                }
            }
        }
        if (!undefined.isEmpty()) {
            fields.problem(
                    "KeySchema",
                    "One or more parameter values were invalid: Some index key attributes are not defined in"
                            + " AttributeDefinitions. Keys: " + undefined + ", AttributeDefinitions: "
                            + definitions.keySet() + " (add them to AttributeDefinitions)");
        }
        int maxEach = multi ? 4 : 1;
        if (!elements.isEmpty() && !badKeyType && (hash.isEmpty() || hash.size() > maxEach || range.size() > maxEach)) {
            fields.problem(
                    "KeySchema",
                    "must have " + (multi ? "1 to 4 HASH and at most 4 RANGE" : "one HASH and at most one RANGE")
                            + " elements, got " + hash.size() + " HASH and " + range.size() + " RANGE");
        }
        return List.of(hash, range);
    }

    /** Refuses definitions no key uses, as DynamoDB does; call after every key schema was read. */
    void checkAllUsed() {
        List<String> unused = definitions.keySet().stream()
                .filter(name -> !used.contains(name))
                .toList();
        if (!unused.isEmpty()) {
            properties.problem(
                    "AttributeDefinitions",
                    "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly"
                            + " match number of attributes defined in AttributeDefinitions (" + unused
                            + " not used by the table's or an index's key; remove them from AttributeDefinitions)");
        }
    }

    static ProjectionSpec projection(Fields index) {
        Optional<Fields> projection = index.fields("Projection");
        if (projection.isEmpty()) {
            index.problem("", "needs a Projection (e.g. ProjectionType: ALL)");
            return ProjectionSpec.all();
        }
        Fields fields = projection.get();
        fields.onlyKnown(Set.of("ProjectionType", "NonKeyAttributes"), "Projection");
        String type = fields.string("ProjectionType").orElse("KEYS_ONLY");
        List<String> nonKey = new ArrayList<>();
        for (TemplateNode item : fields.list("NonKeyAttributes")) {
            nonKey.add(Intrinsics.text(item, "NonKeyAttributes"));
        }
        return switch (type) {
            case "ALL", "KEYS_ONLY" -> {
                if (!nonKey.isEmpty()) {
                    fields.problem("NonKeyAttributes", "is only allowed with ProjectionType INCLUDE");
                }
                yield new ProjectionSpec(ProjectionSpec.Type.valueOf(type), List.of());
            }
            case "INCLUDE" -> new ProjectionSpec(ProjectionSpec.Type.INCLUDE, nonKey);
            default -> {
                fields.problem(
                        "ProjectionType",
                        "'" + type + "' is not a projection type; use ALL, KEYS_ONLY or" + " INCLUDE");
                yield ProjectionSpec.all();
            }
        };
    }

    static Optional<CapacitySpec> capacity(Fields owner, String key) {
        return owner.fields(key).flatMap(fields -> {
            fields.onlyKnown(Set.of("ReadCapacityUnits", "WriteCapacityUnits"), key);
            if (!fields.has("ReadCapacityUnits") || !fields.has("WriteCapacityUnits")) {
                fields.problem("", "needs ReadCapacityUnits and WriteCapacityUnits");
                return Optional.empty();
            }
            Optional<Long> read = fields.number("ReadCapacityUnits");
            Optional<Long> write = fields.number("WriteCapacityUnits");
            return read.isPresent() && write.isPresent()
                    ? Optional.of(new CapacitySpec(read.get(), write.get()))
                    : Optional.empty();
        });
    }

    static Optional<OnDemandLimits> onDemand(Fields owner, String key) {
        return owner.fields(key).map(fields -> {
            fields.onlyKnown(Set.of("MaxReadRequestUnits", "MaxWriteRequestUnits"), key);
            return new OnDemandLimits(fields.number("MaxReadRequestUnits"), fields.number("MaxWriteRequestUnits"));
        });
    }

    static Optional<WarmThroughputSpec> warm(Fields owner) {
        return owner.fields("WarmThroughput").map(fields -> {
            fields.onlyKnown(Set.of("ReadUnitsPerSecond", "WriteUnitsPerSecond"), "WarmThroughput");
            return new WarmThroughputSpec(fields.number("ReadUnitsPerSecond"), fields.number("WriteUnitsPerSecond"));
        });
    }

    /** The stream view of a StreamSpecification; its ResourcePolicy (the stream's) has no counterpart. */
    static Optional<StreamView> stream(Fields owner) {
        return owner.fields("StreamSpecification").flatMap(fields -> {
            fields.onlyKnown(Set.of("StreamViewType", "ResourcePolicy"), "StreamSpecification");
            if (!fields.has("StreamViewType")) {
                fields.problem("", "needs StreamViewType: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES");
                return Optional.empty();
            }
            String view = fields.requiredString("StreamViewType");
            try {
                return Optional.of(StreamView.valueOf(view));
            } catch (IllegalArgumentException e) {
                fields.problem(
                        "StreamViewType",
                        "'" + view + "' is not a stream view type; use KEYS_ONLY,"
                                + " NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES");
                return Optional.empty();
            }
        });
    }

    /** The TTL attribute when TimeToLiveSpecification is enabled. */
    static Optional<String> timeToLive(Fields owner) {
        return owner.fields("TimeToLiveSpecification").flatMap(fields -> {
            fields.onlyKnown(Set.of("AttributeName", "Enabled"), "TimeToLiveSpecification");
            boolean enabled = fields.bool("Enabled").orElseGet(() -> {
                fields.problem("", "needs Enabled (true or false)");
                return false;
            });
            Optional<String> attribute = fields.string("AttributeName");
            if (enabled && attribute.isEmpty()) {
                fields.problem("", "needs AttributeName when Enabled is true");
            }
            return enabled ? attribute : Optional.empty();
        });
    }

    /** The JSON text of a ResourcePolicy's PolicyDocument (a mapping, or JSON given as a string). */
    static Optional<String> resourcePolicy(Fields owner) {
        return owner.fields("ResourcePolicy").flatMap(fields -> {
            fields.onlyKnown(Set.of("PolicyDocument"), "ResourcePolicy");
            Optional<TemplateNode> document = fields.node("PolicyDocument");
            if (document.isEmpty()) {
                fields.problem("", "needs a PolicyDocument");
                return Optional.empty();
            }
            if (document.get() instanceof TemplateNode.Scalar scalar) {
                return Optional.of(scalar.text());
            }
            try {
                Intrinsics.checkLength(
                        Intrinsics.jsonSize(document.get()),
                        "ResourcePolicy",
                        document.get().location());
                return Optional.of(new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(Intrinsics.plain(document.get())));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                fields.problem("PolicyDocument", "cannot be written as JSON: " + e.getOriginalMessage());
                return Optional.empty();
            }
        });
    }

    /**
     * Whether ContributorInsightsSpecification.Enabled is on. A spec's {@code contributorInsights: true} is DynamoDB's
     * default mode, ACCESSED_AND_THROTTLED_KEYS; THROTTLED_KEYS has no counterpart and is refused, never widened.
     */
    static Optional<Boolean> contributorInsights(Fields owner) {
        return owner.fields("ContributorInsightsSpecification").flatMap(fields -> {
            fields.onlyKnown(Set.of("Enabled", "Mode"), "ContributorInsightsSpecification");
            Optional<Boolean> enabled = fields.bool("Enabled");
            fields.string("Mode").ifPresent(mode -> {
                switch (mode) {
                    case "ACCESSED_AND_THROTTLED_KEYS" -> {}
                    case "THROTTLED_KEYS" -> {
                        if (enabled.orElse(false)) {
                            fields.problem(
                                    "Mode",
                                    "THROTTLED_KEYS (throttled requests only) has no counterpart in a dynaseed spec,"
                                            + " whose contributorInsights: true tracks every access"
                                            + " (ACCESSED_AND_THROTTLED_KEYS); remove Mode to import that mode, or"
                                            + " set Enabled: false");
                        }
                    }
                    default ->
                        fields.problem(
                                "Mode",
                                "'" + mode + "' is not a contributor insights mode; use ACCESSED_AND_THROTTLED_KEYS"
                                        + " or THROTTLED_KEYS");
                }
            });
            return enabled;
        });
    }

    /**
     * Tags as CloudFormation lists them: [{Key, Value}]. A key given twice is a problem naming both positions: DynamoDB
     * keeps one value per key, silently, so the import would pick one for the user.
     */
    static Map<String, String> tags(Fields owner) {
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, Fields> first = new LinkedHashMap<>();
        for (Fields tag : owner.fieldsList("Tags")) {
            tag.onlyKnown(Set.of("Key", "Value"), "Tag");
            String key = tag.requiredString("Key");
            String value = tag.requiredString("Value");
            Fields earlier = first.putIfAbsent(key, tag);
            if (earlier == null) {
                tags.put(key, value);
            } else {
                tag.problem(
                        "Key",
                        "'" + key + "' is given twice, at " + earlier.relativePath(owner) + " (line "
                                + earlier.location().line() + ", Value '" + tags.get(key) + "') and "
                                + tag.relativePath(owner) + " (Value '" + value + "'); a table has one value per tag"
                                + " key: keep one of them");
            }
        }
        return tags;
    }

    /**
     * Refuses an index name already used by another of the table's indexes (global or local), naming both positions,
     * instead of letting one index silently replace the other.
     */
    void uniqueIndexName(Fields index, String name) {
        if (name.isEmpty()) {
            return;
        }
        Fields earlier = indexNames.putIfAbsent(name, index);
        if (earlier != null) {
            index.problem(
                    "IndexName",
                    "'" + name + "' is already the IndexName of " + earlier.relativePath(properties) + " (line "
                            + earlier.location().line() + "); index names are unique across a table's global and"
                            + " local secondary indexes: rename one of them");
        }
    }
}
