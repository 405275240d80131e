package dev.dynaseed.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dynaseed.Cancellation;
import dev.dynaseed.RunDeadline;
import dev.dynaseed.cli.render.Json;
import dev.dynaseed.cli.render.ReportView;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.plan.Plan;
import dev.dynaseed.provision.ReplaceConsent;
import dev.dynaseed.report.Report;
import dev.dynaseed.report.ReportJson;
import dev.dynaseed.report.TableReport;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.SkipReason;
import dev.dynaseed.seed.TableItems;
import dev.dynaseed.shard.FanOut;
import dev.dynaseed.shard.FanOutOptions;
import dev.dynaseed.shard.Reinvocation;
import dev.dynaseed.shard.Shard;
import dev.dynaseed.shard.ShardEvent;
import dev.dynaseed.shard.Shards;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code apply --via-lambda}: plans and provisions from the CLI as apply does, then writes the items by invoking the
 * function once per shard (each with the spec, this run's seed and base time, and its item ranges), a bounded number
 * at once, and merges the shards' reports into one. Items are the same as a single run's with the same randomSeed.
 */
final class ViaLambdaApply {
    private ViaLambdaApply() {}

    static int run(ApplyCommand apply, Spec loaded, ApplyOptions options) {
        ViaLambdaOptions via = apply.viaLambda;
        PrintWriter out = apply.command.commandLine().getOut();
        PrintWriter err = apply.command.commandLine().getErr();
        if (via.endpoint().isEmpty() && apply.target.target().kind() != dev.dynaseed.connection.Target.Kind.AWS) {
            throw InputException.ofOption("--via-lambda: the function writes to DynamoDB in its own AWS account, so"
                    + " the tables must be provisioned there too; add --region (and --profile), or --lambda-endpoint-url"
                    + " for a local Invoke API");
        }
        // Before any call: the shards could not read the files, and provisioning must not start for nothing.
        Shards.requireNoFiles(loaded);
        Optional<JsonNode> specPayload = specPayload(apply);
        long started = System.nanoTime();
        try (Session session = Session.open(apply.target);
                LambdaShardInvoker invoker = LambdaShardInvoker.open(via, apply.target)) {
            String target = session.target().describe();
            Pipeline pipeline = new Pipeline(session.client(), target, options);
            Plan plan = pipeline.plan(loaded);
            if (!AwsApplyCheck.proceed(session, apply.spec.describe(), plan, loaded, options, apply.yes, out, err)) {
                out.println("Nothing was changed.");
                return ExitCode.OK;
            }
            ReplaceConsent consent = apply.replaceConsent(plan, apply.output.json() ? err : out);
            Cancellation cancellation = Interrupts.cancellable();
            Report provisioned;
            FanOut.Result fanOut;
            List<ShardEvent> events;
            try {
                RunDeadline stop = RunDeadline.none().cancelledBy(cancellation);
                // Provision only: the same pipeline with every seed count at 0; the shards write the items.
                provisioned = new Pipeline(session.client(), target, options.withReplace(consent))
                        .apply(withoutItems(loaded), SeedProgress.NONE, stop);
                Map<String, SeedOutcome> notSeeded = notSeeded(session, loaded, provisioned);
                List<TableSpec> toSeed = loaded.tables().stream()
                        .filter(table -> !notSeeded.containsKey(table.name()))
                        .toList();
                long runSeed = new SecureRandom().nextLong();
                Instant baseTime = options.clock().instant();
                String digest = Shards.digest(loaded);
                events = new ArrayList<>();
                for (Shard shard : Shards.split(new Spec(toSeed), via.shards)) {
                    events.add(new ShardEvent(shard, runSeed, baseTime, digest, 1));
                }
                err.println("Seeding " + items(toSeed) + " items through " + invoker.describe() + ": "
                        + events.stream().filter(e -> !e.shard().isEmpty()).count() + " shards, up to "
                        + via.maxParallel + " at once");
                err.flush();
                fanOut = new FanOut(invoker, FanOutOptions.of(via.maxParallel).withMaxAttempts(via.attempts))
                        .run(new Spec(toSeed), events, event -> event.event(specPayload), stop);
                Report report = merge(loaded, provisioned, notSeeded, fanOut, target, invoker, started);
                return print(apply, report, fanOut, invoker, events, cancellation.cancelled(), out);
            } finally {
                Interrupts.finished(cancellation);
            }
        }
    }

    /** The spec as the function gets it: the file's text, or the built-in scenario's. */
    private static Optional<JsonNode> specPayload(ApplyCommand apply) {
        Optional<Path> file = apply.spec.chosenFile();
        if (file.isEmpty()) {
            return Optional.of(TextNode.valueOf(DefaultSpec.yaml()));
        }
        try {
            return Optional.of(TextNode.valueOf(Files.readString(file.get())));
        } catch (IOException e) {
            throw new InputException(file.get() + " cannot be read again for the function: " + e.getMessage());
        }
    }

    private static Spec withoutItems(Spec spec) {
        List<TableSpec> tables = new ArrayList<>();
        for (TableSpec table : spec.tables()) {
            SeedSpec seed = table.seed();
            // No generated items and no sources: the shards write every item, inline ones included.
            tables.add(table.toBuilder()
                    .seed(seed.withCount(0).withSources(List.of()))
                    .build());
        }
        return new Spec(tables);
    }

    /**
     * The tables the shards do not seed, with what their items are: not ready (failed, blocked, refused), or
     * {@code onExisting: skip} on a table that already holds items.
     */
    private static Map<String, SeedOutcome> notSeeded(Session session, Spec loaded, Report provisioned) {
        Map<String, SeedOutcome> left = new LinkedHashMap<>();
        for (TableReport report : provisioned.tables()) {
            TableSpec table = table(loaded, report.table().name());
            long count = Shards.items(table);
            Optional<SeedOutcome> outcome = switch (report.outcome().kind()) {
                case FAILED ->
                    Optional.of(SeedOutcome.failedAll(
                            count, report.outcome().error().orElse("failed")));
                case BLOCKED -> Optional.of(SeedOutcome.skippedAll(count, SkipReason.TABLE_BLOCKED));
                case REPLACEMENT_REFUSED -> Optional.of(SeedOutcome.skippedAll(count, SkipReason.REPLACEMENT_REFUSED));
                case CREATED, REPLACED -> Optional.empty();
                case ALREADY_MATCHES, UPDATED -> existing(session, table, count);
            };
            outcome.ifPresent(seed -> left.put(table.name(), seed));
        }
        return left;
    }

    private static Optional<SeedOutcome> existing(Session session, TableSpec table, long count) {
        if (count == 0 || table.seed().onExisting() != ExistingDataPolicy.SKIP) {
            return Optional.empty();
        }
        try {
            return TableItems.any(session.client(), table.name())
                    ? Optional.of(SeedOutcome.skippedAll(count, SkipReason.EXISTING_ITEMS))
                    : Optional.empty();
        } catch (SdkException e) {
            return Optional.of(
                    SeedOutcome.failedAll(count, "Scan to check for existing items failed: " + e.getMessage()));
        }
    }

    private static Report merge(
            Spec loaded,
            Report provisioned,
            Map<String, SeedOutcome> notSeeded,
            FanOut.Result fanOut,
            String target,
            LambdaShardInvoker invoker,
            long started) {
        List<TableReport> tables = new ArrayList<>();
        for (TableReport report : provisioned.tables()) {
            TableSpec table = table(loaded, report.table().name());
            SeedOutcome seed =
                    notSeeded.getOrDefault(table.name(), fanOut.seeds().getOrDefault(table.name(), SeedOutcome.none()));
            tables.add(new TableReport(table, report.outcome(), seed, report.provisionDuration()));
        }
        return new Report(
                target + ", items through Lambda function " + invoker.describe(),
                tables,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static int print(
            ApplyCommand apply,
            Report report,
            FanOut.Result fanOut,
            LambdaShardInvoker invoker,
            List<ShardEvent> events,
            boolean interrupted,
            PrintWriter out) {
        ViaLambdaOptions via = apply.viaLambda;
        if (apply.output.json()) {
            ObjectNode json = ReportJson.toJson(report);
            ObjectNode lambda = json.putObject("lambda");
            lambda.put("function", invoker.describe());
            lambda.put(
                    "shards", events.stream().filter(e -> !e.shard().isEmpty()).count());
            lambda.put("maxParallel", via.maxParallel);
            lambda.put("invocations", fanOut.invocations());
            ArrayNode reinvoked = lambda.putArray("reinvoked");
            for (Reinvocation again : fanOut.reinvoked()) {
                reinvoked
                        .addObject()
                        .put("shard", again.shard())
                        .put("attempt", again.attempt())
                        .put("reason", again.reason())
                        .put("items", again.items())
                        .set("ranges", ShardEvent.rangesJson(again.ranges()));
            }
            ArrayNode failures = lambda.putArray("failures");
            fanOut.failures().forEach(failures::add);
            json.put("interrupted", interrupted);
            apply.limits.addTo(json);
            out.println(Json.pretty(json));
        } else {
            out.println("Applied " + apply.spec.describe() + " to " + report.target() + "\n");
            // A failed shard is also a write error of each of its tables: said once, below, under the shards.
            Set<String> failures = Set.copyOf(fanOut.failures());
            out.print(ReportView.summary(withoutErrors(report, failures), OptionEcho.specAndTarget(apply.command)));
            out.println();
            out.println("Shards: "
                    + events.stream().filter(e -> !e.shard().isEmpty()).count() + ", " + fanOut.invocations()
                    + " invocations, " + fanOut.reinvoked().size() + " re-invoked.");
            for (Reinvocation again : fanOut.reinvoked()) {
                out.println("  shard " + again.shard() + " invoked again (attempt " + again.attempt() + ") for "
                        + again.items() + " items (" + ranges(again) + "): " + again.reason());
            }
            for (String failure : fanOut.failures()) {
                out.println("  ! " + failure);
            }
            out.println();
            apply.limits.cappedLine().ifPresent(out::println);
            out.println(ReportView.closing(report));
        }
        if (interrupted) {
            return ExitCode.INTERRUPTED;
        }
        return switch (report.status()) {
            case OK -> ExitCode.OK;
            case PARTIAL -> ExitCode.PARTIAL;
            case FAILED -> ExitCode.FAILED;
        };
    }

    /** {@code report} as printed: the tables' write errors without {@code errors}, which are printed elsewhere. */
    private static Report withoutErrors(Report report, Set<String> errors) {
        List<TableReport> tables = new ArrayList<>();
        for (TableReport table : report.tables()) {
            SeedOutcome seed = table.seed();
            tables.add(new TableReport(
                    table.table(),
                    table.outcome(),
                    new SeedOutcome(
                            seed.requested(),
                            seed.written(),
                            seed.failed(),
                            seed.skipped(),
                            seed.retried(),
                            seed.skipReason(),
                            seed.errors().stream()
                                    .filter(error -> !errors.contains(error))
                                    .toList(),
                            seed.duration()),
                    table.provisionDuration()));
        }
        return new Report(report.target(), tables, report.duration());
    }

    private static String ranges(Reinvocation again) {
        return again.ranges().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static long items(List<TableSpec> tables) {
        return tables.stream().mapToLong(Shards::items).sum();
    }

    private static TableSpec table(Spec spec, String name) {
        return spec.tables().stream()
                .filter(table -> table.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("table " + name + " is not in the spec"));
    }
}
