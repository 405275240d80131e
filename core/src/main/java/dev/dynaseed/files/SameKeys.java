package dev.dynaseed.files;

import dev.dynaseed.spec.SourceSelection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Finds the source items of one table that a later item with the same key replaces, as the files are scanned: each
 * item's key is kept as a 96-bit digest with the position of its last item, in an open-addressing table of at most
 * {@value #MAX_KEYS} keys (16 bytes a slot, under 17 MB), so memory is bounded whatever the file's size; keys past
 * that are not checked, and the selection says so.
 */
final class SameKeys {
    /** The most distinct keys checked per table. */
    static final int MAX_KEYS = 750_000;
    /** The replacements a report names. */
    static final int EXAMPLES = 5;

    private static final int MAX_SLOTS = 1 << 20;

    private final List<String> keyNames;
    private final MessageDigest md5;
    private long[] high = new long[1024];
    private int[] low = new int[1024];
    /** The position of the key's last item, plus one (0: an empty slot). */
    private int[] position = new int[1024];

    private int keys;
    private long positions;
    private long replaced;
    private boolean allChecked = true;
    private final BitSet superseded = new BitSet();
    private final List<String> examples = new ArrayList<>();
    private final List<Long> sourceStarts = new ArrayList<>();
    private final List<String> sourceNames = new ArrayList<>();

    private final int maxKeys;

    SameKeys(List<String> keyNames) {
        this(keyNames, MAX_KEYS);
    }

    /** Checks at most {@code maxKeys} distinct keys (tests use a small bound). */
    SameKeys(List<String> keyNames, int maxKeys) {
        this.keyNames = List.copyOf(keyNames);
        this.maxKeys = maxKeys;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** The next items come from the source called {@code name} (a file's path, or {@code seed.items}). */
    void source(String name) {
        sourceStarts.add(positions);
        sourceNames.add(name);
    }

    /** Takes the next source item, found at {@code where} (e.g. {@code users.jsonl:7}). */
    void add(Map<String, AttributeValue> item, String where) {
        long at = positions++;
        if (at >= Integer.MAX_VALUE - 1) {
            allChecked = false;
            return;
        }
        byte[] digest = digest(item);
        long h = ByteBuffer.wrap(digest).getLong(0);
        int l = ByteBuffer.wrap(digest).getInt(8);
        int slot = find(h, l);
        if (position[slot] != 0) {
            long earlier = position[slot] - 1L;
            superseded.set((int) earlier);
            replaced++;
            if (examples.size() < EXAMPLES) {
                examples.add(where + ": replaces the item with the same key (" + key(item) + ") given earlier in "
                        + sourceOf(earlier));
            }
            position[slot] = (int) at + 1;
            return;
        }
        if (keys >= maxKeys) {
            allChecked = false;
            return;
        }
        high[slot] = h;
        low[slot] = l;
        position[slot] = (int) at + 1;
        keys++;
        if (keys * 4L > position.length * 3L && position.length < MAX_SLOTS) {
            // MAX_KEYS fills at most three quarters of MAX_SLOTS, so a free slot always remains.
            grow();
        }
    }

    /** What was found: the replaced items, left out of what is written. */
    SourceSelection selection() {
        return new SourceSelection(replaced, examples, allChecked, Long.MAX_VALUE, superseded);
    }

    private int find(long h, int l) {
        int mask = position.length - 1;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (position[slot] != 0 && (high[slot] != h || low[slot] != l)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldHigh = high;
        int[] oldLow = low;
        int[] oldPosition = position;
        high = new long[oldHigh.length * 2];
        low = new int[oldHigh.length * 2];
        position = new int[oldHigh.length * 2];
        for (int i = 0; i < oldPosition.length; i++) {
            if (oldPosition[i] != 0) {
                int slot = find(oldHigh[i], oldLow[i]);
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
                position[slot] = oldPosition[i];
            }
        }
    }

    private byte[] digest(Map<String, AttributeValue> item) {
        md5.reset();
        for (String name : keyNames) {
            AttributeValue value = item.get(name);
            if (value == null) {
                md5.update((byte) 0);
                continue;
            }
            byte[] bytes;
            byte type;
            if (value.s() != null) {
                type = 'S';
                bytes = value.s().getBytes(StandardCharsets.UTF_8);
            } else if (value.n() != null) {
                type = 'N';
                bytes = canonicalNumber(value.n()).getBytes(StandardCharsets.UTF_8);
            } else if (value.b() != null) {
                type = 'B';
                bytes = value.b().asByteArray();
            } else {
                type = '?';
                bytes = value.toString().getBytes(StandardCharsets.UTF_8);
            }
            md5.update(type);
            md5.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            md5.update(bytes);
        }
        return md5.digest();
    }

    /**
     * A number as DynamoDB tells keys apart, by value: {@code 5}, {@code 5.00} and {@code 5E0} are one key. The readers
     * have refused numbers out of DynamoDB's range by now, so the plain form stays short.
     */
    static String canonicalNumber(String number) {
        return new java.math.BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    private String key(Map<String, AttributeValue> item) {
        List<String> parts = new ArrayList<>();
        for (String name : keyNames) {
            AttributeValue value = item.get(name);
            String text = value == null
                    ? "none"
                    : value.s() != null ? "\"" + value.s() + "\"" : value.n() != null ? value.n() : "binary";
            parts.add(name + " " + (text.length() > 40 ? text.substring(0, 37) + "...\"" : text));
        }
        return String.join(", ", parts);
    }

    private String sourceOf(long earlier) {
        for (int i = sourceStarts.size() - 1; i >= 0; i--) {
            if (sourceStarts.get(i) <= earlier) {
                String name = sourceNames.get(i);
                return name.equals("seed.items") ? "seed.items[" + (earlier - sourceStarts.get(i)) + "]" : name;
            }
        }
        return "the sources";
    }
}
