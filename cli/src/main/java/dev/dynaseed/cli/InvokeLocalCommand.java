package dev.dynaseed.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.cli.render.Json;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.invocation.FunctionResponse;
import dev.dynaseed.invocation.SeedFunction;
import dev.dynaseed.spec.internal.JsonLimits;
import dev.dynaseed.spec.internal.SpecLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

@Command(
        name = "invoke-local",
        mixinStandardHelpOptions = true,
        description = {
            "Run the Lambda function (sample-table-creator) in-process against this command's target, the local"
                    + " engine by default, and print its response: try the function without AWS.",
            "Like the deployed function, it reads a spec from the event's \"spec\", else from DYNASEED_SPEC, else"
                    + " uses the built-in scenario. Its per-phase log lines go to stderr.",
            "[API: DescribeTable, CreateTable, Scan, BatchWriteItem, PutItem]"
        })
final class InvokeLocalCommand implements Callable<Integer> {
    /** The tutorial's test event: any event without a spec runs the built-in scenario. */
    static final String SEED_TEST_EVENT = "{\"key1\":\"value1\",\"key2\":\"value2\",\"key3\":\"value3\"}";

    /** Lambda's limit on a synchronous invocation's payload, 6 MB: a larger event never reaches a deployed function. */
    static final long MAX_EVENT_BYTES = 6L * 1024 * 1024;

    /** How deep an event may nest: its spec nests far less, and a deeper one is refused in dynaseed's words. */
    static final int MAX_EVENT_DEPTH = 1000;

    private static final JsonFactory EVENT_JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_EVENT_DEPTH)
                    .build())
            .build();

    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Mixin
    TargetOptions target;

    @Option(
            names = {"-e", "--event"},
            paramLabel = "FILE",
            description = "The event (JSON). Default: the tutorial's test event " + SEED_TEST_EVENT + ".")
    Path event;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "45",
            description = "The function timeout to simulate (default: ${DEFAULT-VALUE}, the tutorial's).")
    long timeout;

    @Option(
            names = {"-y", "--yes"},
            description = "Run against AWS (--region/--profile) without asking first.")
    boolean yes;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "json",
            description = "json, the only format: the function's response is JSON (accepted as the other commands"
                    + " take it).")
    OutputOptions.Format output = OutputOptions.Format.json;

    @Option(
            names = "--shard",
            paramLabel = "K/N",
            description = "Run shard K of N only (1 <= K <= N): the items of the spec the function would use, split as"
                    + " 'apply --via-lambda --shards N' splits them, with a fresh run seed; the tables must exist.")
    String shard;

    @Option(names = "--decode-body", description = "Print the body as JSON instead of the JSON string Lambda returns.")
    boolean decodeBody;

    @Override
    public Integer call() {
        if (timeout < 1 || timeout > 900) {
            throw InputException.ofOption("--timeout: " + timeout + " is out of range; Lambda allows 1 to 900 seconds");
        }
        if (output != OutputOptions.Format.json) {
            throw InputException.ofOption("--output: invoke-local prints the function's response, which is JSON;"
                    + " pass -o json or leave -o out");
        }
        JsonNode payload = payload();
        Optional<LocalShard.Prepared> sharded = Optional.empty();
        if (shard != null) {
            sharded = Optional.of(LocalShard.event(shard, payload));
            payload = sharded.get().event();
        }
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (Session session = Session.open(target)) {
            if (session.isAws()
                    && !Confirmation.confirm(
                            yes, "Run the function against " + session.target().describe() + "?", out)) {
                out.println("Nothing was changed.");
                return ExitCode.OK;
            }
            if (sharded.isPresent()) {
                requireTables(session, sharded.get());
            }
            SeedFunction function = new SeedFunction(
                    session.client(),
                    session.target().describe(),
                    Optional.ofNullable(System.getenv("DYNASEED_SPEC")).filter(spec -> !spec.isBlank()));
            FunctionResponse response = function.handle(payload, Duration.ofSeconds(timeout), line -> {
                err.println(line);
                err.flush();
            });
            ObjectNode printed = response.toJson();
            if (decodeBody) {
                printed.set("body", response.body());
            }
            out.println(Json.pretty(printed));
            return switch (response.statusCode()) {
                case 200 -> ExitCode.OK;
                case 400 -> ExitCode.INVALID_INPUT;
                default ->
                    response.body().path("status").asText().equals("FAILED") ? ExitCode.FAILED : ExitCode.PARTIAL;
            };
        }
    }

    /**
     * Refuses a shard whose tables do not exist: a shard only writes items (apply --via-lambda provisions the tables
     * before it fans out), so it would report every item failed.
     */
    private void requireTables(Session session, LocalShard.Prepared prepared) {
        List<String> missing = new ArrayList<>();
        for (String table : prepared.tables()) {
            try {
                session.client().describeTable(r -> r.tableName(table));
            } catch (ResourceNotFoundException e) {
                missing.add(table);
            } catch (SdkException e) {
                throw TargetException.from(session.client(), "DescribeTable " + table, e);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String target = OptionEcho.specAndTarget(command);
        String create = switch (prepared.specSource()) {
            case BUILT_IN -> "run dynaseed apply --builtin --max-items 0" + target;
            case EVENT ->
                "save the event's spec as spec.yaml and run dynaseed apply -f spec.yaml --max-items 0" + target;
            case ENVIRONMENT ->
                "save DYNASEED_SPEC as spec.yaml and run dynaseed apply -f spec.yaml --max-items 0" + target;
        };
        throw new InputException("--shard " + shard + ": "
                + (missing.size() == 1
                        ? "table '" + missing.get(0) + "' does not exist"
                        : "tables "
                                + missing.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
                                + " do not exist")
                + " on " + session.target().describe() + "; a shard only writes items into tables provisioned"
                + " before it (as apply --via-lambda does): create them first, e.g. " + create
                + " (it creates the tables and writes no items)");
    }

    private JsonNode payload() {
        String text;
        if (event == null) {
            text = SEED_TEST_EVENT;
        } else {
            try {
                if (Files.exists(event) && !Files.isRegularFile(event)) {
                    throw new InputException("--event: " + event + " is not a regular file; give a JSON event file,"
                            + " e.g. lambda/events/seed-test-event.json");
                }
                long size = Files.size(event);
                if (size > MAX_EVENT_BYTES) {
                    throw new InputException("--event: " + event + " has " + size + " bytes, more than the 6 MB ("
                            + MAX_EVENT_BYTES + " bytes) Lambda accepts for a synchronous invocation; give a smaller"
                            + " event, e.g. one whose spec seeds more rows with \"count\" instead of listing them");
                }
                text = Files.readString(event);
            } catch (NoSuchFileException e) {
                throw new InputException("--event: " + event + " does not exist; give a JSON event file, e.g."
                        + " lambda/events/seed-test-event.json");
            } catch (IOException e) {
                throw new InputException("--event: " + event + " cannot be read: " + e.getMessage());
            }
        }
        try (JsonParser parser = EVENT_JSON.createParser(text.isBlank() ? "{}" : text)) {
            try {
                return Json.mapper().readTree(parser);
            } catch (StreamConstraintsException e) {
                throw JsonLimits.located(e, parser);
            }
        } catch (StreamConstraintsException e) {
            throw new InputException("--event: " + (event == null ? "the event" : event)
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ")") + " "
                    + JsonLimits.problem(
                            e, "a Lambda event (its spec nests at most " + SpecLimits.MAX_DEPTH + " levels)"));
        } catch (IOException e) {
            throw new InputException("--event: " + (event == null ? "the event" : event) + " is not JSON; a Lambda"
                    + " event is a JSON document, e.g. {} or {\"spec\": {...}}");
        }
    }
}
