package dev.dynaseed.files;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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

    /**
     * The file's text: UTF-8, malformed bytes an error naming their line and byte offset (not replaced), without a
     * leading byte order mark. A UTF-16 or UTF-32 file is refused at once, with the command that converts it.
     */
    static Reader text(Path path) throws IOException {
        InputStream in = bytes(path);
        String name = path.getFileName().toString();
        boolean gzip = name.toLowerCase(Locale.ROOT).endsWith(".gz");
        try {
            in.mark(4);
            byte[] start = in.readNBytes(4);
            in.reset();
            String wide = wideEncoding(start);
            if (wide != null) {
                throw new NotUtf8Exception("is " + wide + ", not UTF-8; convert it: " + convert(name, gzip, wide));
            }
        } catch (IOException e) {
            in.close();
            throw e;
        }
        Reader reader = new BufferedReader(new Utf8Reader(in, name, gzip), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** The encoding of a text starting with {@code start} when it is UTF-16 or UTF-32 (by a byte order mark or 0s). */
    private static String wideEncoding(byte[] start) {
        int[] b = new int[4];
        for (int i = 0; i < 4; i++) {
            b[i] = i < start.length ? start[i] & 0xff : -1;
        }
        if (b[0] == 0xff && b[1] == 0xfe && b[2] == 0 && b[3] == 0
                || b[0] == 0 && b[1] == 0 && b[2] == 0xfe && b[3] == 0xff) {
            return "UTF-32 text (it starts with a UTF-32 byte order mark)";
        }
        if (b[0] == 0xfe && b[1] == 0xff || b[0] == 0xff && b[1] == 0xfe) {
            return "UTF-16 text (it starts with a UTF-16 byte order mark)";
        }
        if (b[0] > 0 && b[1] == 0 && b[2] > 0 && b[3] == 0) {
            return "UTF-16LE text (every other byte is 0)";
        }
        if (b[0] == 0 && b[1] > 0 && b[2] == 0 && b[3] > 0) {
            return "UTF-16BE text (every other byte is 0)";
        }
        return null;
    }

    /** The command that converts file {@code name} from {@code encoding} (its first word) to UTF-8. */
    private static String convert(String name, boolean gzip, String encoding) {
        String from = encoding.split(" ", 2)[0];
        String plain = gzip ? name.substring(0, name.length() - 3) : name;
        int dot = plain.lastIndexOf('.');
        String target = dot > 0 ? plain.substring(0, dot) + ".utf8" + plain.substring(dot) : plain + ".utf8";
        String iconv = "iconv -f " + from + " -t UTF-8";
        return (gzip ? "gunzip -c " + name + " | " + iconv : iconv + " " + name) + " > " + target;
    }

    /** Text that is not UTF-8: the message says where and how to convert it. */
    static final class NotUtf8Exception extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        NotUtf8Exception(String reason) {
            this.reason = reason;
        }

        @Override
        public String getMessage() {
            return reason;
        }
    }

    /** Strict UTF-8 decoding that knows the line and byte offset of a byte that is not UTF-8. */
    private static final class Utf8Reader extends Reader {
        private final InputStream in;
        private final String name;
        private final boolean gzip;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
        private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
        private long filled;
        private long lineEnds;
        private boolean eof;
        private boolean flushed;
        private IOException pending;

        Utf8Reader(InputStream in, String name, boolean gzip) {
            this.in = in;
            this.name = name;
            this.gzip = gzip;
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, buffer.length);
            if (len == 0) {
                return 0;
            }
            if (!chars.hasRemaining() && !decode()) {
                return -1;
            }
            int n = Math.min(len, chars.remaining());
            chars.get(buffer, off, n);
            for (int i = off; i < off + n; i++) {
                if (buffer[i] == '\n') {
                    lineEnds++;
                }
            }
            return n;
        }

        /** Decodes more text into {@code chars}; false at the end of the text. Text before a bad byte comes first. */
        private boolean decode() throws IOException {
            if (pending != null) {
                throw pending;
            }
            if (flushed) {
                return false;
            }
            chars.clear();
            try {
                while (true) {
                    CoderResult result = decoder.decode(bytes, chars, eof);
                    if (result.isError()) {
                        pending = malformed();
                        break;
                    }
                    if (result.isOverflow() || chars.position() > 0) {
                        break;
                    }
                    if (eof) {
                        decoder.flush(chars);
                        flushed = true;
                        break;
                    }
                    fill();
                }
            } finally {
                chars.flip();
            }
            if (chars.hasRemaining()) {
                return true;
            }
            if (pending != null) {
                throw pending;
            }
            return false;
        }

        private void fill() throws IOException {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
                filled += n;
            }
            bytes.flip();
        }

        private NotUtf8Exception malformed() {
            long line = lineEnds + 1;
            for (int i = 0; i < chars.position(); i++) {
                if (chars.get(i) == '\n') {
                    line++;
                }
            }
            long offset = filled - bytes.remaining();
            String shown = bytes.hasRemaining()
                    ? String.format("the byte 0x%02X", bytes.get(bytes.position()) & 0xff)
                    : "a character cut off at the end";
            return new NotUtf8Exception("is not UTF-8 text: line " + line + " holds " + shown + " (byte offset "
                    + offset + (gzip ? " of the unzipped text" : "") + "), which is not UTF-8; if the file is"
                    + " Latin-1, convert it: " + convert(name, gzip, "LATIN1"));
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Why reading stopped, in words: a cut gzip stream, bytes that are not UTF-8, or the I/O error. */
    static String describe(IOException e) {
        if (e instanceof EOFException) {
            return "the file ends in the middle of its gzip data (a truncated download?); fetch it again";
        }
        if (e instanceof ZipException) {
            return "is not valid gzip data (" + e.getMessage() + ")";
        }
        if (e instanceof NotUtf8Exception) {
            return e.getMessage();
        }
        if (e instanceof CharacterCodingException) {
            return "holds bytes that are not UTF-8 text (a binary file?); give a UTF-8 text file";
        }
        return "cannot be read: " + e.getMessage();
    }
}
