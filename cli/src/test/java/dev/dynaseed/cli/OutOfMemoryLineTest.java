package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input that builds far more than a small heap holds (one long scalar joined through thousands of YAML aliases)
 * ends in one error line, never the JVM's OutOfMemoryError trace or a "stopped" line for a command nobody stopped.
 */
class OutOfMemoryLineTest {
    @TempDir
    Path dir;

    @Test
    void anInputThatExhaustsTheHeap_endsInOneErrorLine_withoutAStackTrace() throws Exception {
        StringBuilder template = new StringBuilder();
        template.append("Metadata:\n  big: &b \"").append("x".repeat(200_000)).append("\"\n");
        template.append("""
                Resources:
                  A:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: bomb
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      Tags:
                        - Key: k
                          Value: !Join ['', [""");
        for (int i = 0; i < 3_000; i++) {
            template.append(i == 0 ? "*b" : ", *b");
        }
        template.append("]]\n");
        Path file = Files.writeString(dir.resolve("template.yaml"), template);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");

        Process child = ChildCli.start(
                List.of("-Xmx96m"),
                dir,
                out,
                err,
                "init",
                "--from",
                file.toString(),
                "--from-kind",
                "cloudformation",
                "-f",
                dir.resolve("spec.yaml").toString());
        try {
            assertThat(child.waitFor(300, TimeUnit.SECONDS)).as("init ended").isTrue();
        } finally {
            child.destroyForcibly();
        }

        String stderr = Files.readString(err);
        assertThat(child.exitValue()).as(stderr).isIn(1, 2);
        assertThat(stderr).startsWith("error: ");
        assertThat(stderr)
                .doesNotContain("Exception in thread")
                .doesNotContain("\tat ")
                .doesNotContain("stopped:");
    }
}
