package dev.dynaseed.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.seed.ItemCap;
import dev.dynaseed.spec.Spec;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** {@code --max-items N}: the most items one run writes across all its tables. */
final class ItemLimitOptions {
    /** 2,500 tables (DynamoDB's default quota) of 100,000,000 items (the spec's limit per table). */
    static final long MAX = 250_000_000_000L;

    @Option(
            names = "--max-items",
            paramLabel = "N",
            description = "Write at most N items in all, 0 to 250000000000: tables keep their items (inline and file"
                    + " items first, then generated ones) in spec order until N is reached; the report says when items"
                    + " were capped.")
    Long maxItems;

    private Optional<ItemCap> cap = Optional.empty();

    /** {@code spec} capped to {@code --max-items} when given (validated first); the spec itself otherwise. */
    Spec apply(Spec spec) {
        if (maxItems == null) {
            return spec;
        }
        InputException.requireInRange("--max-items", maxItems, 0, MAX);
        ItemCap capped = ItemCap.of(spec, maxItems);
        cap = Optional.of(capped);
        return capped.spec();
    }

    /** The line saying the run was capped, when it was. */
    Optional<String> cappedLine() {
        return cap.filter(ItemCap::capped)
                .map(c -> "Capped by --max-items " + number(c.maxItems()) + ": " + number(c.requested()) + " of the "
                        + number(c.requestedBySpec()) + " items the spec asks for were requested ("
                        + c.cappedTables().entrySet().stream()
                                .map(e -> e.getKey() + " " + number(requested(c, e.getKey())) + " of "
                                        + number(e.getValue()))
                                .collect(Collectors.joining(", "))
                        + ").");
    }

    /** Adds {@code "maxItems": {"limit", "requested", "requestedBySpec", "capped"}} to a JSON report when given. */
    void addTo(ObjectNode report) {
        cap.ifPresent(c -> {
            ObjectNode node = report.putObject("maxItems");
            node.put("limit", c.maxItems());
            node.put("requested", c.requested());
            node.put("requestedBySpec", c.requestedBySpec());
            node.put("capped", c.capped());
        });
    }

    private static long requested(ItemCap cap, String table) {
        return cap.spec().tables().stream()
                .filter(t -> t.name().equals(table))
                .mapToLong(t -> t.seed().totalItems())
                .sum();
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
