package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.imports.ImportOptions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportOptionsMixinTest {
    @Test
    void importRegion_isTheImportsRegion_overTheTargetsRegion() {
        ImportOptionsMixin mixin = new ImportOptionsMixin();
        mixin.importRegion = "eu-west-1";
        ImportOptions options = mixin.options(Optional.empty());
        assertThat(options.region()).isEqualTo("eu-west-1");
        assertThat(options.givenRegion()).contains("eu-west-1");
        assertThat(mixin.options(Optional.of("us-west-2")).region()).isEqualTo("eu-west-1");
    }

    @Test
    void givenStageAndRegion_areMarkedGiven_evenWhenEqualToTheDefaults() {
        ImportOptionsMixin mixin = new ImportOptionsMixin();
        assertThat(mixin.options(Optional.empty()).givenStage()).isEmpty();
        assertThat(mixin.options(Optional.empty()).givenRegion()).isEmpty();
        mixin.stage = ImportOptions.DEFAULT_STAGE;
        ImportOptions options = mixin.options(Optional.of(ImportOptions.DEFAULT_REGION));
        assertThat(options.givenStage()).contains(ImportOptions.DEFAULT_STAGE);
        assertThat(options.givenRegion()).contains(ImportOptions.DEFAULT_REGION);
    }
}
