package dev.dynaseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexRangesTest {
    private static IndexRanges ranges(long... bounds) {
        IndexRanges result = IndexRanges.empty();
        for (int i = 0; i < bounds.length; i += 2) {
            result = result.plus(IndexRanges.of(List.of(new IndexRanges.Range(bounds[i], bounds[i + 1]))));
        }
        return result;
    }

    @Test
    void batchesFinishingInAnyOrder_mergeIntoOneRange() {
        IndexRanges written = ranges(50, 75, 0, 25, 75, 100, 25, 50);

        assertThat(written.ranges()).containsExactly(new IndexRanges.Range(0, 100));
        assertThat(written.missingUpTo(100).isEmpty()).isTrue();
    }

    @Test
    void missingUpTo_isWhatIsLeftBetweenAndAfterTheWrittenRanges() {
        IndexRanges written = ranges(0, 25, 50, 75);

        assertThat(written.missingUpTo(100)).isEqualTo(ranges(25, 50, 75, 100));
        assertThat(written.missingUpTo(100).size()).isEqualTo(50);
        assertThat(IndexRanges.empty().missingUpTo(3)).isEqualTo(IndexRanges.upTo(3));
    }

    @Test
    void atPositions_mapsABatchOfAResumedRunBackToItemIndexes_acrossRanges() {
        IndexRanges toWrite = ranges(25, 50, 75, 100);

        assertThat(toWrite.atPositions(0, 25)).isEqualTo(ranges(25, 50));
        assertThat(toWrite.atPositions(20, 10)).isEqualTo(ranges(45, 50, 75, 80));
        assertThat(toWrite.atPositions(45, 5)).isEqualTo(ranges(95, 100));
    }
}
