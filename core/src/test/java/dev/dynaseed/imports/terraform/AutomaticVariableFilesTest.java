package dev.dynaseed.imports.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform loads terraform.tfvars(.json) and *.auto.tfvars(.json) beside the configuration; so does the import. */
class AutomaticVariableFilesTest {
    @TempDir
    Path dir;

    @Test
    void jsonVariableFiles_areLoadedAutomatically_likeTheirHclForms() throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                variable "env" {
                  default = "dev"
                }
                variable "cls" {
                  default = "STANDARD"
                }
                resource "aws_dynamodb_table" "t" {
                  name         = "t-${var.env}"
                  table_class  = var.cls
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                """);
        Files.writeString(dir.resolve("terraform.tfvars.json"), "{\"env\": \"fromjson\"}");
        Files.writeString(dir.resolve("x.auto.tfvars.json"), "{\"cls\": \"STANDARD_INFREQUENT_ACCESS\"}");

        TableSpec table = new TerraformImporter()
                .read(dir, ImportOptions.defaults())
                .get(0)
                .table();

        assertThat(table.name()).isEqualTo("t-fromjson");
        assertThat(table.features().tableClass()).contains(TableClassSpec.STANDARD_INFREQUENT_ACCESS);
    }
}
