package dev.dynaseed.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.files.SourceReport;
import dev.dynaseed.plan.Difference;
import dev.dynaseed.provision.StepResult;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.spec.Problem;
import java.util.List;

/**
 * The report as JSON: the seed's {@code create} and {@code insert} first, unchanged, then dynaseed's own fields
 * ({@code status}, {@code target}, {@code durationMs}, {@code tables}). The layout is stable; fields are only added.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() {}

    public static ObjectNode toJson(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("create", MAPPER.valueToTree(SeedCompatibleBody.create(report)));
        root.set("insert", MAPPER.valueToTree(SeedCompatibleBody.insert(report)));
        long omitted = SeedCompatibleBody.insertOmitted(report);
        if (omitted > 0) {
            root.put("insertOmitted", omitted);
        }
        root.put("status", report.status().name());
        root.put("target", report.target());
        root.put("durationMs", report.duration().toMillis());
        ArrayNode tables = root.putArray("tables");
        for (TableReport table : report.tables()) {
            ObjectNode node = tables.addObject();
            node.put("name", table.table().name());
            node.put("outcome", table.outcomeName());
            node.set("differences", differences(table.outcome().differences()));
            table.outcome().error().ifPresent(error -> node.put("error", error));
            table.outcome().oldItems().ifPresent(items -> node.put("oldItems", items));
            table.outcome().advice().ifPresent(advice -> node.put("advice", advice));
            ArrayNode steps = node.putArray("steps");
            for (StepResult step : table.outcome().steps()) {
                steps.addObject()
                        .put("operation", step.operation())
                        .put("purpose", step.purpose())
                        .put("status", step.status().label());
            }
            node.put("provisionMs", table.provisionDuration().toMillis());
            ObjectNode seed =
                    seed(table.seed(), table.table().seed().onExisting().specName());
            SourceReport.addTo(seed, table.table());
            node.set("seed", seed);
        }
        return root;
    }

    /**
     * A spec's problems as {@code [{"path", "message", "source"?, "line"?, "column"?}]}; the location fields are there
     * when the spec was read from text.
     */
    public static ArrayNode problems(List<Problem> problems) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Problem problem : problems) {
            ObjectNode node = array.addObject().put("path", problem.path()).put("message", problem.message());
            problem.location()
                    .ifPresent(location -> node.put("source", location.source())
                            .put("line", location.line())
                            .put("column", location.column()));
        }
        return array;
    }

    /** Differences as {@code [{"field", "expected", "actual", "resolution", "how"}]}. */
    public static ArrayNode differences(List<Difference> differences) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Difference difference : differences) {
            array.addObject()
                    .put("field", difference.field())
                    .put("expected", difference.expected())
                    .put("actual", difference.actual())
                    .put("resolution", difference.resolution().label())
                    .put("how", difference.how());
        }
        return array;
    }

    private static ObjectNode seed(SeedOutcome seed, String policy) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("onExisting", policy);
        node.put("requested", seed.requested());
        node.put("written", seed.written());
        node.put("failed", seed.failed());
        node.put("skipped", seed.skipped());
        node.put("retried", seed.retried());
        seed.note().ifPresent(note -> node.put("note", note));
        seed.skipReason().ifPresent(reason -> node.put("skipReason", reason.code()));
        ArrayNode errors = node.putArray("errors");
        seed.errors().forEach(errors::add);
        node.put("durationMs", seed.duration().toMillis());
        return node;
    }
}
