package dev.dynaseed.cli;

import dev.dynaseed.cli.render.Json;
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
import picocli.CommandLine.Spec.Target;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {"Show what apply would do to each table, without writing anything.", "[API: DescribeTable]"})
final class PlanCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Mixin
    SpecOptions spec;

    @Mixin
    TargetOptions target;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Spec loaded = spec.load();
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
                long creates = plan.count(TableChange.Kind.CREATE);
                long drifts = plan.count(TableChange.Kind.DRIFT);
                out.println("\n" + creates + " to create, " + plan.count(TableChange.Kind.NO_CHANGE) + " unchanged, "
                        + drifts + " drifted. Nothing was written; to apply it, run:"
                        + " dynaseed apply" + OptionEcho.specAndTarget(command));
            }
            return ExitCode.OK;
        }
    }
}
