package dev.dynaseed.checkpoint;

import dev.dynaseed.spec.ItemSourceSpec;
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
 * What in a table's spec decides its items (keys, count, randomSeed, baseTime, generators, sources, entities), one short hash per
 * field: equal digests mean a resumed run makes the very same items, and differing fields say what changed.
 *
 * @param digest the hash over every field
 * @param fields the hash of each field, by its spec path, e.g. {@code seed.attributes.email}
 */
public record TableDigest(String digest, Map<String, String> fields) {
    public TableDigest {
        Objects.requireNonNull(digest, "digest");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The digest of {@code table}'s item-making fields; its onExisting policy is not one of them. */
    public static TableDigest of(TableSpec table) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("partitionKey", hash(table.partitionKey().toString()));
        fields.put("sortKey", hash(table.sortKey().map(Object::toString).orElse("none")));
        fields.put("seed.count", hash(Long.toString(table.seed().count())));
        fields.put(
                "seed.randomSeed",
                hash(table.seed().randomSeed().map(String::valueOf).orElse("none")));
        fields.put(
                "seed.baseTime",
                hash(table.seed().baseTime().map(String::valueOf).orElse("none")));
        fields.put(
                "seed.attributes",
                hash(String.join(",", table.seed().attributes().keySet())));
        table.seed()
                .attributes()
                .forEach((name, generator) -> fields.put("seed.attributes." + name, hash(generator.toString())));
        List<ItemSourceSpec> sources = table.seed().sources();
        for (int i = 0; i < sources.size(); i++) {
            fields.put("seed.sources[" + i + "]", hash(describe(sources.get(i))));
        }
        if (!table.seed().entities().isEmpty()) {
            // Each entity with its count, attributes and collections: any change in them moves items' indexes.
            table.seed()
                    .entities()
                    .forEach(entity -> fields.put("seed.entities." + entity.name(), hash(entity.toString())));
        }
        return new TableDigest(hash(fields.toString()), fields);
    }

    // An inline source by its items; a file by its path, format, reading options, size and modification time (a
    // content hash would read a multi-GB file once more on every run; a file rewritten with the same size within the
    // same clock tick would go unnoticed, which the checkpoint file's doc states).
    private static String describe(ItemSourceSpec source) {
        return switch (source.kind()) {
            case INLINE -> "inline " + ((ItemSourceSpec.Inline) source).items();
            case FILE -> {
                ItemSourceSpec.File file = (ItemSourceSpec.File) source;
                String scanned = file.scan()
                        .map(scan -> scan.format().specName() + " " + scan.bytes() + " bytes, modified "
                                + scan.modified() + ", " + scan.items() + " items, " + scan.badLines() + " bad")
                        .orElse("not scanned");
                yield "file " + file.path().toAbsolutePath().normalize() + " " + file.header() + " " + file.columns()
                        + " " + file.types() + " " + file.table() + " " + scanned;
            }
        };
    }

    /** The fields whose hash differs from {@code before}'s, including fields only one of them has. */
    public List<String> changedFrom(TableDigest before) {
        List<String> changed = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (!value.equals(before.fields().get(field))) {
                changed.add(field);
            }
        });
        before.fields().keySet().stream()
                .filter(field -> !fields.containsKey(field))
                .forEach(changed::add);
        return changed;
    }

    private static String hash(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
