package dev.dynaseed.imports.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.imports.ImportOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <<-} heredocs lose the indentation of their least indented line, as HCL's native syntax defines it (the
 * cases of HCL's own spec suite, specsuite/tests/expressions/heredoc.hcl); {@code <<} heredocs keep every space.
 */
class IndentedHeredocTest {
    @TempDir
    Path dir;

    private Map<String, String> tags(String tags) throws IOException {
        Path file = Files.writeString(dir.resolve("main.tf"), """
                resource "aws_dynamodb_table" "t" {
                  name         = "heredocs"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                  tags = {
                %s  }
                }
                """.formatted(tags));
        return new TerraformImporter()
                .read(file, ImportOptions.defaults())
                .get(0)
                .table()
                .tags();
    }

    @Test
    void indentedHeredoc_trimsTheFewestLeadingSpacesFromEveryLine() throws IOException {
        assertThat(tags("""
                    Doc = <<-EOT
                      hello
                      world
                    EOT
                    More = <<-EOT
                        Foo
                          Bar
                        Baz
                      EOT
                    Less = <<-EOT
                        Foo
                      Bar
                        Baz
                      EOT
                    Flush = <<-EOT
                Foo
                Bar
                EOT
                """))
                .containsExactly(
                        Map.entry("Doc", "hello\nworld\n"),
                        Map.entry("More", "Foo\n  Bar\nBaz\n"),
                        Map.entry("Less", "  Foo\nBar\n  Baz\n"),
                        Map.entry("Flush", "Foo\nBar\n"));
    }

    @Test
    void indentedHeredoc_countsATabOrAUnicodeSpaceAsOneCharacter() throws IOException {
        assertThat(tags("    Tabs = <<-EOT\n\tFoo\n  Bar\n  Baz\n  EOT\n"
                        + "    Em = <<-EOT\n     \u2003\u2003Foo\n    Bar\n    Baz\n  EOT\n"))
                .containsExactly(
                        Map.entry("Tabs", "Foo\n Bar\n Baz\n"), Map.entry("Em", " \u2003\u2003Foo\nBar\nBaz\n"));
    }

    @Test
    void indentedHeredoc_leavesBlankLinesOutOfTheCount_andAsTheyAre() throws IOException {
        assertThat(tags("    Gaps = <<-EOT\n    Foo\n\n    Bar\n  \n    Baz\n  EOT\n"))
                .containsExactly(Map.entry("Gaps", "Foo\n\nBar\n  \nBaz\n"));
    }

    @Test
    void plainHeredoc_keepsItsIndentation() throws IOException {
        assertThat(tags("    Doc = <<EOT\n      hello\n      world\n    EOT\n"))
                .containsExactly(Map.entry("Doc", "      hello\n      world\n"));
    }
}
