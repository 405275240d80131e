package dev.dynaseed.files;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.dynaseed.spec.ItemFileFormat;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes items to a file in one of the {@link ItemFileFormat}s, one item at a time (safe to call from several
 * threads), in the very form the readers read back; {@link #losses()} counts what a lossy format could not keep.
 */
public abstract class ItemFileWriter implements Closeable {
    private final Losses losses = new Losses();
    private long written;

    /** A writer of {@code format} to {@code file}; {@code table} names a batch-write file's requests. */
    public static ItemFileWriter open(ItemFileFormat format, Path file, String table) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(table, "table");
        return switch (format) {
            case JSON, SERVERLESS -> new Json(file, Shape.PLAIN, "[\n", "\n]\n");
            case SERVERLESS_RAW -> new Json(file, Shape.TYPED, "[\n", "\n]\n");
            case JSONL -> new Json(file, Shape.PLAIN, "", "");
            case DYNAMODB_JSON -> new Json(file, Shape.TYPED, "", "");
            case S3_EXPORT -> new Json(file, Shape.EXPORT_LINE, "", "");
            case BATCH_WRITE -> new Json(file, Shape.PUT_REQUEST, "{" + quoted(table) + ": [\n", "\n]}\n");
            case CSV -> new CsvItemWriter(file);
        };
    }

    /** Writes one item. */
    public final synchronized void write(Map<String, AttributeValue> item) throws IOException {
        Objects.requireNonNull(item, "item");
        append(item);
        written++;
    }

    /** The items written so far. */
    public final synchronized long written() {
        return written;
    }

    /** What the format could not keep of the items written (sets, binary values, ...). */
    public Losses losses() {
        return losses;
    }

    abstract void append(Map<String, AttributeValue> item) throws IOException;

    static String quoted(String text) {
        try {
            return ItemJson.MAPPER.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + text + " as JSON", e);
        }
    }

    /** How one item is written in a JSON format. */
    private enum Shape {
        PLAIN,
        TYPED,
        EXPORT_LINE,
        PUT_REQUEST
    }

    /**
     * The JSON formats: one item per line; inside an array (or a batch-write object) when {@code start} is not empty,
     * else as JSON Lines (gzip-compressed for S3 exports).
     */
    private static final class Json extends ItemFileWriter {
        private final OutputStream stream;
        private final JsonGenerator out;
        private final Shape shape;
        private final boolean lines;
        private final String end;
        private boolean first = true;
        private boolean closed;

        Json(Path file, Shape shape, String start, String end) throws IOException {
            OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            this.stream = shape == Shape.EXPORT_LINE ? new GZIPOutputStream(raw, 64 * 1024) : raw;
            this.out = ItemJson.MAPPER.getFactory().createGenerator(stream, JsonEncoding.UTF8);
            out.setPrettyPrinter(new MinimalPrettyPrinter(""));
            this.shape = shape;
            this.lines = start.isEmpty();
            this.end = end;
            out.writeRaw(start);
        }

        @Override
        void append(Map<String, AttributeValue> item) throws IOException {
            if (!lines && !first) {
                out.writeRaw(",\n");
            }
            first = false;
            switch (shape) {
                case PLAIN -> PlainJson.write(out, item, losses());
                case TYPED -> DynamoJson.write(out, item);
                case EXPORT_LINE -> {
                    out.writeStartObject();
                    out.writeFieldName("Item");
                    DynamoJson.write(out, item);
                    out.writeEndObject();
                }
                case PUT_REQUEST -> {
                    out.writeStartObject();
                    out.writeObjectFieldStart("PutRequest");
                    out.writeFieldName("Item");
                    DynamoJson.write(out, item);
                    out.writeEndObject();
                    out.writeEndObject();
                }
            }
            if (lines) {
                out.writeRaw("\n");
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (stream) {
                out.writeRaw(first && !lines ? end.stripLeading() : end);
                out.close();
            }
        }
    }
}
