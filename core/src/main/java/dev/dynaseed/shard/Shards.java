package dev.dynaseed.shard;

import dev.dynaseed.checkpoint.TableDigest;
import dev.dynaseed.seed.IndexRanges;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits a spec's items into shards balanced by item count: the tables' index spaces are laid end to end in spec
 * order and cut into {@code n} runs of equal length (differing by at most one item), so a shard touches few tables.
 */
public final class Shards {
    /** The most shards a load is split into (a Step Functions Distributed Map takes far more, Lambda fewer at once). */
    public static final int MAX_SHARDS = 10_000;

    private Shards() {}

    /**
     * The items a table's seed block asks for (its inline items, then the generated ones, entities included); the
     * indexes a split shares out are {@code 0 .. items-1}.
     */
    public static long items(TableSpec table) {
        return table.seed().totalItems();
    }

    /**
     * Refuses a spec whose tables read items from files: a shard runs where those files are not (the function), so
     * such items cannot be split into shards.
     */
    public static void requireNoFiles(Spec spec) {
        List<dev.dynaseed.spec.Problem> problems = new ArrayList<>();
        for (int i = 0; i < spec.tables().size(); i++) {
            TableSpec table = spec.tables().get(i);
            if (table.seed().sources().stream()
                    .anyMatch(source -> source.kind() == dev.dynaseed.spec.ItemSourceSpec.Kind.FILE)) {
                problems.add(new dev.dynaseed.spec.Problem(
                        "tables[" + i + "].seed.files",
                        "table " + table.name() + " reads items from files, which a shard (run by the function)"
                                + " cannot read; seed that table without shards, or write its items inline"
                                + " (seed.items) or as generators"));
            }
        }
        if (!problems.isEmpty()) {
            throw new dev.dynaseed.spec.InvalidSpecException("for shards", problems);
        }
    }

    /** {@code n} shards covering every item of {@code spec} exactly once; shards past the items are empty. */
    public static List<Shard> split(Spec spec, int n) {
        Objects.requireNonNull(spec, "spec");
        requireNoFiles(spec);
        if (n < 1 || n > MAX_SHARDS) {
            throw new IllegalArgumentException("shards must be 1 to " + MAX_SHARDS + ", was " + n);
        }
        long total = spec.tables().stream().mapToLong(Shards::items).sum();
        List<Shard> shards = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long from = position(total, k, n);
            long to = position(total, k + 1, n);
            Map<String, IndexRanges> ranges = new LinkedHashMap<>();
            long start = 0;
            for (TableSpec table : spec.tables()) {
                long end = start + items(table);
                long lo = Math.max(from, start);
                long hi = Math.min(to, end);
                if (lo < hi) {
                    ranges.put(table.name(), IndexRanges.of(List.of(new IndexRanges.Range(lo - start, hi - start))));
                }
                start = end;
            }
            shards.add(new Shard(k + 1, n, ranges));
        }
        return shards;
    }

    /** Where cut {@code k} of {@code n} falls in {@code total} items, without overflow for any long total. */
    private static long position(long total, int k, int n) {
        return total / n * k + total % n * k / n;
    }

    /**
     * A short hash of what decides the items of every table (keys, randomSeed, baseTime, generators; not the count,
     * which only says how many): a function whose spec has another digest would write other items, so it refuses.
     */
    public static String digest(Spec spec) {
        StringBuilder text = new StringBuilder();
        for (TableSpec table : spec.tables()) {
            text.append(table.name()).append('{');
            TableDigest.of(table).fields().forEach((field, hash) -> {
                if (!field.equals("seed.count")) {
                    text.append(field).append('=').append(hash).append(';');
                }
            });
            text.append('}');
        }
        try {
            byte[] sha =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
