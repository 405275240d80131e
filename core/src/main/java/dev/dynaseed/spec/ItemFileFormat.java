package dev.dynaseed.spec;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file formats a table's items are read from (seed.files) and exported to (dynaseed export). */
public enum ItemFileFormat {
    /** One JSON array of plain items ({@code [{"id": "a", "n": 1}]}). */
    JSON("json", ".json", false),
    /** One plain JSON item per line. */
    JSONL("jsonl", ".jsonl", false),
    /** A header row, then one item per row. */
    CSV("csv", ".csv", false),
    /** DynamoDB JSON items ({@code {"id": {"S": "a"}}}), one per line or in one array, optionally as {@code {"Item": ...}}. */
    DYNAMODB_JSON("dynamodb-json", ".dynamodb.jsonl", true),
    /** The request file of {@code aws dynamodb batch-write-item --request-items file://...}. */
    BATCH_WRITE("batch-write", ".batch-write.json", true),
    /** DynamoDB's export to S3 (DYNAMODB_JSON): lines of {@code {"Item": ...}}, gzip-compressed when named .gz. */
    S3_EXPORT("s3-export", ".json.gz", true),
    /** A serverless-dynamodb-local {@code sources} seed file: one JSON array of plain items. */
    SERVERLESS("serverless", ".serverless.json", false),
    /** A serverless-dynamodb-local {@code rawsources} seed file: one JSON array of DynamoDB JSON items. */
    SERVERLESS_RAW("serverless-raw", ".serverless-raw.json", true);

    private final String specName;
    private final String extension;
    private final boolean lossless;

    ItemFileFormat(String specName, String extension, boolean lossless) {
        this.specName = specName;
        this.extension = extension;
        this.lossless = lossless;
    }

    /** The name in spec files and on the command line, e.g. {@code dynamodb-json}. */
    public String specName() {
        return specName;
    }

    /** The file name ending {@code dynaseed export} gives the format, e.g. {@code .jsonl}. */
    public String extension() {
        return extension;
    }

    /**
     * Whether every DynamoDB type survives the format exactly (typed formats); plain JSON and CSV turn sets into
     * lists and binary into base64 strings.
     */
    public boolean lossless() {
        return lossless;
    }

    /** The format named {@code name} (its spec name, any case). */
    public static Optional<ItemFileFormat> named(String name) {
        return Arrays.stream(values())
                .filter(format -> format.specName.equalsIgnoreCase(name.trim()))
                .findFirst();
    }

    /** Every spec name, in declaration order. */
    public static java.util.List<String> specNames() {
        return Arrays.stream(values()).map(ItemFileFormat::specName).toList();
    }

    /** Every spec name, for messages: {@code json, jsonl, csv, ...}. */
    public static String names() {
        return Arrays.stream(values()).map(ItemFileFormat::specName).collect(Collectors.joining(", "));
    }
}
