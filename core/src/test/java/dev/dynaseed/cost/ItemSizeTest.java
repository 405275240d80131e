package dev.dynaseed.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.testing.Dynalite;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Item sizes never below DynamoDB's own count: an item measured within 400 KB is not refused for its size. */
class ItemSizeTest {
    private static long numberBytes(String number) {
        return ItemSize.bytes(Map.of("", AttributeValue.fromN(number)));
    }

    @Test
    void numbers_countDigitPairsAlignedOnThePoint_andTheSign() {
        assertThat(numberBytes("0")).isEqualTo(1);
        assertThat(numberBytes("0.000")).isEqualTo(1);
        assertThat(numberBytes("7")).isEqualTo(2);
        assertThat(numberBytes("12")).isEqualTo(2);
        assertThat(numberBytes("1.2")).isEqualTo(3);
        assertThat(numberBytes("120")).isEqualTo(3);
        assertThat(numberBytes("123")).isEqualTo(3);
        assertThat(numberBytes("-1.2")).isEqualTo(4);
        assertThat(numberBytes("-7")).isEqualTo(3);
        assertThat(numberBytes("1E+125")).isEqualTo(2);
        assertThat(numberBytes("1.5E-130")).isEqualTo(3);
        assertThat(numberBytes("12345678901234567890123456789012345678")).isEqualTo(20);
        assertThat(numberBytes("1234567890123456789012345678901234567.8")).isEqualTo(21);
    }

    @Test
    void anItemMeasuredAtTheLimit_isTakenByTheEngine_andOneByteMoreIsRefused() {
        DynamoDbClient client = Dynalite.client();
        String table = Dynalite.uniqueTableName("itemsize");
        client.createTable(r -> r.tableName(table)
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.waiter().waitUntilTableExists(r -> r.tableName(table));
        // Negative decimals with an even digit count at an even exponent: 4 bytes each, where "1 byte per two
        // digits plus 1" counted 2, and an item measured within the limit was refused.
        Map<String, AttributeValue> item = item(Collections.nCopies(81_000, AttributeValue.fromN("-1.2")), "");
        long measured = ItemSize.bytes(item);
        String padding = "x".repeat((int) (400 * 1024 - measured));
        Map<String, AttributeValue> atLimit = item(item.get("v").l(), padding);
        assertThat(ItemSize.bytes(atLimit)).isEqualTo(400 * 1024);

        client.putItem(r -> r.tableName(table).item(atLimit));

        Map<String, AttributeValue> over = item(item.get("v").l(), padding + "x");
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(over)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Item size has exceeded the maximum allowed size");
    }

    private static Map<String, AttributeValue> item(java.util.List<AttributeValue> values, String padding) {
        return Map.of(
                "id", AttributeValue.fromS("a"),
                "v", AttributeValue.fromL(values),
                "p", AttributeValue.fromS(padding));
    }
}
