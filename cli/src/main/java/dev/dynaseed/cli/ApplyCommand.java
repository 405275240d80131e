package dev.dynaseed.cli;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.cli.render.Items;
import dev.dynaseed.cli.render.Json;
import dev.dynaseed.cli.render.ProgressLine;
import dev.dynaseed.cli.render.ReportView;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.inspect.Item;
import dev.dynaseed.inspect.TableInspector;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.report.Report;
import dev.dynaseed.report.ReportJson;
import dev.dynaseed.report.TableReport;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.WriteOptions;
import dev.dynaseed.spec.Spec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;

@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Create the spec's tables where missing, wait until ACTIVE, then seed them; report every table and item.",
            "Existing tables are compared with the spec: a difference is reported (Drifted), never changed.",
            "[API: DescribeTable, CreateTable, Scan, BatchWriteItem, PutItem]"
        })
final class ApplyCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Mixin
    SpecOptions spec;

    @Mixin
    TargetOptions target;

    @Mixin
    OutputOptions output;

    @Mixin
    ItemLimitOptions limits;

    @Option(
            names = {"--write-concurrency", "--concurrency"},
            paramLabel = "N",
            defaultValue = "8",
            description = "BatchWriteItem requests in flight at once, 1 to 256 (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--table-concurrency",
            paramLabel = "N",
            defaultValue = "4",
            description = "Tables provisioned and seeded at once, 1 to 64 (default: ${DEFAULT-VALUE}).")
    int tableConcurrency;

    @Option(
            names = "--wait-timeout",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description = "How long to wait for a new table to become ACTIVE (default: ${DEFAULT-VALUE}).")
    long waitTimeout;

    @Option(
            names = "--samples",
            paramLabel = "N",
            defaultValue = "3",
            description = "Rows shown per table after applying, 0 for none (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = {"-y", "--yes"},
            description = "Apply to AWS without asking first (the write estimate still goes to stderr).")
    boolean yes;

    @Override
    public Integer call() {
        InputException.requireInRange("--write-concurrency", concurrency, 1, 256);
        InputException.requireInRange("--table-concurrency", tableConcurrency, 1, 64);
        InputException.requireInRange("--wait-timeout", waitTimeout, 1, 86_400);
        InputException.requireInRange("--samples", samples, 0, 1000);
        Spec loaded = limits.apply(spec.load());
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        ApplyOptions options = ApplyOptions.defaults()
                .withTableConcurrency(tableConcurrency)
                .withActiveTimeout(Duration.ofSeconds(waitTimeout))
                .withWrite(WriteOptions.defaults().withMaxInFlight(concurrency));
        try (Session session = Session.open(target)) {
            Pipeline pipeline = new Pipeline(session.client(), session.target().describe(), options);
            Plan plan = pipeline.plan(loaded);
            if (!AwsApplyCheck.proceed(session, spec.describe(), plan, loaded, options, yes, out, err)) {
                out.println("Nothing was changed.");
                return ExitCode.OK;
            }
            SeedProgress progress = ProgressLine.forTerminal(err, !output.json());
            Report report = pipeline.apply(plan, progress, RunDeadline.none());
            ProgressLine.clear(progress);
            if (output.json()) {
                var json = ReportJson.toJson(report);
                limits.addTo(json);
                out.println(Json.pretty(json));
            } else {
                out.println("Applied " + spec.describe() + " to " + report.target() + "\n");
                out.print(ReportView.summary(report, OptionEcho.specAndTarget(command)));
                samples(session, report, out);
                out.println();
                limits.cappedLine().ifPresent(out::println);
                out.println(ReportView.closing(report));
            }
            return switch (report.status()) {
                case OK -> ExitCode.OK;
                case PARTIAL -> ExitCode.PARTIAL;
                case FAILED -> ExitCode.FAILED;
            };
        }
    }

    /**
     * A few rows of each ready table. When the target stops answering (an engine that died mid-seed, say) one line
     * says why instead, and the report's closing line still follows.
     */
    private void samples(Session session, Report report, PrintWriter out) {
        if (samples == 0) {
            return;
        }
        TableInspector inspector =
                new TableInspector(session.client(), session.target().describe());
        for (TableReport table : report.tables()) {
            if (!table.outcome().ready()) {
                continue;
            }
            List<Item> items;
            try {
                items = inspector.sample(table.table().name(), samples);
            } catch (TargetException e) {
                out.println();
                out.println("Sample rows not shown: " + e.getMessage());
                return;
            }
            List<String> keys = new ArrayList<>();
            keys.add(table.table().partitionKey().name());
            table.table().sortKey().ifPresent(k -> keys.add(k.name()));
            out.println();
            out.println(table.table().name() + " (first " + items.size() + " rows):");
            out.print(items.isEmpty() ? "  (empty)\n" : Items.table(items, keys).render("  "));
        }
    }
}
