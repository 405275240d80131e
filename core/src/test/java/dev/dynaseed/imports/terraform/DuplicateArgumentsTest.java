package dev.dynaseed.imports.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.spec.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An argument set twice in one body is refused as HCL refuses it ("Attribute redefined"); a key written twice in an
 * object literal, which Terraform accepts keeping the last value, keeps the last value here too, with a warning.
 */
class DuplicateArgumentsTest {
    private final List<String> warnings = new ArrayList<>();
    private final TerraformImporter importer = new TerraformImporter(warnings::add);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private List<String> problems(Path file, ImportOptions options) {
        try {
            importer.read(file, options);
        } catch (ImportException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected problems importing " + file);
    }

    @Test
    void argumentSetTwice_isRefused_namingBothLines_inEveryBody() throws IOException {
        Path file = write("main.tf", """
                resource "aws_dynamodb_table" "t" {
                  name         = "dups"
                  name         = "dups2"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "S"
                    type = "N"
                  }
                }
                """);

        assertThat(problems(file, ImportOptions.defaults()))
                .containsExactly(
                        file + ":3:1: aws_dynamodb_table.t.name: Attribute redefined: the argument \"name\" was"
                                + " already set at " + file + ":2. Each argument may be set only once; remove one of"
                                + " them",
                        file + ":9:1: aws_dynamodb_table.t.attribute.type: Attribute redefined: the argument"
                                + " \"type\" was already set at " + file + ":8. Each argument may be set only once;"
                                + " remove one of them");
    }

    @Test
    void argumentSetTwice_inAVariableFile_isRefused() throws IOException {
        write("main.tf", """
                variable "env" {
                  default = "test"
                }
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
        Path vars = write("terraform.tfvars", "env = \"dev\"\nenv = \"prod\"\n");

        assertThat(problems(dir, ImportOptions.defaults()))
                .containsExactly(vars + ":2:1: env: Attribute redefined: the argument \"env\" was already set at "
                        + vars + ":1. Each argument may be set only once; remove one of them");
    }

    @Test
    void objectKeyWrittenTwice_keepsTheLastValueAsTerraformDoes_withAWarningNamingBothLines() throws IOException {
        Path file = write("main.tf", """
                resource "aws_dynamodb_table" "t" {
                  name         = "dups"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                  tags = {
                    a = "1"
                    a = "2"
                  }
                }
                """);

        List<ImportedTable> tables = importer.read(file, ImportOptions.defaults());

        assertThat(tables.get(0).table().tags()).containsExactly(Map.entry("a", "2"));
        assertThat(warnings)
                .containsExactly(file + ":11: aws_dynamodb_table.t.tags.a: the key \"a\" is also set at " + file
                        + ":10; Terraform keeps the last value without a word, and so does dynaseed: remove one of"
                        + " them");
    }
}
