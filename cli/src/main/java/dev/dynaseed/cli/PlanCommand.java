package dev.dynaseed.cli;

import dev.dynaseed.cli.render.Json;
import dev.dynaseed.cli.render.PlanExplain;
import dev.dynaseed.cli.render.PlanJson;
import dev.dynaseed.cli.render.ReportView;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.spec.Spec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Show what apply would do to each table, every difference classified (in place, replace, blocked, not"
                    + " supported by the engine), without writing anything.",
            "Exit codes: 0 no changes, 4 changes to make, 5 a change is blocked by a rule (2 invalid input, 1 failed).",
            "[API: DescribeTable, DescribeTimeToLive, DescribeContinuousBackups, ListTagsOfResource,"
                    + " DescribeContributorInsights, GetResourcePolicy]"
        })
final class PlanCommand implements Callable<Integer> {
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

    @Option(
            names = "--explain",
            description = "Also print the request JSON of every call apply would make, in order, each in the form"
                    + " 'aws dynamodb OPERATION --cli-input-json' accepts.")
    boolean explain;

    @Override
    public Integer call() {
        Spec loaded =
                files.scan(spec.load(), spec.describe(), command.commandLine().getErr());
        PrintWriter out = command.commandLine().getOut();
        try (Session session = Session.open(target)) {
            Plan plan =
                    new Pipeline(session.client(), session.target().describe(), ApplyOptions.defaults()).plan(loaded);
            if (output.json()) {
                out.println(Json.pretty(PlanJson.toJson(session.target().describe(), plan)));
            } else {
                out.println("Plan for " + spec.describe() + " on "
                        + session.target().describe() + ":\n");
                out.print(ReportView.plan(plan));
                if (explain) {
                    out.println("\nCalls apply would make, in order:\n");
                    out.print(PlanExplain.render(plan));
                }
                out.println((explain ? "" : "\n") + ReportView.planCounts(plan) + ". Nothing was written; "
                        + nextStep(plan, "dynaseed apply" + OptionEcho.specAndTarget(command)));
            }
            return exitCode(plan);
        }
    }

    /** 0 when apply would change nothing, 4 when it would, 5 when a rule blocks a change now. */
    static int exitCode(Plan plan) {
        return switch (ReportView.planStatus(plan)) {
            case "blocked" -> ExitCode.PLAN_BLOCKED;
            case "changes" -> ExitCode.PLAN_CHANGES;
            default -> ExitCode.OK;
        };
    }

    /**
     * What to run next: apply, with {@code --allow-replace} when a table must be replaced (apply refuses it without),
     * and a word on blocked tables, which apply leaves alone.
     */
    static String nextStep(Plan plan, String apply) {
        boolean replace = plan.count(TableChange.Kind.REPLACE) > 0;
        boolean blocked = plan.count(TableChange.Kind.BLOCKED) > 0;
        String run = replace
                ? "to apply it, replacing tables (their items are lost), run: " + apply + " --allow-replace"
                : "to apply it, run: " + apply;
        return blocked
                ? run + " (blocked tables are left alone until their rule allows the change; see each rule above)"
                : run;
    }
}
