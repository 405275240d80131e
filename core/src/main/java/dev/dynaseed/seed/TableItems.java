package dev.dynaseed.seed;

import dev.dynaseed.RunDeadline;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Questions about a table's items answered with COUNT Scans (exact, unlike DescribeTable's ItemCount). */
public final class TableItems {
    private TableItems() {}

    /** The exact number of items, with a paginated COUNT Scan (reads every item). */
    public static long count(DynamoDbClient client, String table) {
        return client.scanPaginator(r -> r.tableName(table).select(Select.COUNT)).stream()
                .mapToLong(page -> page.count())
                .sum();
    }

    /** As {@link #count(DynamoDbClient, String)}, each page's Scan bounded by {@code deadline}. */
    public static long count(DynamoDbClient client, String table, RunDeadline deadline) {
        return client
                .scanPaginator(
                        r -> r.tableName(table).select(Select.COUNT).overrideConfiguration(deadline.bound(client)))
                .stream()
                .mapToLong(page -> page.count())
                .sum();
    }

    /** Whether the table holds at least one item, reading at most one. */
    public static boolean any(DynamoDbClient client, String table) {
        return any(client, table, RunDeadline.none());
    }

    /** As {@link #any(DynamoDbClient, String)}, the Scan bounded by {@code deadline}. */
    public static boolean any(DynamoDbClient client, String table, RunDeadline deadline) {
        return client.scan(r -> r.tableName(table)
                                .limit(1)
                                .select(Select.COUNT)
                                .overrideConfiguration(deadline.bound(client)))
                        .count()
                > 0;
    }
}
