package dev.dynaseed.imports.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.spec.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems name the real cause and its fix, and one mistake gives one problem. */
class ProblemMessagesTest {
    @TempDir
    Path dir;

    private List<String> problems(Path file) {
        try {
            new TerraformImporter().read(file, ImportOptions.defaults());
        } catch (ImportException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected problems importing " + file);
    }

    @Test
    void aVariableDeclaredInASiblingFile_saysToImportTheFolder() throws IOException {
        Files.writeString(dir.resolve("variables.tf"), "variable \"env\" {\n  default = \"dev\"\n}\n");
        Path main = Files.writeString(dir.resolve("main.tf"), """
                resource "aws_dynamodb_table" "t" {
                  name         = "t-${var.env}"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                """);

        assertThat(problems(main))
                .containsExactly(main + ":2:1: aws_dynamodb_table.t.name: refers to var.env, which "
                        + dir.resolve("variables.tf").toAbsolutePath() + " beside this file declares: Terraform reads"
                        + " a folder's .tf files as one configuration, so give the folder, e.g. --from "
                        + dir.toAbsolutePath());
    }

    @Test
    void aBadAttributeType_isOneProblem_withNoFollowOnUnmatchedIndex() throws IOException {
        Path main = Files.writeString(dir.resolve("main.tf"), """
                resource "aws_dynamodb_table" "t" {
                  name         = "t"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "s"
                  }
                }
                """);

        assertThat(problems(main))
                .containsExactly(main + ":7:1: aws_dynamodb_table.t.attribute[0].type: expected type to be one of"
                        + " [S N B], got s");
    }
}
