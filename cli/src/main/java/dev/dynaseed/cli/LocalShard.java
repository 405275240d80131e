package dev.dynaseed.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.shard.ShardEvent;
import dev.dynaseed.shard.Shards;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code invoke-local --shard K/N}: the event with shard K of the spec the function would use added to it. */
final class LocalShard {
    private static final Pattern K_OF_N = Pattern.compile("(\\d{1,5})/(\\d{1,5})");

    private LocalShard() {}

    /**
     * The event with its shard.
     *
     * @param event the event to invoke the function with
     * @param tables the tables the shard writes to, which must exist
     * @param specSource where the spec came from: {@code event.spec}, {@code DYNASEED_SPEC} or the built-in scenario
     */
    record Prepared(JsonNode event, List<String> tables, Source specSource) {}

    /** Where the function's spec comes from. */
    enum Source {
        EVENT,
        ENVIRONMENT,
        BUILT_IN
    }

    static Prepared event(String shard, JsonNode event) {
        Matcher matcher = K_OF_N.matcher(shard.strip());
        if (!matcher.matches()) {
            throw InputException.ofOption("--shard: '" + shard + "' is not K/N; use e.g. --shard 3/8");
        }
        int k = Integer.parseInt(matcher.group(1));
        int n = Integer.parseInt(matcher.group(2));
        if (n < 1 || n > Shards.MAX_SHARDS || k < 1 || k > n) {
            throw InputException.ofOption("--shard: " + shard + " is out of range; use K/N with 1 <= K <= N <= "
                    + Shards.MAX_SHARDS + ", e.g. --shard 3/8");
        }
        if (!event.isObject()) {
            throw InputException.ofOption("--shard: the event must be a JSON object to add the shard to, e.g. {}");
        }
        // The spec the function picks: the event's, else DYNASEED_SPEC, else the built-in scenario. An invalid one is
        // left for the function to report, as it would for the event alone.
        Spec spec;
        Source source;
        JsonNode inline = event.get("spec");
        Optional<String> configured =
                Optional.ofNullable(System.getenv("DYNASEED_SPEC")).filter(s -> !s.isBlank());
        if (inline != null && inline.isObject()) {
            spec = SpecReader.read(inline, "event.spec");
            source = Source.EVENT;
        } else if (inline != null && inline.isTextual()) {
            spec = SpecReader.read(inline.textValue(), SpecReader.SpecFormat.YAML, "event.spec");
            source = Source.EVENT;
        } else if (configured.isPresent()) {
            spec = SpecReader.read(configured.get(), SpecReader.SpecFormat.YAML, "DYNASEED_SPEC");
            source = Source.ENVIRONMENT;
        } else {
            spec = DefaultSpec.seedScenario();
            source = Source.BUILT_IN;
        }
        ShardEvent chosen = ShardEvent.split(spec, n, new SecureRandom().nextLong(), Instant.now())
                .get(k - 1);
        ObjectNode withShard = ((ObjectNode) event).deepCopy();
        withShard.set("shard", chosen.toJson());
        return new Prepared(withShard, List.copyOf(chosen.shard().ranges().keySet()), source);
    }
}
