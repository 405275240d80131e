package dev.dynaseed.imports.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS provider's resources that set something on a table from outside its block are applied to the imported
 * table where a spec holds the setting, and named in a warning or a problem otherwise; never dropped silently.
 */
class StandaloneResourcesTest {
    private static final String TABLE = """
            resource "aws_dynamodb_table" "t" {
              name         = "tagged"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              attribute {
                name = "id"
                type = "S"
              }
              tags = {
                Team  = "orders"
                Owner = "nobody"
              }
            }
            """;

    private final List<String> warnings = new ArrayList<>();
    private final TerraformImporter importer = new TerraformImporter(warnings::add);

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
    void tagContributorInsightsAndResourcePolicy_areAppliedToTheTableTheyReference() throws IOException {
        Path file = write(TABLE + """
                resource "aws_dynamodb_tag" "owner" {
                  resource_arn = aws_dynamodb_table.t.arn
                  key          = "Owner"
                  value        = "team-a"
                }
                resource "aws_dynamodb_tag" "more" {
                  for_each     = { cost = "c1", env = "dev" }
                  resource_arn = aws_dynamodb_table.t.arn
                  key          = each.key
                  value        = each.value
                }
                resource "aws_dynamodb_contributor_insights" "ci" {
                  table_name = aws_dynamodb_table.t.name
                }
                resource "aws_dynamodb_resource_policy" "rp" {
                  resource_arn = aws_dynamodb_table.t.arn
                  policy       = <<-EOT
                    {
                      "Version": "2012-10-17",
                      "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                                     "Action": "dynamodb:GetItem", "Resource": "*"}]
                    }
                  EOT
                }
                """);

        List<ImportedTable> tables = importer.read(file, ImportOptions.defaults());

        TableSpec table = tables.get(0).table();
        assertThat(table.tags())
                .containsExactly(
                        Map.entry("Team", "orders"),
                        Map.entry("Owner", "team-a"),
                        Map.entry("cost", "c1"),
                        Map.entry("env", "dev"));
        assertThat(table.features().contributorInsights()).contains(true);
        assertThat(table.features().resourcePolicy())
                .contains("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                        + "\"arn:aws:iam::111122223333:root\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}");
        assertThat(warnings).isEmpty();
    }

    @Test
    void standaloneResources_findTheirTable_byCountIndexOrLiteralNameOrArn() throws IOException {
        Path file = write("""
                resource "aws_dynamodb_table" "shard" {
                  count        = 2
                  name         = "shard-${count.index}"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                resource "aws_dynamodb_tag" "each" {
                  count        = 2
                  resource_arn = aws_dynamodb_table.shard[count.index].arn
                  key          = "shard"
                  value        = "n${count.index}"
                }
                resource "aws_dynamodb_contributor_insights" "by_name" {
                  table_name = "shard-1"
                }
                resource "aws_dynamodb_tag" "by_arn" {
                  resource_arn = "arn:aws:dynamodb:eu-west-1:111122223333:table/shard-0"
                  key          = "by"
                  value        = "arn"
                }
                resource "aws_dynamodb_tag" "elsewhere" {
                  resource_arn = "arn:aws:dynamodb:eu-west-1:111122223333:table/not-imported"
                  key          = "ignored"
                  value        = "yes"
                }
                """);

        List<ImportedTable> tables = importer.read(file, ImportOptions.defaults());

        assertThat(tables.get(0).table().tags()).containsExactly(Map.entry("shard", "n0"), Map.entry("by", "arn"));
        assertThat(tables.get(0).table().features().contributorInsights()).isEmpty();
        assertThat(tables.get(1).table().tags()).containsExactly(Map.entry("shard", "n1"));
        assertThat(tables.get(1).table().features().contributorInsights()).contains(true);
    }

    @Test
    void settingsASpecCannotHold_areNamedInAWarning() throws IOException {
        Path file = write(TABLE + """
                resource "aws_dynamodb_kinesis_streaming_destination" "k" {
                  stream_arn = "arn:aws:kinesis:eu-west-1:111122223333:stream/changes"
                  table_name = aws_dynamodb_table.t.name
                }
                resource "aws_dynamodb_table_replica" "r" {
                  global_table_arn = aws_dynamodb_table.t.arn
                }
                resource "aws_dynamodb_contributor_insights" "index" {
                  table_name = aws_dynamodb_table.t.name
                  index_name = "by-status"
                }
                resource "aws_dynamodb_resource_policy" "stream" {
                  resource_arn = aws_dynamodb_table.t.stream_arn
                  policy       = "{}"
                }
                resource "aws_dynamodb_table_item" "item" {
                  table_name = aws_dynamodb_table.t.name
                  hash_key   = "id"
                  item       = "{\\"id\\": {\\"S\\": \\"1\\"}}"
                }
                """);

        importer.read(file, ImportOptions.defaults());

        assertThat(warnings)
                .containsExactly(
                        file + ":14: aws_dynamodb_kinesis_streaming_destination.k: streams the changes of"
                                + " aws_dynamodb_table.t to a Kinesis data stream; not imported (it does not change"
                                + " the table, and a spec has no Kinesis destination)",
                        file + ":18: aws_dynamodb_table_replica.r: adds a replica of aws_dynamodb_table.t in another"
                                + " Region; dynaseed provisions one Region: not imported",
                        file + ":21: aws_dynamodb_contributor_insights.index: turns on contributor insights for the"
                                + " index by-status of aws_dynamodb_table.t; a spec has contributor insights for whole"
                                + " tables only: not imported",
                        file + ":25: aws_dynamodb_resource_policy.stream: sets the resource policy of the stream of"
                                + " aws_dynamodb_table.t; a spec holds the table's policy only: not imported",
                        file + ":29: aws_dynamodb_table_item.item: writes an item into aws_dynamodb_table.t; not"
                                + " imported: after dynaseed init, add the item to the table's seed (seed.items)");
    }

    @Test
    void anIndexAddedFromOutsideTheTable_orTwoResourcesSettingOneTag_areRefused() throws IOException {
        Path file = write(TABLE + """
                resource "aws_dynamodb_global_secondary_index" "g" {
                  table_name      = aws_dynamodb_table.t.name
                  index_name      = "by-status"
                  projection_type = "ALL"
                }
                resource "aws_dynamodb_tag" "a" {
                  resource_arn = aws_dynamodb_table.t.arn
                  key          = "Owner"
                  value        = "a"
                }
                resource "aws_dynamodb_tag" "b" {
                  resource_arn = aws_dynamodb_table.t.arn
                  key          = "Owner"
                  value        = "b"
                }
                resource "aws_dynamodb_contributor_insights" "typo" {
                  table_name = aws_dynamodb_table.missing.name
                }
                """);

        assertThat(problems(file))
                .containsExactly(
                        file + ":14:1: aws_dynamodb_global_secondary_index.g: adds a global secondary index to"
                                + " aws_dynamodb_table.t, and dynaseed does not read"
                                + " aws_dynamodb_global_secondary_index (experimental in the AWS provider): write the"
                                + " index as a global_secondary_index block of aws_dynamodb_table.t",
                        file + ":26:1: aws_dynamodb_tag.b.key: sets the tag Owner of aws_dynamodb_table.t, as"
                                + " aws_dynamodb_tag.a does; Terraform applies the two in no fixed order: keep one",
                        file + ":30:1: aws_dynamodb_contributor_insights.typo.table_name: Reference to undeclared"
                                + " resource: no aws_dynamodb_table \"missing\" is declared; declare it, or name one"
                                + " that is");
    }

    @Test
    void aPolicyKnownOnlyToTerraform_isNamedInAWarning_andTheTableStillImports() throws IOException {
        Path file = write(TABLE + """
                resource "aws_dynamodb_resource_policy" "rp" {
                  resource_arn = aws_dynamodb_table.t.arn
                  policy       = data.aws_iam_policy_document.p.json
                }
                """);

        List<ImportedTable> tables = importer.read(file, ImportOptions.defaults());

        assertThat(tables.get(0).table().features().resourcePolicy()).isEmpty();
        assertThat(warnings)
                .containsExactly(file + ":14: aws_dynamodb_resource_policy.rp: policy refers to"
                        + " data.aws_iam_policy_document.p.json, which Terraform knows only while planning or after"
                        + " apply; dynaseed resolves var., local., count.index and each. only: write the value itself"
                        + " there; so what aws_dynamodb_resource_policy.rp sets is not imported: write it into the"
                        + " table in the spec after dynaseed init");
    }

    @Test
    void aPolicyWrittenWithJsonencode_isImported_asTerraformEncodesIt() throws IOException {
        Path file = write(TABLE + """
                resource "aws_dynamodb_resource_policy" "rp" {
                  resource_arn = aws_dynamodb_table.t.arn
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{
                      Effect    = "Allow"
                      Principal = { AWS = "arn:aws:iam::111122223333:root" }
                      Action    = ["dynamodb:GetItem"]
                      Resource  = "*"
                    }]
                  })
                }
                resource "aws_dynamodb_tag" "json" {
                  resource_arn = aws_dynamodb_table.t.arn
                  key          = "json"
                  value        = jsonencode({ b = "<&>", a = [1.50, true] })
                }
                """);

        TableSpec table = importer.read(file, ImportOptions.defaults()).get(0).table();

        assertThat(table.features().resourcePolicy())
                .contains(
                        "{\"Statement\":[{\"Action\":[\"dynamodb:GetItem\"],\"Effect\":\"Allow\",\"Principal\":"
                                + "{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Resource\":\"*\"}],\"Version\":\"2012-10-17\"}");
        assertThat(table.tags()).containsEntry("json", "{\"a\":[1.5,true],\"b\":\"\\u003c\\u0026\\u003e\"}");
    }

    @Test
    void aReferenceWithoutTheInstanceKeyOfACountedTable_isRefused_asTerraformRefusesIt() throws IOException {
        Path file = write("""
                resource "aws_dynamodb_table" "shard" {
                  count        = 2
                  name         = "shard-${count.index}"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                resource "aws_dynamodb_contributor_insights" "ci" {
                  table_name = aws_dynamodb_table.shard.name
                }
                """);

        assertThat(problems(file))
                .containsExactly(file + ":12:1: aws_dynamodb_contributor_insights.ci.table_name: Missing resource"
                        + " instance key: aws_dynamodb_table.shard has count or for_each, so name one instance, e.g."
                        + " aws_dynamodb_table.shard[count.index].name (with count) or"
                        + " aws_dynamodb_table.shard[each.key] (with for_each)");
    }
}
