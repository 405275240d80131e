package dev.dynaseed.bench;

/** The two item shapes measured: the seed tutorial's, and a realistic ~1 KB order with a global secondary index. */
final class Shapes {
    private Shapes() {}

    /** The seed's table and attributes (transaction_id uuid1, access_timestamp epochSeconds, user_id uuid4). */
    static String seed(String table, long count) {
        return """
                version: 1
                tables:
                  - name: %s
                    partitionKey: {name: transaction_id, type: S}
                    sortKey: {name: access_timestamp, type: N}
                    billing: {mode: PROVISIONED, readCapacity: 5, writeCapacity: 5}
                    seed:
                      count: %d
                      attributes:
                        transaction_id: uuid1
                        access_timestamp: epochSeconds
                        user_id: uuid4
                """.formatted(table, count);
    }

    /** An order of about 1 KB, with a GSI for orders by status and time. */
    static String order(String table, long count) {
        return """
                version: 1
                tables:
                  - name: %s
                    partitionKey: {name: order_id, type: S}
                    billing: {mode: PAY_PER_REQUEST}
                    globalSecondaryIndexes:
                      - name: by_status
                        partitionKey: {name: status, type: S}
                        sortKey: {name: created_at, type: S}
                    seed:
                      count: %d
                      attributes:
                        order_id: uuid4
                        customer_id: uuid4
                        status: {generator: oneOf, values: [PENDING, PAID, SHIPPED, DELIVERED, CANCELLED], weights: [2, 3, 3, 10, 1]}
                        created_at: {generator: isoTimestamp, withinSeconds: 31536000}
                        amount: {generator: decimalRange, min: 1, max: 2000, scale: 2}
                        quantity: {generator: intRange, min: 1, max: 20}
                        sku: {generator: sequence, prefix: SKU-}
                        currency: {generator: oneOf, values: [EUR, USD, GBP]}
                        channel: {generator: oneOf, values: [web, mobile, store]}
                        attachment: {generator: bytes, length: 760}
                """.formatted(table, count);
    }
}
