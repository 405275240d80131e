package dev.dynaseed.plan;

import dev.dynaseed.plan.EngineCapabilities.Feature;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * Everything read about one live table: DescribeTable and, where the engine has them, DescribeTimeToLive,
 * DescribeContinuousBackups, ListTagsOfResource, DescribeContributorInsights and GetResourcePolicy. A read the
 * engine answered with {@code UnknownOperationException} is empty and its feature is in {@code lacking}.
 *
 * @param table what DescribeTable shows
 * @param timeToLive what DescribeTimeToLive shows
 * @param continuousBackups what DescribeContinuousBackups shows
 * @param tags the tags ListTagsOfResource lists
 * @param contributorInsights the status DescribeContributorInsights shows
 * @param resourcePolicy the policy GetResourcePolicy returns; empty when the table has none or it was not read
 * @param lacking the features whose read operation the engine does not have
 */
public record LiveTable(
        TableDescription table,
        Optional<TimeToLiveDescription> timeToLive,
        Optional<ContinuousBackupsDescription> continuousBackups,
        Optional<Map<String, String>> tags,
        Optional<ContributorInsightsStatus> contributorInsights,
        Optional<String> resourcePolicy,
        Set<Feature> lacking) {

    public LiveTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(timeToLive, "timeToLive");
        Objects.requireNonNull(continuousBackups, "continuousBackups");
        tags = Objects.requireNonNull(tags, "tags").map(map -> Collections.unmodifiableMap(new LinkedHashMap<>(map)));
        Objects.requireNonNull(contributorInsights, "contributorInsights");
        Objects.requireNonNull(resourcePolicy, "resourcePolicy");
        lacking = lacking.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(lacking));
    }

    /** A table known only from DescribeTable (nothing else read, nothing known to be lacking). */
    public static LiveTable of(TableDescription table) {
        return new LiveTable(
                table,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Set.of());
    }
}
