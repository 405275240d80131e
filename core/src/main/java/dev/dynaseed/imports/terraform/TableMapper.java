package dev.dynaseed.imports.terraform;

import dev.dynaseed.imports.terraform.ArgumentReader.Block;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.LocalIndexSpec;
import dev.dynaseed.spec.OnDemandLimits;
import dev.dynaseed.spec.PointInTimeRecoverySpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.StreamView;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.spec.WarmThroughputSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps one {@code aws_dynamodb_table} resource instance to a {@link TableSpec}, as the Terraform AWS provider's
 * documentation defines its arguments, and with the provider's own plan-time checks (every attribute indexed,
 * every key attribute declared, capacities by billing mode).
 */
final class TableMapper {
    private static final Set<String> RESTORE_ARGUMENTS =
            Set.of("restore_source_name", "restore_source_table_arn", "restore_date_time", "restore_to_latest_time");

    private final ArgumentReader args;
    private final List<Problem> problems;
    private final int problemsBefore;
    /** Attribute names declared, also those whose type was refused (so no follow-on "unmatched" problem). */
    private final Set<String> declaredNames = new LinkedHashSet<>();

    TableMapper(String address, String file, Scope scope, List<Problem> problems) {
        this.args = new ArgumentReader(address, file, scope, problems);
        this.problems = problems;
        this.problemsBefore = problems.size();
    }

    /** The table, or empty when a problem was added. */
    Optional<TableSpec> map(HclBody body, int line, Map<String, String> defaultTags) {
        unsupported(body, "");
        Optional<String> name = args.string(body, "name", "");
        if (name.isEmpty() && body.attribute("name").isEmpty()) {
            args.problem("name", line, "missing; every aws_dynamodb_table needs a name, e.g. name = \"users\"");
        } else if (name.isEmpty()) {
            args.requiredNotNull(body, "name", "", "e.g. name = \"users\"");
        }
        Map<String, KeyType> attributes = attributes(body);
        Optional<String> hashKey = args.string(body, "hash_key", "");
        if (hashKey.isEmpty() && body.attribute("hash_key").isEmpty()) {
            args.problem("hash_key", line, "missing; name the partition key attribute, e.g. hash_key = \"id\"");
        } else if (hashKey.isEmpty()) {
            args.requiredNotNull(body, "hash_key", "", "e.g. hash_key = \"id\"");
        }
        Optional<String> rangeKey = args.string(body, "range_key", "");
        BillingSpec billing = billing(body, line);
        List<GlobalIndexSpec> globals = new ArrayList<>();
        List<Block> gsiBlocks = args.blocks(body, "global_secondary_index");
        for (int i = 0; i < gsiBlocks.size(); i++) {
            globalIndex(gsiBlocks.get(i), "global_secondary_index[" + i + "]", attributes, billing)
                    .ifPresent(globals::add);
        }
        List<LocalIndexSpec> locals = new ArrayList<>();
        List<Block> lsiBlocks = args.blocks(body, "local_secondary_index");
        for (int i = 0; i < lsiBlocks.size(); i++) {
            localIndex(lsiBlocks.get(i), "local_secondary_index[" + i + "]", attributes, hashKey)
                    .ifPresent(locals::add);
        }
        indexedAttributes(body, line, attributes, hashKey, rangeKey, gsiBlocks, lsiBlocks);
        TableFeatures features = new TableFeatures(
                globals,
                locals,
                ttl(body),
                stream(body, line),
                pointInTimeRecovery(body),
                encryption(body),
                args.string(body, "table_class", "")
                        .flatMap(value -> args.oneOf(
                                value,
                                TableClassSpec.class,
                                "table_class",
                                body.attribute("table_class").get().line())),
                args.bool(body, "deletion_protection_enabled", ""),
                args.single(body, "warm_throughput", "").flatMap(block -> warmThroughput(block, "warm_throughput")),
                Optional.empty(),
                Optional.empty());
        Map<String, String> tags = new LinkedHashMap<>(defaultTags);
        tags.putAll(args.stringMap(body, "tags", ""));
        if (problems.size() > problemsBefore || name.isEmpty() || hashKey.isEmpty()) {
            return Optional.empty();
        }
        TableSpec.Builder table = TableSpec.builder(name.get(), key(hashKey.get(), attributes))
                .billing(billing)
                .tags(tags)
                .features(features);
        rangeKey.ifPresent(range -> table.sortKey(key(range, attributes)));
        return Optional.of(table.build());
    }

    private void unsupported(HclBody body, String prefix) {
        for (HclBody.Block block : body.blocks("dynamic")) {
            String what = block.labels().isEmpty() ? "" : block.labels().get(0);
            args.problem(
                    prefix + "dynamic \"" + what + "\"",
                    block.line(),
                    "dynamic blocks are not supported by dynaseed's Terraform import; write each " + what
                            + " block out");
        }
        for (HclBody.Block block : body.blocks("import_table")) {
            args.problem(prefix + "import_table", block.line(), "importing from S3 is not supported; remove it");
        }
        for (String argument : RESTORE_ARGUMENTS) {
            body.attribute(argument)
                    .ifPresent(found -> args.problem(
                            prefix + argument,
                            found.line(),
                            "restoring a table from a backup is not supported; dynaseed creates tables from their"
                                    + " definition: remove it and write the attributes and keys out"));
        }
        for (HclBody.Block nested : body.blocks()) {
            if (!nested.type().equals("dynamic")) {
                unsupported(nested.body(), prefix + nested.type() + ".");
            }
        }
    }

    private Map<String, KeyType> attributes(HclBody body) {
        Map<String, KeyType> attributes = new LinkedHashMap<>();
        List<Block> blocks = args.blocks(body, "attribute");
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            String prefix = "attribute[" + i + "].";
            Optional<String> name = args.requiredString(block, "name", prefix, "e.g. name = \"id\"");
            name.ifPresent(declaredNames::add);
            Optional<KeyType> type = args.requiredString(block, "type", prefix, "S, N or B")
                    .flatMap(value -> args.oneOf(value, KeyType.class, prefix + "type", args.lineOf(block, "type")));
            if (name.isPresent() && type.isPresent() && attributes.put(name.get(), type.get()) != null) {
                args.problem(
                        prefix + "name",
                        args.lineOf(block, "name"),
                        "declares '" + name.get() + "' again; declare it once");
            }
        }
        return attributes;
    }

    private BillingSpec billing(HclBody body, int line) {
        String mode = args.string(body, "billing_mode", "").orElse("PROVISIONED");
        Optional<Long> read = args.whole(body, "read_capacity", "");
        Optional<Long> write = args.whole(body, "write_capacity", "");
        Optional<Block> onDemand = args.single(body, "on_demand_throughput", "");
        switch (mode) {
            case "PROVISIONED" -> {
                onDemand.ifPresent(block -> args.problem(
                        "on_demand_throughput",
                        block.line(),
                        "only applies when billing_mode is PAY_PER_REQUEST; remove it or set billing_mode ="
                                + " \"PAY_PER_REQUEST\""));
                if (read.isEmpty() || write.isEmpty()) {
                    if (args.absentOrNull(body, "read_capacity") || args.absentOrNull(body, "write_capacity")) {
                        args.problem(
                                args.absentOrNull(body, "read_capacity") ? "read_capacity" : "write_capacity",
                                line,
                                "missing; billing_mode is PROVISIONED (the default), so read_capacity and"
                                        + " write_capacity must both be set, e.g. read_capacity = 5, or set"
                                        + " billing_mode = \"PAY_PER_REQUEST\"");
                    }
                    return new BillingSpec.PayPerRequest();
                }
                return new BillingSpec.Provisioned(read.get(), write.get());
            }
            case "PAY_PER_REQUEST" -> {
                if (read.filter(units -> units != 0).isPresent()
                        || write.filter(units -> units != 0).isPresent()) {
                    args.problem(
                            read.filter(units -> units != 0).isPresent() ? "read_capacity" : "write_capacity",
                            line,
                            "can not be set when billing_mode is PAY_PER_REQUEST; remove read_capacity and"
                                    + " write_capacity, or set billing_mode = \"PROVISIONED\"");
                }
                return new BillingSpec.PayPerRequest(
                        onDemand.map(block -> onDemandLimits(block, "on_demand_throughput")));
            }
            default -> {
                args.problem(
                        "billing_mode",
                        args.lineOf(body, "billing_mode"),
                        "expected billing_mode to be one of [PROVISIONED PAY_PER_REQUEST], got " + mode);
                return new BillingSpec.PayPerRequest();
            }
        }
    }

    private OnDemandLimits onDemandLimits(Block block, String prefix) {
        return new OnDemandLimits(
                args.whole(block.body(), "max_read_request_units", prefix + "."),
                args.whole(block.body(), "max_write_request_units", prefix + "."));
    }

    private Optional<WarmThroughputSpec> warmThroughput(Block block, String prefix) {
        return Optional.of(new WarmThroughputSpec(
                args.whole(block.body(), "read_units_per_second", prefix + "."),
                args.whole(block.body(), "write_units_per_second", prefix + ".")));
    }

    private Optional<GlobalIndexSpec> globalIndex(
            Block block, String path, Map<String, KeyType> attributes, BillingSpec billing) {
        String prefix = path + ".";
        HclBody body = block.body();
        Optional<String> name = args.requiredString(block, "name", prefix, "e.g. name = \"by-email\"");
        List<String> partition = new ArrayList<>();
        List<String> sort = new ArrayList<>();
        List<Block> schema = args.blocks(body, "key_schema");
        boolean legacy = body.attribute("hash_key").isPresent()
                || body.attribute("range_key").isPresent();
        if (!schema.isEmpty() && legacy) {
            args.problem(
                    path + ".key_schema",
                    schema.get(0).line(),
                    "conflicts with hash_key/range_key; name the keys one way: key_schema blocks or hash_key and"
                            + " range_key");
        } else if (!schema.isEmpty()) {
            for (int i = 0; i < schema.size(); i++) {
                Block key = schema.get(i);
                String keyPrefix = prefix + "key_schema[" + i + "].";
                Optional<String> attribute = args.requiredString(key, "attribute_name", keyPrefix, "e.g. \"email\"");
                Optional<String> keyType = args.requiredString(key, "key_type", keyPrefix, "HASH or RANGE");
                if (attribute.isPresent() && keyType.isPresent()) {
                    switch (keyType.get()) {
                        case "HASH" -> partition.add(attribute.get());
                        case "RANGE" -> sort.add(attribute.get());
                        default ->
                            args.problem(
                                    keyPrefix + "key_type",
                                    args.lineOf(key, "key_type"),
                                    "expected key_type to be one of [HASH RANGE], got " + keyType.get());
                    }
                }
            }
        } else {
            args.requiredString(block, "hash_key", prefix, "e.g. hash_key = \"email\"")
                    .ifPresent(partition::add);
            args.string(body, "range_key", prefix).ifPresent(sort::add);
        }
        Optional<ProjectionSpec> projection = projection(block, prefix);
        Optional<Long> read = args.whole(body, "read_capacity", prefix);
        Optional<Long> write = args.whole(body, "write_capacity", prefix);
        Optional<CapacitySpec> capacity = Optional.empty();
        Optional<OnDemandLimits> onDemand = args.single(body, "on_demand_throughput", prefix)
                .map(limits -> onDemandLimits(limits, prefix + "on_demand_throughput"));
        if (billing.kind() == BillingSpec.Kind.PROVISIONED) {
            if (read.isEmpty() || write.isEmpty()) {
                args.problem(
                        path,
                        block.line(),
                        "read and write capacity should be set when billing mode is PROVISIONED; add"
                                + " read_capacity and write_capacity to the index, e.g. read_capacity = 5");
            } else {
                capacity = Optional.of(new CapacitySpec(read.get(), write.get()));
            }
        }
        // With PAY_PER_REQUEST the provider does not send an index's read/write_capacity: they are ignored here too.
        Optional<WarmThroughputSpec> warm = args.single(body, "warm_throughput", prefix)
                .flatMap(w -> warmThroughput(w, prefix + "warm_throughput"));
        if (name.isEmpty() || projection.isEmpty() || partition.isEmpty()) {
            return Optional.empty();
        }
        List<KeySpec> partitionKeys = new ArrayList<>();
        List<KeySpec> sortKeys = new ArrayList<>();
        partition.stream().filter(attributes::containsKey).forEach(a -> partitionKeys.add(key(a, attributes)));
        sort.stream().filter(attributes::containsKey).forEach(a -> sortKeys.add(key(a, attributes)));
        if (partitionKeys.size() != partition.size() || sortKeys.size() != sort.size()) {
            return Optional.empty(); // reported by indexedAttributes
        }
        return Optional.of(new GlobalIndexSpec(
                name.get(), partitionKeys, sortKeys, projection.get(), capacity, onDemand, warm, false));
    }

    private Optional<LocalIndexSpec> localIndex(
            Block block, String path, Map<String, KeyType> attributes, Optional<String> hashKey) {
        String prefix = path + ".";
        Optional<String> name = args.requiredString(block, "name", prefix, "e.g. name = \"by-date\"");
        Optional<String> range = args.requiredString(block, "range_key", prefix, "e.g. range_key = \"created\"");
        Optional<ProjectionSpec> projection = projection(block, prefix);
        if (name.isEmpty()
                || range.isEmpty()
                || projection.isEmpty()
                || hashKey.isEmpty()
                || !attributes.containsKey(range.get())
                || !attributes.containsKey(hashKey.get())) {
            return Optional.empty();
        }
        return Optional.of(new LocalIndexSpec(
                name.get(), key(hashKey.get(), attributes), key(range.get(), attributes), projection.get(), false));
    }

    private Optional<ProjectionSpec> projection(Block block, String prefix) {
        Optional<ProjectionSpec.Type> type = args.requiredString(
                        block, "projection_type", prefix, "ALL, KEYS_ONLY or INCLUDE")
                .flatMap(value -> args.oneOf(
                        value,
                        ProjectionSpec.Type.class,
                        prefix + "projection_type",
                        args.lineOf(block, "projection_type")));
        List<String> nonKey = args.stringList(block.body(), "non_key_attributes", prefix);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (type.get() != ProjectionSpec.Type.INCLUDE && !nonKey.isEmpty()) {
            args.problem(
                    prefix + "non_key_attributes",
                    args.lineOf(block, "non_key_attributes"),
                    "only applies when projection_type is INCLUDE; remove it or set projection_type = \"INCLUDE\"");
            return Optional.empty();
        }
        return Optional.of(new ProjectionSpec(type.get(), nonKey));
    }

    /** The provider's check: every attribute is a key of the table or an index, and every key is declared. */
    private void indexedAttributes(
            HclBody body,
            int line,
            Map<String, KeyType> attributes,
            Optional<String> hashKey,
            Optional<String> rangeKey,
            List<Block> gsis,
            List<Block> lsis) {
        Set<String> indexed = new LinkedHashSet<>();
        hashKey.ifPresent(indexed::add);
        rangeKey.ifPresent(indexed::add);
        for (Block lsi : lsis) {
            args.quietString(lsi.body(), "range_key").ifPresent(indexed::add);
        }
        for (Block gsi : gsis) {
            args.quietString(gsi.body(), "hash_key").ifPresent(indexed::add);
            args.quietString(gsi.body(), "range_key").ifPresent(indexed::add);
            for (HclBody.Block key : gsi.body().blocks("key_schema")) {
                args.quietString(key.body(), "attribute_name").ifPresent(indexed::add);
            }
        }
        Set<String> unused = new TreeSet<>(attributes.keySet());
        unused.removeAll(indexed);
        Set<String> unmatched = new TreeSet<>(indexed);
        unmatched.removeAll(declaredNames);
        if (!unused.isEmpty()) {
            args.problem(
                    "attribute",
                    line,
                    "all attributes must be indexed. Unused attributes: " + quoted(unused)
                            + "; declare in attribute blocks only the keys of the table and its indexes (DynamoDB"
                            + " is schemaless for the rest)");
        }
        if (!unmatched.isEmpty()) {
            args.problem(
                    "attribute",
                    line,
                    "all indexes must match a defined attribute. Unmatched indexes: " + quoted(unmatched)
                            + "; add an attribute block for each, e.g. attribute { name = \""
                            + unmatched.iterator().next() + "\" type = \"S\" }");
        }
    }

    private static String quoted(Set<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(" ", "[", "]"));
    }

    private Optional<String> ttl(HclBody body) {
        Optional<Block> block = args.single(body, "ttl", "");
        if (block.isEmpty() || !args.bool(block.get().body(), "enabled", "ttl.").orElse(false)) {
            return Optional.empty();
        }
        Optional<String> attribute = args.string(block.get().body(), "attribute_name", "ttl.");
        if (attribute.filter(a -> !a.isEmpty()).isEmpty()) {
            args.problem(
                    "ttl.attribute_name",
                    block.get().line(),
                    "missing; TTL is enabled, so name the attribute"
                            + " that holds expiry times, e.g. attribute_name = \"expires_at\"");
        }
        return attribute;
    }

    private Optional<StreamView> stream(HclBody body, int line) {
        boolean enabled = args.bool(body, "stream_enabled", "").orElse(false);
        Optional<String> view = args.string(body, "stream_view_type", "").filter(v -> !v.isEmpty());
        if (!enabled) {
            return Optional.empty();
        }
        if (view.isEmpty()) {
            args.problem(
                    "stream_view_type",
                    line,
                    "missing; stream_enabled is true, so set stream_view_type to"
                            + " KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES");
            return Optional.empty();
        }
        return args.oneOf(view.get(), StreamView.class, "stream_view_type", args.lineOf(body, "stream_view_type"));
    }

    private Optional<PointInTimeRecoverySpec> pointInTimeRecovery(HclBody body) {
        return args.single(body, "point_in_time_recovery", "").map(block -> {
            String prefix = "point_in_time_recovery.";
            boolean enabled = args.bool(block.body(), "enabled", prefix).orElse(false);
            Optional<Integer> days =
                    args.whole(block.body(), "recovery_period_in_days", prefix).map(Long::intValue);
            return new PointInTimeRecoverySpec(enabled, enabled ? days : Optional.empty());
        });
    }

    private Optional<EncryptionSpec> encryption(HclBody body) {
        return args.single(body, "server_side_encryption", "").map(block -> {
            String prefix = "server_side_encryption.";
            boolean enabled = args.bool(block.body(), "enabled", prefix).orElse(false);
            Optional<String> key =
                    args.string(block.body(), "kms_key_arn", prefix).filter(k -> !k.isEmpty());
            if (!enabled) {
                return new EncryptionSpec(EncryptionSpec.Type.AWS_OWNED, Optional.empty());
            }
            return key.map(arn -> new EncryptionSpec(EncryptionSpec.Type.CUSTOMER_MANAGED, Optional.of(arn)))
                    .orElseGet(() -> new EncryptionSpec(EncryptionSpec.Type.AWS_MANAGED, Optional.empty()));
        });
    }

    private static KeySpec key(String name, Map<String, KeyType> attributes) {
        return new KeySpec(name, attributes.getOrDefault(name, KeyType.S));
    }
}
