package dev.dynaseed.cli.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.plan.Difference;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.plan.TableChange;

/** A plan as JSON: {@code {"target": ..., "tables": [{"name", "action", "differences", "seed"}]}}. */
public final class PlanJson {
    private PlanJson() {}

    public static ObjectNode toJson(String target, Plan plan) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("target", target);
        ArrayNode tables = root.putArray("tables");
        for (TableChange change : plan.changes()) {
            ObjectNode node = tables.addObject();
            node.put("name", change.table().name());
            node.put(
                    "action",
                    change instanceof TableChange.Create
                            ? "create"
                            : change instanceof TableChange.Drift ? "drift" : "none");
            node.put("schema", ReportView.schema(change.table()));
            ArrayNode differences = node.putArray("differences");
            if (change instanceof TableChange.Drift drift) {
                for (Difference difference : drift.differences()) {
                    differences
                            .addObject()
                            .put("field", difference.field())
                            .put("expected", difference.expected())
                            .put("actual", difference.actual());
                }
            }
            node.putObject("seed")
                    .put("count", change.table().seed().count())
                    .put("onExisting", change.table().seed().onExisting().specName());
        }
        return root;
    }
}
