package dev.dynaseed.files;

import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Tables and file sources for the tests of item files. */
final class FileSources {
    private FileSources() {}

    /** A table keyed by {@code id} (S) that writes the items of {@code sources} and nothing generated. */
    static TableSpec table(String name, ItemSourceSpec... sources) {
        return TableSpec.builder(name, new KeySpec("id", KeyType.S))
                .billing(new BillingSpec.PayPerRequest())
                .seed(new SeedSpec(
                        0, ExistingDataPolicy.APPEND, Optional.empty(), Optional.empty(), Map.of(), List.of(sources)))
                .build();
    }

    static ItemSourceSpec.File file(Path path) {
        return ItemSourceSpec.File.of(path);
    }

    static ItemSourceSpec.File file(Path path, ItemFileFormat format) {
        return new ItemSourceSpec.File(
                path, Optional.of(format), true, List.of(), Map.of(), Optional.empty(), Optional.empty());
    }

    /** The table's single file source, scanned (bad lines allowed). */
    static ItemSourceSpec.File scanned(TableSpec table) {
        Spec spec = ItemFiles.scan(new Spec(List.of(table)), "test", true);
        return (ItemSourceSpec.File) spec.tables().get(0).seed().sources().get(0);
    }

    /** Every item of the table's single file source. */
    static List<Map<String, AttributeValue>> items(TableSpec table) {
        ItemSourceSpec.File file = scanned(table);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (Iterator<Map<String, AttributeValue>> it = ItemFiles.items(file, table); it.hasNext(); ) {
            items.add(it.next());
        }
        return items;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
