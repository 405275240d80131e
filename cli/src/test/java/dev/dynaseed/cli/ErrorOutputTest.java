package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What a user reads when something is wrong: one error line, a hint for a wrong option, the exit code. */
class ErrorOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint = Dynalite.target().endpoint().toString();

    @Test
    void unknownOption_printsOneErrorLineAndAHint_notTheUsage() {
        Cli.Result result = Cli.run("apply", "--bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo("error: Unknown option: '--bogus'\nrun 'dynaseed apply --help' for the options\n");
    }

    @Test
    void mistypedOption_suggestsTheRightOne() {
        Cli.Result result = Cli.run("apply", "--sample=2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: Unknown option: '--sample=2'; did you mean '--samples'?\n"
                        + "run 'dynaseed apply --help' for the options\n");
    }

    @Test
    void mistypedCommand_namesItAndPointsAtTheCommandList() {
        Cli.Result root = Cli.run("aply");
        Cli.Result local = Cli.run("local", "strat");

        assertThat(root.exitCode()).isEqualTo(2);
        assertThat(root.err())
                .isEqualTo("error: 'aply' is not a command of 'dynaseed'; did you mean 'apply' or 'plan'?\n"
                        + "run 'dynaseed --help' for its commands\n");
        assertThat(local.exitCode()).isEqualTo(2);
        assertThat(local.err())
                .isEqualTo(
                        "error: 'strat' is not a command of 'dynaseed local'; did you mean 'status' or 'stop' or 'start'?\n"
                                + "run 'dynaseed local --help' for its commands\n");
    }

    @Test
    void badOptionValues_andMissingParameters_areOneLinePlusHint() {
        Cli.Result format = Cli.run("scan", "t", "-o", "xml");
        Cli.Result number = Cli.run("apply", "--samples", "x");
        Cli.Result missing = Cli.run("scan");
        Cli.Result url = Cli.run("plan", "--endpoint-url", "localhost:8000");
        Cli.Result range = Cli.run("apply", "--endpoint-url", endpoint, "--write-concurrency", "0");

        assertThat(format.err())
                .isEqualTo("error: Invalid value for option '--output': expected one of [text, json] (case-sensitive)"
                        + " but was 'xml'\nrun 'dynaseed scan --help' for the options\n");
        assertThat(number.err())
                .isEqualTo(
                        "error: Invalid value for option '--samples': 'x' is not a whole number from -2147483648 to 2147483647\n"
                                + "run 'dynaseed apply --help' for the options\n");
        assertThat(missing.err())
                .isEqualTo("error: Missing required parameter: 'TABLE'\nrun 'dynaseed scan --help' for the options\n");
        assertThat(url.err())
                .isEqualTo("error: --endpoint-url: 'localhost:8000' is not an http or https URL; use e.g."
                        + " --endpoint-url http://127.0.0.1:8000\nrun 'dynaseed plan --help' for the options\n");
        assertThat(range.err())
                .isEqualTo("error: --write-concurrency: 0 is out of range; use 1 to 256\n"
                        + "run 'dynaseed apply --help' for the options\n");
        for (Cli.Result result : new Cli.Result[] {format, number, missing, url, range}) {
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void optionError_withJsonOutput_isAlsoJsonOnStdout() throws IOException {
        Cli.Result result = Cli.run("apply", "-o", "json", "--bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(JSON.readTree(result.out()).toString())
                .isEqualTo("{\"error\":\"Unknown option: '--bogus'\",\"hint\":\"run 'dynaseed apply --help' for the"
                        + " options\",\"exitCode\":2}");
        assertThat(result.err()).startsWith("error: Unknown option: '--bogus'\n");
    }

    @Test
    void jsonRequested_readsEverySpellingOfTheOption() {
        for (String spelling : new String[] {"-o json", "-o=json", "-ojson", "--output json", "--output=json"}) {
            assertThat(ErrorHandler.jsonRequested(java.util.List.of(("plan " + spelling).split(" "))))
                    .as(spelling)
                    .isTrue();
        }
        assertThat(ErrorHandler.jsonRequested(java.util.List.of("plan", "-o", "text", "json")))
                .isFalse();
    }

    @Test
    void tablesAndScan_againstAClosedPort_sayWhichCallFailedWhere_inOneLine() {
        String dead = "http://127.0.0.1:" + Dynalite.freePort();

        Cli.Result tables = Cli.run("tables", "--endpoint-url", dead);
        Cli.Result scan = Cli.run("scan", "t", "--endpoint-url", dead, "-o", "json");

        assertThat(tables.exitCode()).isEqualTo(1);
        assertThat(tables.err())
                .isEqualTo("error: ListTables on endpoint " + dead + " failed: cannot connect (Connection refused);"
                        + " check that the endpoint is running and reachable, and its host and port\n");
        assertThat(scan.exitCode()).isEqualTo(1);
        assertThat(scan.err()).startsWith("error: DescribeTable of t on endpoint " + dead + " failed:");
        assertThat(scan.err().lines()).hasSize(1);
        assertThat(scan.out()).contains("\"exitCode\" : 1");
    }

    @Test
    void anExceptionNobodyPlannedFor_isOnePlainLine_withoutItsClassNameNorWhereInTheCode() {
        Cli.Result result = runFailing(new IllegalStateException(new ArithmeticException("long overflow")));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("error: dynaseed-test failed: long overflow; run with --verbose for details\n");
    }

    @Test
    void anExceptionNobodyPlannedFor_saysWhereInTheCode_onlyWithVerbose() {
        Cli.Result result = runFailing(new IllegalStateException("long overflow"), "--verbose");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines().findFirst().orElseThrow())
                .matches("error: dynaseed-test failed: long overflow \\(in ErrorOutputTest\\"
                        + ".anExceptionNobodyPlannedFor_saysWhereInTheCode_onlyWithVerbose, line \\d+\\)");
        assertThat(result.err()).contains("\tat dev.dynaseed.cli.ErrorOutputTest");
    }

    @Test
    void anExceptionWithoutAMessage_stillSaysWhat() {
        Cli.Result result = runFailing(new NullPointerException());

        assertThat(result.err())
                .isEqualTo("error: dynaseed-test failed: an internal error with no message; run with --verbose for"
                        + " details\n");
    }

    @Test
    void anSdkExceptionReachingTheHandler_becomesATargetError() {
        Cli.Result result = runFailing(
                new IllegalStateException(SdkClientException.create("Unable to execute HTTP request: Read timed out")));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("error: dynaseed-test on the target failed: Unable to execute HTTP request: Read timed"
                        + " out; check the endpoint, credentials and region (--endpoint-url, --region, --profile); run"
                        + " with --verbose for details\n");
    }

    @Command(name = "dynaseed-test")
    static final class Failing implements Callable<Integer> {
        private final RuntimeException failure;

        @picocli.CommandLine.Option(names = "--verbose")
        boolean verbose;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }

    private static Cli.Result runFailing(RuntimeException failure, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Failing(failure));
        ErrorHandler handler = new ErrorHandler();
        commandLine.setExecutionExceptionHandler(handler).setParameterExceptionHandler(handler);
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Cli.Result(code, out.toString(), err.toString());
    }

    @Test
    void aNumberOptionThatIsNoNumber_saysWholeNumberWithItsRange_notAJavaType() {
        Cli.Result result = Cli.run("apply", "--samples", "99999999999");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: Invalid value for option '--samples': '99999999999' is not a whole number from"
                        + " -2147483648 to 2147483647\nrun 'dynaseed apply --help' for the options\n");
    }
}
