package dev.dynaseed.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void controlCharactersInHeadersAndCells_areShownAsEscapes_soEachRowStaysOneLine() {
        TextTable table = TextTable.of(List.of("NAME", "KEYS\nX"), Set.of())
                .row("a\nb", "pk\u001b[2J (S)\tx")
                .row("c\r\u0000\u007f\u0085\u2028", "back\\slash");

        assertThat(table.render(""))
                .isEqualTo("NAME                         KEYS\\nX\n"
                        + "a\\nb                         pk\\u001b[2J (S)\\tx\n"
                        + "c\\r\\u0000\\u007f\\u0085\\u2028  back\\slash\n");
    }

    @Test
    void visible_leavesPrintableTextAsItIs() {
        String text = "plain text, ünïcødé, emoji \uD83D\uDE00 and a \\ backslash";

        assertThat(TextTable.visible(text)).isSameAs(text);
    }
}
