package dev.dynaseed.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.Cancellation;
import dev.dynaseed.RunDeadline;
import dev.dynaseed.checkpoint.CheckpointException;
import dev.dynaseed.checkpoint.CheckpointFile;
import dev.dynaseed.checkpoint.Checkpoints;
import dev.dynaseed.cli.render.Items;
import dev.dynaseed.cli.render.Json;
import dev.dynaseed.cli.render.ProgressLine;
import dev.dynaseed.cli.render.ReportView;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.inspect.Item;
import dev.dynaseed.inspect.TableInspector;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.plan.Difference;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.provision.ReplaceConsent;
import dev.dynaseed.report.DanglingReferences;
import dev.dynaseed.report.Report;
import dev.dynaseed.report.ReportJson;
import dev.dynaseed.report.TableReport;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.WriteOptions;
import dev.dynaseed.spec.Spec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;

@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Create the spec's tables where missing, change existing ones in place where they differ, wait until"
                    + " ACTIVE, then seed them; report every table and item.",
            "A table that must be replaced (deleted and created again, its items lost) is left alone unless"
                    + " --allow-replace; a blocked change leaves its table alone. Either makes the run partial (exit"
                    + " code 3).",
            "[API: DescribeTable, CreateTable, UpdateTable, DeleteTable, UpdateTimeToLive, UpdateContinuousBackups,"
                    + " UpdateContributorInsights, PutResourcePolicy, TagResource, UntagResource, Scan,"
                    + " BatchWriteItem, PutItem]"
        })
final class ApplyCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Mixin
    SpecOptions spec;

    @Mixin
    ImportOptionsMixin imports;

    @Mixin
    SeedFileOptions files;

    @Mixin
    TargetOptions target;

    @Mixin
    OutputOptions output;

    @Mixin
    CheckpointOptions checkpoint;

    @Option(
            names = "--resume",
            description = "Finish the seed the checkpoint says stopped (killed, Ctrl-C, failed): write only its missing"
                    + " items, made exactly as that run made them. Refused when the spec changed since.")
    boolean resume;

    @Mixin
    ItemLimitOptions limits;

    @Mixin
    ViaLambdaOptions viaLambda;

    @Option(
            names = {"--write-concurrency", "--concurrency"},
            paramLabel = "N",
            defaultValue = "64",
            description = "The most BatchWriteItem requests in flight at once, 1 to 256 (default: ${DEFAULT-VALUE});"
                    + " the number adapts below it unless --fixed-concurrency.")
    int concurrency;

    @Mixin
    WritingOptions writing;

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
            description = "How long each wait may last: for a table or its indexes to become ACTIVE after a call,"
                    + " for a deleted table to be gone, for a busy table found by the plan, and for CreateTable"
                    + " retries after LimitExceededException (default: ${DEFAULT-VALUE}).")
    long waitTimeout;

    @Option(
            names = "--samples",
            paramLabel = "N",
            defaultValue = "3",
            description = "Rows shown per table after applying, 0 for none (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = {"-y", "--yes"},
            description = "Apply to AWS without asking first (the plan and write estimate still go to stderr), and"
                    + " replace tables (with --allow-replace) without asking for each.")
    boolean yes;

    @Option(
            names = "--allow-replace",
            description = "Replace tables whose change needs it (key schema, local indexes): DeleteTable, then"
                    + " CreateTable; all their items are lost (the report counts them). Asks for each table unless"
                    + " --yes; without a terminal it refuses unless --yes.")
    boolean allowReplace;

    @Override
    public Integer call() {
        InputException.requireInRange("--write-concurrency", concurrency, 1, 256);
        InputException.requireInRange("--table-concurrency", tableConcurrency, 1, 64);
        InputException.requireInRange("--wait-timeout", waitTimeout, 1, 86_400);
        InputException.requireInRange("--samples", samples, 0, 1000);
        viaLambda.validate(resume);
        // An endpoint's or AWS's client is built on another thread while the spec is read: in a fresh JVM both are
        // slow (classes loaded for the first time), and the first item goes out sooner when they overlap.
        try (Session.Pending session = viaLambda.enabled() ? Session.later(target) : Session.prepare(target)) {
            return apply(session);
        }
    }

    private Integer apply(Session.Pending pending) {
        Spec loaded = limits.apply(
                files.scan(spec.load(), spec.describe(), command.commandLine().getErr()));
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        ApplyOptions options = ApplyOptions.defaults()
                .withTableConcurrency(tableConcurrency)
                .withActiveTimeout(Duration.ofSeconds(waitTimeout))
                .withWrite(writing.apply(WriteOptions.defaults().withMaxInFlight(concurrency)));
        if (viaLambda.enabled()) {
            return ViaLambdaApply.run(this, loaded, options);
        }
        Checkpoints checkpoints = checkpoints(loaded);
        try (Session session = pending.open()) {
            Pipeline pipeline =
                    new Pipeline(session.client(), session.target().describe(), options).withCheckpoints(checkpoints);
            Plan plan = pipeline.plan(loaded);
            if (!AwsApplyCheck.proceed(session, spec.describe(), plan, loaded, options, yes, out, err)) {
                out.println("Nothing was changed.");
                return ExitCode.OK;
            }
            ReplaceConsent consent = replaceConsent(plan, output.json() ? err : out);
            if (!consent.equals(ReplaceConsent.none())) {
                pipeline = new Pipeline(session.client(), session.target().describe(), options.withReplace(consent))
                        .withCheckpoints(checkpoints);
            }
            SeedProgress progress = ProgressLine.forTerminal(err, !output.json() && !writing.quiet());
            Cancellation cancellation = Interrupts.cancellable();
            Report report;
            try {
                report = pipeline.apply(plan, progress, RunDeadline.none().cancelledBy(cancellation));
            } finally {
                Interrupts.finished(cancellation);
            }
            ProgressLine.clear(progress);
            boolean interrupted = cancellation.cancelled();
            List<String> warnings = new ArrayList<>(checkpoints.warnings());
            warnings.addAll(DanglingReferences.of(report));
            if (output.json()) {
                var json = withCheckpoint(ReportJson.toJson(report), checkpoints, interrupted, files.notes(), warnings);
                limits.addTo(json);
                out.println(Json.pretty(json));
            } else {
                out.println("Applied " + spec.describe() + " to " + report.target() + "\n");
                out.print(ReportView.summary(report, OptionEcho.specAndTarget(command)));
                out.print(checkpointLines(checkpoints, warnings));
                if (!interrupted) {
                    samples(session, report, out);
                }
                out.println();
                limits.cappedLine().ifPresent(out::println);
                out.println(ReportView.closing(report));
                if (interrupted) {
                    out.println(interruptedLine(report));
                }
            }
            if (interrupted) {
                return ExitCode.INTERRUPTED;
            }
            return switch (report.status()) {
                case OK -> ExitCode.OK;
                case PARTIAL -> ExitCode.PARTIAL;
                case FAILED -> ExitCode.FAILED;
            };
        }
    }

    /** The run's checkpoint; for {@code --resume}, one that exists and was made with the same spec. */
    private Checkpoints checkpoints(Spec loaded) {
        CheckpointFile file = checkpoint.file(target, target.target());
        if (java.nio.file.Files.isDirectory(file.path())) {
            throw new InputException(
                    "--checkpoint: " + file.path() + " is a folder; name a file in it, e.g. --checkpoint "
                            + file.path().resolve("checkpoint.json"));
        }
        try {
            Checkpoints checkpoints = Checkpoints.open(file, resume);
            if (resume) {
                checkpoints.requireResumable(loaded);
            }
            return checkpoints;
        } catch (CheckpointException e) {
            // Nothing was sent: a checkpoint that cannot be resumed is the user's input to fix.
            throw new InputException(e.getMessage());
        }
    }

    /** The checkpoint's warnings (a stopped seed met by skip or append) and notes (what a resume did). */
    private static String checkpointLines(Checkpoints checkpoints, List<String> warnings) {
        StringBuilder lines = new StringBuilder();
        checkpoints.notes().forEach(note -> lines.append("  ").append(note).append('\n'));
        warnings.forEach(warning -> lines.append("warning: ").append(warning).append('\n'));
        return lines.length() == 0 ? "" : "\n" + lines;
    }

    private String interruptedLine(Report report) {
        String again =
                OptionEcho.specAndTarget(command) + (checkpoint.file == null ? "" : " --checkpoint " + checkpoint.file);
        return "Interrupted (Ctrl-C): " + report.total(SeedOutcome::written) + " items written, "
                + report.total(SeedOutcome::failed) + " failed, " + report.total(SeedOutcome::skipped)
                + " not attempted; write the rest with: dynaseed apply --resume" + again;
    }

    private static ObjectNode withCheckpoint(
            ObjectNode json,
            Checkpoints checkpoints,
            boolean interrupted,
            List<String> fileNotes,
            List<String> warnings) {
        json.put("interrupted", interrupted);
        json.put("checkpoint", checkpoints.file().path().toString());
        if (!checkpoints.notes().isEmpty() || !fileNotes.isEmpty()) {
            // What stderr said as "note: ..." lines: seed files' requests left unapplied, then the checkpoint's.
            var notes = json.putArray("notes");
            fileNotes.forEach(notes::add);
            checkpoints.notes().forEach(notes::add);
        }
        if (!warnings.isEmpty()) {
            warnings.forEach(json.putArray("warnings")::add);
        }
        return json;
    }

    /**
     * Which of the plan's replacements go ahead: none without {@code --allow-replace}; with it each one the user
     * confirms (all with {@code --yes}; without a terminal the question refuses, and nothing has been changed yet).
     */
    ReplaceConsent replaceConsent(Plan plan, PrintWriter questions) {
        if (!allowReplace) {
            return ReplaceConsent.none();
        }
        if (yes) {
            return ReplaceConsent.everyTable();
        }
        Set<String> confirmed = new LinkedHashSet<>();
        for (TableChange change : plan.changes()) {
            if (change.kind() != TableChange.Kind.REPLACE) {
                continue;
            }
            String name = change.table().name();
            String needs = change.differences().stream()
                    .filter(difference -> difference.resolution() == Difference.Resolution.REPLACE)
                    .map(Difference::field)
                    .collect(Collectors.joining(", "));
            if (Confirmation.confirm(
                    false,
                    "Replace table " + name + " (for " + needs + "; it is deleted and created again, and all its"
                            + " items are lost)?",
                    questions)) {
                confirmed.add(name);
            }
        }
        return ReplaceConsent.only(confirmed, "replacing it was declined; rerun with --allow-replace and answer y");
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
