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
        String name = table.tableName();
        Set<Feature> lacking = EnumSet.noneOf(Feature.class);
        Optional<TimeToLiveDescription> ttl = read(
                Feature.TIME_TO_LIVE,
                "DescribeTimeToLive " + name,
                lacking,
                () -> client.describeTimeToLive(r -> r.tableName(name).overrideConfiguration(deadline.bound(client)))
                        .timeToLiveDescription(),
                true);
        Optional<ContinuousBackupsDescription> backups = read(
                Feature.POINT_IN_TIME_RECOVERY,
                "DescribeContinuousBackups " + name,
                lacking,
                () -> client.describeContinuousBackups(
                                r -> r.tableName(name).overrideConfiguration(deadline.bound(client)))
                        .continuousBackupsDescription(),
                false);
        Optional<Map<String, String>> tags =
                read(Feature.TAGS, "ListTagsOfResource " + name, lacking, () -> tags(table, deadline), false);
        Optional<ContributorInsightsStatus> insights = read(
                Feature.CONTRIBUTOR_INSIGHTS,
                "DescribeContributorInsights " + name,
                lacking,
                () -> client.describeContributorInsights(
                                r -> r.tableName(name).overrideConfiguration(deadline.bound(client)))
                        .contributorInsightsStatus(),
                false);
        Optional<String> policy = read(
                        Feature.RESOURCE_POLICY,
                        "GetResourcePolicy " + name,
                        lacking,
                        () -> policy(table, deadline),
                        false)
                .flatMap(found -> found);
        return new LiveTable(table, ttl, backups, tags, insights, policy, lacking);
    }

    /**
     * The capabilities with what an endpoint answers learnt: each companion operation apply may send
     * (UpdateTimeToLive, UpdateContinuousBackups, UpdateContributorInsights, PutResourcePolicy) is sent for a table
     * that cannot exist (a random name), so it changes nothing; UnknownOperationException means the endpoint lacks
     * it, any other answer (ResourceNotFoundException, as a rule) that it has it. Known engines are not asked.
     */
    public EngineCapabilities learn(RunDeadline deadline) {
        if (capabilities.kind() != dev.dynaseed.connection.Target.Kind.ENDPOINT) {
            return capabilities;
        }
        String missing = "dynaseed-probe-" + java.util.UUID.randomUUID();
        String missingArn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + missing;
        EngineCapabilities learnt = capabilities;
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
        for (Map.Entry<Feature, Runnable> probe : probes.entrySet()) {
            try {
                probe.getValue().run();
            } catch (AwsServiceException e) {
                if (isUnknownOperation(e)) {
                    LOG.info(
                            "the endpoint has no {}; it is not supported there",
                            probe.getKey().api());
                    learnt = learnt.lacking(probe.getKey());
                }
            } catch (SdkException e) {
                throw TargetException.from(client, probe.getKey().api() + " (asking whether the endpoint has it)", e);
            }
        }
        return learnt;
    }

    private <T> Optional<T> read(
            Feature feature, String call, Set<Feature> lacking, Supplier<T> read, boolean readEvenIfLacking) {
        if (capabilities.support(feature) == EngineCapabilities.Support.LACKS && !readEvenIfLacking) {
            lacking.add(feature);
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(read.get());
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
