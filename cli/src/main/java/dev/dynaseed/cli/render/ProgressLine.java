package dev.dynaseed.cli.render;

import dev.dynaseed.seed.SeedProgress;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A one-line progress display on a terminal, redrawn at most every 100 ms, cleared at the end. */
public final class ProgressLine implements SeedProgress {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final Map<String, long[]> tables = new ConcurrentHashMap<>();
    private long lastDraw;
    private int lastWidth;

    private ProgressLine(PrintWriter err) {
        this.err = err;
    }

    /** A progress line on {@code err} when a person is watching a terminal; otherwise nothing. */
    public static SeedProgress forTerminal(PrintWriter err, boolean enabled) {
        return enabled && System.console() != null ? new ProgressLine(err) : SeedProgress.NONE;
    }

    @Override
    public void update(String table, long done, long requested) {
        tables.put(table, new long[] {done, requested});
        long now = System.nanoTime();
        synchronized (this) {
            if (now - lastDraw < REDRAW_NANOS && done < requested) {
                return;
            }
            lastDraw = now;
            long allDone = 0;
            long all = 0;
            for (long[] counts : tables.values()) {
                allDone += counts[0];
                all += counts[1];
            }
            int width = 30;
            int filled = all == 0 ? width : (int) (width * allDone / all);
            String line = "seeding [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + allDone + "/" + all
                    + " items, " + tables.size() + " table" + (tables.size() == 1 ? "" : "s");
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
            err.flush();
        }
    }

    /** Clears the line if anything was drawn. */
    public static void clear(SeedProgress progress) {
        if (progress instanceof ProgressLine line && line.lastWidth > 0) {
            line.err.print("\r" + " ".repeat(line.lastWidth) + "\r");
            line.err.flush();
        }
    }
}
