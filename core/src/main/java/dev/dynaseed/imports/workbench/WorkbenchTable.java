package dev.dynaseed.imports.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.LocalIndexSpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.SourceLocation;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps one table of a data model's {@code DataModel} list: {@code KeyAttributes}, {@code NonKeyAttributes} (their
 * types type plain sample values), {@code GlobalSecondaryIndexes}, {@code BillingMode} with
 * {@code ProvisionedCapacitySettings}, and the sample items of {@code TableData} and of each facet's
 * {@code TableData} (format 3.0), once per primary key.
 */
final class WorkbenchTable {
    private final String path;
    private final SourceLocation location;
    private final List<Problem> problems;
    private final int problemsBefore;

    WorkbenchTable(String path, SourceLocation location, List<Problem> problems) {
        this.path = path;
        this.location = location;
        this.problems = problems;
        this.problemsBefore = problems.size();
    }

    Optional<TableSpec> map(JsonNode table) {
        if (!table.isObject()) {
            problem("", "is " + WorkbenchItems.kind(table) + ", not a table object with TableName and KeyAttributes");
            return Optional.empty();
        }
        Optional<String> name = text(table, "TableName", "TableName");
        Map<String, String> declared = new LinkedHashMap<>();
        Optional<KeySpec> partition =
                key(table.path("KeyAttributes").path("PartitionKey"), "KeyAttributes.PartitionKey", true);
        Optional<KeySpec> sort = key(table.path("KeyAttributes").path("SortKey"), "KeyAttributes.SortKey", false);
        partition.ifPresent(k -> declared.put(k.name(), k.type().name()));
        sort.ifPresent(k -> declared.put(k.name(), k.type().name()));
        nonKeyAttributes(table.path("NonKeyAttributes"), declared);
        BillingSpec billing = billing(table);
        Optional<CapacitySpec> tableCapacity = billing instanceof BillingSpec.Provisioned provisioned
                ? Optional.of(new CapacitySpec(provisioned.readCapacity(), provisioned.writeCapacity()))
                : Optional.empty();
        List<GlobalIndexSpec> globals = new ArrayList<>();
        JsonNode gsis = table.path("GlobalSecondaryIndexes");
        for (int i = 0; i < gsis.size(); i++) {
            String at = "GlobalSecondaryIndexes[" + i + "]";
            JsonNode index = gsis.get(i);
            Optional<String> indexName = text(index, "IndexName", at + ".IndexName");
            Optional<KeySpec> indexPartition =
                    key(index.path("KeyAttributes").path("PartitionKey"), at + ".KeyAttributes.PartitionKey", true);
            Optional<KeySpec> indexSort =
                    key(index.path("KeyAttributes").path("SortKey"), at + ".KeyAttributes.SortKey", false);
            Optional<ProjectionSpec> projection = projection(index.path("Projection"), at + ".Projection");
            indexPartition.ifPresent(k -> sameType(k, declared, at + ".KeyAttributes.PartitionKey"));
            indexSort.ifPresent(k -> sameType(k, declared, at + ".KeyAttributes.SortKey"));
            // An index without its own throughput gets the table's, as NoSQL Workbench commits it.
            Optional<CapacitySpec> capacity = tableCapacity.isEmpty()
                    ? Optional.empty()
                    : capacity(index.path("ProvisionedThroughput"), at + ".ProvisionedThroughput")
                            .or(() -> tableCapacity);
            if (indexName.isPresent() && indexPartition.isPresent() && projection.isPresent()) {
                globals.add(new GlobalIndexSpec(
                        indexName.get(),
                        List.of(indexPartition.get()),
                        indexSort.map(List::of).orElse(List.of()),
                        projection.get(),
                        capacity,
                        Optional.empty(),
                        Optional.empty(),
                        false));
            }
        }
        List<LocalIndexSpec> locals = new ArrayList<>();
        JsonNode lsis = table.path("LocalSecondaryIndexes");
        for (int i = 0; i < lsis.size(); i++) {
            String at = "LocalSecondaryIndexes[" + i + "]";
            JsonNode index = lsis.get(i);
            Optional<String> indexName = text(index, "IndexName", at + ".IndexName");
            Optional<KeySpec> indexSort =
                    key(index.path("KeyAttributes").path("SortKey"), at + ".KeyAttributes.SortKey", true);
            Optional<ProjectionSpec> projection = projection(index.path("Projection"), at + ".Projection");
            indexSort.ifPresent(k -> sameType(k, declared, at + ".KeyAttributes.SortKey"));
            if (indexName.isPresent() && indexSort.isPresent() && projection.isPresent() && partition.isPresent()) {
                locals.add(
                        new LocalIndexSpec(indexName.get(), partition.get(), indexSort.get(), projection.get(), false));
            }
        }
        List<Map<String, AttributeValue>> items = items(table, declared, partition, sort);
        if (problems.size() > problemsBefore || name.isEmpty() || partition.isEmpty()) {
            return Optional.empty();
        }
        SeedSpec seed = items.isEmpty()
                ? SeedSpec.none()
                : new SeedSpec(
                        0,
                        ExistingDataPolicy.APPEND,
                        Optional.empty(),
                        Optional.empty(),
                        Map.of(),
                        List.of(new ItemSourceSpec.Inline(items)));
        TableSpec.Builder spec = TableSpec.builder(name.get(), partition.get())
                .billing(billing)
                .seed(seed)
                .features(TableFeatures.ofIndexes(globals, locals));
        sort.ifPresent(spec::sortKey);
        return Optional.of(spec.build());
    }

    private Optional<KeySpec> key(JsonNode node, String at, boolean required) {
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                problem(at, "missing; name the key, e.g. {\"AttributeName\": \"id\", \"AttributeType\": \"S\"}");
            }
            return Optional.empty();
        }
        Optional<String> name = text(node, "AttributeName", at + ".AttributeName");
        Optional<String> type = text(node, "AttributeType", at + ".AttributeType");
        if (name.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        for (KeyType keyType : KeyType.values()) {
            if (keyType.name().equals(type.get())) {
                return Optional.of(new KeySpec(name.get(), keyType));
            }
        }
        problem(at + ".AttributeType", "'" + type.get() + "' is not a key type; keys are S, N or B");
        return Optional.empty();
    }

    private void sameType(KeySpec key, Map<String, String> declared, String at) {
        String type = declared.putIfAbsent(key.name(), key.type().name());
        if (type != null && !type.equals(key.type().name())) {
            problem(
                    at + ".AttributeType",
                    "'" + key.name() + "' is " + key.type() + " here but " + type
                            + " in the table; an attribute has one type");
        }
    }

    private void nonKeyAttributes(JsonNode attributes, Map<String, String> declared) {
        for (int i = 0; i < attributes.size(); i++) {
            String at = "NonKeyAttributes[" + i + "]";
            Optional<String> name = text(attributes.get(i), "AttributeName", at + ".AttributeName");
            Optional<String> type = text(attributes.get(i), "AttributeType", at + ".AttributeType");
            if (name.isEmpty() || type.isEmpty()) {
                continue;
            }
            if (!WorkbenchItems.TYPES.contains(type.get())) {
                problem(
                        at + ".AttributeType",
                        "'" + type.get() + "' is not a DynamoDB type; use one of "
                                + new java.util.TreeSet<>(WorkbenchItems.TYPES));
            } else if (declared.putIfAbsent(name.get(), type.get()) != null) {
                problem(at + ".AttributeName", "'" + name.get() + "' is declared again; declare each attribute once");
            }
        }
    }

    private BillingSpec billing(JsonNode table) {
        JsonNode mode = table.path("BillingMode");
        if (mode.isMissingNode() || "PAY_PER_REQUEST".equals(mode.asText())) {
            return new BillingSpec.PayPerRequest();
        }
        if (!"PROVISIONED".equals(mode.asText())) {
            problem("BillingMode", "'" + mode.asText() + "' is not a billing mode; use PROVISIONED or PAY_PER_REQUEST");
            return new BillingSpec.PayPerRequest();
        }
        String at = "ProvisionedCapacitySettings.ProvisionedThroughput";
        JsonNode throughput = table.path("ProvisionedCapacitySettings").path("ProvisionedThroughput");
        if (throughput.isMissingNode()) {
            problem(at, "missing; BillingMode is PROVISIONED, so give ReadCapacityUnits and WriteCapacityUnits");
            return new BillingSpec.PayPerRequest();
        }
        return capacity(throughput, at)
                .<BillingSpec>map(c -> new BillingSpec.Provisioned(c.readCapacity(), c.writeCapacity()))
                .orElseGet(BillingSpec.PayPerRequest::new);
    }

    private Optional<CapacitySpec> capacity(JsonNode throughput, String at) {
        if (throughput.isMissingNode()) {
            return Optional.empty();
        }
        Optional<Long> read = whole(throughput, "ReadCapacityUnits", at);
        Optional<Long> write = whole(throughput, "WriteCapacityUnits", at);
        return read.isPresent() && write.isPresent()
                ? Optional.of(new CapacitySpec(read.get(), write.get()))
                : Optional.empty();
    }

    private Optional<Long> whole(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            problem(at + "." + field, "is " + WorkbenchItems.kind(value) + "; give a whole number of units, e.g. 5");
            return Optional.empty();
        }
        return Optional.of(value.longValue());
    }

    private Optional<ProjectionSpec> projection(JsonNode projection, String at) {
        if (projection.isMissingNode()) {
            return Optional.of(ProjectionSpec.all());
        }
        Optional<String> type = text(projection, "ProjectionType", at + ".ProjectionType");
        if (type.isEmpty()) {
            return Optional.empty();
        }
        for (ProjectionSpec.Type candidate : ProjectionSpec.Type.values()) {
            if (candidate.name().equals(type.get())) {
                List<String> nonKey = new ArrayList<>();
                JsonNode attributes = projection.path("NonKeyAttributes");
                for (int i = 0; i < attributes.size(); i++) {
                    text(attributes, i, at + ".NonKeyAttributes[" + i + "]").ifPresent(nonKey::add);
                }
                return Optional.of(new ProjectionSpec(candidate, nonKey));
            }
        }
        problem(at + ".ProjectionType", "'" + type.get() + "' is not a projection type; use ALL, KEYS_ONLY or INCLUDE");
        return Optional.empty();
    }

    private List<Map<String, AttributeValue>> items(
            JsonNode table, Map<String, String> declared, Optional<KeySpec> partition, Optional<KeySpec> sort) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Set<List<AttributeValue>> keys = new HashSet<>();
        collect(table.path("TableData"), "TableData", declared, partition, sort, keys, items);
        JsonNode facets = table.path("TableFacets");
        for (int i = 0; i < facets.size(); i++) {
            collect(
                    facets.get(i).path("TableData"),
                    "TableFacets[" + i + "].TableData",
                    declared,
                    partition,
                    sort,
                    keys,
                    items);
        }
        return items;
    }

    private void collect(
            JsonNode data,
            String at,
            Map<String, String> declared,
            Optional<KeySpec> partition,
            Optional<KeySpec> sort,
            Set<List<AttributeValue>> keys,
            List<Map<String, AttributeValue>> items) {
        if (data.isMissingNode()) {
            return;
        }
        if (!data.isArray()) {
            problem(at, "is " + WorkbenchItems.kind(data) + ", not a list of items");
            return;
        }
        for (int i = 0; i < data.size(); i++) {
            String itemPath = at + "[" + i + "]";
            try {
                Map<String, AttributeValue> item = WorkbenchItems.item(data.get(i), declared);
                List<AttributeValue> key = new ArrayList<>();
                for (Optional<KeySpec> keySpec : List.of(partition, sort)) {
                    if (keySpec.isEmpty()) {
                        continue;
                    }
                    AttributeValue value = item.get(keySpec.get().name());
                    if (value == null
                            || !keyType(value).equals(keySpec.get().type().name())) {
                        throw new WorkbenchItems.BadValue(
                                keySpec.get().name(),
                                value == null
                                        ? "missing; every item needs the key attribute '"
                                                + keySpec.get().name() + "'"
                                        : "is " + keyType(value) + " but the key is "
                                                + keySpec.get().type());
                    }
                    key.add(value);
                }
                if (keys.add(key)) {
                    items.add(item);
                }
            } catch (WorkbenchItems.BadValue e) {
                problem(itemPath + (e.path.isEmpty() ? "" : "." + e.path), e.getMessage());
            }
        }
    }

    private static String keyType(AttributeValue value) {
        return value.s() != null
                ? "S"
                : value.n() != null ? "N" : value.b() != null ? "B" : String.valueOf(value.type());
    }

    private Optional<String> text(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.textValue().isEmpty()) {
            problem(
                    at,
                    value.isMissingNode()
                            ? "missing"
                            : "is " + WorkbenchItems.kind(value) + ", not a non-empty string");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private Optional<String> text(JsonNode array, int index, String at) {
        JsonNode value = array.get(index);
        if (!value.isTextual()) {
            problem(at, "is " + WorkbenchItems.kind(value) + ", not an attribute name");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private void problem(String at, String message) {
        problems.add(new Problem(path + (at.isEmpty() ? "" : "." + at), message).at(location));
    }
}
