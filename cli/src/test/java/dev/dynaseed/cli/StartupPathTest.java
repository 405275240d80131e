package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * What a fresh JVM skips or overlaps to send its first item sooner (the named command's model alone, the client built
 * while the spec is read) changes nothing a user sees: the same output, the same errors, in the same order.
 */
class StartupPathTest {
    @TempDir
    Path dir;

    private static final String[][] OUTPUTS_TO_COMPARE = {
        {"apply", "--help"},
        {"--verbose", "plan", "--help"},
        {"destroy", "--help"},
        {"local", "start", "--help"},
        {"apply", "--bogus"},
        {"apply", "--concurency", "3"},
        {"apply", "--samples", "many"},
        {"plan", "-o", "json", "--endpoint-url", "not a url"},
        {"tables", "extra"},
        {"local"},
    };

    @Test
    void aRunNamingItsCommand_buildsThatCommandAlone() {
        assertThat(Dynaseed.commandLineFor(new String[] {"apply", "-f", "x.yaml"})
                        .getSubcommands()
                        .keySet())
                .containsExactly("apply");
        assertThat(Dynaseed.commandLineFor(new String[] {"--verbose", "plan"})
                        .getSubcommands()
                        .keySet())
                .containsExactly("plan");
    }

    @Test
    void noCommand_help_aMistypedCommand_orAnArgumentFile_buildTheWholeTree() {
        List<String[]> whole = List.of(
                new String[] {},
                new String[] {"--help"},
                new String[] {"-V"},
                new String[] {"--verbose"},
                new String[] {"help", "apply"},
                new String[] {"aply"},
                new String[] {"@args.txt"});
        for (String[] args : whole) {
            assertThat(Dynaseed.commandLineFor(args).getSubcommands().keySet())
                    .as(Arrays.toString(args))
                    .containsExactlyElementsOf(Dynaseed.COMMANDS.keySet());
        }
    }

    @Test
    void everyCommand_isListedUnderTheNameItsAnnotationGives_withoutAliases() {
        Dynaseed.COMMANDS.forEach((name, type) -> {
            Command command = type.getAnnotation(Command.class);
            assertThat(command.name()).isEqualTo(name);
            assertThat(command.aliases()).isEmpty();
        });
    }

    @Test
    void theOneCommandTree_printsExactlyWhatTheWholeTreePrints() {
        for (String[] args : OUTPUTS_TO_COMPARE) {
            assertThat(run(Dynaseed.commandLineFor(args), args))
                    .as(Arrays.toString(args))
                    .isEqualTo(run(Dynaseed.commandLine(), args));
        }
    }

    @Test
    void theRootsHelp_stillListsEveryCommand() {
        String help = run(Dynaseed.commandLineFor(new String[] {"--help"}), new String[] {"--help"});
        for (String name : Dynaseed.COMMANDS.keySet()) {
            assertThat(help).contains("  " + name + " ");
        }
    }

    @Test
    void anInvalidSpec_isReportedBeforeContradictoryTargetOptions_asBefore() throws IOException {
        Path spec = Files.writeString(dir.resolve("bad.yaml"), "version: 1\ntables: 5\n");

        Cli.Result result =
                Cli.run("apply", "-f", spec.toString(), "--endpoint-url", "http://127.0.0.1:9", "--port", "9000");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains("bad.yaml").doesNotContain("--port");
    }

    @Test
    void anInvalidSpec_isReportedBeforeAProfileThatDoesNotExist() throws IOException {
        Path spec = Files.writeString(dir.resolve("bad.yaml"), "version: 1\ntables: 5\n");

        Cli.Result result = withAwsFiles(
                "apply", "-f", spec.toString(), "--endpoint-url", "http://127.0.0.1:9", "--profile", "nosuchprofile");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains("bad.yaml").doesNotContain("nosuchprofile");
    }

    @Test
    void aProfileThatDoesNotExist_isReportedInOneLine_whenTheSpecIsValid() throws IOException {
        Path spec = Files.writeString(
                dir.resolve("ok.yaml"),
                "version: 1\ntables:\n  - name: startup_t\n    partitionKey: {name: id, type: S}\n"
                        + "    seed: {count: 1, attributes: {id: uuid4}}\n");

        Cli.Result result = withAwsFiles(
                "apply", "-f", spec.toString(), "--endpoint-url", "http://127.0.0.1:9", "--profile", "nosuchprofile");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).startsWith("error: profile 'nosuchprofile' is not in ");
        assertThat(result.err().lines()).hasSize(1);
    }

    private Cli.Result withAwsFiles(String... args) throws IOException {
        Path config = Files.writeString(dir.resolve("config"), "[profile dev]\nregion = eu-west-1\n");
        Path credentials = Files.writeString(dir.resolve("credentials"), "[other]\n");
        String oldConfig = System.setProperty("aws.configFile", config.toString());
        String oldCredentials = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try {
            return Cli.runIn(dir, args);
        } finally {
            restore("aws.configFile", oldConfig);
            restore("aws.sharedCredentialsFile", oldCredentials);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private static String run(CommandLine commandLine, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return "exit " + code + "\nout:\n" + out + "err:\n" + err;
    }
}
