package dev.dynaseed.imports.createtable;

import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.LocalIndexSpec;
import dev.dynaseed.spec.OnDemandLimits;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.StreamView;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.spec.WarmThroughputSpec;
import dev.dynaseed.spec.internal.DidYouMean;
import dev.dynaseed.spec.internal.SpecLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.WarmThroughput;

/**
 * A CreateTable request in dynaseed's table model, with the checks DynamoDB itself makes on the request's shape (a
 * key attribute not defined, an attribute defined but used by no key, capacity that does not fit the billing mode)
 * reported as problems with the member path; the rest is left to the spec validator.
 */
final class CreateTableMapping {
    private final BiConsumer<String, String> problems;
    private final Map<String, KeySpec> defined = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    /** Attributes defined with a missing or wrong type: already reported, so keys naming them say nothing more. */
    private final Set<String> untyped = new LinkedHashSet<>();

    private CreateTableMapping(BiConsumer<String, String> problems) {
        this.problems = problems;
    }

    /** The table the request creates, or empty when it has problems (each reported). */
    static Optional<TableSpec> table(CreateTableRequest request, BiConsumer<String, String> problems) {
        return new CreateTableMapping(problems).map(request);
    }

    private Optional<TableSpec> map(CreateTableRequest request) {
        int before = counted;
        String name = request.tableName();
        if (name == null || name.isEmpty()) {
            problem("TableName", "missing; name the table, e.g. \"TableName\": \"users\"");
        }
        List<AttributeDefinition> definitions = request.attributeDefinitions();
        for (int i = 0; i < definitions.size(); i++) {
            AttributeDefinition definition = definitions.get(i);
            String path = "AttributeDefinitions[" + i + "]";
            Optional<KeyType> type = keyType(definition.attributeTypeAsString(), path + ".AttributeType");
            if (definition.attributeName() == null) {
                problem(path + ".AttributeName", "missing; name the attribute, e.g. \"AttributeName\": \"id\"");
            } else if (defined.containsKey(definition.attributeName())) {
                problem(path, "'" + definition.attributeName() + "' is defined twice; define each attribute once");
            } else if (type.isPresent()) {
                defined.put(definition.attributeName(), new KeySpec(definition.attributeName(), type.get()));
            } else {
                untyped.add(definition.attributeName());
            }
        }
        List<KeySpec> hash = keys(request.keySchema(), "HASH", "KeySchema");
        List<KeySpec> range = keys(request.keySchema(), "RANGE", "KeySchema");
        // Counted on the schema as written: a key whose attribute has a problem of its own is still a key here.
        if (count(request.keySchema(), "HASH") != 1 || count(request.keySchema(), "RANGE") > 1) {
            problem(
                    "KeySchema",
                    "needs exactly one HASH key and at most one RANGE key; e.g. [{\"AttributeName\": \"id\","
                            + " \"KeyType\": \"HASH\"}]");
        }
        BillingSpec billing = billing(request);
        List<GlobalIndexSpec> globals = new ArrayList<>();
        for (int i = 0; i < request.globalSecondaryIndexes().size(); i++) {
            global(request.globalSecondaryIndexes().get(i), "GlobalSecondaryIndexes[" + i + "]", billing)
                    .ifPresent(globals::add);
        }
        List<LocalIndexSpec> locals = new ArrayList<>();
        for (int i = 0; i < request.localSecondaryIndexes().size(); i++) {
            local(request.localSecondaryIndexes().get(i), "LocalSecondaryIndexes[" + i + "]", hash)
                    .ifPresent(locals::add);
        }
        for (int i = 0; i < definitions.size(); i++) {
            String attribute = definitions.get(i).attributeName();
            if (attribute != null && !used.contains(attribute)) {
                problem(
                        "AttributeDefinitions[" + i + "]",
                        "'" + attribute + "' is defined but no key of the table or an index uses it; DynamoDB"
                                + " rejects that: define only key attributes");
            }
        }
        TableFeatures features = new TableFeatures(
                globals,
                locals,
                Optional.empty(),
                stream(request.streamSpecification()),
                Optional.empty(),
                encryption(request.sseSpecification()),
                tableClass(request.tableClassAsString()),
                Optional.ofNullable(request.deletionProtectionEnabled()),
                warm(request.warmThroughput()),
                Optional.ofNullable(request.resourcePolicy()),
                Optional.empty());
        Map<String, String> tags = tags(request.tags(), this::problem);
        if (counted != before || hash.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(TableSpec.builder(name, hash.get(0))
                .sortKey(range.stream().findFirst())
                .billing(billing)
                .tags(tags)
                .features(features)
                .build());
    }

    private int counted;

    /**
     * Tags as a map, each problem reported: a tag without Key or Value, and a key given twice (DynamoDB would keep one
     * value silently), named with both positions.
     */
    static Map<String, String> tags(
            List<software.amazon.awssdk.services.dynamodb.model.Tag> list, BiConsumer<String, String> problems) {
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            var tag = list.get(i);
            if (tag.key() == null || tag.value() == null) {
                problems.accept(
                        "Tags[" + i + "]", "needs Key and Value, e.g. {\"Key\": \"team\", \"Value\": \"payments\"}");
            } else if (first.containsKey(tag.key())) {
                int earlier = first.get(tag.key());
                problems.accept(
                        "Tags[" + i + "].Key",
                        "'" + tag.key() + "' is given twice, at Tags[" + earlier + "] (Value '"
                                + list.get(earlier).value() + "') and Tags[" + i + "] (Value '" + tag.value()
                                + "'); a table has one value per tag key: keep one of them");
            } else {
                first.put(tag.key(), i);
                tags.put(tag.key(), tag.value());
            }
        }
        return tags;
    }

    private static long count(List<KeySchemaElement> schema, String keyType) {
        return schema.stream()
                .filter(element -> keyType.equals(element.keyTypeAsString()))
                .count();
    }

    private void problem(String path, String message) {
        counted++;
        problems.accept(path, message);
    }

    private Optional<KeyType> keyType(String type, String path) {
        if (type == null) {
            problem(path, "missing; use S, N or B");
            return Optional.empty();
        }
        return switch (type) {
            case "S" -> Optional.of(KeyType.S);
            case "N" -> Optional.of(KeyType.N);
            case "B" -> Optional.of(KeyType.B);
            default -> {
                problem(path, "'" + type + "' is not a key attribute type; use S, N or B");
                yield Optional.empty();
            }
        };
    }

    /** The key attributes of {@code keyType} in a key schema, each of which must be defined. */
    private List<KeySpec> keys(List<KeySchemaElement> schema, String keyType, String path) {
        List<KeySpec> keys = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            KeySchemaElement element = schema.get(i);
            String elementPath = path + "[" + i + "]";
            String type = element.keyTypeAsString();
            if (!"HASH".equals(type) && !"RANGE".equals(type)) {
                if (keyType.equals("HASH")) {
                    problem(
                            elementPath + ".KeyType",
                            (type == null ? "missing" : "'" + type + "' is not a key type") + "; use HASH or RANGE"
                                    + suggestion(type, List.of("HASH", "RANGE")));
                }
                continue;
            }
            if (!type.equals(keyType)) {
                continue;
            }
            String attribute = element.attributeName();
            if (attribute == null) {
                problem(elementPath + ".AttributeName", "missing; name a key attribute");
                continue;
            }
            used.add(attribute);
            KeySpec key = defined.get(attribute);
            if (key == null && untyped.contains(attribute)) {
                continue;
            }
            if (key == null) {
                problem(
                        elementPath + ".AttributeName",
                        "'" + attribute
                                + "' is not in AttributeDefinitions; DynamoDB rejects that: add {\"AttributeName\": \""
                                + attribute + "\", \"AttributeType\": \"S\"} (or N, B) to AttributeDefinitions");
                continue;
            }
            keys.add(key);
        }
        return keys;
    }

    private BillingSpec billing(CreateTableRequest request) {
        String mode = request.billingModeAsString();
        ProvisionedThroughput throughput = request.provisionedThroughput();
        if (mode == null || mode.equals("PROVISIONED")) {
            if (request.onDemandThroughput() != null) {
                problem("OnDemandThroughput", "only with \"BillingMode\": \"PAY_PER_REQUEST\"; remove it or switch");
            }
            Optional<CapacitySpec> capacity = capacity(throughput, "ProvisionedThroughput");
            if (throughput == null) {
                problem(
                        "ProvisionedThroughput",
                        "missing; DynamoDB's default billing mode is PROVISIONED, which needs it: add"
                                + " \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 5, \"WriteCapacityUnits\": 5},"
                                + " or \"BillingMode\": \"PAY_PER_REQUEST\"");
            }
            // A capacity with a problem (reported) still makes a provisioned table: its indexes are judged as such.
            return capacity.<BillingSpec>map(c -> new BillingSpec.Provisioned(c.readCapacity(), c.writeCapacity()))
                    .orElse(throughput == null ? new BillingSpec.PayPerRequest() : new BillingSpec.Provisioned(1, 1));
        }
        if (mode.equals("PAY_PER_REQUEST")) {
            if (throughput != null) {
                problem(
                        "ProvisionedThroughput",
                        "not allowed with \"BillingMode\": \"PAY_PER_REQUEST\"; remove it, or use PROVISIONED");
            }
            return new BillingSpec.PayPerRequest(limits(request.onDemandThroughput()));
        }
        problem(
                "BillingMode",
                "'" + mode + "' is not a billing mode; use PROVISIONED or PAY_PER_REQUEST"
                        + suggestion(mode, List.of("PROVISIONED", "PAY_PER_REQUEST")));
        return new BillingSpec.PayPerRequest();
    }

    private Optional<CapacitySpec> capacity(ProvisionedThroughput throughput, String path) {
        if (throughput == null) {
            return Optional.empty();
        }
        if (throughput.readCapacityUnits() == null || throughput.writeCapacityUnits() == null) {
            problem(
                    path,
                    "needs ReadCapacityUnits and WriteCapacityUnits, e.g. {\"ReadCapacityUnits\": 5,"
                            + " \"WriteCapacityUnits\": 5}");
            return Optional.empty();
        }
        boolean inRange = true;
        for (String member : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
            long units = member.startsWith("Read") ? throughput.readCapacityUnits() : throughput.writeCapacityUnits();
            if (units < 1 || units > SpecLimits.MAX_CAPACITY_UNITS) {
                problem(
                        path + "." + member,
                        units + " is out of range; use 1 to " + SpecLimits.MAX_CAPACITY_UNITS + " capacity units"
                                + " (DynamoDB's default quota per table), e.g. 5, or \"BillingMode\":"
                                + " \"PAY_PER_REQUEST\"");
                inRange = false;
            }
        }
        return inRange
                ? Optional.of(new CapacitySpec(throughput.readCapacityUnits(), throughput.writeCapacityUnits()))
                : Optional.empty();
    }

    /** On-demand maximums; -1 (DynamoDB's "no maximum") is left out as in a spec. */
    private static Optional<OnDemandLimits> limits(OnDemandThroughput limits) {
        if (limits == null) {
            return Optional.empty();
        }
        Optional<Long> read = Optional.ofNullable(limits.maxReadRequestUnits()).filter(units -> units != -1);
        Optional<Long> write =
                Optional.ofNullable(limits.maxWriteRequestUnits()).filter(units -> units != -1);
        return read.isEmpty() && write.isEmpty() ? Optional.empty() : Optional.of(new OnDemandLimits(read, write));
    }

    private static Optional<WarmThroughputSpec> warm(WarmThroughput warm) {
        return Optional.ofNullable(warm)
                .map(w -> new WarmThroughputSpec(
                        Optional.ofNullable(w.readUnitsPerSecond()), Optional.ofNullable(w.writeUnitsPerSecond())));
    }

    private Optional<GlobalIndexSpec> global(GlobalSecondaryIndex index, String path, BillingSpec billing) {
        int before = counted;
        if (index.indexName() == null) {
            problem(path + ".IndexName", "missing; name the index, e.g. \"IndexName\": \"by_status\"");
        }
        List<KeySpec> hash = keys(index.keySchema(), "HASH", path + ".KeySchema");
        List<KeySpec> range = keys(index.keySchema(), "RANGE", path + ".KeySchema");
        if (index.keySchema().isEmpty() || hash.isEmpty() && counted == before) {
            problem(
                    path + ".KeySchema",
                    "needs a HASH key; e.g. [{\"AttributeName\": \"status\", \"KeyType\": \"HASH\"}]");
        }
        ProjectionSpec projection = projection(index.projection(), path + ".Projection");
        boolean provisioned = billing.kind() == BillingSpec.Kind.PROVISIONED;
        Optional<CapacitySpec> capacity = capacity(index.provisionedThroughput(), path + ".ProvisionedThroughput");
        if (!provisioned && index.provisionedThroughput() != null) {
            problem(path + ".ProvisionedThroughput", "not allowed on a PAY_PER_REQUEST table; remove it");
        }
        if (provisioned && index.onDemandThroughput() != null) {
            problem(path + ".OnDemandThroughput", "only on a PAY_PER_REQUEST table; remove it");
        }
        if (counted != before) {
            return Optional.empty();
        }
        return Optional.of(new GlobalIndexSpec(
                index.indexName(),
                hash,
                range,
                projection,
                capacity,
                limits(index.onDemandThroughput()),
                warm(index.warmThroughput()),
                false));
    }

    private Optional<LocalIndexSpec> local(LocalSecondaryIndex index, String path, List<KeySpec> tableHash) {
        int before = counted;
        if (index.indexName() == null) {
            problem(path + ".IndexName", "missing; name the index, e.g. \"IndexName\": \"by_total\"");
        }
        List<KeySpec> hash = keys(index.keySchema(), "HASH", path + ".KeySchema");
        List<KeySpec> range = keys(index.keySchema(), "RANGE", path + ".KeySchema");
        ProjectionSpec projection = projection(index.projection(), path + ".Projection");
        if (counted != before) {
            return Optional.empty();
        }
        if (hash.size() != 1 || range.size() != 1) {
            problem(path + ".KeySchema", "needs the table's HASH key and one RANGE key");
            return Optional.empty();
        }
        if (tableHash.size() == 1 && !hash.get(0).equals(tableHash.get(0))) {
            problem(
                    path + ".KeySchema",
                    "HASH key '" + hash.get(0).name() + "' is not the table's ('"
                            + tableHash.get(0).name() + "'); a local index has the table's partition key");
            return Optional.empty();
        }
        return Optional.of(new LocalIndexSpec(index.indexName(), hash.get(0), range.get(0), projection, false));
    }

    private ProjectionSpec projection(Projection projection, String path) {
        if (projection == null) {
            problem(path, "missing; DynamoDB requires it: add \"Projection\": {\"ProjectionType\": \"ALL\"}");
            return ProjectionSpec.all();
        }
        String type = projection.projectionTypeAsString();
        List<String> attributes = projection.nonKeyAttributes();
        if (type == null) {
            problem(path + ".ProjectionType", "missing; use ALL, KEYS_ONLY or INCLUDE");
            return ProjectionSpec.all();
        }
        try {
            ProjectionSpec.Type parsed = ProjectionSpec.Type.valueOf(type);
            if (parsed != ProjectionSpec.Type.INCLUDE && !attributes.isEmpty()) {
                problem(path + ".NonKeyAttributes", "only with \"ProjectionType\": \"INCLUDE\"; remove it");
            }
            return new ProjectionSpec(parsed, parsed == ProjectionSpec.Type.INCLUDE ? attributes : List.of());
        } catch (IllegalArgumentException e) {
            problem(
                    path + ".ProjectionType",
                    "'" + type + "' is not a projection type; use ALL, KEYS_ONLY or INCLUDE"
                            + suggestion(type, List.of("ALL", "KEYS_ONLY", "INCLUDE")));
            return ProjectionSpec.all();
        }
    }

    private Optional<StreamView> stream(StreamSpecification stream) {
        if (stream == null || !Boolean.TRUE.equals(stream.streamEnabled())) {
            if (stream != null && stream.streamEnabled() == null) {
                problem("StreamSpecification.StreamEnabled", "missing; write true or false");
            }
            return Optional.empty();
        }
        String view = stream.streamViewTypeAsString();
        List<String> views = Arrays.stream(StreamView.values()).map(Enum::name).toList();
        if (view == null || !views.contains(view)) {
            problem(
                    "StreamSpecification.StreamViewType",
                    (view == null ? "missing" : "'" + view + "' is not a stream view type") + "; use one of "
                            + String.join(", ", views) + suggestion(view, views));
            return Optional.empty();
        }
        return Optional.of(StreamView.valueOf(view));
    }

    /** SSESpecification as DynamoDB reads it: disabled is the AWS owned key; KMS without a key the AWS managed one. */
    private Optional<EncryptionSpec> encryption(SSESpecification sse) {
        if (sse == null) {
            return Optional.empty();
        }
        if (!Boolean.TRUE.equals(sse.enabled())) {
            if (sse.kmsMasterKeyId() != null) {
                problem("SSESpecification.KMSMasterKeyId", "only with \"Enabled\": true; remove it or enable SSE");
            }
            return Optional.of(new EncryptionSpec(EncryptionSpec.Type.AWS_OWNED, Optional.empty()));
        }
        String type = sse.sseTypeAsString();
        if (type != null && !type.equals("KMS")) {
            problem(
                    "SSESpecification.SSEType",
                    "'" + type + "' cannot be set on DynamoDB tables; use KMS (or leave SSEType out)");
            return Optional.empty();
        }
        return Optional.of(
                sse.kmsMasterKeyId() == null
                        ? new EncryptionSpec(EncryptionSpec.Type.AWS_MANAGED, Optional.empty())
                        : new EncryptionSpec(EncryptionSpec.Type.CUSTOMER_MANAGED, Optional.of(sse.kmsMasterKeyId())));
    }

    private Optional<TableClassSpec> tableClass(String tableClass) {
        if (tableClass == null) {
            return Optional.empty();
        }
        List<String> classes =
                Arrays.stream(TableClassSpec.values()).map(Enum::name).toList();
        if (!classes.contains(tableClass)) {
            problem(
                    "TableClass",
                    "'" + tableClass + "' is not a table class; use " + String.join(" or ", classes)
                            + suggestion(tableClass, classes));
            return Optional.empty();
        }
        return Optional.of(TableClassSpec.valueOf(tableClass));
    }

    private static String suggestion(String value, List<String> candidates) {
        if (value == null) {
            return "";
        }
        return DidYouMean.closest(value.toUpperCase(Locale.ROOT), candidates)
                .map(match -> " (did you mean '" + match + "'?)")
                .orElse("");
    }
}
