package dev.dynaseed.imports.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.imports.TerraformVar;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.EncryptionSpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.OnDemandLimits;
import dev.dynaseed.spec.PointInTimeRecoverySpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecValidator;
import dev.dynaseed.spec.StreamView;
import dev.dynaseed.spec.TableClassSpec;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.spec.WarmThroughputSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TerraformImporterTest {
    private static final String KEY_ONLY = """
              hash_key     = "id"
              billing_mode = "PAY_PER_REQUEST"
              attribute {
                name = "id"
                type = "S"
              }
            """;

    private final TerraformImporter importer = new TerraformImporter();

    @TempDir
    Path dir;

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(TerraformImporterTest.class
                .getResource("/imports/terraform/" + name)
                .toURI());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private List<ImportedTable> read(Path file) {
        return importer.read(file, ImportOptions.defaults());
    }

    private static ImportOptions vars(Map<String, String> vars, List<Path> files) {
        ImportOptions defaults = ImportOptions.defaults();
        return new ImportOptions(
                defaults.parameters(),
                defaults.stackName(),
                defaults.region(),
                defaults.accountId(),
                defaults.stage(),
                vars,
                files);
    }

    private List<String> problems(Path file) {
        return problems(file, ImportOptions.defaults());
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
    void read_mapsEveryArgument_ofTheFixtureFolder() throws Exception {
        List<ImportedTable> tables = read(fixture("full"));

        assertThat(tables)
                .extracting(ImportedTable::origin)
                .containsExactly("aws_dynamodb_table.orders", "aws_dynamodb_table.sessions");
        ImportedTable orders = tables.get(0);
        assertThat(orders.kind()).isEqualTo(SourceKind.TERRAFORM);
        assertThat(orders.location().source()).endsWith("main.tf");
        assertThat(orders.location().line()).isEqualTo(28);
        TableSpec table = orders.table();
        assertThat(table.name()).isEqualTo("staging-shop-orders");
        assertThat(table.partitionKey()).isEqualTo(new KeySpec("customer_id", KeyType.S));
        assertThat(table.sortKey()).contains(new KeySpec("order_id", KeyType.S));
        assertThat(table.billing()).isEqualTo(new BillingSpec.Provisioned(5, 2));
        assertThat(table.tags())
                .containsExactly(
                        Map.entry("ManagedBy", "terraform"), Map.entry("Team", "orders"), Map.entry("Owner", "alice"));
        var features = table.features();
        assertThat(features.globalSecondaryIndexes())
                .containsExactly(
                        new GlobalIndexSpec(
                                "by-status",
                                List.of(new KeySpec("status", KeyType.S)),
                                List.of(new KeySpec("created_at", KeyType.N)),
                                new ProjectionSpec(ProjectionSpec.Type.INCLUDE, List.of("total", "currency")),
                                Optional.of(new CapacitySpec(3, 1)),
                                Optional.empty(),
                                Optional.empty(),
                                false),
                        new GlobalIndexSpec(
                                "by-sku",
                                List.of(new KeySpec("sku", KeyType.B)),
                                List.of(),
                                new ProjectionSpec(ProjectionSpec.Type.KEYS_ONLY, List.of()),
                                Optional.of(new CapacitySpec(1, 1)),
                                Optional.empty(),
                                Optional.empty(),
                                false));
        assertThat(features.localSecondaryIndexes()).singleElement().satisfies(lsi -> {
            assertThat(lsi.name()).isEqualTo("by-created");
            assertThat(lsi.partitionKey()).isEqualTo(new KeySpec("customer_id", KeyType.S));
            assertThat(lsi.sortKey()).isEqualTo(new KeySpec("created_at", KeyType.N));
        });
        assertThat(features.timeToLiveAttribute()).contains("expires_at");
        assertThat(features.stream()).contains(StreamView.NEW_AND_OLD_IMAGES);
        assertThat(features.pointInTimeRecovery()).contains(new PointInTimeRecoverySpec(true, Optional.of(7)));
        assertThat(features.encryption())
                .contains(new EncryptionSpec(
                        EncryptionSpec.Type.CUSTOMER_MANAGED,
                        Optional.of("arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000")));
        assertThat(features.tableClass()).contains(TableClassSpec.STANDARD_INFREQUENT_ACCESS);
        assertThat(features.deletionProtection()).contains(true);
        assertThat(table.seed().count()).isZero();

        TableSpec sessions = tables.get(1).table();
        assertThat(sessions.name()).isEqualTo("staging-sessions");
        assertThat(sessions.billing())
                .isEqualTo(new BillingSpec.PayPerRequest(
                        Optional.of(new OnDemandLimits(Optional.of(100L), Optional.of(50L)))));
        assertThat(sessions.features().warmThroughput())
                .contains(new WarmThroughputSpec(Optional.of(13000L), Optional.of(5000L)));
        assertThat(sessions.features().encryption())
                .contains(new EncryptionSpec(EncryptionSpec.Type.AWS_OWNED, Optional.empty()));
        assertThat(sessions.features().stream()).isEmpty();
    }

    @Test
    void importedTables_passSpecValidation() throws Exception {
        List<TableSpec> tables =
                read(fixture("full")).stream().map(ImportedTable::table).toList();

        assertThat(SpecValidator.validate(new Spec(tables))).isEmpty();
    }

    @Test
    void vars_fromOptionsOverrideVarFilesWhichOverrideDefaults() throws Exception {
        Path extra = write("extra.tfvars", "env = \"qa\"\nread_units = 9\n");

        List<ImportedTable> fromFile = importer.read(fixture("full"), vars(Map.of(), List.of(extra)));
        List<ImportedTable> fromOption =
                importer.read(fixture("full"), vars(Map.of("env", "prod", "owner", "bob"), List.of(extra)));

        assertThat(fromFile.get(0).table().name()).isEqualTo("qa-shop-orders");
        assertThat(fromFile.get(0).table().billing()).isEqualTo(new BillingSpec.Provisioned(9, 2));
        assertThat(fromOption.get(0).table().name()).isEqualTo("prod-shop-orders");
        assertThat(fromOption.get(0).table().tags()).containsEntry("Owner", "bob");
    }

    @Test
    void commandLineVarsAndVarFiles_applyInTheOrderGiven_theLaterWinning() throws Exception {
        Path qa = write("qa.tfvars", "env = \"qa\"\n");
        Path uat = write("uat.tfvars", "env = \"uat\"\n");

        assertThat(nameWith(new TerraformVar.Value("env", "prod"), new TerraformVar.File(qa)))
                .isEqualTo("qa-shop-orders");
        assertThat(nameWith(new TerraformVar.File(qa), new TerraformVar.Value("env", "prod")))
                .isEqualTo("prod-shop-orders");
        assertThat(nameWith(
                        new TerraformVar.File(qa), new TerraformVar.Value("env", "prod"), new TerraformVar.File(uat)))
                .isEqualTo("uat-shop-orders");
        assertThat(nameWith(new TerraformVar.Value("env", "prod"), new TerraformVar.Value("env", "dev")))
                .isEqualTo("dev-shop-orders");
    }

    private String nameWith(TerraformVar... commandLine) throws Exception {
        ImportOptions d = ImportOptions.defaults();
        ImportOptions options = new ImportOptions(
                d.parameters(),
                d.stackName(),
                d.region(),
                d.accountId(),
                d.stage(),
                List.of(commandLine),
                false,
                false);
        return importer.read(fixture("full"), options).get(0).table().name();
    }

    @Test
    void read_usesVariableDefaults_whenNoVarFileSetsThem() throws IOException {
        Path file = write("main.tf", """
                variable "env" {
                  default = "dev"
                }
                resource "aws_dynamodb_table" "users" {
                  name = "${var.env}-users"
                """ + KEY_ONLY + "}\n");

        assertThat(read(file)).extracting(t -> t.table().name()).containsExactly("dev-users");
    }

    @Test
    void read_reportsAVariableWithNoValue_byNameAndLine() throws IOException {
        Path file = write("main.tf", """
                variable "env" {
                  type = string
                }
                resource "aws_dynamodb_table" "users" {
                  name = "${var.env}-users"
                """ + KEY_ONLY + "}\n");

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("main.tf:5:1")
                .contains("aws_dynamodb_table.users.name")
                .contains("var.env has no value: pass --var env=VALUE");
    }

    @Test
    void read_refusesAnUndeclaredVar_asTerraformDoes() throws IOException {
        Path file = write(
                "main.tf", "resource \"aws_dynamodb_table\" \"users\" {\n  name = \"users\"\n" + KEY_ONLY + "}\n");

        assertThat(problems(file, vars(Map.of("nope", "x"), List.of())))
                .singleElement()
                .asString()
                .contains("Value for undeclared variable: --var nope");
    }

    @Test
    void count_expandsToOneTablePerIndex_andForEachToOnePerKey() throws Exception {
        List<ImportedTable> tables = read(fixture("count"));

        assertThat(tables)
                .extracting(ImportedTable::origin)
                .containsExactly(
                        "aws_dynamodb_table.shard[0]",
                        "aws_dynamodb_table.shard[1]",
                        "aws_dynamodb_table.tenant[\"acme\"]",
                        "aws_dynamodb_table.tenant[\"globex\"]");
        assertThat(tables)
                .extracting(t -> t.table().name())
                .containsExactly("events-0", "events-1", "tenant-acme", "tenant-globex");
    }

    @Test
    void count_reportsSameNamedInstances_whenTheNameIgnoresCountIndex() throws IOException {
        Path file = write(
                "main.tf",
                "resource \"aws_dynamodb_table\" \"t\" {\n  count = 2\n  name = \"same\"\n" + KEY_ONLY + "}\n");

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("aws_dynamodb_table.t[1].name")
                .contains("'same' is also the name of aws_dynamodb_table.t[0]")
                .contains("count.index");
    }

    @Test
    void forEach_refusesAList_asTerraformDoes() throws IOException {
        Path file = write(
                "main.tf",
                "resource \"aws_dynamodb_table\" \"t\" {\n  for_each = [\"a\"]\n  name = \"t-${each.key}\"\n" + KEY_ONLY
                        + "}\n");

        assertThat(problems(file)).singleElement().asString().contains("must be a map, or set of strings");
    }

    @Test
    void read_reportsAnUnusedAttribute_withTheProvidersMessage() throws IOException {
        Path file = write("main.tf", """
                resource "aws_dynamodb_table" "users" {
                  name = "users"
                  attribute {
                    name = "email"
                    type = "S"
                  }
                """ + KEY_ONLY + "}\n");

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("main.tf:1:1: aws_dynamodb_table.users.attribute")
                .contains("all attributes must be indexed. Unused attributes: [\"email\"]");
    }

    @Test
    void read_reportsAKeyWithoutAttributeBlock_withTheProvidersMessage() throws IOException {
        Path file = write("main.tf", """
                resource "aws_dynamodb_table" "users" {
                  name      = "users"
                  range_key = "created"
                """ + KEY_ONLY + "}\n");

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("all indexes must match a defined attribute. Unmatched indexes: [\"created\"]");
    }

    @Test
    void billing_defaultsToProvisioned_andThenNeedsCapacities() throws IOException {
        Path file = write("main.tf", """
                resource "aws_dynamodb_table" "users" {
                  name     = "users"
                  hash_key = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                """);

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("aws_dynamodb_table.users.read_capacity")
                .contains("billing_mode is PROVISIONED (the default)");
    }

    @Test
    void provisionedGsi_needsItsOwnCapacities() throws IOException {
        Path file = write("main.tf", """
                resource "aws_dynamodb_table" "users" {
                  name           = "users"
                  hash_key       = "id"
                  read_capacity  = 1
                  write_capacity = 1
                  attribute {
                    name = "id"
                    type = "S"
                  }
                  attribute {
                    name = "email"
                    type = "S"
                  }
                  global_secondary_index {
                    name            = "by-email"
                    hash_key        = "email"
                    projection_type = "ALL"
                  }
                }
                """);

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("main.tf:14:1: aws_dynamodb_table.users.global_secondary_index[0]")
                .contains("read and write capacity should be set when billing mode is PROVISIONED");
    }

    @Test
    void gsi_refusesBothKeySyntaxesAtOnce() throws IOException {
        Path file = write("main.tf", """
                resource "aws_dynamodb_table" "users" {
                  name = "users"
                  attribute {
                    name = "email"
                    type = "S"
                  }
                  global_secondary_index {
                    name            = "by-email"
                    hash_key        = "email"
                    projection_type = "ALL"
                    key_schema {
                      attribute_name = "email"
                      key_type       = "HASH"
                    }
                  }
                """ + KEY_ONLY + "}\n");

        assertThat(problems(file)).singleElement().asString().contains("conflicts with hash_key/range_key");
    }

    @Test
    void ttlAndStreams_areOffWhenDisabled() throws IOException {
        Path file = write("main.tf", """
                resource "aws_dynamodb_table" "users" {
                  name           = "users"
                  stream_enabled = false
                  ttl {
                    attribute_name = "exp"
                    enabled        = false
                  }
                """ + KEY_ONLY + "}\n");

        var features = read(file).get(0).table().features();

        assertThat(features.timeToLiveAttribute()).isEmpty();
        assertThat(features.stream()).isEmpty();
    }

    @Test
    void read_reportsDynamicBlocksAndModuleCalls_asNotSupported_byAddressAndLine() throws IOException {
        Path file = write("main.tf", """
                module "tables" {
                  source = "./modules/tables"
                }
                resource "aws_dynamodb_table" "users" {
                  name = "users"
                  dynamic "attribute" {
                    for_each = ["a"]
                    content {
                      name = attribute.value
                      type = "S"
                    }
                  }
                """ + KEY_ONLY + "}\n");

        assertThat(problems(file))
                .anySatisfy(p -> assertThat(p)
                        .contains("main.tf:1:1: module.tables")
                        .contains("module calls are not supported")
                        .contains("./modules/tables"))
                .anySatisfy(p -> assertThat(p)
                        .contains("main.tf:6:1: aws_dynamodb_table.users.dynamic \"attribute\"")
                        .contains("dynamic blocks are not supported"));
    }

    @Test
    void read_refusesFunctionsAndOperators_itDoesNotEvaluate_naming_them() throws IOException {
        Path file = write("main.tf", """
                variable "n" {
                  default = 1
                }
                resource "aws_dynamodb_table" "users" {
                  name           = format("%s-users", "x")
                  billing_mode   = "PROVISIONED"
                  read_capacity  = var.n + 1
                  write_capacity = var.n > 0 ? 1 : 2
                """ + KEY_ONLY.replace("billing_mode = \"PAY_PER_REQUEST\"", "") + "}\n");

        assertThat(problems(file))
                .anySatisfy(
                        p -> assertThat(p).contains("main.tf:5:1").contains("the function format() is not supported"))
                .anySatisfy(p -> assertThat(p).contains("main.tf:7:1").contains("the operator +"))
                .anySatisfy(p -> assertThat(p).contains("main.tf:8:1").contains("conditional expression"));
    }

    @Test
    void read_refusesReferencesToOtherResources_sayingWhy() throws IOException {
        Path file = write("main.tf", """
                resource "aws_dynamodb_table" "users" {
                  name = "users"
                  server_side_encryption {
                    enabled     = true
                    kms_key_arn = aws_kms_key.table.arn
                  }
                """ + KEY_ONLY + "}\n");

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("main.tf:5:1: aws_dynamodb_table.users.server_side_encryption.kms_key_arn")
                .contains("refers to aws_kms_key.table.arn");
    }

    @Test
    void read_givesAClearProblem_forUnbalancedBraces_whichHcl4jWouldSilentlyDrop() throws IOException {
        Path file = write("main.tf", "resource \"aws_dynamodb_table\" \"users\" {\n  name = \"users\"\n");

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("main.tf:1:1")
                .contains("never closed");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void read_finishesAFileOf50000Blocks_withTheLinesOfItsLastBlocks() throws IOException {
        // hcl4j's lexer takes time growing with the square of its input (20,000 blocks took about a minute read at
        // once); read block by block, this is a few seconds even on a loaded machine.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            text.append("variable \"v")
                    .append(i)
                    .append("\" { default = ")
                    .append(i)
                    .append(" }\n");
        }
        for (int i = 0; i < 2; i++) {
            text.append("resource \"aws_dynamodb_table\" \"t")
                    .append(i)
                    .append("\" {\n")
                    .append("  name = \"${var.missing}-")
                    .append(i)
                    .append("\"\n")
                    .append(KEY_ONLY)
                    .append("}\n");
        }
        text.append("variable \"missing\" {}\n");
        Path file = write("big.tf", text.toString());

        List<String> problems = problems(file);

        int perTable = 3 + KEY_ONLY.split("\n", -1).length - 1;
        assertThat(problems)
                .containsExactly(
                        file + ":50002:1: aws_dynamodb_table.t0.name: var.missing has no value: pass --var"
                                + " missing=VALUE, or set it in terraform.tfvars",
                        file + ":" + (50002 + perTable) + ":1: aws_dynamodb_table.t1.name: var.missing has no value:"
                                + " pass --var missing=VALUE, or set it in terraform.tfvars");
    }

    @Test
    void read_saysAFileIsNotValidHcl_byLine_whenGivenCloudFormationYaml() throws IOException {
        Path file = write("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Users:
                    Type: AWS::DynamoDB::Table
                """);

        assertThat(problems(file))
                .singleElement()
                .asString()
                .startsWith(file + ":1:1: ")
                .contains("is not valid HCL: unexpected character \"'\" in column 27")
                .contains("is this a Terraform file? (name another format with --from-kind")
                .doesNotContain("state:")
                .doesNotContain("hcl4j");
    }

    @Test
    void read_reportsOnlyTheRefusedDefault_notItsUsesAsMissingValues() throws IOException {
        String table = """
                variable "rc" {
                  default = 1e3
                }
                resource "aws_dynamodb_table" "users" {
                  name          = "users"
                  billing_mode  = "PROVISIONED"
                  read_capacity = var.rc
                  hash_key      = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                """;
        Path both = write("both.tf", table + "  write_capacity = 5\n}\n");
        Path noWrite = write("nowrite.tf", table + "}\n");

        assertThat(problems(both))
                .singleElement()
                .asString()
                .contains("var.rc.default")
                .contains("1e3");
        assertThat(problems(noWrite))
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("var.rc.default"))
                .anySatisfy(problem -> assertThat(problem).contains("users.write_capacity: missing"))
                .noneSatisfy(problem -> assertThat(problem).contains("has no value"))
                .noneSatisfy(problem -> assertThat(problem).contains("users.read_capacity"));
    }

    @Test
    void read_refusesDeepNesting_beforeHcl4jRecursesIntoIt() throws IOException {
        Path file = write("main.tf", "locals {\n  x = " + "[".repeat(5000) + "]".repeat(5000) + "\n}\n");

        assertThat(problems(file)).singleElement().asString().contains("nests deeper than 64 levels");
    }

    @Test
    void read_refusesHugeFiles_withoutReadingThem() throws IOException {
        Path file = dir.resolve("huge.tf");
        Files.write(file, new byte[(int) TerraformSources.MAX_FILE_BYTES + 1]);

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("huge.tf:1:1")
                .contains("bytes");
    }

    @Test
    void read_reportsWrongTypes_byArgument() throws IOException {
        Path file = write("main.tf", """
                resource "aws_dynamodb_table" "users" {
                  name                        = ["not", "a", "string"]
                  deletion_protection_enabled = "maybe"
                """ + KEY_ONLY + "}\n");

        assertThat(problems(file))
                .anySatisfy(p -> assertThat(p).contains("users.name").contains("must be a string, not a list"))
                .anySatisfy(p -> assertThat(p)
                        .contains("users.deletion_protection_enabled")
                        .contains("must be true or false"));
    }

    @Test
    void read_neverMakesTheHttpRequest_ofADataHttpBlock() throws IOException {
        try (var server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            Path file = write(
                    "main.tf",
                    "data \"http\" \"x\" {\n  url = \"http://127.0.0.1:" + server.getLocalPort() + "/\"\n}\n"
                            + "resource \"aws_dynamodb_table\" \"users\" {\n  name = \"users\"\n" + KEY_ONLY + "}\n");

            assertThat(read(file)).hasSize(1);
            assertThatThrownBy(server::accept).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void recognizes_tfFilesAndFoldersHoldingThem() throws Exception {
        Path file = write("main.tf", "");

        assertThat(importer.recognizes(file, "")).isTrue();
        assertThat(importer.recognizes(dir, "")).isTrue();
        assertThat(importer.recognizes(Path.of("template.yaml"), "Resources:\n"))
                .isFalse();
        assertThat(importer.recognizes(Path.of("x.hcl"), "resource \"aws_dynamodb_table\" \"t\" {"))
                .isTrue();
    }

    @Test
    void read_keepsLibraryChatter_offStandardOutput() throws IOException {
        Path file = write(
                "main.tf",
                "locals {\n  x = 1 + 2\n}\nresource \"aws_dynamodb_table\" \"users\" {\n  name = \"users\"\n" + KEY_ONLY
                        + "}\n");
        var original = System.out;
        var captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            read(file);
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void strings_keepTerraformsEscapes_andHeredocTemplatesAreRefused() throws IOException {
        Path file = write("main.tf", """
                resource "aws_dynamodb_table" "users" {
                  name = "users"
                  tags = {
                    Literal = "$${not.interpolated} 100%%{x}"
                    Note    = <<-EOT
                      made by ${var.who}
                    EOT
                  }
                """ + KEY_ONLY + "}\n");

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("aws_dynamodb_table.users.tags")
                .contains("an interpolation in a heredoc string");
        Files.writeString(file, Files.readString(file).replaceAll("(?s)    Note.*?EOT\n.*?EOT\n", ""));
        assertThat(read(file).get(0).table().tags()).containsEntry("Literal", "${not.interpolated} 100%{x}");
    }

    @Test
    void numbersWithAnExponent_getAClearProblem_sinceHcl4jSplitsThem() throws IOException {
        Path file = write("main.tf", """
                resource "aws_dynamodb_table" "users" {
                  name           = "users"
                  hash_key       = "id"
                  read_capacity  = 1e1
                  write_capacity = 1
                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                """);

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("main.tf:4:1: aws_dynamodb_table.users.read_capacity")
                .contains("such as 1e3")
                .contains("write it out");
    }

    @Test
    void tfJson_isReadLikeNativeSyntax_withItsLines() throws IOException {
        Path file = write("main.tf.json", """
                {
                  "variable": { "env": { "type": "string", "default": "dev" } },
                  "resource": {
                    "aws_dynamodb_table": {
                      "users": {
                        "name": "${var.env}-users",
                        "billing_mode": "PAY_PER_REQUEST",
                        "hash_key": "id",
                        "range_key": "at",
                        "attribute": [
                          { "name": "id", "type": "S" },
                          { "name": "at", "type": "N" }
                        ],
                        "ttl": { "attribute_name": "exp", "enabled": true },
                        "tags": { "Team": "${var.env}" }
                      }
                    }
                  }
                }
                """);

        ImportedTable users =
                importer.read(file, vars(Map.of("env", "qa"), List.of())).get(0);

        assertThat(users.origin()).isEqualTo("aws_dynamodb_table.users");
        assertThat(users.location().line()).isEqualTo(5);
        assertThat(users.table().name()).isEqualTo("qa-users");
        assertThat(users.table().sortKey()).contains(new KeySpec("at", KeyType.N));
        assertThat(users.table().features().timeToLiveAttribute()).contains("exp");
        assertThat(users.table().tags()).containsEntry("Team", "qa");
    }

    @Test
    void tfJson_reportsProblemsAtTheirLine() throws IOException {
        Path file = write("main.tf.json", """
                {
                  "resource": {
                    "aws_dynamodb_table": {
                      "users": {
                        "name": "${aws_s3_bucket.b.id}",
                        "hash_key": "id",
                        "billing_mode": "PAY_PER_REQUEST",
                        "attribute": { "name": "id", "type": "S" }
                      }
                    }
                  }
                }
                """);

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("main.tf.json:5:1: aws_dynamodb_table.users.name")
                .contains("refers to aws_s3_bucket.b.id");
    }
}
