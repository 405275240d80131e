package dev.dynaseed.imports.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.spec.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Locals that multiply a big string or list are refused with a problem, never built until memory runs out. */
class StringBombTest {
    @TempDir
    Path dir;

    private static final String TABLE = """
            resource "aws_dynamodb_table" "t" {
              name         = "bomb"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              attribute {
                name = "id"
                type = "S"
              }
              tags = {
                k = %s
              }
            }
            """;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void templateBuildingAHugeString_isOneProblem_notAnOutOfMemoryError() throws IOException {
        String big = "x".repeat(100_000);
        String refs = "${local.a}".repeat(6_000);
        Path file = Files.writeString(
                dir.resolve("main.tf"),
                "locals {\n  a = \"" + big + "\"\n  b = \"" + refs + "\"\n}\n" + TABLE.formatted("local.b"));

        assertThatThrownBy(() -> new TerraformImporter().read(file, ImportOptions.defaults()))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        file + ":3:1: aws_dynamodb_table.t.tags: this template would build a string"
                                                + " of more than 1,000,000 characters; no table setting holds that much: write the"
                                                + " value itself"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concatDoublingAList_isOneProblem_notAnOutOfMemoryError() throws IOException {
        StringBuilder locals = new StringBuilder("locals {\n  l0 = [\"x\", \"y\"]\n");
        for (int i = 1; i <= 40; i++) {
            locals.append("  l")
                    .append(i)
                    .append(" = concat(local.l")
                    .append(i - 1)
                    .append(", local.l")
                    .append(i - 1)
                    .append(")\n");
        }
        locals.append("}\n");
        Path file = Files.writeString(dir.resolve("main.tf"), locals + TABLE.formatted("local.l40[0]"));

        assertThatThrownBy(() -> new TerraformImporter().read(file, ImportOptions.defaults()))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .singleElement()
                                .asString()
                                .contains("concat() would build a list of more than 100,000 elements"));
    }
}
