package dev.dynaseed.testing;

import dev.dynaseed.generate.ItemGenerator;
import dev.dynaseed.spec.TableSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table's content as one hash: every item in a canonical text (attributes sorted by name), the items sorted, then
 * SHA-256. Equal hashes mean the same items with the same values, whatever order they were written or read in.
 */
public final class ItemHash {
    private ItemHash() {}

    /** The hash of what {@code table} holds, read with a paginated Scan. */
    public static String ofTable(DynamoDbClient client, String table) {
        List<String> items = new ArrayList<>();
        client.scanPaginator(r -> r.tableName(table)).items().forEach(item -> items.add(canonical(item)));
        return hash(items);
    }

    /** The hash of the items a single run writes: items {@code 0 .. count-1} of the table's generator. */
    public static String ofGenerated(TableSpec table, long runSeed, Instant now) {
        ItemGenerator generator = ItemGenerator.forTable(table.name(), table.seed(), runSeed, now);
        List<String> items = new ArrayList<>();
        for (long i = 0; i < table.seed().count(); i++) {
            items.add(canonical(generator.item(i)));
        }
        return hash(items);
    }

    private static String canonical(Map<String, AttributeValue> item) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(item)
                .forEach((name, value) ->
                        text.append(name).append('=').append(canonical(value)).append(';'));
        return text.toString();
    }

    /** DynamoDB stores numbers normalized (12.50 reads back as 12.5), so compare them as numbers. */
    private static String canonical(AttributeValue value) {
        if (value.n() != null) {
            return "N:" + new BigDecimal(value.n()).stripTrailingZeros().toPlainString();
        }
        return value.s() != null ? "S:" + value.s() : value.toString();
    }

    private static String hash(List<String> items) {
        items.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String item : items) {
                sha.update(item.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return items.size() + " items, sha256 " + HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
