package dev.dynaseed.imports.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.SourceKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateReaderTest {
    @TempDir
    Path dir;

    private static TemplateNode read(String text) {
        return TemplateReader.read(text, "t.yaml", SourceKind.CLOUDFORMATION);
    }

    @Test
    void shortFormTags_becomeTheirLongForm_withTheirLine() {
        TemplateNode.Mapping root = (TemplateNode.Mapping) read("a: 1\nb: !Sub '${x}'\nc: !GetAtt T.Arn\nd: !Ref y\n");
        assertThat(root.get("b"))
                .isEqualTo(new TemplateNode.Mapping(
                        Map.of(
                                "Fn::Sub",
                                TemplateNode.Scalar.string(
                                        "${x}", new dev.dynaseed.spec.SourceLocation("t.yaml", 2, 4))),
                        new dev.dynaseed.spec.SourceLocation("t.yaml", 2, 4)));
        assertThat(((TemplateNode.Mapping) root.get("c")).entries()).containsKey("Fn::GetAtt");
        assertThat(((TemplateNode.Mapping) root.get("d")).entries()).containsKey("Ref");
        assertThat(root.get("d").location().line()).isEqualTo(4);
    }

    @Test
    void yaml11Booleans_andNumbers_keepTheirText() {
        TemplateNode.Mapping root = (TemplateNode.Mapping) read("a: yes\nb: Off\nc: 5\nd: '5'\ne: TRUE\n");
        assertThat(((TemplateNode.Scalar) root.get("a")).text()).isEqualTo("true");
        assertThat(((TemplateNode.Scalar) root.get("b")).text()).isEqualTo("false");
        assertThat(((TemplateNode.Scalar) root.get("c")).type()).isEqualTo(TemplateNode.ScalarType.NUMBER);
        assertThat(((TemplateNode.Scalar) root.get("d")).text()).isEqualTo("5");
        assertThat(((TemplateNode.Scalar) root.get("e")).text()).isEqualTo("true");
    }

    @Test
    void mergeKeys_andAliases_areExpanded() {
        TemplateNode.Mapping root = (TemplateNode.Mapping) read("base: &b {x: 1, y: 2}\nmine:\n  <<: *b\n  y: 3\n");
        TemplateNode.Mapping mine = (TemplateNode.Mapping) root.get("mine");
        assertThat(((TemplateNode.Scalar) mine.get("x")).text()).isEqualTo("1");
        assertThat(((TemplateNode.Scalar) mine.get("y")).text()).isEqualTo("3");
    }

    @Test
    void aliasBomb_isAProblem() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        assertThatThrownBy(() -> read(bomb.toString()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("t.yaml");
    }

    @Test
    void aliasBombWithinTheAliasLimit_isStoppedByTheValueCap() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i < 30; i++) {
            bomb.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [*a")
                    .append(i - 1)
                    .append(", *a")
                    .append(i - 1)
                    .append("]\n");
        }
        assertThatThrownBy(() -> read(bomb.toString()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("values once its aliases are expanded");
    }

    @Test
    void recursiveAlias_isAProblemNotAStackOverflow() {
        assertThatThrownBy(() -> read("a: &a\n  - x\n  - *a\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("nests deeper than");
    }

    @Test
    void deepNesting_isAProblem() {
        assertThatThrownBy(() -> read("a: " + "[".repeat(500) + "]".repeat(500)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("nests deeper than 64 levels");
        assertThatThrownBy(() -> read("{\"a\": " + "[".repeat(500) + "]".repeat(500) + "}"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("t.yaml:1:");
    }

    @Test
    void hugeFile_isRefusedBeforeParsing() throws Exception {
        Path big = java.nio.file.Files.writeString(dir.resolve("big.yaml"), "# " + "x".repeat(1_000_001));
        assertThatThrownBy(() -> TemplateReader.read(big, SourceKind.CLOUDFORMATION))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("larger than 1000000 bytes");
    }

    @Test
    void invalidYaml_namesLineAndColumn() {
        assertThatThrownBy(() -> read("a: [1, 2\nb: c\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("t.yaml:")
                .hasMessageContaining("is not valid YAML");
    }

    @Test
    void anEscapeCutShortAtTheEnd_isAnImportProblemSayingWhatToWrite_notAJavaException() {
        assertThatThrownBy(() -> read("Resources:\n  T:\n    Type: \"caf\\u"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("is not valid YAML: an escape ends before its hexadecimal digits")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void duplicateKeys_areRefusedWithBothLines() {
        assertThatThrownBy(() -> read("a: 1\nb: 2\na: 3\n"))
                .hasMessageContaining("t.yaml:3:1: repeats the key 'a' first written at line 1");
        assertThatThrownBy(() -> read("{\"a\": 1,\n \"a\": 2}"))
                .hasMessageContaining("repeats the key 'a' first written at line 1");
    }

    @Test
    void emptyFile_andNotUtf8_areProblems() throws Exception {
        assertThatThrownBy(() -> read("")).hasMessageContaining("is empty");
        Path latin = java.nio.file.Files.write(dir.resolve("l.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9});
        assertThatThrownBy(() -> TemplateReader.read(latin, SourceKind.CLOUDFORMATION))
                .hasMessageContaining("is not UTF-8");
    }

    @Test
    void yamlFlowMapping_isReadAsYaml_andBrokenJsonNamesTheJsonError() {
        TemplateNode.Mapping root = (TemplateNode.Mapping) read("{Resources: {T: {Type: !Sub x}}} # a comment\n");
        assertThat(root.entries()).containsKey("Resources");
        assertThatThrownBy(() -> read("{\"a\": [1, 2}"))
                .hasMessageContaining("is not valid JSON")
                .hasMessageContaining("t.yaml:1:");
    }

    @Test
    void secondYamlDocument_isNamedAsSuch_notAParserFragment() {
        String problems = new Templates(dir).problems(Templates.table("") + "---\nResources: {}\n");
        assertThat(problems)
                .contains("t.yaml:10:1: holds a second YAML document (---) at line 10; a template is one document:"
                        + " remove the --- and what follows, or put it in a file of its own")
                .doesNotContain("not valid YAML");
    }
}
