package dev.dynaseed.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.generate.GeneratorKind;
import dev.dynaseed.generate.GeneratorKinds;
import dev.dynaseed.generate.Parameter;
import dev.dynaseed.spec.internal.EntitySpecReader;
import dev.dynaseed.spec.internal.ItemSourceReader;
import dev.dynaseed.spec.internal.SpecLimits;
import dev.dynaseed.spec.internal.SpecTreeWalker;
import dev.dynaseed.spec.internal.TableFeaturesReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of spec files, built from the spec's field lists and the generator registry, so
 * that editors complete and check specs; {@code schema/dynaseed.schema.json} is this text, committed.
 */
public final class SpecSchema {
    /** Where the committed schema is published; {@code init} names it when it runs outside a dynaseed checkout. */
    public static final String URL =
            "https://raw.githubusercontent.com/dynaseed/dynaseed/main/schema/dynaseed.schema.json";

    /** The committed schema's path inside a dynaseed checkout. */
    public static final String CHECKOUT_PATH = "schema/dynaseed.schema.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LITERAL_TYPES = "string number boolean";

    private SpecSchema() {}

    /** The schema as pretty-printed JSON ending in a newline. */
    public static String json() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(schema()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the spec schema", e);
        }
    }

    /** The schema as a tree. */
    public static ObjectNode schema() {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", URL);
        root.put("title", "dynaseed spec");
        root.put(
                "description",
                "DynamoDB tables to provision and how to seed them; see the README's \"Spec reference\".");
        Map<String, ObjectNode> fields = new LinkedHashMap<>();
        fields.put("version", describe(NODES.objectNode().put("const", 1), "the spec format's version; 1"));
        fields.put("tables", describe(array(ref("table")), "the tables, each with a unique name"));
        object(root, SpecTreeWalker.SPEC_FIELDS, fields, "spec", "tables");

        ObjectNode defs = root.putObject("$defs");
        defs.set("table", table());
        defs.set("key", key());
        defs.set("billing", billing());
        defs.set("globalSecondaryIndex", globalIndex());
        defs.set("localSecondaryIndex", localIndex());
        defs.set("indexKeys", indexKeys());
        defs.set("projection", projection());
        defs.set("warmThroughput", warmThroughput());
        defs.set("seed", seed());
        defs.set("generator", generator());
        for (GeneratorKind<?> kind : GeneratorKinds.all()) {
            defs.set("generator." + kind.name(), generatorObject(kind));
        }
        return root;
    }

    private static ObjectNode table() {
        Map<String, ObjectNode> fields = new LinkedHashMap<>();
        fields.put(
                "name",
                describe(
                        string().put("pattern", "^" + SpecValidator.TABLE_NAME.pattern() + "$"),
                        "3 to 255 characters of a-z A-Z 0-9 _ - ."));
        fields.put("partitionKey", describe(ref("key"), "the partition key"));
        fields.put("sortKey", describe(ref("key"), "the sort key (optional); not the partition key's attribute"));
        fields.put("billing", describe(ref("billing"), "PAY_PER_REQUEST when left out"));
        ObjectNode tags = NODES.objectNode().put("type", "object");
        tags.putObject("propertyNames")
                .put("minLength", 1)
                .put("maxLength", 128)
                .putObject("not")
                .put("pattern", "^aws:");
        tags.set("additionalProperties", types("string number boolean").put("maxLength", 256));
        fields.put("tags", describe(tags, "tag keys (1-128 characters, not aws:) to values (at most 256)"));
        fields.put(
                "globalSecondaryIndexes",
                describe(
                        array(ref("globalSecondaryIndex")).put("maxItems", TableFeatureRules.MAX_GLOBAL_INDEXES),
                        "global secondary indexes, at most 20 (DynamoDB's default quota per table)"));
        fields.put(
                "localSecondaryIndexes",
                describe(
                        array(ref("localSecondaryIndex")).put("maxItems", TableFeatureRules.MAX_LOCAL_INDEXES),
                        "local secondary indexes, at most 5; they need a table sort key and exist only from"
                                + " CreateTable on"));
        Map<String, ObjectNode> timeToLive = new LinkedHashMap<>();
        timeToLive.put(
                "attribute",
                describe(attributeName(), "the attribute holding each item's expiry time in epoch seconds; no key"));
        fields.put(
                "timeToLive",
                describe(
                        object(
                                NODES.objectNode(),
                                TableFeaturesReader.TIME_TO_LIVE_FIELDS,
                                timeToLive,
                                "timeToLive",
                                "attribute"),
                        "time to live: DynamoDB deletes items after the time in this attribute"));
        Map<String, ObjectNode> stream = new LinkedHashMap<>();
        stream.put("viewType", describe(anyCase(names(StreamView.values())), "what each stream record holds"));
        fields.put(
                "stream",
                describe(
                        object(NODES.objectNode(), TableFeaturesReader.STREAM_FIELDS, stream, "stream", "viewType"),
                        "turns the table's DynamoDB stream on"));
        Map<String, ObjectNode> recovery = new LinkedHashMap<>();
        recovery.put("enabled", describe(bool(), "whether point-in-time recovery is on"));
        recovery.put(
                "recoveryPeriodDays",
                describe(
                        integer(1, (long) TableFeaturesReader.MAX_RECOVERY_PERIOD_DAYS),
                        "days a restore may go back, 1 to 35 (35 when left out); only with enabled: true"));
        ObjectNode pointInTimeRecovery = object(
                NODES.objectNode(),
                TableFeaturesReader.POINT_IN_TIME_RECOVERY_FIELDS,
                recovery,
                "pointInTimeRecovery",
                "enabled");
        ObjectNode disabled = pointInTimeRecovery.putArray("allOf").addObject();
        disabled.putObject("if").putObject("properties").putObject("enabled").put("const", false);
        disabled.putObject("then").putObject("not").set("required", strings(List.of("recoveryPeriodDays")));
        fields.put("pointInTimeRecovery", describe(pointInTimeRecovery, "continuous backups"));
        Map<String, ObjectNode> encryptionFields = new LinkedHashMap<>();
        encryptionFields.put(
                "type", describe(anyCase(names(EncryptionSpec.Type.values())), "whose key encrypts the table"));
        encryptionFields.put(
                "kmsKeyId",
                describe(string().put("minLength", 1), "the KMS key's id, ARN or alias; only with CUSTOMER_MANAGED"));
        ObjectNode encryption = object(
                NODES.objectNode(), TableFeaturesReader.ENCRYPTION_FIELDS, encryptionFields, "encryption", "type");
        ObjectNode customer = encryption.putArray("allOf").addObject();
        customer.putObject("if").putObject("properties").set("type", anyCase(List.of("CUSTOMER_MANAGED")));
        customer.putObject("then").set("required", strings(List.of("kmsKeyId")));
        customer.putObject("else").putObject("not").set("required", strings(List.of("kmsKeyId")));
        fields.put("encryption", describe(encryption, "server-side encryption; AWS_OWNED when left out"));
        fields.put(
                "tableClass",
                describe(anyCase(names(TableClassSpec.values())), "the table class; STANDARD when left out"));
        fields.put("deletionProtection", describe(bool(), "whether DeleteTable is refused; false when left out"));
        fields.put(
                "warmThroughput",
                describe(
                        ref("warmThroughput"),
                        "units per second the table serves at once; an on-demand table has at least 12000 read and"
                                + " 4000 write"));
        fields.put(
                "resourcePolicy",
                describe(
                        types("object string"),
                        "the table's resource-based IAM policy: the document as an object, or a string holding its"
                                + " JSON; at most 20 KB as compact JSON"));
        fields.put("contributorInsights", describe(bool(), "whether CloudWatch contributor insights is on"));
        fields.put("seed", describe(ref("seed"), "how the table is filled; without it the table is only created"));
        return object(NODES.objectNode(), SpecTreeWalker.TABLE_FIELDS, fields, "table", "name", "partitionKey");
    }

    private static ObjectNode key() {
        Map<String, ObjectNode> fields = new LinkedHashMap<>();
        fields.put("name", describe(string().put("minLength", 1).put("maxLength", 255), "the attribute's name"));
        fields.put(
                "type",
                describe(
                        anyCase(Arrays.stream(KeyType.values()).map(Enum::name).toList()),
                        "the attribute's DynamoDB type"));
        return object(NODES.objectNode(), SpecTreeWalker.KEY_FIELDS, fields, "key", "name", "type");
    }

    private static ObjectNode billing() {
        Map<String, ObjectNode> fields = new LinkedHashMap<>();
        fields.put(
                "mode",
                describe(anyCase(List.of("PAY_PER_REQUEST", "PROVISIONED", "ON_DEMAND")), "how the table is billed"));
        fields.put("readCapacity", describe(integer(1, null), "read capacity units; PROVISIONED only"));
        fields.put("writeCapacity", describe(integer(1, null), "write capacity units; PROVISIONED only"));
        fields.put(
                "maxReadRequestUnits",
                describe(requestUnits(), "the on-demand maximum of read request units; PAY_PER_REQUEST only"));
        fields.put(
                "maxWriteRequestUnits",
                describe(requestUnits(), "the on-demand maximum of write request units; PAY_PER_REQUEST only"));
        ObjectNode billing = object(NODES.objectNode(), SpecTreeWalker.BILLING_FIELDS, fields, "billing", "mode");
        ObjectNode provisioned = billing.putArray("allOf").addObject();
        provisioned.putObject("if").putObject("properties").set("mode", anyCase(List.of("PROVISIONED")));
        ObjectNode then = provisioned.putObject("then");
        then.set("required", strings(List.of("readCapacity", "writeCapacity")));
        ArrayNode maximums = then.putObject("not").putArray("anyOf");
        maximums.addObject().set("required", strings(List.of("maxReadRequestUnits")));
        maximums.addObject().set("required", strings(List.of("maxWriteRequestUnits")));
        ArrayNode capacities = provisioned.putObject("else").putObject("not").putArray("anyOf");
        capacities.addObject().set("required", strings(List.of("readCapacity")));
        capacities.addObject().set("required", strings(List.of("writeCapacity")));
        return billing;
    }

    private static ObjectNode globalIndex() {
        Map<String, ObjectNode> fields = new LinkedHashMap<>();
        fields.put("name", describe(indexName(), "the index name, unique among the table's indexes"));
        fields.put("partitionKey", describe(ref("indexKeys"), "one key attribute, or a list of 1 to 4"));
        fields.put("sortKey", describe(ref("indexKeys"), "optional: one key attribute, or a list of 1 to 4"));
        fields.put("projection", describe(ref("projection"), "ALL when left out"));
        fields.put(
                "readCapacity",
                describe(
                        integer(1, SpecLimits.MAX_CAPACITY_UNITS),
                        "read capacity units; required exactly when the table is PROVISIONED"));
        fields.put(
                "writeCapacity",
                describe(
                        integer(1, SpecLimits.MAX_CAPACITY_UNITS),
                        "write capacity units; required exactly when the table is PROVISIONED"));
        fields.put(
                "maxReadRequestUnits",
                describe(requestUnits(), "the index's on-demand maximum of read request units; PAY_PER_REQUEST only"));
        fields.put(
                "maxWriteRequestUnits",
                describe(requestUnits(), "the index's on-demand maximum of write request units; PAY_PER_REQUEST only"));
        fields.put("warmThroughput", describe(ref("warmThroughput"), "units per second the index serves at once"));
        fields.put(
                "sparse",
                describe(bool(), "true: items may lack the index's key attributes on purpose (no generator needed)"));
        ObjectNode index = object(
                NODES.objectNode(),
                TableFeaturesReader.GLOBAL_INDEX_FIELDS,
                fields,
                "globalSecondaryIndex",
                "name",
                "partitionKey");
        ObjectNode together = index.putObject("dependentRequired");
        together.set("readCapacity", strings(List.of("writeCapacity")));
        together.set("writeCapacity", strings(List.of("readCapacity")));
        return index;
    }

    private static ObjectNode localIndex() {
        Map<String, ObjectNode> fields = new LinkedHashMap<>();
        fields.put("name", describe(indexName(), "the index name, unique among the table's indexes"));
        fields.put("partitionKey", describe(ref("key"), "optional; if written, the table's partition key"));
        fields.put("sortKey", describe(ref("key"), "the attribute the index sorts a partition's items by"));
        fields.put("projection", describe(ref("projection"), "ALL when left out"));
        fields.put(
                "sparse",
                describe(bool(), "true: items may lack the index's sort key on purpose (no generator needed)"));
        return object(
                NODES.objectNode(),
                TableFeaturesReader.LOCAL_INDEX_FIELDS,
                fields,
                "localSecondaryIndex",
                "name",
                "sortKey");
    }

    private static ObjectNode indexKeys() {
        ObjectNode keys = NODES.objectNode();
        keys.put("description", "one {name, type}, or a list of 1 to 4 (DynamoDB's multi-attribute index keys)");
        ArrayNode forms = keys.putArray("oneOf");
        forms.add(ref("key"));
        forms.add(array(ref("key")).put("minItems", 1).put("maxItems", TableFeaturesReader.MAX_INDEX_KEY_ATTRIBUTES));
        return keys;
    }

    private static ObjectNode projection() {
        ObjectNode projection = NODES.objectNode();
        projection.put(
                "description", "ALL (the default), KEYS_ONLY, or {type: INCLUDE, attributes: [a, b]} for some more");
        ArrayNode forms = projection.putArray("oneOf");
        forms.add(anyCase(List.of("ALL", "KEYS_ONLY")));
        Map<String, ObjectNode> fields = new LinkedHashMap<>();
        fields.put("type", describe(anyCase(names(ProjectionSpec.Type.values())), "which attributes the index holds"));
        fields.put(
                "attributes",
                describe(
                        array(attributeName()).put("minItems", 1),
                        "the non-key attributes INCLUDE adds; at most 100 summed over the table's indexes"));
        ObjectNode object =
                object(NODES.objectNode(), TableFeaturesReader.PROJECTION_FIELDS, fields, "projection", "type");
        ObjectNode include = object.putArray("allOf").addObject();
        include.putObject("if").putObject("properties").set("type", anyCase(List.of("INCLUDE")));
        include.putObject("then").set("required", strings(List.of("attributes")));
        include.putObject("else").putObject("not").set("required", strings(List.of("attributes")));
        forms.add(object);
        return projection;
    }

    private static ObjectNode warmThroughput() {
        Map<String, ObjectNode> fields = new LinkedHashMap<>();
        fields.put("readUnitsPerSecond", describe(integer(1, null), "read units per second served at once"));
        fields.put("writeUnitsPerSecond", describe(integer(1, null), "write units per second served at once"));
        ObjectNode warm =
                object(NODES.objectNode(), TableFeaturesReader.WARM_THROUGHPUT_FIELDS, fields, "warmThroughput");
        warm.put("minProperties", 1);
        return warm;
    }

    private static ObjectNode requestUnits() {
        ObjectNode units = integer(-1, null);
        units.putObject("not").put("const", 0);
        return units;
    }

    private static ObjectNode indexName() {
        return string().put("pattern", "^" + SpecValidator.TABLE_NAME.pattern() + "$");
    }

    private static ObjectNode attributeName() {
        return string().put("minLength", 1).put("maxLength", TableFeatureRules.MAX_INDEX_ATTRIBUTE_NAME);
    }

    private static ObjectNode bool() {
        return NODES.objectNode().put("type", "boolean");
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static ObjectNode seed() {
        Map<String, ObjectNode> fields = new LinkedHashMap<>();
        fields.put("count", describe(integer(0, SpecValidator.MAX_COUNT), "items written per run"));
        fields.put(
                "onExisting",
                describe(
                        anyCase(Arrays.stream(ExistingDataPolicy.values())
                                .map(ExistingDataPolicy::specName)
                                .toList()),
                        "what to do when the table holds items; append when left out"));
        fields.put(
                "randomSeed",
                describe(integer(Long.MIN_VALUE, Long.MAX_VALUE), "makes every value repeatable run after run"));
        fields.put(
                "baseTime",
                describe(
                        string().put("format", "date-time"),
                        "ISO-8601 instant time-based generators start from under randomSeed, e.g."
                                + " 2025-01-01T00:00:00Z"));
        ObjectNode attributes = NODES.objectNode().put("type", "object");
        attributes.putObject("propertyNames").put("minLength", 1);
        attributes.set("additionalProperties", ref("generator"));
        fields.put("attributes", describe(attributes, "attribute name to generator, written in this order"));
        fields.put(
                "items",
                describe(
                        array(NODES.objectNode().put("type", "object")),
                        "items in DynamoDB JSON ({id: {S: a}}), written before the generated ones"));
        ObjectNode file = NODES.objectNode();
        ArrayNode fileForms = file.putArray("oneOf");
        fileForms.add(string().put("minLength", 1));
        Map<String, ObjectNode> fileFields = new LinkedHashMap<>();
        fileFields.put("path", describe(string().put("minLength", 1), "the file, relative to the spec file"));
        fileFields.put(
                "format",
                describe(
                        anyCase(Arrays.stream(ItemFileFormat.values())
                                .map(ItemFileFormat::specName)
                                .toList()),
                        "the file's format; found from its name and first line when left out"));
        fileFields.put("header", describe(bool(), "CSV: whether the first row names the columns (true)"));
        fileFields.put("columns", describe(array(string().put("minLength", 1)), "CSV: the column names"));
        ObjectNode csvTypes = NODES.objectNode().put("type", "object");
        csvTypes.set(
                "additionalProperties",
                anyCase(Arrays.stream(ItemSourceSpec.CsvType.values())
                        .map(Enum::name)
                        .toList()));
        fileFields.put("types", describe(csvTypes, "CSV: column name to S, N, BOOL, B or JSON; others inferred"));
        fileFields.put("table", describe(string().put("minLength", 1), "batch-write: whose requests to apply"));
        fileForms.add(object(NODES.objectNode(), ItemSourceReader.FILE_FIELDS, fileFields, "seed.files entry", "path"));
        fields.put("files", describe(array(file), "item files written before the generated items, in this order"));
        fields.put(
                "entities",
                describe(entities(), "item types of a single-table design, instead of count and attributes"));
        ObjectNode seed = object(NODES.objectNode(), SpecTreeWalker.SEED_FIELDS, fields, "seed");
        ArrayNode needs = seed.putArray("anyOf");
        for (String field : List.of("count", "items", "files", "entities")) {
            needs.addObject().set("required", strings(List.of(field)));
        }
        // Entities bring their own counts and attributes.
        seed.putObject("if").set("required", strings(List.of("entities")));
        ArrayNode either = seed.putObject("then").putObject("not").putArray("anyOf");
        either.addObject().set("required", strings(List.of("count")));
        either.addObject().set("required", strings(List.of("attributes")));
        return seed;
    }

    private static ObjectNode entities() {
        Map<String, ObjectNode> collectionFields = new LinkedHashMap<>();
        collectionFields.put(
                "perParent",
                describe(
                        ref("generator"),
                        "how many children each parent gets: intRange, number (scale 0) or constant"));
        collectionFields.put(
                "attributes", describe(generatorMap(), "the child's generators; templates read {parent.x}"));
        ObjectNode collection = object(
                NODES.objectNode(),
                EntitySpecReader.COLLECTION_FIELDS,
                collectionFields,
                "collection",
                "perParent",
                "attributes");
        ObjectNode collections = NODES.objectNode().put("type", "object");
        collections.putObject("propertyNames").put("minLength", 1);
        collections.set("additionalProperties", collection);
        Map<String, ObjectNode> entityFields = new LinkedHashMap<>();
        entityFields.put("count", describe(integer(0, SpecValidator.MAX_COUNT), "items of this type written per run"));
        entityFields.put("attributes", describe(generatorMap(), "attribute name to generator, written in this order"));
        entityFields.put("collections", describe(collections, "child item types, each item of this one owns some"));
        ObjectNode entity = object(
                NODES.objectNode(), EntitySpecReader.ENTITY_FIELDS, entityFields, "entity", "count", "attributes");
        ObjectNode entities = NODES.objectNode().put("type", "object").put("minProperties", 1);
        entities.putObject("propertyNames").put("minLength", 1);
        entities.set("additionalProperties", entity);
        return entities;
    }

    private static ObjectNode generatorMap() {
        ObjectNode map = NODES.objectNode().put("type", "object");
        map.putObject("propertyNames").put("minLength", 1);
        map.set("additionalProperties", ref("generator"));
        return map;
    }

    private static ObjectNode generator() {
        ObjectNode generator = NODES.objectNode();
        generator.put(
                "description",
                "a generator's bare name (uuid4), a text with {placeholders}, or an object ({generator: intRange, ...})");
        ArrayNode forms = generator.putArray("oneOf");
        forms.add(describe(
                enumOf(GeneratorKinds.all().stream()
                        .filter(GeneratorKind::bareNameAllowed)
                        .map(GeneratorKind::name)
                        .toList()),
                "a generator with every parameter at its default"));
        forms.add(describe(
                string().put("pattern", "\\{"),
                "a template over the item's attributes ('USER#{user_id}') or a Datafaker expression"
                        + " ('#{Name.fullName}')"));
        for (GeneratorKind<?> kind : GeneratorKinds.all()) {
            forms.add(ref("generator." + kind.name()));
        }
        return generator;
    }

    private static ObjectNode generatorObject(GeneratorKind<?> kind) {
        ObjectNode node = NODES.objectNode();
        node.put("description", kind.name() + " (" + kind.valueTypes().replace("`", "") + "): " + plain(kind.doc()));
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        properties.set("generator", NODES.objectNode().put("const", kind.name()));
        List<String> required = new ArrayList<>(List.of("generator"));
        for (Parameter parameter : kind.parameters()) {
            properties.set(parameter.name(), parameter(parameter));
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        node.set("required", strings(required));
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode parameter(Parameter parameter) {
        ObjectNode node = switch (parameter.type()) {
            case WHOLE_NUMBER ->
                integer(
                        parameter.minimum().map(BigDecimal::longValueExact).orElse(Long.MIN_VALUE),
                        parameter.maximum().map(BigDecimal::longValueExact).orElse(Long.MAX_VALUE));
            case DECIMAL -> NODES.objectNode().put("type", "number");
            case TEXT -> string();
            case LITERAL -> types(LITERAL_TYPES);
            case LITERAL_LIST -> array(types(LITERAL_TYPES)).put("minItems", 1);
            case NUMBER_LIST -> array(NODES.objectNode().put("type", "number").put("exclusiveMinimum", 0));
            case GENERATOR -> ref("generator");
            case GENERATOR_MAP -> generatorMap();
        };
        parameter.defaultValue().ifPresent(value -> node.set("default", defaultValue(value)));
        return describe(node, parameter.doc());
    }

    /** Fills {@code node} as an object of exactly {@code names}, each described in {@code fields}. */
    private static ObjectNode object(
            ObjectNode node, List<String> names, Map<String, ObjectNode> fields, String what, String... required) {
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        for (String name : names) {
            ObjectNode field = fields.get(name);
            if (field == null) {
                throw new IllegalStateException(
                        "the " + what + " field '" + name + "' has no schema; describe it in SpecSchema");
            }
            properties.set(name, field);
        }
        if (!fields.keySet().equals(new LinkedHashSet<>(names))) {
            throw new IllegalStateException(
                    "SpecSchema describes " + what + " fields " + fields.keySet() + " but the reader reads " + names);
        }
        node.set("required", strings(List.of(required)));
        node.put("additionalProperties", false);
        return node;
    }

    private static JsonNode defaultValue(Object value) {
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        return NODES.textNode(value.toString());
    }

    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }

    private static ObjectNode describe(ObjectNode node, String description) {
        ObjectNode described = NODES.objectNode();
        described.put("description", description);
        described.setAll(node);
        return described;
    }

    private static ObjectNode ref(String def) {
        return NODES.objectNode().put("$ref", "#/$defs/" + def);
    }

    private static ObjectNode string() {
        return NODES.objectNode().put("type", "string");
    }

    private static ObjectNode types(String spaceSeparated) {
        ObjectNode node = NODES.objectNode();
        node.set("type", strings(List.of(spaceSeparated.split(" "))));
        return node;
    }

    private static ObjectNode integer(long minimum, Long maximum) {
        ObjectNode node = NODES.objectNode().put("type", "integer").put("minimum", minimum);
        if (maximum != null) {
            node.put("maximum", maximum);
        }
        return node;
    }

    private static ObjectNode array(ObjectNode items) {
        ObjectNode node = NODES.objectNode().put("type", "array");
        node.set("items", items);
        return node;
    }

    private static ObjectNode enumOf(List<String> values) {
        ObjectNode node = NODES.objectNode();
        node.set("enum", strings(values));
        return node;
    }

    /** The values, also in the other case: the reader takes these names in any case. */
    private static ObjectNode anyCase(List<String> values) {
        List<String> both = new ArrayList<>(values);
        values.stream()
                .map(value -> value.equals(value.toLowerCase(Locale.ROOT))
                        ? value.toUpperCase(Locale.ROOT)
                        : value.toLowerCase(Locale.ROOT))
                .filter(value -> !both.contains(value))
                .forEach(both::add);
        ObjectNode node = NODES.objectNode();
        node.set("enum", strings(both));
        return node;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
