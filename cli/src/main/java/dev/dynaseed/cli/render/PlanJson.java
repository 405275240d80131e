package dev.dynaseed.cli.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.plan.Difference;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.plan.RequestJson;
import dev.dynaseed.plan.Step;
import dev.dynaseed.plan.TableChange;

/**
 * A plan as JSON: {@code {"target", "status", "tables": [{"name", "action", "schema", "differences": [{"field",
 * "expected", "actual", "resolution", "how"}], "steps": [{"operation", "purpose", "waitFor", "request"}], "seed"}]}}.
 */
public final class PlanJson {
    private PlanJson() {}

    public static ObjectNode toJson(String target, Plan plan) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("target", target);
        root.put("status", ReportView.planStatus(plan));
        ArrayNode tables = root.putArray("tables");
        for (TableChange change : plan.changes()) {
            ObjectNode node = tables.addObject();
            node.put("name", change.table().name());
            node.put("action", ReportView.action(change));
            node.put("schema", ReportView.schema(change.table()));
            ArrayNode differences = node.putArray("differences");
            for (Difference difference : change.differences()) {
                differences
                        .addObject()
                        .put("field", difference.field())
                        .put("expected", difference.expected())
                        .put("actual", difference.actual())
                        .put("resolution", difference.resolution().label())
                        .put("how", difference.how());
            }
            ArrayNode steps = node.putArray("steps");
            for (Step step : change.steps()) {
                ObjectNode stepNode = steps.addObject()
                        .put("operation", step.operation())
                        .put("purpose", step.purpose())
                        .put("waitFor", waitFor(step.waitFor()));
                stepNode.set("request", RequestJson.toJson(step.request()));
            }
            node.putObject("seed")
                    .put("count", change.table().seed().count())
                    .put("onExisting", change.table().seed().onExisting().specName());
        }
        return root;
    }

    /** A step's wait as JSON names it; never rename one. */
    public static String waitFor(Step.WaitFor waitFor) {
        return switch (waitFor) {
            case NOTHING -> "nothing";
            case TABLE_ACTIVE -> "tableActive";
            case TABLE_AND_INDEXES_ACTIVE -> "tableAndIndexesActive";
            case TABLE_GONE -> "tableGone";
        };
    }
}
