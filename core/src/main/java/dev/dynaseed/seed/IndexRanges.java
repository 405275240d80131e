package dev.dynaseed.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A set of item indexes kept as sorted, disjoint ranges: which items of a table a run wrote, or has still to write.
 * Immutable; merging touching ranges keeps it small however the batches finish.
 */
public final class IndexRanges {
    private static final IndexRanges EMPTY = new IndexRanges(List.of());

    /** Indexes {@code from} (inclusive) to {@code to} (exclusive). */
    public record Range(long from, long to) {
        public Range {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("a range needs 0 <= from < to, was " + from + ".." + to);
            }
        }

        public long size() {
            return to - from;
        }

        @Override
        public String toString() {
            return from + ".." + (to - 1);
        }
    }

    private final List<Range> ranges;

    private IndexRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static IndexRanges empty() {
        return EMPTY;
    }

    /** Indexes {@code 0 .. count-1}. */
    public static IndexRanges upTo(long count) {
        return count == 0 ? EMPTY : new IndexRanges(List.of(new Range(0, count)));
    }

    /** The union of {@code ranges}, in any order, overlapping or not. */
    public static IndexRanges of(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(Range::from));
        List<Range> merged = new ArrayList<>();
        for (Range range : sorted) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).to() >= range.from()) {
                Range last = merged.remove(merged.size() - 1);
                merged.add(new Range(last.from(), Math.max(last.to(), range.to())));
            } else {
                merged.add(range);
            }
        }
        return new IndexRanges(merged);
    }

    public IndexRanges plus(IndexRanges other) {
        List<Range> all = new ArrayList<>(ranges);
        all.addAll(other.ranges);
        return of(all);
    }

    public List<Range> ranges() {
        return ranges;
    }

    /** How many indexes the set holds. */
    public long size() {
        return ranges.stream().mapToLong(Range::size).sum();
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The indexes of {@code 0 .. count-1} that this set does not hold. */
    public IndexRanges missingUpTo(long count) {
        List<Range> missing = new ArrayList<>();
        long next = 0;
        for (Range range : ranges) {
            if (range.from() >= count) {
                break;
            }
            if (range.from() > next) {
                missing.add(new Range(next, range.from()));
            }
            next = Math.max(next, range.to());
        }
        if (next < count) {
            missing.add(new Range(next, count));
        }
        return new IndexRanges(missing);
    }

    /** The indexes this set holds and {@code other} does not. */
    public IndexRanges minus(IndexRanges other) {
        List<Range> left = new ArrayList<>();
        int j = 0;
        List<Range> taken = other.ranges;
        for (Range range : ranges) {
            long next = range.from();
            while (j < taken.size() && taken.get(j).to() <= next) {
                j++;
            }
            for (int k = j; k < taken.size() && taken.get(k).from() < range.to(); k++) {
                Range cut = taken.get(k);
                if (cut.from() > next) {
                    left.add(new Range(next, cut.from()));
                }
                next = Math.max(next, cut.to());
            }
            if (next < range.to()) {
                left.add(new Range(next, range.to()));
            }
        }
        return new IndexRanges(left);
    }

    /** The indexes at positions {@code first .. first+count-1} when this set is read in order. */
    public IndexRanges atPositions(long first, long count) {
        List<Range> result = new ArrayList<>();
        long skip = first;
        long left = count;
        for (Range range : ranges) {
            if (left == 0) {
                break;
            }
            if (skip >= range.size()) {
                skip -= range.size();
                continue;
            }
            long from = range.from() + skip;
            long to = Math.min(range.to(), from + left);
            result.add(new Range(from, to));
            left -= to - from;
            skip = 0;
        }
        if (left > 0) {
            throw new IllegalArgumentException(
                    "positions " + first + ".." + (first + count - 1) + " are beyond the " + size() + " indexes");
        }
        return new IndexRanges(result);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexRanges that && ranges.equals(that.ranges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ranges);
    }

    /** E.g. {@code 0..99, 200..299}, or {@code none}. */
    @Override
    public String toString() {
        return ranges.isEmpty() ? "none" : ranges.stream().map(Range::toString).collect(Collectors.joining(", "));
    }
}
