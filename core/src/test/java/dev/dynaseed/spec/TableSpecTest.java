package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableSpecTest {

    @Test
    void builder_defaultsLikeASpecFile_andEqualsTheCanonicalConstructor() {
        TableSpec built =
                TableSpec.builder("orders", new KeySpec("id", KeyType.S)).build();

        assertThat(built)
                .isEqualTo(new TableSpec(
                        "orders",
                        new KeySpec("id", KeyType.S),
                        Optional.empty(),
                        new BillingSpec.PayPerRequest(),
                        Map.of(),
                        SeedSpec.none()));
    }

    @Test
    void toBuilder_keepsEveryField_andChangesOnlyWhatIsSet() {
        TableSpec original = DefaultSpec.seedScenario().tables().get(0);

        TableSpec renamed = original.toBuilder().name("orders").build();

        assertThat(original.toBuilder().build()).isEqualTo(original);
        assertThat(renamed)
                .isEqualTo(new TableSpec(
                        "orders",
                        original.partitionKey(),
                        original.sortKey(),
                        original.billing(),
                        original.tags(),
                        original.seed()));
    }
}
