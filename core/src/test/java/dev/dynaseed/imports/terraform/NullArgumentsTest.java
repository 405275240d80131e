package dev.dynaseed.imports.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A null reaching an argument through a variable means the argument is left out, as Terraform defines null. */
class NullArgumentsTest {
    private final TerraformImporter importer = new TerraformImporter();

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("main.tf"), text);
    }

    private List<String> problems(Path file) {
        try {
            importer.read(file, ImportOptions.defaults());
        } catch (ImportException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected problems importing " + file);
    }

    @Test
    void nullVariableDefault_leavesTheArgumentOut_likeALiteralNull() throws IOException {
        Path file = write("""
                variable "cls" {
                  type    = string
                  default = null
                }
                variable "kms" {
                  type    = string
                  default = null
                }
                locals {
                  cls = var.cls
                }
                resource "aws_dynamodb_table" "t" {
                  name           = "nulls"
                  read_capacity  = 5
                  write_capacity = 5
                  hash_key       = "id"
                  table_class    = local.cls
                  attribute {
                    name = "id"
                    type = "S"
                  }
                  server_side_encryption {
                    enabled     = true
                    kms_key_arn = var.kms
                  }
                  point_in_time_recovery {
                    enabled                 = true
                    recovery_period_in_days = null
                  }
                }
                """);

        List<ImportedTable> tables = importer.read(file, ImportOptions.defaults());

        TableSpec table = tables.get(0).table();
        assertThat(table.features().tableClass()).isEmpty();
        assertThat(table.features().encryption())
                .contains(new EncryptionSpec(EncryptionSpec.Type.AWS_MANAGED, Optional.empty()));
        assertThat(table.features().pointInTimeRecovery().get().recoveryPeriodDays())
                .isEmpty();
    }

    @Test
    void nullInARequiredArgument_isOneLineNamingFileLineArgumentAndFix() throws IOException {
        Path file = write("""
                variable "table_name" {
                  type    = string
                  default = null
                }
                resource "aws_dynamodb_table" "t" {
                  name         = var.table_name
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = null
                  }
                }
                """);

        assertThat(problems(file))
                .containsExactlyInAnyOrder(
                        file + ":6:1: aws_dynamodb_table.t.name: is null (var.table_name is null), which Terraform"
                                + " treats as not set, but it is required; give var.table_name a value (e.g. --var"
                                + " table_name=VALUE) or set it, e.g. name = \"users\"",
                        file + ":11:1: aws_dynamodb_table.t.attribute[0].type: is null, which Terraform treats as"
                                + " not set, but it is required; set it, S, N or B");
    }

    @Test
    void nullCapacities_underProvisionedBilling_areMissing() throws IOException {
        Path file = write("""
                variable "rcu" {
                  default = null
                }
                resource "aws_dynamodb_table" "t" {
                  name           = "caps"
                  hash_key       = "id"
                  read_capacity  = var.rcu
                  write_capacity = 5
                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                """);

        assertThat(problems(file))
                .singleElement()
                .asString()
                .startsWith(file + ":4:1: aws_dynamodb_table.t.read_capacity: missing; billing_mode is PROVISIONED");
    }

    @Test
    void indexingANullVariable_saysItIsNull() throws IOException {
        Path file = write("""
                variable "names" {
                  type    = map(string)
                  default = null
                }
                resource "aws_dynamodb_table" "t" {
                  name         = var.names["orders"]
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                """);

        assertThat(problems(file))
                .containsExactly(file + ":6:1: aws_dynamodb_table.t.name: var.names[...]: var.names is null, so it"
                        + " has no index or attribute to take; give it a value");
    }
}
