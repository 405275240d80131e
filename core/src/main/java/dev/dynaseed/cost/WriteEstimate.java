package dev.dynaseed.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The estimated write cost of a seeding run: per table the items and write units, and for on-demand tables their
 * cost at an assumed {@link WritePrice}. An estimate, not a bill: retries, a {@code skip} policy or a drifted table
 * change what is really written.
 *
 * @param tables one estimate per table, in spec order
 * @param price the on-demand price assumed
 */
public record WriteEstimate(List<TableWriteEstimate> tables, WritePrice price) {

    public WriteEstimate {
        tables = List.copyOf(tables);
        Objects.requireNonNull(price, "price");
    }

    /** The items of every table. */
    public long items() {
        return tables.stream().mapToLong(TableWriteEstimate::items).sum();
    }

    /** The write units of every table. */
    public long writeUnits() {
        return tables.stream().mapToLong(TableWriteEstimate::writeUnits).sum();
    }

    /** The write units of the on-demand tables, the ones {@link #onDemandCost()} prices. */
    public long onDemandWriteUnits() {
        return tables.stream()
                .filter(TableWriteEstimate::onDemand)
                .mapToLong(TableWriteEstimate::writeUnits)
                .sum();
    }

    /** What the on-demand tables' writes cost at {@link #price()}, in US dollars. */
    public BigDecimal onDemandCost() {
        return price.cost(onDemandWriteUnits());
    }

    /** Whether any table is provisioned (its writes are bound by its capacity, not priced per request). */
    public boolean anyProvisioned() {
        return tables.stream().anyMatch(table -> !table.onDemand());
    }
}
