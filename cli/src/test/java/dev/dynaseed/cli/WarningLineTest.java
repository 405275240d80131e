package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warning logged inside core reaches the user as the CLI's own "warning: ..." line, without Java names. */
class WarningLineTest {
    private static final String TEMPLATE = """
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - {AttributeName: id, AttributeType: S}
                    - {AttributeName: status, AttributeType: S}
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  GlobalSecondaryIndexes:
                    - IndexName: by_status
                      KeySchema: [{AttributeName: status, KeyType: HASH}]
                      Projection: {ProjectionType: ALL}
                      ContributorInsightsSpecification: {Enabled: true}
            """;

    @TempDir
    Path dir;

    @Test
    void aWarningFromCore_isOneWarningLine_withoutThreadOrClassNames() throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process child = ChildCli.start(
                dir,
                out,
                err,
                "init",
                "--from",
                template.toString(),
                "-f",
                dir.resolve("spec.yaml").toString());
        try {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("init ended").isTrue();
        } finally {
            child.destroyForcibly();
        }

        String stderr = Files.readString(err);
        assertThat(child.exitValue()).as(stderr + Files.readString(out)).isZero();
        assertThat(stderr.lines())
                .contains("warning: Resources.Orders.Properties.GlobalSecondaryIndexes[0]: an index's"
                        + " ContributorInsightsSpecification is not imported");
        assertThat(stderr).doesNotContain("WARN").doesNotContain("dev.dynaseed").doesNotContain("[main]");
    }
}
