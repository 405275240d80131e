package dev.dynaseed.inspect;

import dev.dynaseed.connection.TargetException;
import dev.dynaseed.plan.TableShape;
import dev.dynaseed.seed.TableItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Answers the read-only questions (which tables, what is in one) over one client; every SDK failure becomes a
 * {@link TargetException} naming the call and the target.
 */
public final class TableInspector {
    /** Items a single Scan request asks for at most while paging. */
    private static final int PAGE = 1000;

    private final DynamoDbClient client;
    private final String target;

    /** {@code target} names where the client points in messages, e.g. {@code endpoint http://127.0.0.1:8000}. */
    public TableInspector(DynamoDbClient client, String target) {
        this.client = Objects.requireNonNull(client, "client");
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * Every table of the target in ListTables order, with exact item counts (a COUNT Scan of each, reading every
     * item) when {@code exactCounts}, else DescribeTable's ItemCount (refreshed by AWS about every six hours). A
     * table deleted while listing is left out.
     */
    public List<TableSummary> tables(boolean exactCounts) {
        List<String> names = call(
                "ListTables",
                () -> client.listTablesPaginator().tableNames().stream().toList());
        List<TableSummary> tables = new ArrayList<>();
        for (String name : names) {
            describe(name)
                    .ifPresent(table -> tables.add(new TableSummary(
                            table.tableName(),
                            table.tableStatusAsString(),
                            keys(table),
                            TableShape.billingOf(table).toString(),
                            exactCounts
                                    ? count(name)
                                    : Optional.ofNullable(table.itemCount()).orElse(0L),
                            exactCounts)));
        }
        return tables;
    }

    /**
     * Up to {@code limit} items of {@code table} (paging as needed) with its key names; empty when there is no such
     * table.
     */
    public Optional<ItemPage> scan(String table, int limit) {
        Objects.requireNonNull(table, "table");
        requirePositive(limit);
        Optional<TableDescription> description = describe(table);
        if (description.isEmpty()) {
            return Optional.empty();
        }
        List<String> keyNames = description.get().keySchema().stream()
                .map(KeySchemaElement::attributeName)
                .toList();
        List<Map<String, AttributeValue>> items = call(
                "Scan of " + table,
                () -> client.scanPaginator(r -> r.tableName(table).limit(Math.min(limit, PAGE))).items().stream()
                        .limit(limit)
                        .toList());
        return Optional.of(new ItemPage(keyNames, PlainValues.items(items)));
    }

    /** The first {@code limit} items of {@code table}, with one Scan request (a few rows to show after a seed). */
    public List<Item> sample(String table, int limit) {
        Objects.requireNonNull(table, "table");
        requirePositive(limit);
        return PlainValues.items(call(
                "Scan of " + table,
                () -> client.scan(r -> r.tableName(table).limit(limit)).items()));
    }

    private Optional<TableDescription> describe(String table) {
        return call("DescribeTable of " + table, () -> {
            try {
                return Optional.of(client.describeTable(r -> r.tableName(table)).table());
            } catch (ResourceNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    private long count(String table) {
        return call("COUNT Scan of " + table, () -> TableItems.count(client, table));
    }

    private <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw TargetException.from(client, operation, e);
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    /** The key attributes with their types, partition key first, e.g. {@code id (S) + at (N)}. */
    private static String keys(TableDescription table) {
        List<String> keys = new ArrayList<>();
        for (KeySchemaElement key : table.keySchema()) {
            String type = table.attributeDefinitions().stream()
                    .filter(d -> d.attributeName().equals(key.attributeName()))
                    .map(AttributeDefinition::attributeTypeAsString)
                    .findFirst()
                    .orElse("?");
            keys.add(key.attributeName() + " (" + type + ")");
        }
        return String.join(" + ", keys);
    }
}
