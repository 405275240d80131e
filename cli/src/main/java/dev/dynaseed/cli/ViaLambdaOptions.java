package dev.dynaseed.cli;

import dev.dynaseed.shard.Shards;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code apply --via-lambda}: fan the seeding out over a deployed Lambda function, one invocation per shard. */
final class ViaLambdaOptions {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @Option(
            names = "--via-lambda",
            paramLabel = "FUNCTION[:ALIAS]",
            description = "Plan and provision from here, then seed by invoking this Lambda function (dynaseed's"
                    + " sample-table-creator, e.g. sample-table-creator:live) once per shard and merge the reports."
                    + " Needs lambda:InvokeFunction on it. [API: lambda:Invoke]")
    String function;

    @Option(
            names = "--shards",
            paramLabel = "N",
            defaultValue = "8",
            description = "With --via-lambda: split the items into N shards of equal size, 1 to " + Shards.MAX_SHARDS
                    + " (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(
            names = "--max-parallel",
            paramLabel = "M",
            defaultValue = "10",
            description = "With --via-lambda: invocations in flight at once, 1 to 1000; keep it within the function's"
                    + " concurrency (default: ${DEFAULT-VALUE}).")
    int maxParallel;

    @Option(
            names = "--invoke-attempts",
            paramLabel = "N",
            defaultValue = "5",
            description = "With --via-lambda: invocations per shard at most, 1 to 20: a shard throttled (429), failed"
                    + " (5xx, function error, no answer) or stopped by its deadline is invoked again for exactly the"
                    + " items it did not write (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(
            names = "--invoke-timeout",
            paramLabel = "SECONDS",
            defaultValue = "960",
            description = "With --via-lambda: give up on an invocation with no answer after this many seconds, 1 to"
                    + " 3600; keep it above the function's timeout (default: ${DEFAULT-VALUE}).")
    long invokeTimeout;

    @Option(
            names = "--lambda-endpoint-url",
            paramLabel = "URL",
            description = "With --via-lambda: send Invoke to this endpoint instead of AWS Lambda, e.g."
                    + " http://127.0.0.1:9001 (a local Lambda Invoke API such as the tests' harness).")
    String endpointUrl;

    boolean enabled() {
        return function != null;
    }

    /** Checks every option before anything is sent (exit code 2). */
    void validate(boolean resume) {
        if (!enabled()) {
            for (String option : new String[] {
                "--shards", "--max-parallel", "--invoke-attempts", "--invoke-timeout", "--lambda-endpoint-url"
            }) {
                if (mixee.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw InputException.ofOption(option + " only applies with --via-lambda FUNCTION; add it, e.g."
                            + " --via-lambda sample-table-creator:live");
                }
            }
            return;
        }
        if (!function.matches("[a-zA-Z0-9_:.\\-/]{1,170}")) {
            throw InputException.ofOption("--via-lambda: '" + function + "' is not a function name, ARN or"
                    + " name:alias; use e.g. --via-lambda sample-table-creator:live");
        }
        InputException.requireInRange("--shards", shards, 1, Shards.MAX_SHARDS);
        InputException.requireInRange("--max-parallel", maxParallel, 1, 1000);
        InputException.requireInRange("--invoke-attempts", attempts, 1, 20);
        InputException.requireInRange("--invoke-timeout", invokeTimeout, 1, 3600);
        if (resume) {
            throw InputException.ofOption("--resume does not apply with --via-lambda: the shards report what they"
                    + " wrote and are invoked again for the rest; drop --resume");
        }
        endpoint();
    }

    Optional<URI> endpoint() {
        if (endpointUrl == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(endpointUrl);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(endpointUrl, "no http(s) scheme and host");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw InputException.ofOption("--lambda-endpoint-url: '" + endpointUrl + "' is not an http(s) URL with a"
                    + " host; use e.g. http://127.0.0.1:9001");
        }
    }
}
