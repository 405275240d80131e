package dev.dynaseed.cli.render;

import dev.dynaseed.plan.Plan;
import dev.dynaseed.plan.RequestJson;
import dev.dynaseed.plan.Step;
import dev.dynaseed.plan.TableChange;
import java.util.Locale;

/**
 * {@code plan --explain}: every call apply would make, table by table and in order, each as a comment line naming the
 * AWS CLI command, then the request JSON that {@code aws dynamodb COMMAND --cli-input-json} accepts.
 */
public final class PlanExplain {
    private PlanExplain() {}

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        for (TableChange change : plan.changes()) {
            int number = 0;
            for (Step step : change.steps()) {
                number++;
                out.append("# ")
                        .append(TextTable.visible(change.table().name()))
                        .append(", call ")
                        .append(number)
                        .append(" of ")
                        .append(change.steps().size())
                        .append(": ")
                        .append(TextTable.visible(step.purpose()))
                        .append(waits(step.waitFor()))
                        .append('\n')
                        .append("# aws dynamodb ")
                        .append(command(step.operation()))
                        .append(" --cli-input-json file://request.json\n")
                        .append(Json.pretty(RequestJson.toJson(step.request())))
                        .append("\n\n");
            }
        }
        return out.length() == 0 ? "No calls: apply would change no table.\n" : out.toString();
    }

    /** An operation as the AWS CLI names its command, e.g. {@code UpdateTimeToLive} is {@code update-time-to-live}. */
    public static String command(String operation) {
        return operation.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String waits(Step.WaitFor waitFor) {
        return switch (waitFor) {
            case NOTHING -> "";
            case TABLE_ACTIVE -> "; then apply waits until the table is ACTIVE";
            case TABLE_AND_INDEXES_ACTIVE -> "; then apply waits until the table and its indexes are ACTIVE";
            case TABLE_GONE -> "; then apply waits until the table is gone";
        };
    }
}
