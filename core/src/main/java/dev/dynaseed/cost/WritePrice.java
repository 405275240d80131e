package dev.dynaseed.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The on-demand price per million write request units an estimate assumes, with the region, table class and date it
 * was read: prices differ by region and change over time, so an estimate always says which one it used.
 *
 * @param perMillionWriteUnits US dollars per million write request units
 * @param region the AWS region the price is for
 * @param tableClass the table class the price is for
 * @param asOf the day the price was looked up
 */
public record WritePrice(BigDecimal perMillionWriteUnits, String region, String tableClass, LocalDate asOf) {

    /**
     * Amazon DynamoDB on-demand, US East (N. Virginia), Standard table class: $0.625 per million write request units
     * (the price since AWS halved on-demand throughput prices on 2024-11-01), as listed on
     * https://aws.amazon.com/dynamodb/pricing/on-demand/ when looked up on 2026-11-26.
     */
    public static final WritePrice US_EAST_1_STANDARD =
            new WritePrice(new BigDecimal("0.625"), "us-east-1", "Standard", LocalDate.of(2026, 11, 26));

    public WritePrice {
        Objects.requireNonNull(perMillionWriteUnits, "perMillionWriteUnits");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tableClass, "tableClass");
        Objects.requireNonNull(asOf, "asOf");
        if (perMillionWriteUnits.signum() < 0) {
            throw new IllegalArgumentException("perMillionWriteUnits must not be negative: " + perMillionWriteUnits);
        }
    }

    /** What {@code writeUnits} write request units cost at this price, in US dollars. */
    public BigDecimal cost(long writeUnits) {
        return perMillionWriteUnits
                .multiply(BigDecimal.valueOf(writeUnits))
                .divide(BigDecimal.valueOf(1_000_000), MathContext.DECIMAL64);
    }
}
