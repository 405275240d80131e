package dev.dynaseed.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.spec.GeneratorSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorKindsTest {

    @Test
    void everySpecRecord_hasExactlyOneKind_andEveryKindItsOwnRecord() {
        List<Class<?>> specTypes = GeneratorKinds.all().stream()
                .<Class<?>>map(GeneratorKind::specType)
                .toList();

        assertThat(specTypes)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(List.of(GeneratorSpec.class.getPermittedSubclasses()));
        assertThat(GeneratorKinds.all().stream().map(GeneratorKind::kind).toList())
                .containsExactly(GeneratorSpec.Kind.values());
        assertThat(GeneratorKinds.names()).doesNotHaveDuplicates();
    }

    @Test
    void everyParameter_hasAnExampleThatNamesIt_andEveryKindAnExampleOfItsObjectForm() {
        for (GeneratorKind<?> kind : GeneratorKinds.all()) {
            assertThat(kind.example()).startsWith("{generator: " + kind.name());
            kind.parameters()
                    .forEach(parameter -> assertThat(parameter.example())
                            .as(kind.name() + "." + parameter.name())
                            .startsWith(parameter.name() + ": "));
        }
        assertThat(Arrays.stream(GeneratorSpec.Kind.values()).map(GeneratorSpec.Kind::toString))
                .containsExactlyElementsOf(GeneratorKinds.names());
    }
}
