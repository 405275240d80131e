package dev.dynaseed.cli.render;

import dev.dynaseed.files.SourceReport;
import dev.dynaseed.plan.Difference;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.provision.TableOutcome;
import dev.dynaseed.report.Report;
import dev.dynaseed.report.TableReport;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.spec.TableSpec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Human renderings of plans and reports. */
public final class ReportView {
    private ReportView() {}

    /**
     * The per-table summary of an apply; {@code specAndTarget} (e.g. {@code " -f b.yaml --endpoint-url URL"}, or
     * empty) is repeated in the commands it advises, so that they work on the same spec and target.
     */
    public static String summary(Report report, String specAndTarget) {
        TextTable table = TextTable.of(
                List.of("TABLE", "OUTCOME", "REQUESTED", "WRITTEN", "FAILED", "SKIPPED", "RETRIED", "TIME"),
                Set.of(2, 3, 4, 5, 6, 7));
        StringBuilder notes = new StringBuilder();
        for (TableReport row : report.tables()) {
            SeedOutcome seed = row.seed();
            table.row(
                    row.table().name(),
                    row.outcomeName(),
                    Long.toString(seed.requested()),
                    Long.toString(seed.written()),
                    Long.toString(seed.failed()),
                    Long.toString(seed.skipped() + SourceReport.badLinesSkipped(row.table())),
                    Long.toString(seed.retried()),
                    seconds(row.provisionDuration().plus(seed.duration())));
            notes.append(notes(row, specAndTarget));
        }
        return table.render("") + (notes.length() == 0 ? "" : "\n" + notes);
    }

    /** The closing line: status, counts and time. */
    public static String closing(Report report) {
        long requested = report.total(SeedOutcome::requested);
        long written = report.total(SeedOutcome::written);
        return report.status() + ": " + report.tables().size() + " table"
                + (report.tables().size() == 1 ? "" : "s") + ", " + written + " of " + requested + " items written in "
                + seconds(report.duration())
                + SourceReport.closing(
                                report.tables().stream().map(TableReport::table).toList())
                        .map(sources -> "; " + sources)
                        .orElse("")
                + ".";
    }

    private static String notes(TableReport row, String specAndTarget) {
        StringBuilder out = new StringBuilder();
        String name = row.table().name();
        TableOutcome outcome = row.outcome();
        out.append(
                switch (outcome.kind()) {
                    case CREATED, ALREADY_MATCHES -> "";
                    case UPDATED ->
                        "  " + name + " was changed in place (its items kept):\n" + differences(outcome.differences());
                    case REPLACED ->
                        "! " + name + " was replaced (deleted and created again); its "
                                + items(outcome.oldItems().orElseThrow())
                                + (outcome.oldItems().orElseThrow() == 1 ? " was" : " were") + " lost:\n"
                                + differences(outcome.differences());
                    case REPLACEMENT_REFUSED ->
                        "! " + name + " must be replaced for these differences and was left"
                                + " alone, with its " + items(outcome.oldItems().orElseThrow()) + ":\n"
                                + differences(outcome.differences())
                                + "  To replace it, " + outcome.advice().orElseThrow() + ": dynaseed apply"
                                + specAndTarget + " --allow-replace\n";
                    case BLOCKED ->
                        "! " + name + " has a change that is blocked now and was left alone:\n"
                                + differences(outcome.differences())
                                + "  Do what each blocked difference says, then run: dynaseed apply" + specAndTarget
                                + "\n";
                    case FAILED -> "! " + name + ": " + outcome.error().orElseThrow() + "\n";
                });
        row.seed()
                .note()
                .ifPresent(note ->
                        out.append("  ").append(name).append(": ").append(note).append('\n'));
        SourceReport.lines(row.table())
                .forEach(line -> out.append("  ").append(line).append('\n'));
        for (String error : row.seed().errors()) {
            out.append("  ").append(name).append(" write error: ").append(error).append('\n');
        }
        return out.toString();
    }

    private static String differences(List<Difference> differences) {
        StringBuilder out = new StringBuilder();
        for (Difference difference : differences) {
            out.append("    ").append(difference).append('\n');
        }
        return out.toString();
    }

    private static String items(long count) {
        return count == 1 ? "1 item" : count + " items";
    }

    /**
     * A plan as an aligned table of actions, one row per table, then (when a table differs from its spec) an aligned
     * table of every difference: field, spec, live, resolution and the call or rule.
     */
    public static String plan(Plan plan) {
        TextTable table = TextTable.of("TABLE", "ACTION", "DETAILS");
        TextTable differences = TextTable.of("TABLE", "FIELD", "SPEC", "LIVE", "RESOLUTION", "CALL / RULE");
        for (TableChange change : plan.changes()) {
            TableSpec spec = change.table();
            table.row(spec.name(), action(change), details(change));
            for (Difference difference : change.differences()) {
                differences.row(
                        spec.name(),
                        difference.field(),
                        difference.expected(),
                        difference.actual(),
                        difference.resolution().label(),
                        difference.how());
            }
        }
        return table.render("") + (differences.isEmpty() ? "" : "\n" + differences.render(""));
    }

    /** The plan's closing counts, e.g. {@code 1 to create, 1 to update in place, 0 to replace, 0 blocked, 2 unchanged}. */
    public static String planCounts(Plan plan) {
        return plan.count(TableChange.Kind.CREATE) + " to create, " + plan.count(TableChange.Kind.UPDATE)
                + " to update in place, " + plan.count(TableChange.Kind.REPLACE) + " to replace, "
                + plan.count(TableChange.Kind.BLOCKED) + " blocked, " + plan.count(TableChange.Kind.NO_CHANGE)
                + " unchanged";
    }

    /**
     * What the plan adds up to, as JSON {@code status}: {@code blocked} when a table is blocked, else {@code changes}
     * when apply would call anything, else {@code noChanges}.
     */
    public static String planStatus(Plan plan) {
        if (plan.count(TableChange.Kind.BLOCKED) > 0) {
            return "blocked";
        }
        return plan.changes().stream().anyMatch(change -> !change.steps().isEmpty()) ? "changes" : "noChanges";
    }

    /** A change's action as plan output names it, in text and JSON alike: create, none, update, replace, blocked. */
    public static String action(TableChange change) {
        return change.kind().action();
    }

    private static String details(TableChange change) {
        TableSpec spec = change.table();
        long unsupported = change.differences().stream()
                .filter(d -> d.resolution() == Difference.Resolution.NOT_SUPPORTED)
                .count();
        String notEnforced = unsupported == 0 ? "" : "; " + unsupported + " not enforced by this engine";
        return switch (change.kind()) {
            case CREATE ->
                schema(spec) + (change.steps().size() > 1 ? "; " + calls(change) : "") + notEnforced + "; "
                        + seed(spec);
            case NO_CHANGE -> "exists and matches" + notEnforced + "; " + seed(spec);
            case UPDATE ->
                count(change, Difference.Resolution.IN_PLACE) + " in place; " + calls(change) + notEnforced + "; "
                        + seed(spec);
            case REPLACE ->
                "DeleteTable and CreateTable again: the table's items are lost (" + calls(change)
                        + "); only with --allow-replace";
            case BLOCKED ->
                count(change, Difference.Resolution.BLOCKED) + " blocked by a rule; the table is left alone";
        };
    }

    private static String count(TableChange change, Difference.Resolution resolution) {
        long count = change.differences().stream()
                .filter(d -> d.resolution() == resolution)
                .count();
        return count + " change" + (count == 1 ? "" : "s");
    }

    private static String calls(TableChange change) {
        int calls = change.steps().size();
        return calls + " call" + (calls == 1 ? "" : "s");
    }

    /** A table spec's keys and billing, e.g. {@code transaction_id (S) + access_timestamp (N), PROVISIONED 5/5}. */
    public static String schema(TableSpec spec) {
        return spec.partitionKey() + spec.sortKey().map(k -> " + " + k).orElse("") + ", " + spec.billing();
    }

    private static String seed(TableSpec spec) {
        long count = spec.seed().totalItems();
        return count == 0
                ? "no seeding"
                : "seed " + count + " item" + (count == 1 ? "" : "s") + " ("
                        + spec.seed().onExisting().specName() + ")";
    }

    /** A duration as seconds with two decimals, e.g. {@code 0.42s}. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2fs", duration.toMillis() / 1000.0);
    }
}
