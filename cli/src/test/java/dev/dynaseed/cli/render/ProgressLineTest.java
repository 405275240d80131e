package dev.dynaseed.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bars as a person sees them, on a fake clock. */
class ProgressLineTest {
    private final AtomicLong clock = new AtomicLong();
    private final StringWriter text = new StringWriter();
    private final ProgressLine bars = new ProgressLine(new PrintWriter(text), clock::get);

    @Test
    void eachTable_hasItsOwnBar_withItemsItemsPerSecondAndTimeLeft() {
        bars.update("orders", 0, 100_000);
        bars.update("users", 0, 3);
        clock.addAndGet(2_000_000_000L);
        bars.update("orders", 10_000, 100_000);
        bars.update("users", 3, 3);

        assertThat(bars.lines())
                .containsExactly(
                        "orders [##                      ] 10,000/100,000 items  5,000 items/s  ETA 0:18",
                        "users  [########################] 3/3 items  2 items/s  done");
    }

    @Test
    void bars_areRedrawnInPlace_andClearedAtTheEnd() {
        bars.update("orders", 0, 10);
        bars.update("users", 0, 10);
        clock.addAndGet(200_000_000L);
        bars.update("orders", 10, 10);
        ProgressLine.clear(bars);

        // Two lines: the redraw goes one line up first, and the end clears from there down.
        assertThat(text.toString()).contains("\033[1A").endsWith("\033[1A\r\033[J");
    }

    @Test
    void longRuns_showHours() {
        assertThat(ProgressLine.duration(59)).isEqualTo("0:59");
        assertThat(ProgressLine.duration(3_725)).isEqualTo("1:02:05");
    }
}
