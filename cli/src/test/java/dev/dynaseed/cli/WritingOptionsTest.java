package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.seed.WriteOptions;
import dev.dynaseed.seed.WriteRate;
import dev.dynaseed.testing.CountingEndpoint;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** apply's writing options: what each value means, and a wrong one stops before any request. */
class WritingOptionsTest {
    private static WritingOptions parse(String... args) {
        WritingOptions options = new WritingOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void byDefault_theConcurrencyAdapts_andTheRateIsAuto() {
        WriteOptions write = parse().apply(WriteOptions.defaults());

        assertThat(write.adaptive()).isTrue();
        assertThat(write.maxInFlight()).isEqualTo(64);
        assertThat(write.rate()).isEqualTo(WriteRate.auto());
        assertThat(parse().quiet()).isFalse();
    }

    @Test
    void eachWriteRate_meansWhatItsHelpSays() {
        assertThat(parse("--write-rate", "500").rate()).isEqualTo(WriteRate.itemsPerSecond(500));
        assertThat(parse("--write-rate", "unlimited").rate()).isEqualTo(WriteRate.unlimited());
        assertThat(parse("--write-rate", "capacity").rate()).isEqualTo(WriteRate.tableCapacity());
        assertThat(parse("--fixed-concurrency").apply(WriteOptions.defaults()).adaptive())
                .isFalse();
        assertThat(parse("-q").quiet()).isTrue();
    }

    @Test
    void aWrongWriteRate_isOneLineWithAnExample_andNothingIsSent() throws Exception {
        try (CountingEndpoint endpoint = CountingEndpoint.refusingEverything()) {
            Cli.Result words = Cli.run("apply", "--endpoint-url", endpoint.url(), "--write-rate", "fast");
            Cli.Result zero = Cli.run("apply", "--endpoint-url", endpoint.url(), "--write-rate", "0");

            assertThat(words.err())
                    .isEqualTo("error: --write-rate: 'fast' is not a rate; use items per second (e.g. --write-rate"
                            + " 500), unlimited, capacity or auto\nrun 'dynaseed apply --help' for the options\n");
            assertThat(zero.err())
                    .isEqualTo("error: --write-rate: 0 is out of range; use 1 to 1000000000 items per second, e.g."
                            + " --write-rate 500\nrun 'dynaseed apply --help' for the options\n");
            assertThat(words.exitCode()).isEqualTo(2);
            assertThat(zero.exitCode()).isEqualTo(2);
            assertThat(endpoint.requests()).isZero();
        }
    }
}
