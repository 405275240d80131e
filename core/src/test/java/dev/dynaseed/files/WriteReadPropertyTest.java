package dev.dynaseed.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * For many seeds of random items, what a writer writes its reader reads back identically: every type in the typed
 * formats, the plain types in JSON, text, numbers and booleans in CSV (no server: the codecs alone).
 */
class WriteReadPropertyTest {
    private static final TableSpec TABLE = TableSpec.builder("t", new KeySpec("id", KeyType.S))
            .billing(new BillingSpec.PayPerRequest())
            .seed(SeedSpec.none())
            .build();

    @TempDir
    Path dir;

    @Test
    void everyFormat_readsBackWhatItWrote_forManySeeds() throws IOException {
        for (long seed = 1; seed <= 40; seed++) {
            for (ItemFileFormat format : ItemFileFormat.values()) {
                RandomItems.Types types = format.lossless()
                        ? RandomItems.Types.ALL
                        : format == ItemFileFormat.CSV ? RandomItems.Types.CSV : RandomItems.Types.PLAIN_JSON;
                List<Map<String, AttributeValue>> items = RandomItems.items(seed, 30, types);
                Path file = dir.resolve(seed + "-" + format.specName() + format.extension());
                try (ItemFileWriter writer = ItemFileWriter.open(format, file, "t")) {
                    for (Map<String, AttributeValue> item : items) {
                        writer.write(item);
                    }
                    writer.close();
                    assertThat(writer.losses().any())
                            .as(format + " seed " + seed)
                            .isFalse();
                }
                ItemSourceSpec.File source = new ItemSourceSpec.File(
                        file, Optional.of(format), true, List.of(), Map.of(), Optional.empty(), Optional.empty());
                TableSpec table = TABLE.toBuilder()
                        .seed(SeedSpec.none().withSources(List.of(source)))
                        .build();
                assertThat(RandomItems.normalized(FileSources.items(table)))
                        .as(format.specName() + " seed " + seed)
                        .containsExactlyElementsOf(RandomItems.normalized(items));
            }
        }
    }
}
