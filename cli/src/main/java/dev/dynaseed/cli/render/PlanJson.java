package dev.dynaseed.cli.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.report.ReportJson;

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
            node.put("action", ReportView.action(change));
            node.put("schema", ReportView.schema(change.table()));
            node.set("differences", ReportJson.differences(change.differences()));
            node.putObject("seed")
                    .put("count", change.table().seed().count())
                    .put("onExisting", change.table().seed().onExisting().specName());
        }
        return root;
    }
}
