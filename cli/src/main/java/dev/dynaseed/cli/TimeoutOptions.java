package dev.dynaseed.cli;

import dev.dynaseed.connection.CallTimeouts;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How long each DynamoDB request may take; part of {@link TargetOptions}, so every command that calls has it. */
public final class TimeoutOptions {
    @Option(
            names = "--request-timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "Give up on a DynamoDB request attempt with no answer after this many seconds, 1 to 3600;"
                    + " a call, retries included, gets " + CallTimeouts.ATTEMPTS_PER_CALL + " times that"
                    + " (default: ${DEFAULT-VALUE}).")
    long requestTimeout = CallTimeouts.DEFAULT_ATTEMPT.toSeconds();

    /** The timeouts these options give; rejects a value out of range (exit code 2) before anything is sent. */
    public CallTimeouts callTimeouts() {
        InputException.requireInRange("--request-timeout", requestTimeout, 1, 3600);
        return CallTimeouts.perAttempt(Duration.ofSeconds(requestTimeout));
    }
}
