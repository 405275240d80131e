package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.SilentEndpoint;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command that calls DynamoDB ends in bounded time against an endpoint that accepts connections and never
 * answers, with one line naming the endpoint and what to check, and exit code 1.
 */
class UnresponsiveEndpointTest {
    /** Far above the 3 s a call gets with --request-timeout 1, far below the 275 s an unbounded call took. */
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    private SilentEndpoint silent;

    @BeforeEach
    void listen() {
        silent = new SilentEndpoint();
    }

    @AfterEach
    void close() {
        silent.close();
    }

    private Cli.Result runBounded(String... args) {
        long start = System.nanoTime();
        Cli.Result result = Cli.run(args);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("%s took too long", String.join(" ", args))
                .isLessThan(GENEROUS);
        return result;
    }

    private void assertOneLineNamingTheSilentEndpoint(Cli.Result result, String operation) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err())
                .startsWith("error: " + operation)
                .contains(" on endpoint " + silent.uri() + " failed: no answer within 3 s; ")
                .contains("--request-timeout")
                .doesNotContain("unexpected");
    }

    @Test
    void plan_failsWithOneLineNamingTheEndpoint_whenEndpointNeverAnswers() {
        Cli.Result result = runBounded("plan", "--endpoint-url", silent.uri().toString(), "--request-timeout", "1");

        assertOneLineNamingTheSilentEndpoint(result, "DescribeTable ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void apply_failsWithOneLineNamingTheEndpoint_whenEndpointNeverAnswers() {
        Cli.Result result = runBounded("apply", "--endpoint-url", silent.uri().toString(), "--request-timeout", "1");

        assertOneLineNamingTheSilentEndpoint(result, "DescribeTable ");
    }

    @Test
    void tables_failsWithOneLineNamingTheEndpoint_whenEndpointNeverAnswers() {
        Cli.Result result = runBounded("tables", "--endpoint-url", silent.uri().toString(), "--request-timeout", "1");

        assertOneLineNamingTheSilentEndpoint(result, "ListTables");
    }

    @Test
    void scan_failsWithOneLineNamingTheEndpoint_whenEndpointNeverAnswers() {
        Cli.Result result =
                runBounded("scan", "orders", "--endpoint-url", silent.uri().toString(), "--request-timeout", "1");

        assertOneLineNamingTheSilentEndpoint(result, "DescribeTable of orders");
    }

    @Test
    void plan_printsTheErrorAsJsonToo_whenEndpointNeverAnswers() throws IOException {
        Cli.Result result =
                runBounded("plan", "--endpoint-url", silent.uri().toString(), "--request-timeout", "1", "-o", "json");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(new ObjectMapper().readTree(result.out()).get("error").asText())
                .contains("on endpoint " + silent.uri() + " failed: no answer within 3 s");
    }

    @Test
    void requestTimeout_outOfRange_isInvalidInput_andSendsNothing() {
        Cli.Result result = Cli.run("plan", "--endpoint-url", silent.uri().toString(), "--request-timeout", "0");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .isEqualTo("error: --request-timeout: 0 is out of range; use 1 to 3600\n"
                        + "run 'dynaseed plan --help' for the options\n");
        assertThat(silent.accepted()).isZero();
    }

    @Test
    void tables_saysCannotConnect_whenNothingListens() {
        String dead = "http://127.0.0.1:" + Dynalite.freePort();

        Cli.Result result = runBounded("tables", "--endpoint-url", dead);

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err())
                .startsWith("error: ListTables on endpoint " + dead + " failed: cannot connect")
                .contains("check that the endpoint is running and reachable");
    }

    @Test
    void tables_saysUseHttp_whenHttpsUrlPointsAtAPlainHttpPort() {
        String https = "https://127.0.0.1:" + Dynalite.target().port();

        Cli.Result result = runBounded("tables", "--endpoint-url", https);

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err())
                .contains("on endpoint " + https + " failed: the TLS handshake failed")
                .contains("use http:// instead of https://");
    }
}
