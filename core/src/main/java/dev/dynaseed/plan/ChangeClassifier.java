package dev.dynaseed.plan;

import dev.dynaseed.plan.Difference.Resolution;
import dev.dynaseed.plan.EngineCapabilities.Feature;
import dev.dynaseed.plan.IndexShapes.GlobalIndex;
import dev.dynaseed.plan.IndexShapes.LocalIndex;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.TableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Compares a table spec with its live table and classifies every difference: in place (with the calls that make it,
 * in a valid order), replace, blocked (with the rule), or not supported by the engine (shown, never a change to make).
 */
public final class ChangeClassifier {
    // The order in-place calls are sent in: billing first (an index added next gets the right throughput mode), one
    // index removed or added per UpdateTable, then the table's other settings, then the companion calls.
    private enum Group {
        BILLING,
        ON_DEMAND,
        INDEX_DELETE,
        INDEX_UPDATE,
        INDEX_CREATE,
        STREAM,
        ENCRYPTION,
        TABLE_CLASS,
        DELETION_PROTECTION,
        WARM_THROUGHPUT,
        TIME_TO_LIVE,
        POINT_IN_TIME_RECOVERY,
        CONTRIBUTOR_INSIGHTS,
        RESOURCE_POLICY,
        TAGS
    }

    private record Placed(Group group, Step step) {}

    private record Found(Difference difference, List<Placed> placed) {
        Found(Difference difference, Group group, List<Step> steps) {
            this(difference, steps.stream().map(step -> new Placed(group, step)).toList());
        }

        List<Step> steps() {
            return placed.stream().map(Placed::step).toList();
        }
    }

    private static final List<String> FIELD_ORDER =
            TableShape.FIELDS.stream().map(ShapeField::name).toList();

    private final EngineCapabilities capabilities;

    public ChangeClassifier(EngineCapabilities capabilities) {
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    /** A table that does not exist: its create steps, and each feature the engine will not enforce. */
    public TableChange create(TableSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TableShape wanted = TableShape.of(spec);
        TableShape defaults = TableShape.of(spec.toBuilder()
                .billing(withoutLimits(spec.billing()))
                .tags(Map.of())
                .features(spec.features().indexesOnly())
                .build());
        List<Difference> unsupported = new ArrayList<>();
        for (ShapeField.Rendered rendered : TableShape.compare(wanted, defaults)) {
            feature(rendered.field())
                    .filter(feature -> !applies(capabilities, feature, rendered.field()))
                    .ifPresent(feature -> unsupported.add(new Difference(
                            rendered.field(),
                            rendered.expected(),
                            rendered.actual(),
                            Resolution.NOT_SUPPORTED,
                            capabilities.notSupported(feature))));
        }
        // Warm throughput has no default to compare against (DynamoDB sizes it), so a spec that sets it is listed.
        spec.features()
                .warmThroughput()
                .filter(warm -> !capabilities.applies(Feature.WARM_THROUGHPUT))
                .ifPresent(warm -> unsupported.add(new Difference(
                        "warmThroughput",
                        warm.toString(),
                        "default",
                        Resolution.NOT_SUPPORTED,
                        capabilities.notSupported(Feature.WARM_THROUGHPUT))));
        for (GlobalIndexSpec index : spec.features().globalSecondaryIndexes()) {
            if (!capabilities.holds(index)) {
                unsupported.add(new Difference(
                        "globalSecondaryIndexes." + index.name(),
                        wanted.globalSecondaryIndexes().get(index.name()).toString(),
                        "none",
                        Resolution.NOT_SUPPORTED,
                        capabilities.notSupported(Feature.MULTI_ATTRIBUTE_INDEX_KEYS)));
            }
        }
        unsupported.sort(Comparator.comparing(d -> FIELD_ORDER.indexOf(d.field().replaceFirst("\\..*", ""))));
        return new TableChange.Create(spec, new TableRequests(capabilities).create(spec), unsupported);
    }

    /** An existing table: every difference, classified, and the change they add up to. */
    public TableChange classify(TableSpec spec, LiveTable live) {
        long described = live.table().itemCount() == null ? 0 : live.table().itemCount();
        return classify(spec, live, () -> "DescribeTable counts " + described);
    }

    /**
     * As {@link #classify(TableSpec, LiveTable)}, where {@code itemsLost} says how many items a replacement would
     * lose, e.g. {@code 300 items}; asked only when a difference needs a replacement.
     */
    public TableChange classify(TableSpec spec, LiveTable live, java.util.function.Supplier<String> itemsLost) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(itemsLost, "itemsLost");
        EngineCapabilities engine = capabilities.lacking(live.lacking());
        TableRequests requests = new TableRequests(engine);
        TableShape wanted = TableShape.of(spec);
        TableShape found = TableShape.of(live);
        String name = spec.name();
        boolean modeChanges = wanted.billing().kind() != found.billing().kind();
        List<Found> all = new ArrayList<>();
        for (ShapeField.Rendered d : TableShape.compare(wanted, found)) {
            Optional<Feature> feature = feature(d.field());
            if (feature.isPresent() && !applies(engine, feature.get(), d.field())) {
                all.add(new Found(
                        new Difference(
                                d.field(),
                                d.expected(),
                                d.actual(),
                                Resolution.NOT_SUPPORTED,
                                engine.notSupported(feature.get())),
                        Group.TAGS,
                        List.of()));
                continue;
            }
            switch (d.field()) {
                case "partitionKey", "sortKey" ->
                    all.add(replace(
                            d,
                            "the key schema is fixed at CreateTable: DeleteTable and CreateTable; the table's items"
                                    + " are lost (" + itemsLost.get() + ")"));
                case "billing" -> {
                    Step step = modeChanges && wanted.billing().kind() == BillingSpec.Kind.PROVISIONED
                            ? requests.billingWithIndexes(spec, keptIndexes(spec, wanted, found))
                            : requests.billing(spec, modeChanges);
                    String how = modeChanges && wanted.billing().kind() == BillingSpec.Kind.PAY_PER_REQUEST
                            ? "UpdateTable BillingMode (AWS allows 4 switches to on-demand per 24 hours)"
                            : modeChanges
                                    ? "UpdateTable BillingMode, ProvisionedThroughput"
                                    : "UpdateTable ProvisionedThroughput";
                    all.add(inPlace(d, how, Group.BILLING, List.of(step)));
                }
                case "onDemandThroughput" ->
                    all.add(
                            modeChanges
                                    ? inPlace(
                                            d,
                                            "UpdateTable OnDemandThroughput (with the billing switch)",
                                            Group.BILLING,
                                            List.of())
                                    : inPlace(
                                            d,
                                            "UpdateTable OnDemandThroughput",
                                            Group.ON_DEMAND,
                                            List.of(requests.onDemandThroughput(name, wanted.onDemandThroughput()))));
                case "globalSecondaryIndexes" ->
                    all.addAll(globalIndexes(spec, wanted, found, engine, requests, modeChanges));
                case "localSecondaryIndexes" -> all.addAll(localIndexes(wanted, found, itemsLost));
                case "timeToLive" -> all.add(timeToLive(d, wanted, found, live, requests, name));
                case "stream" -> {
                    List<Step> steps = new ArrayList<>();
                    if (found.stream().isPresent()) {
                        steps.add(requests.stream(name, Optional.empty()));
                    }
                    if (wanted.stream().isPresent()) {
                        steps.add(requests.stream(name, wanted.stream()));
                    }
                    all.add(inPlace(
                            d,
                            steps.size() == 2
                                    ? "UpdateTable StreamSpecification, twice (a view type changes by turning the stream off and on; a new stream ARN)"
                                    : "UpdateTable StreamSpecification",
                            Group.STREAM,
                            steps));
                }
                case "pointInTimeRecovery" ->
                    all.add(inPlace(
                            d,
                            "UpdateContinuousBackups",
                            Group.POINT_IN_TIME_RECOVERY,
                            List.of(requests.pointInTimeRecovery(name, wanted.pointInTimeRecovery()))));
                case "encryption" ->
                    all.add(inPlace(
                            d,
                            "UpdateTable SSESpecification",
                            Group.ENCRYPTION,
                            List.of(requests.encryption(name, wanted.encryption()))));
                case "tableClass" ->
                    all.add(inPlace(
                            d,
                            "UpdateTable TableClass",
                            Group.TABLE_CLASS,
                            List.of(requests.tableClass(
                                    name, wanted.tableClass().name()))));
                case "deletionProtection" ->
                    all.add(inPlace(
                            d,
                            "UpdateTable DeletionProtectionEnabled",
                            Group.DELETION_PROTECTION,
                            List.of(requests.deletionProtection(name, wanted.deletionProtection()))));
                case "warmThroughput" ->
                    all.add(inPlace(
                            d,
                            "UpdateTable WarmThroughput (it can only be raised)",
                            Group.WARM_THROUGHPUT,
                            List.of(requests.warmThroughput(
                                    name, wanted.warmThroughput().orElseThrow()))));
                case "resourcePolicy" ->
                    all.add(
                            spec.features().resourcePolicy().isPresent()
                                    ? inPlace(
                                            d,
                                            "PutResourcePolicy",
                                            Group.RESOURCE_POLICY,
                                            List.of(requests.putPolicy(
                                                    live.table().tableArn(),
                                                    spec.features()
                                                            .resourcePolicy()
                                                            .get())))
                                    : inPlace(
                                            d,
                                            "DeleteResourcePolicy",
                                            Group.RESOURCE_POLICY,
                                            List.of(requests.deletePolicy(
                                                    live.table().tableArn()))));
                case "contributorInsights" ->
                    all.add(inPlace(
                            d,
                            "UpdateContributorInsights",
                            Group.CONTRIBUTOR_INSIGHTS,
                            List.of(requests.contributorInsights(name, wanted.contributorInsights()))));
                case "tags" ->
                    all.add(tags(d, wanted, found, requests, live.table().tableArn()));
                default -> throw new IllegalStateException("no classification for field " + d.field());
            }
        }
        List<Found> ruled = blockedByState(all, live);
        List<Difference> differences = ruled.stream().map(Found::difference).toList();
        Set<Resolution> resolutions = new LinkedHashSet<>();
        differences.forEach(d -> resolutions.add(d.resolution()));
        if (resolutions.contains(Resolution.BLOCKED)) {
            return new TableChange.Blocked(spec, differences);
        }
        if (resolutions.contains(Resolution.REPLACE)) {
            return new TableChange.Replace(spec, differences, requests.replace(spec));
        }
        if (resolutions.contains(Resolution.IN_PLACE)) {
            List<Step> steps = ruled.stream()
                    .filter(f -> f.difference().resolution() == Resolution.IN_PLACE)
                    .flatMap(f -> f.placed().stream())
                    .sorted(Comparator.comparing(Placed::group))
                    .map(Placed::step)
                    .toList();
            return new TableChange.Update(spec, differences, steps);
        }
        return new TableChange.NoChange(spec, differences);
    }

    private List<Found> globalIndexes(
            TableSpec spec,
            TableShape wanted,
            TableShape found,
            EngineCapabilities engine,
            TableRequests requests,
            boolean modeChanges) {
        String table = spec.name();
        Map<String, GlobalIndexSpec> specs = new LinkedHashMap<>();
        spec.features().globalSecondaryIndexes().forEach(index -> specs.put(index.name(), index));
        List<Found> all = new ArrayList<>();
        for (GlobalIndex live : found.globalSecondaryIndexes().values()) {
            if (!wanted.globalSecondaryIndexes().containsKey(live.name())) {
                all.add(new Found(
                        difference(
                                "globalSecondaryIndexes." + live.name(),
                                "none",
                                live.toString(),
                                Resolution.IN_PLACE,
                                "UpdateTable Delete (one index per UpdateTable; the table's items stay)"),
                        Group.INDEX_DELETE,
                        List.of(requests.deleteIndex(table, live.name()))));
            }
        }
        for (GlobalIndex index : wanted.globalSecondaryIndexes().values()) {
            String field = "globalSecondaryIndexes." + index.name();
            GlobalIndex live = found.globalSecondaryIndexes().get(index.name());
            if (!engine.holds(specs.get(index.name()))) {
                if (live == null || !index.sameDefinition(live)) {
                    all.add(notSupported(
                            field,
                            index.toString(),
                            live == null ? "none" : live.toString(),
                            engine,
                            Feature.MULTI_ATTRIBUTE_INDEX_KEYS));
                }
                continue;
            }
            if (live == null) {
                all.add(new Found(
                        difference(
                                field,
                                index.toString(),
                                "none",
                                Resolution.IN_PLACE,
                                "UpdateTable Create (one index per UpdateTable, waiting until it is ACTIVE)"),
                        Group.INDEX_CREATE,
                        List.of(requests.createIndex(spec, specs.get(index.name())))));
                continue;
            }
            if (!index.sameDefinition(live)) {
                all.add(new Found(
                        difference(
                                field,
                                index.definition(),
                                live.definition(),
                                Resolution.IN_PLACE,
                                "UpdateTable Delete, then UpdateTable Create (an index's keys and projection are"
                                        + " fixed, so the index is rebuilt; the table's items stay)"),
                        List.of(
                                new Placed(Group.INDEX_DELETE, requests.deleteIndex(table, index.name())),
                                new Placed(Group.INDEX_CREATE, requests.createIndex(spec, specs.get(index.name()))))));
                continue;
            }
            if (!index.provisionedThroughput().equals(live.provisionedThroughput())) {
                all.add(
                        modeChanges
                                ? new Found(
                                        difference(
                                                field + ".provisionedThroughput",
                                                index.provisionedThroughput()
                                                        .map(Object::toString)
                                                        .orElse("none"),
                                                live.provisionedThroughput()
                                                        .map(Object::toString)
                                                        .orElse("none"),
                                                Resolution.IN_PLACE,
                                                "UpdateTable (with the billing switch)"),
                                        Group.BILLING,
                                        List.of())
                                : new Found(
                                        difference(
                                                field + ".provisionedThroughput",
                                                index.provisionedThroughput()
                                                        .map(Object::toString)
                                                        .orElse("none"),
                                                live.provisionedThroughput()
                                                        .map(Object::toString)
                                                        .orElse("none"),
                                                Resolution.IN_PLACE,
                                                "UpdateTable Update ProvisionedThroughput"),
                                        Group.INDEX_UPDATE,
                                        List.of(requests.updateIndex(
                                                table,
                                                index.name(),
                                                index.provisionedThroughput(),
                                                Optional.empty(),
                                                Optional.empty(),
                                                "set capacity of index " + index.name() + " to "
                                                        + index.provisionedThroughput()
                                                                .orElseThrow()))));
            }
            if (!index.onDemandThroughput().equals(live.onDemandThroughput())) {
                String expected =
                        index.onDemandThroughput().map(Object::toString).orElse("unlimited");
                String actual = live.onDemandThroughput().map(Object::toString).orElse("unlimited");
                all.add(
                        engine.applies(Feature.ON_DEMAND_THROUGHPUT)
                                ? new Found(
                                        difference(
                                                field + ".onDemandThroughput",
                                                expected,
                                                actual,
                                                Resolution.IN_PLACE,
                                                "UpdateTable Update OnDemandThroughput"),
                                        Group.INDEX_UPDATE,
                                        List.of(requests.updateIndex(
                                                table,
                                                index.name(),
                                                Optional.empty(),
                                                Optional.of(index.onDemandThroughput()
                                                        .orElse(new dev.dynaseed.spec.OnDemandLimits(
                                                                Optional.empty(), Optional.empty()))),
                                                Optional.empty(),
                                                "set on-demand maximums of index " + index.name())))
                                : notSupported(
                                        field + ".onDemandThroughput",
                                        expected,
                                        actual,
                                        engine,
                                        Feature.ON_DEMAND_THROUGHPUT));
            }
            if (index.warmThroughput().isPresent()
                    && !TableShape.warmSatisfies(
                            index.warmThroughput().get(),
                            live.warmThroughput()
                                    .orElse(new dev.dynaseed.spec.WarmThroughputSpec(
                                            Optional.empty(), Optional.empty())))) {
                String expected = index.warmThroughput().get().toString();
                String actual = live.warmThroughput().map(Object::toString).orElse("none");
                all.add(
                        engine.applies(Feature.WARM_THROUGHPUT)
                                ? new Found(
                                        difference(
                                                field + ".warmThroughput",
                                                expected,
                                                actual,
                                                Resolution.IN_PLACE,
                                                "UpdateTable Update WarmThroughput (it can only be raised)"),
                                        Group.INDEX_UPDATE,
                                        List.of(requests.updateIndex(
                                                table,
                                                index.name(),
                                                Optional.empty(),
                                                Optional.empty(),
                                                index.warmThroughput(),
                                                "raise warm throughput of index " + index.name())))
                                : notSupported(
                                        field + ".warmThroughput", expected, actual, engine, Feature.WARM_THROUGHPUT));
            }
        }
        return all;
    }

    private static List<Found> localIndexes(
            TableShape wanted, TableShape found, java.util.function.Supplier<String> itemsLost) {
        Set<String> names = new LinkedHashSet<>(wanted.localSecondaryIndexes().keySet());
        names.addAll(found.localSecondaryIndexes().keySet());
        List<Found> all = new ArrayList<>();
        for (String name : names) {
            LocalIndex expected = wanted.localSecondaryIndexes().get(name);
            LocalIndex actual = found.localSecondaryIndexes().get(name);
            if (!Objects.equals(expected, actual)) {
                all.add(new Found(
                        difference(
                                "localSecondaryIndexes." + name,
                                expected == null ? "none" : expected.toString(),
                                actual == null ? "none" : actual.toString(),
                                Resolution.REPLACE,
                                "local secondary indexes exist only from CreateTable on: DeleteTable and CreateTable;"
                                        + " the table's items are lost (" + itemsLost.get() + ")"),
                        Group.TAGS,
                        List.of()));
            }
        }
        return all;
    }

    private Found timeToLive(
            ShapeField.Rendered d,
            TableShape wanted,
            TableShape found,
            LiveTable live,
            TableRequests requests,
            String name) {
        Optional<TimeToLiveStatus> status = live.timeToLive().map(ttl -> ttl.timeToLiveStatus());
        if (status.isPresent()
                && (status.get() == TimeToLiveStatus.ENABLING || status.get() == TimeToLiveStatus.DISABLING)) {
            return blocked(
                    d,
                    "TTL is " + status.get() + ": DynamoDB takes up to an hour to finish a TTL change and refuses"
                            + " another UpdateTimeToLive until then; plan again later");
        }
        if (wanted.timeToLive().isPresent() && found.timeToLive().isPresent()) {
            return blocked(
                    d,
                    "changing the TTL attribute needs TTL turned off and on again, and DynamoDB allows one"
                            + " UpdateTimeToLive per hour: remove timeToLiveAttribute, apply, and set the new one an hour"
                            + " later");
        }
        Step step = wanted.timeToLive().isPresent()
                ? requests.timeToLive(name, wanted.timeToLive().get(), true)
                : requests.timeToLive(name, found.timeToLive().orElseThrow(), false);
        return inPlace(d, "UpdateTimeToLive (then no other TTL change for an hour)", Group.TIME_TO_LIVE, List.of(step));
    }

    private static Found tags(
            ShapeField.Rendered d, TableShape wanted, TableShape found, TableRequests requests, String arn) {
        Map<String, String> want = wanted.tags().orElse(Map.of());
        Map<String, String> have = found.tags().orElse(Map.of());
        Map<String, String> put = new LinkedHashMap<>();
        want.forEach((key, value) -> {
            if (!value.equals(have.get(key))) {
                put.put(key, value);
            }
        });
        List<String> remove =
                have.keySet().stream().filter(key -> !want.containsKey(key)).toList();
        List<Step> steps = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        if (!put.isEmpty()) {
            steps.add(requests.tag(arn, put));
            calls.add("TagResource");
        }
        if (!remove.isEmpty()) {
            steps.add(requests.untag(arn, remove));
            calls.add("UntagResource");
        }
        return inPlace(d, String.join(", ", calls), Group.TAGS, steps);
    }

    // A rule about the table's state forbids every change made by a call now.
    private static List<Found> blockedByState(List<Found> all, LiveTable live) {
        TableStatus status = live.table().tableStatus();
        Optional<String> busyIndex = live.table().globalSecondaryIndexes().stream()
                .filter(index -> index.indexStatusAsString() != null && !"ACTIVE".equals(index.indexStatusAsString()))
                .map(index -> index.indexName() + " is " + index.indexStatusAsString())
                .findFirst();
        boolean protectedTable = Boolean.TRUE.equals(live.table().deletionProtectionEnabled());
        List<Found> ruled = new ArrayList<>();
        for (Found f : all) {
            Difference d = f.difference();
            if (d.resolution() == Resolution.IN_PLACE || d.resolution() == Resolution.REPLACE) {
                if (status != null && status != TableStatus.ACTIVE) {
                    ruled.add(blocked(
                            f,
                            "the table is " + status + " and DynamoDB changes only an ACTIVE table;"
                                    + " wait until it is ACTIVE and plan again"));
                    continue;
                }
                if (busyIndex.isPresent()
                        && f.steps().stream().anyMatch(s -> s.operation().equals("UpdateTable"))) {
                    ruled.add(blocked(
                            f,
                            "index " + busyIndex.get() + " and DynamoDB changes one index at a time;"
                                    + " wait until it is ACTIVE and plan again"));
                    continue;
                }
                if (d.resolution() == Resolution.REPLACE && protectedTable) {
                    ruled.add(blocked(
                            f,
                            "deletion protection is on, so the table cannot be replaced; dynaseed never turns it off"
                                    + " to delete a table: turn it off yourself (aws dynamodb update-table --table-name "
                                    + live.table().tableName() + " --no-deletion-protection-enabled) and plan again ("
                                    + d.how() + ")"));
                    continue;
                }
            }
            ruled.add(f);
        }
        return ruled;
    }

    private List<GlobalIndexSpec> keptIndexes(TableSpec spec, TableShape wanted, TableShape found) {
        return spec.features().globalSecondaryIndexes().stream()
                .filter(index -> found.globalSecondaryIndexes().containsKey(index.name())
                        && wanted.globalSecondaryIndexes()
                                .get(index.name())
                                .sameDefinition(found.globalSecondaryIndexes().get(index.name())))
                .toList();
    }

    private static boolean applies(EngineCapabilities engine, Feature feature, String field) {
        return engine.applies(feature);
    }

    /** The engine feature a shape field depends on; empty for keys, billing and indexes, which every engine has. */
    static Optional<Feature> feature(String field) {
        return switch (field) {
            case "onDemandThroughput" -> Optional.of(Feature.ON_DEMAND_THROUGHPUT);
            case "timeToLive" -> Optional.of(Feature.TIME_TO_LIVE);
            case "stream" -> Optional.of(Feature.STREAM);
            case "pointInTimeRecovery" -> Optional.of(Feature.POINT_IN_TIME_RECOVERY);
            case "encryption" -> Optional.of(Feature.ENCRYPTION);
            case "tableClass" -> Optional.of(Feature.TABLE_CLASS);
            case "deletionProtection" -> Optional.of(Feature.DELETION_PROTECTION);
            case "warmThroughput" -> Optional.of(Feature.WARM_THROUGHPUT);
            case "resourcePolicy" -> Optional.of(Feature.RESOURCE_POLICY);
            case "contributorInsights" -> Optional.of(Feature.CONTRIBUTOR_INSIGHTS);
            case "tags" -> Optional.of(Feature.TAGS);
            default -> Optional.empty();
        };
    }

    private static BillingSpec withoutLimits(BillingSpec billing) {
        return switch (billing.kind()) {
            case PROVISIONED -> billing;
            case PAY_PER_REQUEST -> new BillingSpec.PayPerRequest();
        };
    }

    private static Found inPlace(ShapeField.Rendered d, String how, Group group, List<Step> steps) {
        return new Found(difference(d.field(), d.expected(), d.actual(), Resolution.IN_PLACE, how), group, steps);
    }

    private static Found replace(ShapeField.Rendered d, String how) {
        return new Found(
                difference(d.field(), d.expected(), d.actual(), Resolution.REPLACE, how), Group.TAGS, List.of());
    }

    private static Found blocked(ShapeField.Rendered d, String rule) {
        return new Found(
                difference(d.field(), d.expected(), d.actual(), Resolution.BLOCKED, rule), Group.TAGS, List.of());
    }

    private static Found blocked(Found f, String rule) {
        Difference d = f.difference();
        return new Found(difference(d.field(), d.expected(), d.actual(), Resolution.BLOCKED, rule), List.of());
    }

    private static Found notSupported(
            String field, String expected, String actual, EngineCapabilities engine, Feature feature) {
        return new Found(
                difference(field, expected, actual, Resolution.NOT_SUPPORTED, engine.notSupported(feature)),
                Group.TAGS,
                List.of());
    }

    private static Difference difference(
            String field, String expected, String actual, Resolution resolution, String how) {
        return new Difference(field, expected, actual, resolution, how);
    }
}
