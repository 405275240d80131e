package dev.dynaseed.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.RunDeadline;
import dev.dynaseed.invocation.FunctionResponse;
import dev.dynaseed.report.Report;
import dev.dynaseed.report.ReportJson;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.WriteOptions;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.Spec;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The function's answer to an event with a {@code "shard"} field: checks the shard against the spec, writes its
 * ranges with {@link ShardSeeder}, and answers in the usual shape with the written and remaining ranges added to the
 * body (an event without a shard never reaches here, so its answer is the tutorial's, unchanged).
 */
public final class ShardFunction {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ShardFunction() {}

    /**
     * Handles a shard event for {@code spec} (already read and valid) within {@code deadline}; {@code log} gets one
     * line for the shard and one when it is done.
     */
    public static FunctionResponse handle(
            DynamoDbClient client,
            String target,
            Spec spec,
            JsonNode event,
            RunDeadline deadline,
            Consumer<ObjectNode> log) {
        long started = System.nanoTime();
        ShardEvent shard;
        try {
            shard = ShardEvent.read(event, spec);
        } catch (InvalidSpecException e) {
            log.accept(line("shard")
                    .put("level", "WARN")
                    .put("valid", false)
                    .put("problems", e.problems().size()));
            ObjectNode body = MAPPER.createObjectNode();
            body.put("error", "The event's shard is invalid; nothing was changed.");
            body.set("problems", ReportJson.problems(e.problems()));
            return new FunctionResponse(400, body);
        }
        log.accept(line("shard")
                .put("valid", true)
                .put("shard", shard.shard().label())
                .put("attempt", shard.attempt())
                .put("items", shard.shard().size()));
        ShardSeeder.Result result =
                new ShardSeeder(client, target, WriteOptions.defaults()).seed(spec, shard, deadline);
        Report report = result.report();
        log.accept(line("apply")
                .put("shard", shard.shard().label())
                .put("status", report.status().name())
                .put("written", report.total(SeedOutcome::written))
                .put("failed", report.total(SeedOutcome::failed))
                .put("skipped", report.total(SeedOutcome::skipped))
                .put("deadlineReached", result.deadlineReached())
                .put("ms", (System.nanoTime() - started) / 1_000_000L));
        return new FunctionResponse(report.status() == Report.Status.OK ? 200 : 500, ShardSeeder.body(result, shard));
    }

    private static ObjectNode line(String phase) {
        return MAPPER.createObjectNode().put("level", "INFO").put("phase", phase);
    }
}
