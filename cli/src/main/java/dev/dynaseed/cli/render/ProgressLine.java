package dev.dynaseed.cli.render;

import dev.dynaseed.seed.SeedProgress;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Progress bars on a terminal, one line per table being seeded (items done of requested, items per second, time
 * left), redrawn in place at most every 100 ms and cleared at the end.
 */
public final class ProgressLine implements SeedProgress {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 24;
    /** The most tables drawn at once: those seen most recently. */
    private static final int MAX_LINES = 8;

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final Map<String, TableProgress> tables = new LinkedHashMap<>();
    private long lastDraw = Long.MIN_VALUE;
    private int linesDrawn;

    ProgressLine(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
    }

    /** Progress bars on {@code err} when it is a terminal a person watches; otherwise nothing. */
    public static SeedProgress forTerminal(PrintWriter err, boolean enabled) {
        return enabled && Terminal.stderrIsTerminal() ? new ProgressLine(err, System::nanoTime) : SeedProgress.NONE;
    }

    @Override
    public synchronized void update(String table, long done, long requested) {
        long now = nanoClock.getAsLong();
        TableProgress progress = tables.computeIfAbsent(table, name -> new TableProgress(now, done));
        progress.done = done;
        progress.requested = requested;
        progress.at = now;
        if (lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS && done < requested) {
            return;
        }
        lastDraw = now;
        draw();
    }

    private void draw() {
        List<String> lines = lines();
        StringBuilder out = new StringBuilder();
        if (linesDrawn > 1) {
            out.append("\033[").append(linesDrawn - 1).append('A');
        }
        for (int i = 0; i < lines.size(); i++) {
            out.append('\r').append("\033[2K").append(lines.get(i));
            if (i < lines.size() - 1) {
                out.append('\n');
            }
        }
        err.print(out);
        err.flush();
        linesDrawn = lines.size();
    }

    /** The lines drawn now: one per table, the last {@value #MAX_LINES} seen. */
    synchronized List<String> lines() {
        int width = tables.keySet().stream().mapToInt(String::length).max().orElse(0);
        List<String> lines = new ArrayList<>();
        int skip = Math.max(0, tables.size() - MAX_LINES);
        for (Map.Entry<String, TableProgress> entry : tables.entrySet()) {
            if (skip-- > 0) {
                continue;
            }
            lines.add(line(entry.getKey(), width, entry.getValue()));
        }
        return lines;
    }

    private static String line(String table, int width, TableProgress progress) {
        long done = progress.done;
        long requested = progress.requested;
        int filled = requested == 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / requested);
        double seconds = (progress.at - progress.since) / 1e9;
        double rate = seconds > 0 ? (done - progress.doneAtStart) / seconds : 0;
        String eta;
        if (done >= requested) {
            eta = "done";
        } else if (rate > 0) {
            eta = "ETA " + duration((long) Math.ceil((requested - done) / rate));
        } else {
            eta = "ETA --";
        }
        return String.format(
                Locale.ROOT,
                "%-" + width + "s [%s%s] %,d/%,d items  %,.0f items/s  %s",
                table,
                "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled),
                done,
                requested,
                rate,
                eta);
    }

    static String duration(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** Clears the bars if any were drawn. */
    public static void clear(SeedProgress progress) {
        if (progress instanceof ProgressLine bars) {
            bars.clear();
        }
    }

    private synchronized void clear() {
        if (linesDrawn == 0) {
            return;
        }
        StringBuilder out = new StringBuilder();
        if (linesDrawn > 1) {
            out.append("\033[").append(linesDrawn - 1).append('A');
        }
        out.append("\r\033[J");
        err.print(out);
        err.flush();
        linesDrawn = 0;
    }

    /** One table's progress: when it was first heard of, with how many done then, and now. */
    private static final class TableProgress {
        final long since;
        final long doneAtStart;
        long done;
        long requested;
        long at;

        TableProgress(long since, long doneAtStart) {
            this.since = since;
            this.doneAtStart = doneAtStart;
        }
    }
}
