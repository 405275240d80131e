package dev.dynaseed.cli;

import dev.dynaseed.cli.render.EstimateView;
import dev.dynaseed.cli.render.ReportView;
import dev.dynaseed.cost.WriteEstimate;
import dev.dynaseed.cost.WriteEstimator;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.spec.Spec;
import java.io.PrintWriter;

/**
 * Before {@code apply} changes anything in an AWS account: the plan and the estimated write cost of the seeding, then
 * a question (refused without a terminal unless {@code --yes}). Local engines and explicit endpoints are not asked.
 */
final class AwsApplyCheck {
    private AwsApplyCheck() {}

    /**
     * Whether to go on. On AWS without {@code yes}: prints the plan and the estimate on {@code out} and asks; with
     * {@code yes}: prints the estimate on {@code err} (so {@code -o json} output stays JSON) and goes on.
     */
    static boolean proceed(
            Session session,
            String specName,
            Plan plan,
            Spec spec,
            ApplyOptions options,
            boolean yes,
            PrintWriter out,
            PrintWriter err) {
        if (!session.isAws()) {
            return true;
        }
        WriteEstimate estimate = WriteEstimator.standard()
                .estimate(spec, options.runSeed(), options.clock().instant());
        if (yes) {
            err.print(EstimateView.render(estimate));
            err.flush();
            return true;
        }
        out.println("Plan for " + specName + " on " + session.target().describe() + ":\n");
        out.print(ReportView.plan(plan));
        out.println();
        out.print(EstimateView.render(estimate));
        out.println();
        out.flush();
        return Confirmation.confirm(
                false,
                "Apply this plan and write these items on " + session.target().describe() + "?",
                out);
    }
}
