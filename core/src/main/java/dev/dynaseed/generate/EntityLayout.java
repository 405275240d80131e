package dev.dynaseed.generate;

import dev.dynaseed.spec.CollectionSpec;
import dev.dynaseed.spec.EntitySpec;
import dev.dynaseed.spec.SeedSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Where each item of a single-table seed block sits in the table's flat item indexes {@code 0 .. total-1}, so that
 * checkpoints, {@code --max-items} and shards work as for any table: item {@code i} depends only on (seed, i).
 *
 * <p>The indexes are cut into segments, in the order the spec lists them: for each entity its {@code count}
 * items, then for each of its collections all their children, parent by parent (parent 0's children first). How
 * many children parent {@code p} gets is drawn from (randomSeed, entity, collection, p), so the layout (and the total)
 * is the same on every run, even without a randomSeed, and is known before the first item is made. To find the
 * parent of a child without holding one number per parent, the layout keeps the running total of children every
 * {@value #BLOCK} parents (prefix sums per block) and recounts at most {@value #BLOCK} parents within one block.
 */
public final class EntityLayout {
    /** Parents per kept running total: memory is total parents / BLOCK longs, work per child at most BLOCK draws. */
    static final int BLOCK = 32;

    private final List<Segment> segments;
    private final long total;

    /** One run of indexes: an entity's own items, or a collection's children. */
    private record Segment(
            int entity,
            int collection,
            long start,
            long size,
            long parents,
            Generator perParent,
            long seed,
            long[] blockStarts) {}

    /**
     * Where one item sits.
     *
     * @param entity the entity's position in the seed block
     * @param collection the collection's position in its entity, or -1 for the entity's own items
     * @param ordinal the item's number among its entity's items, or among the collection's children
     * @param parent the parent's ordinal, for a child; -1 otherwise
     */
    public record Position(int entity, int collection, long ordinal, long parent) {}

    private EntityLayout(List<Segment> segments, long total) {
        this.segments = segments;
        this.total = total;
    }

    /** The layout of {@code seed}'s entities (an empty layout when it lists none). */
    public static EntityLayout of(SeedSpec seed) {
        Objects.requireNonNull(seed, "seed");
        long layoutSeed = Seeds.mix(seed.randomSeed().orElse(0L), Seeds.ofText("entity layout"));
        List<Segment> segments = new ArrayList<>();
        long start = 0;
        for (int e = 0; e < seed.entities().size(); e++) {
            EntitySpec entity = seed.entities().get(e);
            segments.add(new Segment(e, -1, start, entity.count(), 0, null, 0, new long[0]));
            start = Math.addExact(start, entity.count());
            for (int c = 0; c < entity.collections().size(); c++) {
                CollectionSpec collection = entity.collections().get(c);
                long seedOf = Seeds.mix(layoutSeed, Seeds.ofText(entity.name() + "/" + collection.name()));
                Generator perParent = GeneratorKinds.create(collection.perParent(), seedOf);
                long[] blockStarts = new long[(int) ((entity.count() + BLOCK - 1) / BLOCK)];
                long children = 0;
                for (long p = 0; p < entity.count(); p++) {
                    if (p % BLOCK == 0) {
                        blockStarts[(int) (p / BLOCK)] = children;
                    }
                    children = Math.addExact(children, children(perParent, seedOf, p));
                }
                segments.add(new Segment(e, c, start, children, entity.count(), perParent, seedOf, blockStarts));
                start = Math.addExact(start, children);
            }
        }
        return new EntityLayout(List.copyOf(segments), start);
    }

    private static long children(Generator perParent, long seed, long parent) {
        GenerationContext context = new GenerationContext(parent, new SplittableRandom(Seeds.mix(seed, parent)), 0);
        BigDecimal drawn = new BigDecimal(perParent.next(context).n());
        return Math.max(0, drawn.longValue());
    }

    /** How many items the layout holds: its entities' and all their children. */
    public long total() {
        return total;
    }

    /** How many items of entity {@code entity}'s collection {@code collection} there are. */
    public long children(int entity, int collection) {
        return segments.stream()
                .filter(segment -> segment.entity() == entity && segment.collection() == collection)
                .mapToLong(Segment::size)
                .sum();
    }

    /** Where item {@code index} sits. */
    public Position locate(long index) {
        if (index < 0 || index >= total) {
            throw new IndexOutOfBoundsException("item " + index + " is outside 0 to " + (total - 1));
        }
        for (Segment segment : segments) {
            if (index >= segment.start() + segment.size()) {
                continue;
            }
            long ordinal = index - segment.start();
            if (segment.collection() < 0) {
                return new Position(segment.entity(), -1, ordinal, -1);
            }
            int block = Arrays.binarySearch(segment.blockStarts(), ordinal);
            if (block < 0) {
                block = -block - 2;
            } else {
                // several empty blocks may share a start: take the last one whose start is ordinal
                while (block + 1 < segment.blockStarts().length && segment.blockStarts()[block + 1] == ordinal) {
                    block++;
                }
            }
            long before = segment.blockStarts()[block];
            for (long p = (long) block * BLOCK; p < segment.parents(); p++) {
                long count = children(segment.perParent(), segment.seed(), p);
                if (ordinal < before + count) {
                    return new Position(segment.entity(), segment.collection(), ordinal, p);
                }
                before += count;
            }
            throw new IllegalStateException("item " + index + " was not found in its segment");
        }
        throw new IllegalStateException("item " + index + " was not found");
    }
}
