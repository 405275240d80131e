package dev.dynaseed.files;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens an item file as bytes or strict UTF-8 text: gzip undone (by name or magic bytes), a byte order mark dropped. */
final class TextInput {
    private TextInput() {}

    /** The file's bytes, un-gzipped when it is gzip data. */
    static InputStream bytes(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        boolean gzip = (first == 0x1f && second == 0x8b)
                || path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        if (!gzip) {
            return in;
        }
        try {
            return new BufferedInputStream(new GZIPInputStream(in, 64 * 1024), 64 * 1024);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** The file's text: UTF-8, malformed bytes an error (not replaced), without a leading byte order mark. */
    static Reader text(Path path) throws IOException {
        InputStream in = bytes(path);
        Reader reader = new BufferedReader(
                new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Why reading stopped, in words: a cut gzip stream, bytes that are not UTF-8, or the I/O error. */
    static String describe(IOException e) {
        if (e instanceof EOFException) {
            return "the file ends in the middle of its gzip data (a truncated download?); fetch it again";
        }
        if (e instanceof ZipException) {
            return "is not valid gzip data (" + e.getMessage() + ")";
        }
        if (e instanceof CharacterCodingException) {
            return "holds bytes that are not UTF-8 text (a binary file?); give a UTF-8 text file";
        }
        return "cannot be read: " + e.getMessage();
    }
}
