package dev.dynaseed.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dynaseed.cli.render.Json;
import dev.dynaseed.shard.ShardEvent;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;

@Command(
        name = "shards",
        mixinStandardHelpOptions = true,
        description = {
            "Print the spec's items split into N shards as Lambda events (a JSON array), one per shard: the input of"
                    + " the template's Step Functions Distributed Map, or of 'aws lambda invoke' by hand.",
            "Each event carries its item ranges per table, one run seed and base time for all, and the spec's digest"
                    + " (the function refuses a shard cut from another spec). Sends nothing. [API: none]"
        })
final class ShardsCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Option(
            names = {"--spec", "-f", "--file"},
            paramLabel = "FILE",
            description = "Spec file. Default: ./" + SpecOptions.DEFAULT_FILE + " when it exists, else the built-in"
                    + " seed scenario.")
    Path file;

    @Option(
            names = "--shards",
            paramLabel = "N",
            required = true,
            description = "How many shards, 1 to " + dev.dynaseed.shard.Shards.MAX_SHARDS + ".")
    int shards;

    @Option(
            names = "--with-spec",
            description = "Put the spec's text in every event, for a function deployed without it (DYNASEED_SPEC).")
    boolean withSpec;

    @Override
    public Integer call() {
        InputException.requireInRange("--shards", shards, 1, dev.dynaseed.shard.Shards.MAX_SHARDS);
        Optional<Path> chosen = Optional.ofNullable(file);
        Path implicit = Path.of(SpecOptions.DEFAULT_FILE);
        if (chosen.isEmpty() && Files.isRegularFile(implicit)) {
            chosen = Optional.of(implicit);
        }
        Spec spec = chosen.map(SpecReader::read).orElseGet(DefaultSpec::seedScenario);
        String text;
        try {
            text = chosen.isPresent() ? Files.readString(chosen.get()) : DefaultSpec.yaml();
        } catch (IOException e) {
            throw new InputException(chosen.get() + " cannot be read: " + e.getMessage());
        }
        ArrayNode events = Json.mapper().createArrayNode();
        Optional<com.fasterxml.jackson.databind.JsonNode> payload =
                withSpec ? Optional.of(TextNode.valueOf(text)) : Optional.empty();
        for (ShardEvent event : ShardEvent.split(spec, shards, new SecureRandom().nextLong(), Instant.now())) {
            if (!event.shard().isEmpty()) {
                events.add(event.event(payload));
            }
        }
        command.commandLine().getOut().println(Json.pretty(events));
        return ExitCode.OK;
    }
}
