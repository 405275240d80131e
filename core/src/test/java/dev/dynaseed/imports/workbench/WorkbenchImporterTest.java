package dev.dynaseed.imports.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.CapacitySpec;
import dev.dynaseed.spec.GlobalIndexSpec;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.ProjectionSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecValidator;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class WorkbenchImporterTest {
    private final WorkbenchImporter importer = new WorkbenchImporter();

    @TempDir
    Path dir;

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(WorkbenchImporterTest.class
                .getResource("/imports/workbench/" + name)
                .toURI());
    }

    private List<ImportedTable> read(Path file) {
        return importer.read(file, ImportOptions.defaults());
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, text);
        return file;
    }

    private List<String> problems(Path file) {
        try {
            read(file);
        } catch (ImportException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected problems importing " + file);
    }

    /** A one-table model; {@code table} holds the table's fields after TableName and KeyAttributes. */
    private Path model(String table) throws IOException {
        return write("""
                {
                  "ModelName": "M",
                  "ModelMetadata": { "Version": "3.0" },
                  "DataModel": [
                    {
                      "TableName": "T",
                      "KeyAttributes": { "PartitionKey": { "AttributeName": "id", "AttributeType": "S" } }%s
                    }
                  ]
                }
                """.formatted(table.isEmpty() ? "" : ",\n" + table));
    }

    private static List<Map<String, AttributeValue>> items(TableSpec table) {
        return table.seed().sources().stream()
                .map(ItemSourceSpec.Inline.class::cast)
                .flatMap(source -> source.items().stream())
                .toList();
    }

    @Test
    void format2_mapsTablesKeysIndexesAndTypedItems() throws Exception {
        List<ImportedTable> tables = read(fixture("library-v2.json"));

        assertThat(tables).extracting(ImportedTable::origin).containsExactly("Books", "Loans");
        ImportedTable books = tables.get(0);
        assertThat(books.kind()).isEqualTo(SourceKind.NOSQL_WORKBENCH);
        assertThat(books.location().line()).isEqualTo(13);
        assertThat(tables.get(1).location().line()).isEqualTo(58);
        TableSpec table = books.table();
        assertThat(table.partitionKey()).isEqualTo(new KeySpec("isbn", KeyType.S));
        assertThat(table.sortKey()).contains(new KeySpec("edition", KeyType.N));
        assertThat(table.billing()).isEqualTo(new BillingSpec.PayPerRequest());
        assertThat(table.features().globalSecondaryIndexes())
                .containsExactly(new GlobalIndexSpec(
                        "by-author",
                        List.of(new KeySpec("author", KeyType.S)),
                        List.of(new KeySpec("title", KeyType.S)),
                        new ProjectionSpec(ProjectionSpec.Type.INCLUDE, List.of("price")),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        false));
        assertThat(table.seed().count()).isZero();
        List<Map<String, AttributeValue>> items = items(table);
        assertThat(items).hasSize(2);
        Map<String, AttributeValue> first = items.get(0);
        assertThat(first.get("price")).isEqualTo(AttributeValue.fromN("12345678901234567890.123456789"));
        assertThat(first.get("tags")).isEqualTo(AttributeValue.fromSs(List.of("fiction", "classic")));
        assertThat(first.get("cover")).isEqualTo(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2})));
        assertThat(first.get("inPrint")).isEqualTo(AttributeValue.fromBool(true));
        assertThat(first.get("details").m().get("notes").l())
                .containsExactly(AttributeValue.fromS("signed"), AttributeValue.fromNul(true));
        Map<String, AttributeValue> second = items.get(1);
        assertThat(second.get("title")).isEqualTo(AttributeValue.fromS("Plain JSON Title"));
        assertThat(second.get("price")).isEqualTo(AttributeValue.fromN("9.5"));
        assertThat(tables.get(1).table().seed().sources()).isEmpty();
    }

    @Test
    void format3_readsBillingAndFacetData_oncePerKey() throws Exception {
        TableSpec table = read(fixture("shop-v3.json")).get(0).table();

        assertThat(table.billing()).isEqualTo(new BillingSpec.Provisioned(5, 3));
        assertThat(table.features().globalSecondaryIndexes())
                .singleElement()
                .satisfies(gsi -> assertThat(gsi.provisionedThroughput()).contains(new CapacitySpec(5, 3)));
        assertThat(items(table)).extracting(item -> item.get("SK").s()).containsExactly("PROFILE", "ORDER#1");
    }

    @Test
    void importedTables_passSpecValidation() throws Exception {
        List<TableSpec> tables = new java.util.ArrayList<>();
        read(fixture("library-v2.json")).forEach(t -> tables.add(t.table()));
        read(fixture("shop-v3.json")).forEach(t -> tables.add(t.table()));

        assertThat(SpecValidator.validate(new Spec(tables))).isEmpty();
    }

    @Test
    void recognizes_jsonWithModelNameAndDataModel() {
        assertThat(importer.recognizes(Path.of("m.json"), "{\n  \"ModelName\": \"x\",\n  \"DataModel\": []\n}"))
                .isTrue();
        assertThat(importer.recognizes(Path.of("t.json"), "{\"TableName\": \"x\", \"KeySchema\": []}"))
                .isFalse();
    }

    @Test
    void items_missingAKey_areReportedByTableAndItem() throws IOException {
        Path file = model("\"TableData\": [ { \"other\": { \"S\": \"x\" } } ]");

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("model.json:6:1: T.TableData[0].id")
                .contains("every item needs the key attribute 'id'");
    }

    @Test
    void items_withAWrongKeyType_areReported() throws IOException {
        Path file = model("\"TableData\": [ { \"id\": { \"N\": \"1\" } } ]");

        assertThat(problems(file)).singleElement().asString().contains("T.TableData[0].id: is N but the key is S");
    }

    @Test
    void items_withBadValues_areReportedWithThePathInsideTheItem() throws IOException {
        Path file = model("""
                "TableData": [
                  { "id": { "S": "a" }, "n": { "N": "twelve" } },
                  { "id": { "S": "b" }, "s": { "SS": [] } },
                  { "id": { "S": "c" }, "b": { "B": "not base64!" } },
                  { "id": { "S": "d" }, "u": "untyped and undeclared" },
                  "not an item"
                ]""");

        assertThat(problems(file))
                .anySatisfy(p -> assertThat(p).contains("T.TableData[0].n.N").contains("is not a number"))
                .anySatisfy(p -> assertThat(p).contains("T.TableData[1].s.SS").contains("no empty sets"))
                .anySatisfy(p -> assertThat(p).contains("T.TableData[2].b.B").contains("not base64"))
                .anySatisfy(p -> assertThat(p).contains("T.TableData[3].u").contains("declares no type"))
                .anySatisfy(p -> assertThat(p).contains("T.TableData[4]").contains("not an item object"));
    }

    @Test
    void items_withNumbersDynamoDbCannotStore_areReportedBeforeAnyCall() throws IOException {
        Path file = model("""
                "TableData": [
                  { "id": { "S": "a" }, "n": { "N": "1E+126" } },
                  { "id": { "S": "b" }, "n": { "N": "1E-131" } },
                  { "id": { "S": "c" }, "n": { "N": "100000000000000000000000000000000000001" } },
                  { "id": { "S": "d" }, "ns": { "NS": ["1", "1E+200"] } }
                ]""");

        assertThat(problems(file))
                .anySatisfy(p -> assertThat(p).contains("T.TableData[0].n.N").contains("1E+126"))
                .anySatisfy(p -> assertThat(p).contains("T.TableData[1].n.N").contains("1E-131"))
                .anySatisfy(p -> assertThat(p).contains("T.TableData[2].n.N").contains("39 significant digits"))
                .anySatisfy(p -> assertThat(p).contains("T.TableData[3].ns.NS").contains("1E+200"));
    }

    @Test
    void provisionedBilling_withoutThroughput_isReported() throws IOException {
        Path file = model("\"BillingMode\": \"PROVISIONED\"");

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("T.ProvisionedCapacitySettings.ProvisionedThroughput: missing");
    }

    @Test
    void wrongTypes_inTheModel_areReportedNotThrown() throws IOException {
        Path file = write("""
                {"ModelName": "M", "DataModel": [ {"TableName": 5, "KeyAttributes": {"PartitionKey": "id"}}, 7 ]}
                """);

        assertThat(problems(file))
                .anySatisfy(p -> assertThat(p).contains("TableName").contains("is a number"))
                .anySatisfy(p -> assertThat(p).contains("KeyAttributes.PartitionKey.AttributeName: missing"))
                .anySatisfy(p -> assertThat(p).contains("DataModel[1]").contains("not a table object"));
    }

    @Test
    void unknownFormatVersions_areRefused() throws IOException {
        Path file = write("{\"ModelName\": \"M\", \"ModelMetadata\": {\"Version\": \"9.0\"}, \"DataModel\": []}");

        assertThat(problems(file)).singleElement().asString().contains("'9.0' is a data model format");
    }

    @Test
    void invalidJson_isReportedWithItsLine() throws IOException {
        Path file = write("{\n  \"ModelName\": \"M\",\n  \"DataModel\": [\n}\n");

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("model.json:4:")
                .contains("not valid JSON");
    }

    @Test
    void deepNesting_isRefusedWithoutAStackOverflow() throws IOException {
        Path file = model("\"TableData\": [ { \"id\": { \"S\": \"a\" }, \"deep\": " + "{\"L\": [".repeat(200)
                + "]}".repeat(200) + " } ]");

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("model.json:8:")
                .contains("nests objects and lists more than 64 levels deep; a NoSQL Workbench model needs far fewer")
                .doesNotContain("StreamReadConstraints")
                .doesNotContain("Document nesting depth");
    }

    @Test
    void hugeFiles_areRefusedWithoutReadingThem() throws IOException {
        Path file = dir.resolve("huge.json");
        try (var out = Files.newOutputStream(file)) {
            out.write(new byte[(int) WorkbenchImporter.MAX_FILE_BYTES + 1]);
        }

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("huge.json:1:1")
                .contains("bytes");
    }

    @Test
    void duplicateTableNames_areReported() throws IOException {
        Path file = write("""
                {"ModelName": "M", "DataModel": [
                  {"TableName": "T", "KeyAttributes": {"PartitionKey": {"AttributeName": "id", "AttributeType": "S"}}},
                  {"TableName": "T", "KeyAttributes": {"PartitionKey": {"AttributeName": "id", "AttributeType": "S"}}}
                ]}
                """);

        assertThat(problems(file))
                .singleElement()
                .asString()
                .contains("model.json:3:1: T.TableName")
                .contains("model.json:2:1");
    }
}
