package dev.dynaseed.imports.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.spec.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform's \\uNNNN and \\UNNNNNNNN escapes in quoted strings are read as the characters they stand for. */
class UnicodeEscapesTest {
    @TempDir
    Path dir;

    private Path write(String tags) throws IOException {
        return Files.writeString(dir.resolve("main.tf"), """
                resource "aws_dynamodb_table" "t" {
                  name         = "str-edge"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                  tags = {
                %s  }
                }
                """.formatted(tags));
    }

    @Test
    void unicodeEscapes_areTheCharactersTheyStandFor() throws IOException {
        Path file = write("""
                    uni   = "caf\\u00e9"
                    emoji = "x\\U0001F600"
                    quote = "say \\u0022hi\\u0022 \\u005c"
                    both  = "${lower("\\u00C9T\\u00C9")}"
                """);

        Map<String, String> tags = new TerraformImporter()
                .read(file, ImportOptions.defaults())
                .get(0)
                .table()
                .tags();

        assertThat(tags)
                .containsExactly(
                        Map.entry("uni", "café"),
                        Map.entry("emoji", "x\uD83D\uDE00"),
                        Map.entry("quote", "say \"hi\" \\"),
                        Map.entry("both", "été"));
    }

    @Test
    void aBrokenUnicodeEscape_isOneProblemAtItsLine_notAGuessAboutTheFormat() throws IOException {
        Path file = write("    bad = \"caf\\u00g9\"\n");

        List<String> problems;
        try {
            new TerraformImporter().read(file, ImportOptions.defaults());
            throw new AssertionError("expected a problem");
        } catch (ImportException e) {
            problems = e.problems().stream().map(Problem::toString).toList();
        }

        assertThat(problems)
                .containsExactly(file + ":10:1: the escape \\u00g9 needs 4 hexadecimal digits, such as \\u00e9 or"
                        + " \\U0001F600");
    }
}
