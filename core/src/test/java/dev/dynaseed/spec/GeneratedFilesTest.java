package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.generate.GeneratorDocs;
import org.junit.jupiter.api.Test;

/** The committed files that the code produces are what it produces now. */
class GeneratedFilesTest {
    static final String TABLE_BEGIN = "<!-- generator table: written by GeneratedFilesTest from the registry -->\n";
    static final String TABLE_END = "<!-- end of generator table -->\n";

    @Test
    void committedSchema_isTheSchemaTheCodeProduces() {
        if (Checkout.REGENERATE) {
            Checkout.write(SpecSchema.CHECKOUT_PATH, SpecSchema.json());
        }

        assertThat(Checkout.read(SpecSchema.CHECKOUT_PATH))
                .as(SpecSchema.CHECKOUT_PATH + " differs from what SpecSchema produces; rewrite it with: "
                        + Checkout.REGENERATE_COMMAND)
                .isEqualTo(SpecSchema.json());
    }

    @Test
    void readmesGeneratorTable_isTheTableTheRegistryProduces() {
        String readme = Checkout.read("README.md");
        int begin = readme.indexOf(TABLE_BEGIN);
        int end = readme.indexOf(TABLE_END);
        assertThat(begin).as("README.md has the line " + TABLE_BEGIN.strip()).isNotNegative();
        assertThat(end).as("README.md has the line " + TABLE_END.strip()).isGreaterThan(begin);
        String committed = readme.substring(begin + TABLE_BEGIN.length(), end);
        if (Checkout.REGENERATE) {
            readme = readme.substring(0, begin + TABLE_BEGIN.length())
                    + GeneratorDocs.markdownTable()
                    + readme.substring(end);
            Checkout.write("README.md", readme);
            committed = GeneratorDocs.markdownTable();
        }

        assertThat(committed)
                .as("README.md's generator table differs from the registry's; rewrite it with: "
                        + Checkout.REGENERATE_COMMAND)
                .isEqualTo(GeneratorDocs.markdownTable());
    }
}
