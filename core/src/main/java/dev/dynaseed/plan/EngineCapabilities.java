package dev.dynaseed.plan;

import dev.dynaseed.connection.Target;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a target engine does with each table feature beyond keys and billing: applies it, accepts and ignores it, or
 * lacks its API. The local engine (dynalite) is known, AWS applies everything, and any other endpoint is assumed to
 * apply everything until it answers {@code UnknownOperationException} (see {@link #lacking(Feature)}).
 */
public final class EngineCapabilities {

    /** A table feature whose support differs between engines, named by the API member or operation that sets it. */
    public enum Feature {
        STREAM("StreamSpecification"),
        ENCRYPTION("SSESpecification"),
        TABLE_CLASS("TableClass"),
        DELETION_PROTECTION("DeletionProtectionEnabled"),
        ON_DEMAND_THROUGHPUT("OnDemandThroughput"),
        WARM_THROUGHPUT("WarmThroughput"),
        CREATE_TAGS("Tags in CreateTable"),
        TAGS("TagResource"),
        TIME_TO_LIVE("UpdateTimeToLive"),
        POINT_IN_TIME_RECOVERY("UpdateContinuousBackups"),
        CONTRIBUTOR_INSIGHTS("UpdateContributorInsights"),
        RESOURCE_POLICY("PutResourcePolicy");

        private final String api;

        Feature(String api) {
            this.api = api;
        }

        /** The request member or operation that sets the feature, as messages name it. */
        public String api() {
            return api;
        }
    }

    /** What an engine does with a feature. */
    public enum Support {
        /** The engine applies the feature as DynamoDB does. */
        APPLIES,
        /** The engine accepts the request member but does not keep or enforce it. */
        IGNORES,
        /** The engine has no such operation (it answers {@code UnknownOperationException}). */
        LACKS
    }

    private final String engine;
    private final Target.Kind kind;
    private final Map<Feature, Support> support;

    private EngineCapabilities(String engine, Target.Kind kind, Map<Feature, Support> support) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.kind = Objects.requireNonNull(kind, "kind");
        EnumMap<Feature, Support> all = new EnumMap<>(Feature.class);
        for (Feature feature : Feature.values()) {
            all.put(feature, support.getOrDefault(feature, Support.APPLIES));
        }
        this.support = all;
    }

    /** Amazon DynamoDB: every feature applies. */
    public static EngineCapabilities aws() {
        return new EngineCapabilities("AWS", Target.Kind.AWS, Map.of());
    }

    /**
     * The local engine, dynalite 4: it keeps GSIs and LSIs and has TagResource and a DescribeTimeToLive that always
     * says DISABLED, ignores the other CreateTable and UpdateTable members, and lacks the other operations.
     */
    public static EngineCapabilities localEngine() {
        Map<Feature, Support> support = new EnumMap<>(Feature.class);
        for (Feature ignored : EnumSet.of(
                Feature.STREAM,
                Feature.ENCRYPTION,
                Feature.TABLE_CLASS,
                Feature.DELETION_PROTECTION,
                Feature.ON_DEMAND_THROUGHPUT,
                Feature.WARM_THROUGHPUT,
                Feature.CREATE_TAGS)) {
            support.put(ignored, Support.IGNORES);
        }
        for (Feature lacking : EnumSet.of(
                Feature.TIME_TO_LIVE,
                Feature.POINT_IN_TIME_RECOVERY,
                Feature.CONTRIBUTOR_INSIGHTS,
                Feature.RESOURCE_POLICY)) {
            support.put(lacking, Support.LACKS);
        }
        return new EngineCapabilities("the local engine (dynalite)", Target.Kind.LOCAL, support);
    }

    /** Another DynamoDB-compatible endpoint: assumed to apply everything until it answers otherwise. */
    public static EngineCapabilities endpoint(String description) {
        return new EngineCapabilities(description, Target.Kind.ENDPOINT, Map.of());
    }

    /** The capabilities of a target. */
    public static EngineCapabilities of(Target target) {
        Objects.requireNonNull(target, "target");
        return switch (target.kind()) {
            case LOCAL -> localEngine();
            case ENDPOINT -> endpoint(target.describe());
            case AWS -> aws();
        };
    }

    /**
     * The capabilities of the target a report describes as {@link Target#describe()} does ({@code local engine
     * (dynalite) at ...}, {@code AWS ...}, {@code endpoint ...}), for code that holds only that description.
     */
    public static EngineCapabilities describedAs(String targetDescription) {
        Objects.requireNonNull(targetDescription, "targetDescription");
        if (targetDescription.startsWith("local engine (dynalite)")) {
            return localEngine();
        }
        if (targetDescription.startsWith("AWS")) {
            return aws();
        }
        return endpoint(targetDescription);
    }

    /** These capabilities with {@code feature} known to be lacking (the engine answered UnknownOperationException). */
    public EngineCapabilities lacking(Feature feature) {
        Map<Feature, Support> changed = new EnumMap<>(support);
        changed.put(feature, Support.LACKS);
        return new EngineCapabilities(engine, kind, changed);
    }

    /** These capabilities with every feature in {@code features} lacking. */
    public EngineCapabilities lacking(Set<Feature> features) {
        EngineCapabilities result = this;
        for (Feature feature : features) {
            result = result.lacking(feature);
        }
        return result;
    }

    public Support support(Feature feature) {
        return support.get(Objects.requireNonNull(feature, "feature"));
    }

    /** Whether the engine applies {@code feature}. */
    public boolean applies(Feature feature) {
        return support(feature) == Support.APPLIES;
    }

    /** The engine as messages name it, e.g. {@code the local engine (dynalite)}. */
    public String engine() {
        return engine;
    }

    public Target.Kind kind() {
        return kind;
    }

    /**
     * Why a difference in {@code feature} is not a change to make on this engine, e.g. {@code the local engine
     * (dynalite) ignores StreamSpecification; not enforced here, applied on AWS}.
     */
    public String notSupported(Feature feature) {
        String what = switch (support(feature)) {
            case APPLIES -> "applies " + feature.api();
            case IGNORES -> "ignores " + feature.api();
            case LACKS -> "has no " + feature.api();
        };
        return engine + " " + what + "; not enforced here, applied on AWS";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EngineCapabilities that
                && engine.equals(that.engine)
                && kind == that.kind
                && support.equals(that.support);
    }

    @Override
    public int hashCode() {
        return Objects.hash(engine, kind, support);
    }

    @Override
    public String toString() {
        return engine + " " + support;
    }
}
