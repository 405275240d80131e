package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.dynaseed.spec.SpecReader.SpecFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The committed schema agrees with dynaseed's reader: every spec in the README and the test resources that dynaseed
 * reads validates against it, and every invalid one in {@code specs/invalid} fails both.
 */
class SchemaConformanceTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final Path SPECS = Path.of("src/test/resources/specs");
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Checkout.read(SpecSchema.CHECKOUT_PATH), InputFormat.JSON);

    private static JsonNode tree(String text, SpecFormat format) {
        try {
            return (format == SpecFormat.JSON ? new ObjectMapper() : new YAMLMapper()).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> schemaErrors(String text, SpecFormat format) {
        return SCHEMA.validate(tree(text, format)).stream().map(Error::toString).toList();
    }

    private static void assertValid(String text, SpecFormat format, String source) {
        assertThat(schemaErrors(text, format)).as("schema errors of " + source).isEmpty();
        SpecReader.read(text, format, source);
    }

    private static SpecFormat format(Path file) {
        return file.toString().endsWith(".json") ? SpecFormat.JSON : SpecFormat.YAML;
    }

    private static Stream<Path> files(String folder) throws IOException {
        try (Stream<Path> files = Files.list(SPECS.resolve(folder))) {
            return files.sorted().toList().stream();
        }
    }

    @TestFactory
    Stream<DynamicTest> readmesYamlBlocks_validateAgainstTheSchema_andRead() {
        String readme = Checkout.read("README.md");
        Matcher blocks = YAML_BLOCK.matcher(readme);
        List<String> specs = new ArrayList<>();
        while (blocks.find()) {
            specs.add(blocks.group(1));
        }
        assertThat(specs).as("YAML blocks in README.md").isNotEmpty();
        return specs.stream()
                .map(spec -> DynamicTest.dynamicTest(
                        "README block " + spec.lines().findFirst().orElse(""),
                        () -> assertValid(spec, SpecFormat.YAML, "README.md")));
    }

    @TestFactory
    Stream<DynamicTest> validTestSpecs_validateAgainstTheSchema_andRead() throws IOException {
        return files("valid")
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    assertValid(Files.readString(file), format(file), file.toString());
                }));
    }

    @TestFactory
    Stream<DynamicTest> invalidTestSpecs_failTheSchema_andTheReader() throws IOException {
        return files("invalid")
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String text = Files.readString(file);
                    assertThat(schemaErrors(text, format(file)))
                            .as("schema errors of " + file)
                            .isNotEmpty();
                    assertThatThrownBy(() -> SpecReader.read(text, format(file), file.toString()))
                            .isInstanceOf(InvalidSpecException.class);
                }));
    }

    @Test
    void everyGeneratorKind_isUsedInTheValidSpecThatShowsThemAll() {
        String spec = Checkout.read("core/" + SPECS.resolve("valid/every-generator.yaml"));

        dev.dynaseed.generate.GeneratorKinds.names()
                .forEach(name -> assertThat(spec).containsPattern("[ {]" + name + "[,}\\n]"));
    }

    @Test
    void initsSpec_andTheLambdaEventsSpec_validateAgainstTheSchema() {
        assertValid(DefaultSpec.yaml(), SpecFormat.YAML, "default-spec.yaml");
        JsonNode event = tree(Checkout.read("lambda/events/inline-spec.json"), SpecFormat.JSON);
        assertThat(SCHEMA.validate(event.get("spec"))).isEmpty();
        SpecReader.read(event.get("spec"), "inline-spec.json");
    }
}
