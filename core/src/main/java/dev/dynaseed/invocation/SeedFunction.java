package dev.dynaseed.invocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.provision.ReplaceConsent;
import dev.dynaseed.report.Report;
import dev.dynaseed.report.ReportJson;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.shard.ShardEvent;
import dev.dynaseed.shard.ShardFunction;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The seed tutorial's {@code sample-table-creator} as a function of an event: picks the spec (the event's
 * {@code spec}, else a configured one, else the built-in scenario), applies it within the time it is given (replacing
 * tables only when the event says {@code "allowReplace": true}), and answers in the seed's response shape. The Lambda handler and {@code dynaseed invoke-local} both run it.
 */
public final class SeedFunction {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration MIN_MARGIN = Duration.ofSeconds(3);
    private static final Duration MAX_MARGIN = Duration.ofSeconds(5);
    /** What a refused replacement advises in the function's report. */
    static final String HOW_TO_ALLOW_REPLACE = "invoke again with \"allowReplace\": true in the event";

    private final DynamoDbClient client;
    private final String target;
    private final Optional<Spec> configuredSpec;

    /**
     * @param client the client every invocation uses (built once per container)
     * @param target names the target in reports
     * @param configuredSpec spec text (YAML or JSON) configured for the function ({@code DYNASEED_SPEC}), used when
     *     the event has none; read and validated here, once per container
     * @throws InvalidSpecException when the configured spec has problems, with all of them: the function cannot start
     */
    public SeedFunction(DynamoDbClient client, String target, Optional<String> configuredSpec) {
        this.client = Objects.requireNonNull(client, "client");
        this.target = Objects.requireNonNull(target, "target");
        this.configuredSpec = Objects.requireNonNull(configuredSpec, "configuredSpec")
                .map(text -> SpecReader.read(text, SpecReader.SpecFormat.YAML, "DYNASEED_SPEC"));
    }

    /**
     * Runs the invocation's code once without sending anything, so that the first invocation does not spend its time
     * loading classes; call it where the function is built (Lambda's init phase).
     */
    public void warmUp() {
        WarmUp.run(client, target);
    }

    /**
     * Handles one event. {@code remaining} is the time left before the invocation is cut off; no new table or batch
     * starts in the last tenth of it (3 to 5 s), and requests still running when two thirds of that are left are abandoned
     * (their items count as failed), so the response is always returned in time. Every request is bounded by that time
     * too; the plan's DescribeTable calls end by the stop point. {@code log} receives one structured line per phase.
     *
     * @throws dev.dynaseed.connection.TargetException when the target cannot be reached or refuses the plan's
     *     DescribeTable (in time), as one line naming the endpoint
     */
    public FunctionResponse handle(JsonNode event, Duration remaining, Consumer<ObjectNode> log) {
        long started = System.nanoTime();
        Duration margin = clamp(remaining.dividedBy(10));
        // Requests in flight at the stop get a third of the margin to finish (a BatchWriteItem takes well under that);
        // the rest is kept to abandon those still running and build the response. With a fraction of a core (Lambda
        // at 512 MB) that took over 1 s (SeedHandlerStarvedTest), so the reserve is no longer a fixed 0.5 s.
        Duration reserve = margin.multipliedBy(2).dividedBy(3);
        Duration finishWithin = remaining.minus(reserve).isNegative() ? Duration.ZERO : remaining.minus(reserve);
        Duration workWithin = remaining.minus(margin).isNegative() ? Duration.ZERO : remaining.minus(margin);
        RunDeadline deadline = RunDeadline.in(workWithin, finishWithin);
        // Planning is new work: its DescribeTable calls end by the stop point, leaving the margin to answer in time.
        RunDeadline planDeadline = RunDeadline.in(workWithin, workWithin);

        String source = source(event);
        ReplaceConsent replace;
        try {
            replace = replaceConsent(event);
        } catch (InvalidSpecException e) {
            log.accept(line("event").put("level", "WARN").put("valid", false));
            ObjectNode body = MAPPER.createObjectNode();
            body.put("error", "The event is invalid; nothing was changed.");
            body.set("problems", ReportJson.problems(e.problems()));
            return new FunctionResponse(400, body);
        }
        Spec spec;
        try {
            // Item files (seed.files) are read from the function's file system, checked before anything is sent.
            spec = dev.dynaseed.files.ItemFiles.scan(spec(event), source, false);
        } catch (InvalidSpecException e) {
            log.accept(line("spec")
                    .put("source", source)
                    .put("valid", false)
                    .put("problems", e.problems().size()));
            return new FunctionResponse(400, invalid(source, e.problems()));
        }
        log.accept(line("spec")
                .put("source", source)
                .put("valid", true)
                .put("tables", spec.tables().size()));
        if (ShardEvent.present(event)) {
            return ShardFunction.handle(client, target, spec, event, deadline, log);
        }

        Duration activeTimeout = workWithin.isZero() ? Duration.ofMillis(1) : workWithin;
        Pipeline pipeline = new Pipeline(
                client,
                target,
                ApplyOptions.defaults().withActiveTimeout(activeTimeout).withReplace(replace));
        Report report;
        if (deadline.stopStarting()) {
            report = pipeline.apply(spec, SeedProgress.NONE, deadline);
        } else {
            long planStart = System.nanoTime();
            Plan plan;
            try {
                plan = pipeline.plan(spec, planDeadline);
            } catch (TargetException e) {
                // The invocation fails with this line (Lambda records and retries it); the log says which phase.
                log.accept(line("plan")
                        .put("level", "ERROR")
                        .put("error", e.getMessage())
                        .put("ms", millisSince(planStart)));
                // Without its cause: Lambda's runtime prints an unhandled exception's whole cause chain to the log,
                // and the SDK's message about an endpoint that echoes the request holds its Authorization header.
                throw new TargetException(e.kind(), e.getMessage(), null);
            }
            log.accept(line("plan")
                    .put("create", plan.count(TableChange.Kind.CREATE))
                    .put("unchanged", plan.count(TableChange.Kind.NO_CHANGE))
                    .put("update", plan.count(TableChange.Kind.UPDATE))
                    .put("replace", plan.count(TableChange.Kind.REPLACE))
                    .put("allowReplace", replace.all())
                    .put("blocked", plan.count(TableChange.Kind.BLOCKED))
                    .put("ms", millisSince(planStart)));
            report = pipeline.apply(plan, SeedProgress.NONE, deadline);
        }
        // Work that ended inside the margin is complete: the deadline only matters when it left something undone.
        boolean deadlineReached = deadline.stopStarting() && report.status() != Report.Status.OK;
        log.accept(line("apply")
                .put("status", report.status().name())
                .put("written", report.total(SeedOutcome::written))
                .put("failed", report.total(SeedOutcome::failed))
                .put("skipped", report.total(SeedOutcome::skipped))
                .put("deadlineReached", deadlineReached)
                .put("ms", millisSince(started)));
        ObjectNode body = ReportJson.toJson(report);
        body.put("deadlineReached", deadlineReached);
        return new FunctionResponse(report.status() == Report.Status.OK ? 200 : 500, body);
    }

    /**
     * The event's {@code allowReplace}: {@code true} lets apply replace tables that need it (their items are lost);
     * absent or {@code false} leaves them alone.
     */
    private static ReplaceConsent replaceConsent(JsonNode event) {
        JsonNode allow = event == null ? null : event.get("allowReplace");
        if (allow == null || allow.isNull() || allow.isBoolean() && !allow.booleanValue()) {
            return ReplaceConsent.none(HOW_TO_ALLOW_REPLACE);
        }
        if (allow.isBoolean()) {
            return ReplaceConsent.everyTable();
        }
        throw new InvalidSpecException(
                "event.allowReplace",
                List.of(new Problem(
                        "allowReplace",
                        "expected true or false, got "
                                + allow.getNodeType().name().toLowerCase(Locale.ROOT)
                                + "; send e.g. {\"allowReplace\": true} to let apply replace tables that need it"
                                + " (their items are lost)")));
    }

    private Spec spec(JsonNode event) {
        JsonNode inline = event == null ? null : event.get("spec");
        if (inline != null && !inline.isNull()) {
            if (inline.isObject()) {
                return SpecReader.read(inline, "event.spec");
            }
            if (inline.isTextual()) {
                return SpecReader.read(inline.textValue(), SpecReader.SpecFormat.YAML, "event.spec");
            }
            throw new InvalidSpecException(
                    "event.spec",
                    List.of(
                            new Problem(
                                    "spec",
                                    "expected a spec object or"
                                            + " YAML/JSON text, got "
                                            + inline.getNodeType().name().toLowerCase(Locale.ROOT)
                                            + "; send e.g. {\"spec\": {\"tables\": [...]}}, or no spec for the built-in scenario")));
        }
        return configuredSpec.orElseGet(DefaultSpec::seedScenario);
    }

    private String source(JsonNode event) {
        JsonNode inline = event == null ? null : event.get("spec");
        if (inline != null && !inline.isNull()) {
            return "event.spec";
        }
        return configuredSpec.isPresent() ? "DYNASEED_SPEC" : "built-in seed scenario";
    }

    private static ObjectNode invalid(String source, List<Problem> problems) {
        ObjectNode body = MAPPER.createObjectNode();
        // Bounded, so that the response stays far below Lambda's 6 MB whatever the event held.
        boolean all = problems.size() <= InvalidSpecException.MAX_LISTED;
        body.put(
                "error",
                "The spec " + source + " is invalid; nothing was changed."
                        + (all
                                ? ""
                                : " The first " + InvalidSpecException.MAX_LISTED + " of its " + problems.size()
                                        + " problems are listed; fix them first."));
        body.set(
                "problems", ReportJson.problems(all ? problems : problems.subList(0, InvalidSpecException.MAX_LISTED)));
        return body;
    }

    private static ObjectNode line(String phase) {
        return MAPPER.createObjectNode().put("level", "INFO").put("phase", phase);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    private static Duration clamp(Duration margin) {
        if (margin.compareTo(MIN_MARGIN) < 0) {
            return MIN_MARGIN;
        }
        return margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin;
    }
}
