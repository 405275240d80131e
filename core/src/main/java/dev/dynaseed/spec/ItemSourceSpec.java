package dev.dynaseed.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items a table gets besides (or instead of) its generated ones: written as they are, before the generated items.
 * More variants (files) join this closed set.
 */
public sealed interface ItemSourceSpec {

    /** The kinds of source, in the order they are documented. */
    enum Kind {
        INLINE
    }

    Kind kind();

    /** How many items it holds, when that is known without reading a file. */
    long size();

    /**
     * Items written in the spec itself (the {@code items} list of a seed block, in DynamoDB JSON), e.g. a NoSQL
     * Workbench model's TableData.
     *
     * @param items the items, typed; each is written as it is
     */
    record Inline(List<Map<String, AttributeValue>> items) implements ItemSourceSpec {
        public Inline {
            items = items.stream().map(Map::copyOf).toList();
        }

        @Override
        public Kind kind() {
            return Kind.INLINE;
        }

        @Override
        public long size() {
            return items.size();
        }
    }

    /** Checks that {@code sources} holds no null. */
    static List<ItemSourceSpec> copy(List<ItemSourceSpec> sources) {
        sources.forEach(source -> Objects.requireNonNull(source, "source"));
        return List.copyOf(sources);
    }
}
