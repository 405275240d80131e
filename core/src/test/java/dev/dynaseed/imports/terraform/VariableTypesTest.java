package dev.dynaseed.imports.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.TableClassSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A variable's value is converted to its declared type first, as Terraform does: optional() defaults, sets. */
class VariableTypesTest {
    @TempDir
    Path dir;

    private static ImportOptions vars(Map<String, String> vars) {
        ImportOptions defaults = ImportOptions.defaults();
        return new ImportOptions(
                defaults.parameters(),
                defaults.stackName(),
                defaults.region(),
                defaults.accountId(),
                defaults.stage(),
                vars,
                List.of());
    }

    private List<String> problems(Path file, ImportOptions options) {
        try {
            new TerraformImporter().read(file, options);
        } catch (ImportException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected problems importing " + file);
    }

    @Test
    void optionalObjectAttributes_getTheirDefaults_andOptionalWithoutDefaultIsNull() throws IOException {
        Path file = Files.writeString(dir.resolve("main.tf"), """
                variable "table" {
                  type = object({
                    name  = string
                    class = optional(string, "STANDARD_INFREQUENT_ACCESS")
                    read  = optional(number, 3)
                    kms   = optional(string)
                  })
                  default = { name = "opt-table" }
                }
                resource "aws_dynamodb_table" "t" {
                  name           = var.table.name
                  read_capacity  = var.table.read
                  write_capacity = var.table.read
                  hash_key       = "id"
                  table_class    = var.table.class
                  attribute {
                    name = "id"
                    type = "S"
                  }
                  server_side_encryption {
                    enabled     = true
                    kms_key_arn = var.table.kms
                  }
                }
                """);

        ImportedTable table =
                new TerraformImporter().read(file, ImportOptions.defaults()).get(0);

        assertThat(table.table().name()).isEqualTo("opt-table");
        assertThat(table.table().billing()).isEqualTo(new BillingSpec.Provisioned(3, 3));
        assertThat(table.table().features().tableClass()).contains(TableClassSpec.STANDARD_INFREQUENT_ACCESS);
    }

    @Test
    void setTypedVariable_dropsRepeatedElements_andForEachTakesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("main.tf"), """
                variable "names" {
                  type    = set(string)
                  default = ["b1x", "a1x", "a1x"]
                }
                resource "aws_dynamodb_table" "t" {
                  for_each     = var.names
                  name         = each.key
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                """);

        assertThat(new TerraformImporter().read(file, ImportOptions.defaults()))
                .extracting(ImportedTable::origin)
                .containsExactly("aws_dynamodb_table.t[\"a1x\"]", "aws_dynamodb_table.t[\"b1x\"]");
    }

    @Test
    void missingRequiredObjectAttribute_isNamed_atTheVariable() throws IOException {
        Path file = Files.writeString(dir.resolve("main.tf"), """
                variable "table" {
                  type = object({
                    name = string
                  })
                  default = { other = "x" }
                }
                resource "aws_dynamodb_table" "t" {
                  name         = var.table.name
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                """);

        assertThat(problems(file, ImportOptions.defaults()))
                .containsExactly(file + ":1:1: var.table is not a value of its type: attribute \"name\" is required;"
                        + " give it in the value, or declare it optional(...) in the type");
    }

    @Test
    void aVarThatIsNotHclForAListVariable_saysTheTypeAndHowToWriteIt() throws IOException {
        Path file = Files.writeString(dir.resolve("main.tf"), """
                variable "names" {
                  type = list(string)
                }
                resource "aws_dynamodb_table" "t" {
                  name         = var.names[0]
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                """);

        assertThat(problems(file, vars(Map.of("names", "aaa"))))
                .containsExactly("var.names: --var names=aaa is not a list(string); write the value in HCL syntax,"
                        + " e.g. --var 'names=[\"aaa\"]'");
    }
}
