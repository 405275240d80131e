package dev.dynaseed.plan;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.plan.EngineCapabilities.Feature;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * Reads a live table with every describe call the engine has; an operation the engine lacks (it answers
 * {@code UnknownOperationException}) marks its feature as lacking instead of failing the plan.
 */
public final class LiveTableReader {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTableReader.class);

    private final DynamoDbClient client;
    private final EngineCapabilities capabilities;

    public LiveTableReader(DynamoDbClient client, EngineCapabilities capabilities) {
        this.client = Objects.requireNonNull(client, "client");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    /** DescribeTable, with a missing table as empty. */
    public Optional<TableDescription> describe(String tableName, RunDeadline deadline) {
        try {
            return Optional.of(
                    client.describeTable(r -> r.tableName(tableName).overrideConfiguration(deadline.bound(client)))
                            .table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw TargetException.from(client, "DescribeTable " + tableName, e);
        }
    }

    /** Everything about an existing table, each companion read skipped where the engine is known to lack it. */
    public LiveTable read(TableDescription table, RunDeadline deadline) {
        return startReading(table, deadline).table();
    }

    /**
     * The companion reads of {@link #read} sent at once, each on its own thread; {@link Reading#table()} waits for
     * them and judges their answers in a fixed order, so the outcome, the log lines and the error thrown (the first
     * failed read in that order) are those of the reads made one after another.
     */
    Reading startReading(TableDescription table, RunDeadline deadline) {
        String name = table.tableName();
        return new Reading(
                table,
                companion(
                        Feature.TIME_TO_LIVE,
                        "DescribeTimeToLive " + name,
                        () -> client.describeTimeToLive(
                                        r -> r.tableName(name).overrideConfiguration(deadline.bound(client)))
                                .timeToLiveDescription(),
                        true),
                companion(
                        Feature.POINT_IN_TIME_RECOVERY,
                        "DescribeContinuousBackups " + name,
                        () -> client.describeContinuousBackups(
                                        r -> r.tableName(name).overrideConfiguration(deadline.bound(client)))
                                .continuousBackupsDescription(),
                        false),
                companion(Feature.TAGS, "ListTagsOfResource " + name, () -> tags(table, deadline), false),
                companion(
                        Feature.CONTRIBUTOR_INSIGHTS,
                        "DescribeContributorInsights " + name,
                        () -> client.describeContributorInsights(
                                        r -> r.tableName(name).overrideConfiguration(deadline.bound(client)))
                                .contributorInsightsStatus(),
                        false),
                companion(Feature.RESOURCE_POLICY, "GetResourcePolicy " + name, () -> policy(table, deadline), false));
    }

    /** A live table's companion reads, sent; see {@link #startReading}. */
    final class Reading {
        private final TableDescription table;
        private final Companion<TimeToLiveDescription> timeToLive;
        private final Companion<ContinuousBackupsDescription> backups;
        private final Companion<Map<String, String>> tags;
        private final Companion<ContributorInsightsStatus> insights;
        private final Companion<Optional<String>> policy;

        private Reading(
                TableDescription table,
                Companion<TimeToLiveDescription> timeToLive,
                Companion<ContinuousBackupsDescription> backups,
                Companion<Map<String, String>> tags,
                Companion<ContributorInsightsStatus> insights,
                Companion<Optional<String>> policy) {
            this.table = table;
            this.timeToLive = timeToLive;
            this.backups = backups;
            this.tags = tags;
            this.insights = insights;
            this.policy = policy;
        }

        /** The live table, once every read answered; throws what the first failed read (in the fixed order) caused. */
        LiveTable table() {
            Set<Feature> lacking = EnumSet.noneOf(Feature.class);
            Optional<TimeToLiveDescription> ttl = timeToLive.result(lacking);
            Optional<ContinuousBackupsDescription> continuousBackups = backups.result(lacking);
            Optional<Map<String, String>> tagged = tags.result(lacking);
            Optional<ContributorInsightsStatus> contributorInsights = insights.result(lacking);
            Optional<String> resourcePolicy = policy.result(lacking).flatMap(found -> found);
            return new LiveTable(table, ttl, continuousBackups, tagged, contributorInsights, resourcePolicy, lacking);
        }
    }

    /** One companion read: sent, or skipped (empty) because the engine is known to lack its feature. */
    private final class Companion<T> {
        private final Feature feature;
        private final String call;
        private final Optional<CompletableFuture<T>> sent;

        private Companion(Feature feature, String call, Optional<CompletableFuture<T>> sent) {
            this.feature = feature;
            this.call = call;
            this.sent = sent;
        }

        private Optional<T> result(Set<Feature> lacking) {
            if (sent.isEmpty()) {
                lacking.add(feature);
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(ReadCalls.join(sent.get()));
            } catch (AwsServiceException e) {
                if (isUnknownOperation(e)) {
                    LOG.info("{}: the engine has no such operation; {} is not supported there", call, feature.api());
                    lacking.add(feature);
                    return Optional.empty();
                }
                throw TargetException.from(client, call, e);
            } catch (SdkException e) {
                throw TargetException.from(client, call, e);
            }
        }
    }

    private <T> Companion<T> companion(Feature feature, String call, Supplier<T> read, boolean readEvenIfLacking) {
        if (capabilities.support(feature) == EngineCapabilities.Support.LACKS && !readEvenIfLacking) {
            return new Companion<>(feature, call, Optional.empty());
        }
        return new Companion<>(feature, call, Optional.of(ReadCalls.start(read)));
    }

    /**
     * The capabilities with what an endpoint answers learnt: each companion operation apply may send
     * (UpdateTimeToLive, UpdateContinuousBackups, UpdateContributorInsights, PutResourcePolicy) is sent for a table
     * that cannot exist (a random name), so it changes nothing; UnknownOperationException means the endpoint lacks
     * it, any other answer (ResourceNotFoundException, as a rule) that it has it. Known engines are not asked.
     */
    public EngineCapabilities learn(RunDeadline deadline) {
        return startLearning(deadline).capabilities();
    }

    /**
     * The probes of {@link #learn} sent at once, each on its own thread; {@link Learning#capabilities()} waits for
     * their answers and judges them in a fixed order (so the log lines and the error thrown are those of the probes
     * sent one after another).
     */
    Learning startLearning(RunDeadline deadline) {
        if (capabilities.kind() != dev.dynaseed.connection.Target.Kind.ENDPOINT) {
            return new Learning(capabilities, Map.of());
        }
        String missing = "dynaseed-probe-" + java.util.UUID.randomUUID();
        String missingArn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + missing;
        Map<Feature, Runnable> probes = new LinkedHashMap<>();
        probes.put(
                Feature.TIME_TO_LIVE,
                () -> client.updateTimeToLive(r -> r.tableName(missing)
                        .timeToLiveSpecification(
                                t -> t.attributeName("expires_at").enabled(true))
                        .overrideConfiguration(deadline.bound(client))));
        probes.put(
                Feature.POINT_IN_TIME_RECOVERY,
                () -> client.updateContinuousBackups(r -> r.tableName(missing)
                        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))
                        .overrideConfiguration(deadline.bound(client))));
        probes.put(
                Feature.CONTRIBUTOR_INSIGHTS,
                () -> client.updateContributorInsights(r -> r.tableName(missing)
                        .contributorInsightsAction("ENABLE")
                        .overrideConfiguration(deadline.bound(client))));
        probes.put(
                Feature.RESOURCE_POLICY,
                () -> client.putResourcePolicy(r -> r.resourceArn(missingArn)
                        .policy("{\"Version\":\"2012-10-17\",\"Statement\":[]}")
                        .overrideConfiguration(deadline.bound(client))));
        Map<Feature, CompletableFuture<Void>> sent = new LinkedHashMap<>();
        probes.forEach((feature, probe) -> sent.put(feature, ReadCalls.start(() -> {
            probe.run();
            return null;
        })));
        return new Learning(capabilities, sent);
    }

    /** An endpoint's probes, sent; see {@link #startLearning}. */
    final class Learning {
        private final EngineCapabilities before;
        private final Map<Feature, CompletableFuture<Void>> probes;
        private EngineCapabilities learnt;
        private RuntimeException failure;

        private Learning(EngineCapabilities before, Map<Feature, CompletableFuture<Void>> probes) {
            this.before = before;
            this.probes = probes;
        }

        /**
         * The capabilities learnt, once every probe answered; judged once (its log lines written once), however many
         * tables ask.
         */
        synchronized EngineCapabilities capabilities() {
            if (learnt == null && failure == null) {
                try {
                    learnt = judge();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return learnt;
        }

        private EngineCapabilities judge() {
            EngineCapabilities judged = before;
            for (Map.Entry<Feature, CompletableFuture<Void>> probe : probes.entrySet()) {
                try {
                    ReadCalls.join(probe.getValue());
                } catch (AwsServiceException e) {
                    if (isUnknownOperation(e)) {
                        LOG.info(
                                "the endpoint has no {}; it is not supported there",
                                probe.getKey().api());
                        judged = judged.lacking(probe.getKey());
                    }
                } catch (SdkException e) {
                    throw TargetException.from(
                            client, probe.getKey().api() + " (asking whether the endpoint has it)", e);
                }
            }
            return judged;
        }
    }

    private Map<String, String> tags(TableDescription table, RunDeadline deadline) {
        Map<String, String> tags = new LinkedHashMap<>();
        String next = null;
        do {
            String token = next;
            ListTagsOfResourceResponse page = client.listTagsOfResource(r ->
                    r.resourceArn(table.tableArn()).nextToken(token).overrideConfiguration(deadline.bound(client)));
            page.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
            next = page.nextToken();
        } while (next != null && !next.isEmpty());
        return tags;
    }

    private Optional<String> policy(TableDescription table, RunDeadline deadline) {
        try {
            return Optional.ofNullable(client.getResourcePolicy(
                            r -> r.resourceArn(table.tableArn()).overrideConfiguration(deadline.bound(client)))
                    .policy());
        } catch (PolicyNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Whether an engine answered that it has no such operation (DynamoDB's and dynalite's error code). */
    public static boolean isUnknownOperation(AwsServiceException e) {
        return e.awsErrorDetails() != null
                && "UnknownOperationException".equals(e.awsErrorDetails().errorCode());
    }
}
