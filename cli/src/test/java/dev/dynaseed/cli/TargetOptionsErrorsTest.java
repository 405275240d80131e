package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target options that cannot work are reported before any request, in one line; passwords are never printed. */
class TargetOptionsErrorsTest {
    @TempDir
    Path dir;

    @Test
    void profile_thatIsInNeitherAwsFile_isReportedNamingBothFiles() throws IOException {
        Path config = Files.writeString(dir.resolve("config"), "[profile dev]\nregion = eu-west-1\n");
        Path credentials = Files.writeString(dir.resolve("credentials"), "[other]\n");
        String oldConfig = System.setProperty("aws.configFile", config.toString());
        String oldCredentials = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try {
            Cli.Result result = Cli.run("tables", "--profile", "nosuchprofile");

            assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(result.err())
                    .isEqualTo("error: profile 'nosuchprofile' is not in " + config + " nor in " + credentials
                            + "; create it with 'aws configure --profile nosuchprofile', or pick an existing one with"
                            + " --profile\n");
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

    @Test
    void region_thatDoesNotExist_isReportedBeforeAnyRequest() {
        Cli.Result result = Cli.run("tables", "--region", "nowhere-1");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .startsWith("error: region 'nowhere-1' is not an AWS region; use one such as us-east-1")
                .doesNotContain("unexpected");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void plan_neverPrintsThePasswordOfTheEndpointUrl_inTextOrJson() throws IOException {
        int port = Dynalite.target().port();
        String url = "http://admin:secret@127.0.0.1:" + port;

        Cli.Result text = Cli.run("plan", "--endpoint-url", url);
        Cli.Result json = Cli.run("plan", "--endpoint-url", url, "-o", "json");

        assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCode.PLAN_CHANGES);
        assertThat(text.out())
                .contains("on endpoint http://127.0.0.1:" + port + ":")
                .doesNotContain("secret");
        assertThat(json.exitCode()).as(json.err()).isEqualTo(ExitCode.PLAN_CHANGES);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("target").asText()).isEqualTo("endpoint http://127.0.0.1:" + port);
        assertThat(json.out()).doesNotContain("secret").doesNotContain("admin");
    }

    @Test
    void errors_neverPrintThePasswordOfTheEndpointUrl() {
        String url = "http://admin:secret@127.0.0.1:" + Dynalite.freePort();

        Cli.Result result = Cli.run("tables", "--endpoint-url", url, "-o", "json", "--verbose");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).contains("on endpoint http://127.0.0.1:").doesNotContain("secret");
        assertThat(result.out()).doesNotContain("secret");
    }

    @Test
    void malformedEndpointUrl_isEchoedWithoutItsPassword() {
        Cli.Result noHost = Cli.run("tables", "--endpoint-url", "http://admin:secret@");
        Cli.Result noScheme = Cli.run("tables", "--endpoint-url", "admin:secret@127.0.0.1:8000");

        assertThat(noHost.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(noHost.err()).contains("--endpoint-url: 'http://' is not").doesNotContain("secret");
        assertThat(noScheme.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(noScheme.err())
                .contains("--endpoint-url: '127.0.0.1:8000' is not")
                .doesNotContain("secret");
    }

    /** Runs {@code args} with the AWS files pointed at {@code config} and an empty credentials file. */
    private Cli.Result withAwsFiles(Path config, String... args) throws IOException {
        Path credentials = Files.writeString(dir.resolve("credentials"), "");
        String oldConfig = System.setProperty("aws.configFile", config.toString());
        String oldCredentials = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try {
            return Cli.run(args);
        } finally {
            restore("aws.configFile", oldConfig);
            restore("aws.sharedCredentialsFile", oldCredentials);
        }
    }

    @Test
    void regionSetInTheProfile_thatDoesNotExist_isReportedNamingTheProfileAndFile() throws IOException {
        Path config = Files.writeString(
                dir.resolve("config"),
                "[profile p1]\nregion = nowhere-1\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = x\n");

        Cli.Result result = withAwsFiles(config, "tables", "--profile", "p1");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .isEqualTo("error: region 'nowhere-1' is not an AWS region (it is set in profile 'p1' in " + config
                        + "); fix it there or give one with --region, e.g. --region us-east-1\n");
    }

    @Test
    void profileWithoutCredentials_isReportedInOneLine_withoutTheSdkDump() throws IOException {
        Path config = Files.writeString(dir.resolve("config"), "[profile p1]\nregion = eu-west-1\n");

        Cli.Result result = withAwsFiles(config, "tables", "--profile", "p1");

        assertThat(result.err())
                .isEqualTo("error: profile 'p1' in " + config + " has no credentials; add aws_access_key_id and"
                        + " aws_secret_access_key to [p1] in " + dir.resolve("credentials")
                        + " or use 'aws configure --profile p1'\n");
        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void malformedAwsConfig_isReportedNamingTheFileAndLine() throws IOException {
        Path config = Files.writeString(
                dir.resolve("config"), "[default]\nregion = eu-west-1\n\n# more\n[profile p3\nregion = eu-west-1\n");

        Cli.Result result = withAwsFiles(config, "tables", "--profile", "p3");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .isEqualTo("error: " + config + " line 5: profile definition must end with ']'; fix that line (a"
                        + " section reads e.g. [profile dev], a setting e.g. region = us-east-1), or point"
                        + " AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE at another file\n");
    }

    @Test
    void binaryAwsConfig_isReportedInOneLineNamingTheFile() throws IOException {
        Path config = Files.write(dir.resolve("config"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n', 'x'});

        Cli.Result result = withAwsFiles(config, "tables", "--profile", "p3");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .isEqualTo("error: " + config + " line 1: expected a profile definition; fix that line (a section"
                        + " reads e.g. [profile dev], a setting e.g. region = us-east-1), or point AWS_CONFIG_FILE /"
                        + " AWS_SHARED_CREDENTIALS_FILE at another file\n");
    }

    @Test
    void endpointUrl_withAPortOutOfRange_isInvalidInput_withAnExample() {
        Cli.Result tables = Cli.run("tables", "--endpoint-url", "http://127.0.0.1:99999");
        Cli.Result invoke = Cli.run("invoke-local", "--endpoint-url", "http://127.0.0.1:99999");

        for (Cli.Result result : List.of(tables, invoke)) {
            assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(result.err().lines().findFirst())
                    .contains("error: --endpoint-url: port 99999 in 'http://127.0.0.1:99999' is not between 1 and"
                            + " 65535; use e.g. --endpoint-url http://127.0.0.1:8000");
        }
    }
}
