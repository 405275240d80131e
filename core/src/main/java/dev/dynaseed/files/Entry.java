package dev.dynaseed.files;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One thing read from an item file, with the line it starts on: an item, a key to delete, or a line not read. */
public sealed interface Entry {
    long line();

    /** An item to write. */
    record Put(long line, Map<String, AttributeValue> item) implements Entry {
        public Put {
            Objects.requireNonNull(item, "item");
        }
    }

    /** The key of an item to delete (batch-write files). */
    record Delete(long line, Map<String, AttributeValue> key) implements Entry {
        public Delete {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * A line that could not be read.
     *
     * @param column the column on the line where the problem (or the item) starts, from 1; 0 when unknown
     * @param reason why, e.g. {@code id.N is "x", not a number}
     * @param last whether nothing after it can be read (a syntax error inside one JSON document, a cut gzip stream)
     */
    record Bad(long line, long column, String reason, boolean last) implements Entry {
        public Bad {
            Objects.requireNonNull(reason, "reason");
        }

        /** A bad line without a known column. */
        public Bad(long line, String reason, boolean last) {
            this(line, 0, reason, last);
        }

        /** Where it is in {@code file}: {@code file:line:column}, without the parts that are unknown. */
        public String where(Object file) {
            return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
        }
    }
}
