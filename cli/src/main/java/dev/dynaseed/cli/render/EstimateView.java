package dev.dynaseed.cli.render;

import dev.dynaseed.cost.TableWriteEstimate;
import dev.dynaseed.cost.WriteEstimate;
import dev.dynaseed.cost.WritePrice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/** A seeding run's write estimate as text: one row per table, then the totals and the price assumed. */
public final class EstimateView {
    private EstimateView() {}

    /** The estimate as a table and its closing lines, each line ending in a newline. */
    public static String render(WriteEstimate estimate) {
        TextTable table = TextTable.of(
                java.util.List.of("TABLE", "ITEMS", "ITEM SIZE", "WRITE UNITS", "BILLING", "ESTIMATE"),
                Set.of(1, 2, 3));
        WritePrice price = estimate.price();
        for (TableWriteEstimate row : estimate.tables()) {
            table.row(
                    row.table(),
                    number(row.items()),
                    row.sampledItems() == 0 ? "-" : "~" + number(row.averageItemBytes()) + " B",
                    number(row.writeUnits()),
                    row.billing().toString(),
                    cost(row, price));
        }
        StringBuilder out = new StringBuilder("Estimated write cost of seeding (an estimate, not a bill):\n");
        out.append(table.render("  "));
        out.append("Total: ")
                .append(number(estimate.items()))
                .append(" items, ")
                .append(number(estimate.writeUnits()))
                .append(" write units");
        if (estimate.onDemandWriteUnits() > 0 || !estimate.anyProvisioned()) {
            out.append(", ").append(dollars(estimate.onDemandCost())).append(" on demand");
        }
        out.append(".\n");
        out.append("Assumed: ")
                .append(dollars(price.perMillionWriteUnits()))
                .append(" per million write request units (on-demand, ")
                .append(price.region())
                .append(", ")
                .append(price.tableClass())
                .append(" table class, price of ")
                .append(price.asOf())
                .append("; other regions and Standard-IA cost more). Item sizes from up to 100 generated items per")
                .append(" table; retries, index projections and a skip policy change what is really written.\n");
        if (estimate.anyProvisioned()) {
            out.append("Provisioned tables pay for their capacity by the hour instead; seeding them takes at least")
                    .append(" write units / WCU seconds.\n");
        }
        return out.toString();
    }

    private static String cost(TableWriteEstimate row, WritePrice price) {
        if (row.onDemand()) {
            return dollars(price.cost(row.writeUnits())) + " on demand";
        }
        long seconds = row.capacityBoundTime().orElseThrow().toSeconds();
        return "capacity-bound: ~" + duration(seconds) + " at "
                + row.writeCapacity().orElseThrow() + " WCU";
    }

    private static String duration(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return (seconds + 59) / 60 + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }

    /** Dollars with at least two decimals, and enough to show a small amount (down to a millionth of a dollar). */
    static String dollars(BigDecimal amount) {
        BigDecimal shown = amount.setScale(6, RoundingMode.UP).stripTrailingZeros();
        if (shown.scale() < 2) {
            shown = shown.setScale(2, RoundingMode.UNNECESSARY);
        }
        return "$" + shown.toPlainString();
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
