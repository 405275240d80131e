package dev.dynaseed.cli;

import dev.dynaseed.seed.WriteOptions;
import dev.dynaseed.seed.WriteRate;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How fast apply writes items: adaptive or fixed concurrency, a write rate, and whether to draw progress. */
final class WritingOptions {
    @Option(
            names = "--fixed-concurrency",
            description = "Keep --write-concurrency requests in flight at all times instead of adapting (by default the"
                    + " number in flight grows while answers come back unthrottled and shrinks as soon as DynamoDB"
                    + " throttles, up to --write-concurrency).")
    boolean fixedConcurrency;

    @Option(
            names = "--write-rate",
            paramLabel = "N|unlimited|capacity|auto",
            defaultValue = "auto",
            description = "Items per second per table at most, 'unlimited', 'capacity' (a provisioned table's write"
                    + " capacity units, from the items' sizes) or 'auto': capacity on AWS, unlimited on the local"
                    + " engine and endpoints (default: ${DEFAULT-VALUE}).")
    String writeRate = "auto";

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress bar (it is drawn on stderr only when stderr is a terminal).")
    boolean quiet;

    /** {@code base} with these options applied. */
    WriteOptions apply(WriteOptions base) {
        return base.withAdaptive(!fixedConcurrency).withRate(rate());
    }

    WriteRate rate() {
        String value = writeRate.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "auto":
                return WriteRate.auto();
            case "unlimited":
                return WriteRate.unlimited();
            case "capacity":
                return WriteRate.tableCapacity();
            default:
                break;
        }
        double perSecond;
        try {
            perSecond = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw InputException.ofOption("--write-rate: '" + writeRate + "' is not a rate; use items per second"
                    + " (e.g. --write-rate 500), unlimited, capacity or auto");
        }
        if (!(perSecond >= 1 && perSecond <= 1_000_000_000)) {
            throw InputException.ofOption("--write-rate: " + writeRate
                    + " is out of range; use 1 to 1000000000 items per second, e.g." + " --write-rate 500");
        }
        return WriteRate.itemsPerSecond(perSecond);
    }

    boolean quiet() {
        return quiet;
    }
}
