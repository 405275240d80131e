package dev.dynaseed.spec;

import dev.dynaseed.spec.internal.Quote;
import dev.dynaseed.spec.internal.SpecLimits;
import dev.dynaseed.spec.internal.TableFeaturesReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's rules for a table's indexes, TTL, warm throughput and resource policy, checked before any call; each
 * problem names DynamoDB's limit and the fix.
 */
final class TableFeatureRules {
    static final int MAX_GLOBAL_INDEXES = 20;
    static final int MAX_LOCAL_INDEXES = 5;
    static final int MAX_PROJECTED_ATTRIBUTES = 100;
    static final int MAX_INDEX_ATTRIBUTE_NAME = 255;
    static final int MAX_RESOURCE_POLICY_BYTES = 20 * 1024;
    static final long MIN_ON_DEMAND_WARM_READS = 12_000;
    static final long MIN_ON_DEMAND_WARM_WRITES = 4_000;
    /** The longest recovery period DynamoDB keeps continuous backups for. */
    static final int MAX_RECOVERY_PERIOD_DAYS = TableFeaturesReader.MAX_RECOVERY_PERIOD_DAYS;

    private TableFeatureRules() {}

    /** Every problem of {@code table}'s features; {@code path} names the table, e.g. {@code tables[0]}. */
    static void check(TableSpec table, String path, List<Problem> problems) {
        TableFeatures features = table.features();
        counts(table, path, problems);
        Map<String, String> names = new HashMap<>();
        Map<String, Typed> types = new LinkedHashMap<>();
        types.put(table.partitionKey().name(), new Typed(table.partitionKey().type(), path + ".partitionKey"));
        table.sortKey().ifPresent(key -> types.putIfAbsent(key.name(), new Typed(key.type(), path + ".sortKey")));
        int projected = 0;
        boolean projectedTooMany = false;
        for (IndexEntry entry : entries(table, path)) {
            IndexSpec index = entry.index();
            name(index.name(), entry.path(), names, problems);
            keys(table, entry, types, problems);
            int included = projection(table, entry, problems);
            projected += included;
            if (projected > MAX_PROJECTED_ATTRIBUTES && !projectedTooMany) {
                projectedTooMany = true;
                problems.add(new Problem(
                        entry.path() + ".projection.attributes",
                        "brings the attributes projected with INCLUDE to " + projected + "; DynamoDB allows at most "
                                + MAX_PROJECTED_ATTRIBUTES + " per table, summed over all its indexes (an attribute"
                                + " in two indexes counts twice): use projection ALL for an index that needs many"));
            }
            if (index instanceof GlobalIndexSpec global) {
                throughput(table, global, entry.path(), problems);
            }
        }
        settingRanges(table, path, problems);
        features.timeToLiveAttribute().ifPresent(attribute -> timeToLive(table, attribute, path, problems));
        features.warmThroughput()
                .ifPresent(warm -> warmThroughput(table, warm, path + ".warmThroughput", "table", problems));
        features.resourcePolicy().ifPresent(policy -> {
            int bytes = policy.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_RESOURCE_POLICY_BYTES) {
                problems.add(new Problem(
                        path + ".resourcePolicy",
                        "is " + SpecLimits.grouped(bytes) + " bytes as compact JSON; DynamoDB takes resource"
                                + " policies of at most 20 KB (" + SpecLimits.grouped(MAX_RESOURCE_POLICY_BYTES)
                                + " bytes): shorten it, e.g. by merging statements"));
            }
        });
    }

    /** The key attributes of the table and of every index, by name, for the rules that must not reuse them. */
    static Map<String, String> keyAttributes(TableSpec table) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(table.partitionKey().name(), "the table's partition key");
        table.sortKey().ifPresent(key -> keys.putIfAbsent(key.name(), "the table's sort key"));
        for (IndexSpec index : table.features().indexes()) {
            index.partitionKeys()
                    .forEach(key -> keys.putIfAbsent(key.name(), "a partition key of index " + index.name()));
            index.sortKeys().forEach(key -> keys.putIfAbsent(key.name(), "a sort key of index " + index.name()));
        }
        return keys;
    }

    private static void counts(TableSpec table, String path, List<Problem> problems) {
        TableFeatures features = table.features();
        if (features.globalSecondaryIndexes().size() > MAX_GLOBAL_INDEXES) {
            problems.add(new Problem(
                    path + ".globalSecondaryIndexes",
                    "lists " + features.globalSecondaryIndexes().size() + " global secondary indexes; DynamoDB allows"
                            + " at most " + MAX_GLOBAL_INDEXES + " per table (its default quota): remove some, or"
                            + " serve several access patterns from one overloaded index"));
        }
        if (features.localSecondaryIndexes().size() > MAX_LOCAL_INDEXES) {
            problems.add(new Problem(
                    path + ".localSecondaryIndexes",
                    "lists " + features.localSecondaryIndexes().size() + " local secondary indexes; DynamoDB allows at"
                            + " most " + MAX_LOCAL_INDEXES + " per table: remove some, or make them global"
                            + " secondary indexes"));
        }
        if (!features.localSecondaryIndexes().isEmpty() && table.sortKey().isEmpty()) {
            problems.add(new Problem(
                    path + ".localSecondaryIndexes",
                    "need the table to have a sort key (DynamoDB: a local secondary index sorts the items of a"
                            + " partition another way); add a sortKey to the table, or make these global secondary"
                            + " indexes"));
        }
    }

    private static void name(String name, String path, Map<String, String> names, List<Problem> problems) {
        if (!SpecValidator.TABLE_NAME.matcher(name).matches()) {
            problems.add(new Problem(
                    path + ".name",
                    Quote.of(name) + " is not a valid DynamoDB index name; use 3 to 255 characters of a-z, A-Z, 0-9,"
                            + " '_', '-' and '.', e.g. by_status"));
        }
        String previous = names.putIfAbsent(name, path);
        if (previous != null) {
            problems.add(new Problem(
                    path + ".name",
                    Quote.of(name) + " is already the name of " + relative(previous) + "; index names are unique"
                            + " across a table's global and local secondary indexes: rename one of them"));
        }
    }

    private static void keys(TableSpec table, IndexEntry entry, Map<String, Typed> types, List<Problem> problems) {
        IndexSpec index = entry.index();
        Set<String> seen = new HashSet<>();
        List<KeyAt> keys = keysOf(entry);
        for (KeyAt at : keys) {
            KeySpec key = at.key();
            if (key.name().isEmpty() || key.name().length() > MAX_INDEX_ATTRIBUTE_NAME) {
                problems.add(new Problem(
                        at.path() + ".name",
                        Quote.of(key.name()) + " is not a valid index key attribute name; use 1 to 255 characters,"
                                + " e.g. status"));
            }
            if (!seen.add(key.name())) {
                problems.add(new Problem(
                        at.path() + ".name",
                        Quote.of(key.name()) + " is already a key attribute of index " + index.name() + "; an"
                                + " attribute appears once among an index's partition and sort key attributes: use"
                                + " another attribute"));
                continue;
            }
            Typed first = types.putIfAbsent(key.name(), new Typed(key.type(), at.path()));
            if (first != null && first.type() != key.type()) {
                problems.add(new Problem(
                        at.path() + ".type",
                        Quote.of(key.name()) + " is " + key.type() + " here but " + first.type() + " in "
                                + relative(first.path()) + "; an attribute has one type across the table's and its"
                                + " indexes' keys (DynamoDB's AttributeDefinitions): use " + first.type()));
            }
        }
    }

    /** Checks an index's INCLUDE list; returns how many attributes it projects toward the table's limit. */
    private static int projection(TableSpec table, IndexEntry entry, List<Problem> problems) {
        ProjectionSpec projection = entry.index().projection();
        if (projection.type() != ProjectionSpec.Type.INCLUDE) {
            return 0;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(table.partitionKey().name(), "the table's partition key");
        table.sortKey().ifPresent(key -> keys.putIfAbsent(key.name(), "the table's sort key"));
        entry.index().keyAttributes().forEach(key -> keys.putIfAbsent(key.name(), "a key of this index"));
        Set<String> seen = new HashSet<>();
        String listPath = entry.path() + ".projection.attributes";
        if (projection.nonKeyAttributes().isEmpty()) {
            // The spec reader says so for a spec file; this catches imported definitions (a CloudFormation
            // Projection of INCLUDE without NonKeyAttributes), which DynamoDB refuses at CreateTable.
            problems.add(new Problem(
                    listPath,
                    "is empty: DynamoDB refuses a projection of INCLUDE without non-key attributes"
                            + " (NonKeyAttributes); list at least one, e.g. attributes: [total, status], or use"
                            + " KEYS_ONLY"));
        }
        for (int i = 0; i < projection.nonKeyAttributes().size(); i++) {
            String attribute = projection.nonKeyAttributes().get(i);
            String path = listPath + "[" + i + "]";
            if (attribute.isEmpty() || attribute.length() > MAX_INDEX_ATTRIBUTE_NAME) {
                problems.add(new Problem(
                        path,
                        Quote.of(attribute) + " is not a valid projected attribute name; use 1 to 255 characters,"
                                + " e.g. total"));
            } else if (keys.containsKey(attribute)) {
                problems.add(new Problem(
                        path,
                        Quote.of(attribute) + " is " + keys.get(attribute) + ", which every index holds anyway;"
                                + " INCLUDE lists non-key attributes only: remove it"));
            } else if (!seen.add(attribute)) {
                problems.add(new Problem(path, Quote.of(attribute) + " is listed twice; list each attribute once"));
            }
        }
        return projection.nonKeyAttributes().size();
    }

    private static void throughput(TableSpec table, GlobalIndexSpec index, String path, List<Problem> problems) {
        switch (table.billing().kind()) {
            case PROVISIONED -> {
                if (index.provisionedThroughput().isEmpty()) {
                    problems.add(new Problem(
                            path + ".readCapacity",
                            "missing; the table's billing mode is PROVISIONED, so each global secondary index"
                                    + " needs its own capacity units, e.g. readCapacity: 5, writeCapacity: 5"));
                }
                index.provisionedThroughput().ifPresent(capacity -> {
                    SpecValidator.capacity(capacity.readCapacity(), path + ".readCapacity", "read", problems);
                    SpecValidator.capacity(capacity.writeCapacity(), path + ".writeCapacity", "write", problems);
                });
                index.onDemandThroughput()
                        .ifPresent(limits -> problems.add(new Problem(
                                path
                                        + (limits.maxReadRequestUnits().isPresent()
                                                ? ".maxReadRequestUnits"
                                                : ".maxWriteRequestUnits"),
                                "only allowed when the table's billing mode is PAY_PER_REQUEST (on-demand maximums); remove"
                                        + " it, or use readCapacity and writeCapacity on a PROVISIONED table")));
            }
            case PAY_PER_REQUEST -> {
                if (index.provisionedThroughput().isPresent()) {
                    problems.add(new Problem(
                            path + ".readCapacity",
                            "not allowed when the table's billing mode is PAY_PER_REQUEST; remove readCapacity and"
                                    + " writeCapacity (use maxReadRequestUnits/maxWriteRequestUnits to cap an"
                                    + " on-demand index), or make the table PROVISIONED"));
                }
            }
        }
        index.warmThroughput()
                .ifPresent(warm -> warmThroughput(table, warm, path + ".warmThroughput", "index", problems));
    }

    /** On-demand tables and their indexes start warm at 12,000 reads and 4,000 writes per second. */
    /**
     * The ranges the spec reader checks as it reads a spec file, checked again here for tables built otherwise (every
     * import format): DynamoDB would refuse them, some only after the table was created (a recovery period is set by
     * UpdateContinuousBackups once CreateTable succeeded).
     */
    private static void settingRanges(TableSpec table, String path, List<Problem> problems) {
        TableFeatures features = table.features();
        features.pointInTimeRecovery()
                .ifPresent(backups -> backups.recoveryPeriodDays().ifPresent(days -> {
                    String daysPath = path + ".pointInTimeRecovery.recoveryPeriodDays";
                    if (days < 1 || days > MAX_RECOVERY_PERIOD_DAYS) {
                        problems.add(new Problem(
                                daysPath,
                                days + " is out of range; DynamoDB keeps continuous backups for 1 to "
                                        + MAX_RECOVERY_PERIOD_DAYS + " days, e.g. recoveryPeriodDays: 35"));
                    } else if (!backups.enabled()) {
                        problems.add(new Problem(
                                daysPath,
                                "only allowed with enabled: true (a recovery period needs point-in-time recovery"
                                        + " on); remove it, or set enabled: true"));
                    }
                }));
        if (table.billing() instanceof BillingSpec.PayPerRequest onDemand) {
            onDemand.limits().ifPresent(limits -> onDemandLimits(limits, path + ".billing", problems));
        }
        List<GlobalIndexSpec> globals = features.globalSecondaryIndexes();
        for (int i = 0; i < globals.size(); i++) {
            String indexPath = path + ".globalSecondaryIndexes[" + i + "]";
            globals.get(i).onDemandThroughput().ifPresent(limits -> onDemandLimits(limits, indexPath, problems));
            globals.get(i).warmThroughput().ifPresent(warm -> warmUnits(warm, indexPath + ".warmThroughput", problems));
        }
        features.warmThroughput().ifPresent(warm -> warmUnits(warm, path + ".warmThroughput", problems));
        features.encryption().ifPresent(encryption -> {
            String keyPath = path + ".encryption.kmsKeyId";
            boolean named = encryption.kmsKeyId().filter(key -> !key.isBlank()).isPresent();
            if (encryption.type() == EncryptionSpec.Type.CUSTOMER_MANAGED && !named) {
                problems.add(new Problem(
                        keyPath,
                        "missing; CUSTOMER_MANAGED encrypts with the KMS key named here (its id, ARN or alias), e.g."
                                + " kmsKeyId: alias/orders"));
            } else if (encryption.type() != EncryptionSpec.Type.CUSTOMER_MANAGED
                    && encryption.kmsKeyId().isPresent()) {
                problems.add(new Problem(
                        keyPath,
                        "only allowed with type CUSTOMER_MANAGED; " + encryption.type() + " uses a key AWS chooses:"
                                + " remove kmsKeyId, or use type: CUSTOMER_MANAGED"));
            }
        });
    }

    /** On-demand maximums: at least 1, or -1 for none (what an import may carry over from DynamoDB's own form). */
    private static void onDemandLimits(OnDemandLimits limits, String path, List<Problem> problems) {
        limits.maxReadRequestUnits().ifPresent(units -> requestUnits(units, path + ".maxReadRequestUnits", problems));
        limits.maxWriteRequestUnits().ifPresent(units -> requestUnits(units, path + ".maxWriteRequestUnits", problems));
    }

    private static void requestUnits(long units, String path, List<Problem> problems) {
        if (units < 1 && units != -1) {
            String field = path.substring(path.lastIndexOf('.') + 1);
            problems.add(new Problem(
                    path,
                    units + " is out of range; DynamoDB's on-demand maximum is at least 1 request unit per second"
                            + " (-1, or leaving it out, means no maximum), e.g. " + field + ": 1000"));
        }
    }

    private static void warmUnits(WarmThroughputSpec warm, String path, List<Problem> problems) {
        warm.readUnitsPerSecond()
                .filter(units -> units < 1)
                .ifPresent(units -> problems.add(new Problem(
                        path + ".readUnitsPerSecond",
                        units + " is out of range; warm throughput is at least 1 unit per second, e.g."
                                + " readUnitsPerSecond: 12000")));
        warm.writeUnitsPerSecond()
                .filter(units -> units < 1)
                .ifPresent(units -> problems.add(new Problem(
                        path + ".writeUnitsPerSecond",
                        units + " is out of range; warm throughput is at least 1 unit per second, e.g."
                                + " writeUnitsPerSecond: 4000")));
    }

    private static void warmThroughput(
            TableSpec table, WarmThroughputSpec warm, String path, String what, List<Problem> problems) {
        if (table.billing().kind() != BillingSpec.Kind.PAY_PER_REQUEST) {
            return;
        }
        warm.readUnitsPerSecond()
                .filter(units -> units >= 1 && units < MIN_ON_DEMAND_WARM_READS)
                .ifPresent(units -> problems.add(
                        belowWarmMinimum(path + ".readUnitsPerSecond", units, MIN_ON_DEMAND_WARM_READS, "read", what)));
        warm.writeUnitsPerSecond()
                .filter(units -> units >= 1 && units < MIN_ON_DEMAND_WARM_WRITES)
                .ifPresent(units -> problems.add(belowWarmMinimum(
                        path + ".writeUnitsPerSecond", units, MIN_ON_DEMAND_WARM_WRITES, "write", what)));
    }

    private static Problem belowWarmMinimum(String path, long units, long minimum, String kind, String what) {
        return new Problem(
                path,
                units + " is below " + SpecLimits.grouped(minimum) + ", the " + kind + " warm throughput every"
                        + " on-demand " + what + " starts with; use " + minimum + " or more, or leave it out");
    }

    private static void timeToLive(TableSpec table, String attribute, String path, List<Problem> problems) {
        String attributePath = path + ".timeToLive.attribute";
        if (attribute.isEmpty() || attribute.length() > MAX_INDEX_ATTRIBUTE_NAME) {
            problems.add(new Problem(
                    attributePath,
                    Quote.of(attribute) + " is not a valid TTL attribute name; use 1 to 255 characters, e.g."
                            + " expires_at"));
            return;
        }
        String role = keyAttributes(table).get(attribute);
        if (role != null) {
            problems.add(new Problem(
                    attributePath,
                    Quote.of(attribute) + " is " + role + "; TTL reads expiry times (epoch seconds) from an"
                            + " attribute that is no key: use another, e.g. attribute: expires_at"));
        }
    }

    private static List<IndexEntry> entries(TableSpec table, String path) {
        List<IndexEntry> entries = new ArrayList<>();
        List<GlobalIndexSpec> globals = table.features().globalSecondaryIndexes();
        for (int i = 0; i < globals.size(); i++) {
            entries.add(new IndexEntry(globals.get(i), path + ".globalSecondaryIndexes[" + i + "]"));
        }
        List<LocalIndexSpec> locals = table.features().localSecondaryIndexes();
        for (int i = 0; i < locals.size(); i++) {
            entries.add(new IndexEntry(locals.get(i), path + ".localSecondaryIndexes[" + i + "]"));
        }
        return entries;
    }

    /**
     * Each key of an index with the path it was written at: {@code partitionKey} for one attribute, {@code
     * partitionKey[1]} in a list. An LSI's partition key is the table's, placed at the table's field.
     */
    private static List<KeyAt> keysOf(IndexEntry entry) {
        List<KeyAt> keys = new ArrayList<>();
        IndexSpec index = entry.index();
        if (index instanceof LocalIndexSpec local) {
            keys.add(new KeyAt(local.partitionKey(), entry.path() + ".partitionKey"));
            keys.add(new KeyAt(local.sortKey(), entry.path() + ".sortKey"));
            return keys;
        }
        add(keys, index.partitionKeys(), entry.path() + ".partitionKey");
        add(keys, index.sortKeys(), entry.path() + ".sortKey");
        return keys;
    }

    private static void add(List<KeyAt> keys, List<KeySpec> written, String path) {
        for (int i = 0; i < written.size(); i++) {
            keys.add(new KeyAt(written.get(i), written.size() == 1 ? path : path + "[" + i + "]"));
        }
    }

    /** A path without its {@code tables[N].} prefix, for naming another place of the same table. */
    private static String relative(String path) {
        int dot = path.indexOf("].");
        String within = path.startsWith("tables[") && dot >= 0 ? path.substring(dot + 2) : path;
        return within.equals("partitionKey") || within.equals("sortKey") ? "the table's " + within : within;
    }

    private record IndexEntry(IndexSpec index, String path) {}

    private record KeyAt(KeySpec key, String path) {}

    private record Typed(KeyType type, String path) {}
}
