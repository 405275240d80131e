package dev.dynaseed.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.report.Report;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.testing.Dynalite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every format carries a table's items out (export) and back in (seed.files) unchanged, against dynalite: the typed
 * formats every type (sets stay sets, binary stays binary, numbers keep their digits, empty strings and nested NULLs
 * survive), the plain ones the types they can hold, and they say what they could not keep.
 */
class ExportSeedRoundTripTest {
    private final DynamoDbClient client = Dynalite.client();

    @TempDir
    Path dir;

    @Test
    void losslessFormats_roundTripEveryType() throws InterruptedException {
        List<Map<String, AttributeValue>> items = RandomItems.items(42, 120, RandomItems.Types.ALL);
        for (ItemFileFormat format : ItemFileFormat.values()) {
            if (format.lossless()) {
                roundTrip(format, items);
            }
        }
    }

    @Test
    void plainJsonFormats_roundTripStringsNumbersBooleansNullsListsAndMaps() throws InterruptedException {
        List<Map<String, AttributeValue>> items = RandomItems.items(7, 80, RandomItems.Types.PLAIN_JSON);
        for (ItemFileFormat format : List.of(ItemFileFormat.JSON, ItemFileFormat.JSONL, ItemFileFormat.SERVERLESS)) {
            roundTrip(format, items);
        }
    }

    @Test
    void csv_roundTripsTextNumbersAndBooleans() throws InterruptedException {
        roundTrip(ItemFileFormat.CSV, RandomItems.items(9, 80, RandomItems.Types.CSV));
    }

    @Test
    void lossyFormats_countTheSetsAndBinaryTheyCouldNotKeep() throws InterruptedException {
        List<Map<String, AttributeValue>> items = List.of(Map.of(
                "id", AttributeValue.fromS("a"),
                "tags", AttributeValue.fromSs(List.of("x", "y")),
                "raw", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {1}))));
        String table = source(items);
        for (ItemFileFormat format : ItemFileFormat.values()) {
            Path file = dir.resolve("lossy-" + format.specName() + format.extension());
            TableExport.Result result = new TableExport(client, 2, RunDeadline.none()).export(table, format, file);
            assertThat(result.losses().any()).as(format.specName()).isEqualTo(!format.lossless());
            if (!format.lossless()) {
                assertThat(result.losses().describe())
                        .as(format.specName())
                        .contains(
                                format == ItemFileFormat.CSV
                                        ? "column tags: 1 SS value written as DynamoDB JSON text"
                                        : "1 set written as lists");
            }
        }
    }

    private void roundTrip(ItemFileFormat format, List<Map<String, AttributeValue>> items) throws InterruptedException {
        String original = source(items);
        Path first = dir.resolve(original + format.extension());
        TableExport export = new TableExport(client, 3, RunDeadline.none());
        TableExport.Result exported = export.export(original, format, first);
        assertThat(exported.items()).as(format.specName()).isEqualTo(items.size());
        assertThat(exported.losses().any()).as(format.specName() + " losses").isFalse();

        String copy = Dynalite.uniqueTableName("copy_" + format.specName().replace('-', '_'));
        ItemSourceSpec.File source = new ItemSourceSpec.File(
                first,
                Optional.of(format),
                true,
                List.of(),
                Map.of(),
                format == ItemFileFormat.BATCH_WRITE ? Optional.of(original) : Optional.empty(),
                Optional.empty());
        Spec spec = ItemFiles.scan(new Spec(List.of(table(copy, List.of(source)))), "round trip", false);
        Report report = new Pipeline(client, "dynalite", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);
        assertThat(report.tables().get(0).seed().written())
                .as(format.specName())
                .isEqualTo(items.size());

        Path second = dir.resolve(copy + format.extension());
        export.export(copy, format, second);

        assertThat(RandomItems.normalized(scan(copy)))
                .as(format.specName() + ": the seeded copy holds the original's items")
                .containsExactlyInAnyOrderElementsOf(RandomItems.normalized(items));
        assertThat(RandomItems.normalized(read(second, format, copy)))
                .as(format.specName() + ": the copy's export holds the same items as the original's")
                .containsExactlyInAnyOrderElementsOf(RandomItems.normalized(read(first, format, original)));
    }

    private List<Map<String, AttributeValue>> read(Path file, ItemFileFormat format, String requestsOf) {
        ItemSourceSpec.File source = new ItemSourceSpec.File(
                file,
                Optional.of(format),
                true,
                List.of(),
                Map.of(),
                format == ItemFileFormat.BATCH_WRITE ? Optional.of(requestsOf) : Optional.empty(),
                Optional.empty());
        return FileSources.items(table("read", List.of(source)));
    }

    private String source(List<Map<String, AttributeValue>> items) {
        String name = Dynalite.uniqueTableName("original");
        new Pipeline(client, "dynalite", ApplyOptions.defaults())
                .apply(new Spec(List.of(table(name, List.of(new ItemSourceSpec.Inline(items))))), SeedProgress.NONE);
        return name;
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.scanPaginator(r -> r.tableName(table)).items().forEach(items::add);
        return items;
    }

    private static TableSpec table(String name, List<ItemSourceSpec> sources) {
        return TableSpec.builder(name, new KeySpec("id", KeyType.S))
                .billing(new BillingSpec.PayPerRequest())
                .seed(new SeedSpec(0, ExistingDataPolicy.APPEND, Optional.empty(), Optional.empty(), Map.of(), sources))
                .build();
    }
}
