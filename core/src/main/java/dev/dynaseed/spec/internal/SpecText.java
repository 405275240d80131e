package dev.dynaseed.spec.internal;

import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the bytes of a spec file into text: UTF-8 (with or without a byte order mark), or UTF-16/UTF-32 when a byte
 * order mark says so; anything else (binary files, other encodings, NUL bytes) is refused with the first bad byte.
 */
public final class SpecText {
    private SpecText() {}

    /** Refuses a spec of {@code bytes} bytes when it is above {@link SpecLimits#MAX_SPEC_SIZE}, before reading it. */
    public static void checkFileSize(long bytes, String source) {
        if (bytes > SpecLimits.MAX_SPEC_SIZE) {
            throw tooLarge(source, "is " + SpecLimits.grouped(bytes) + " bytes", "bytes", "spec files");
        }
    }

    /** Refuses spec text (e.g. a Lambda event's {@code spec}) above {@link SpecLimits#MAX_SPEC_SIZE} characters. */
    public static void checkTextSize(String text, String source) {
        if (text.length() > SpecLimits.MAX_SPEC_SIZE) {
            throw tooLarge(
                    source, "is " + SpecLimits.grouped(text.length()) + " characters long", "characters", "specs");
        }
    }

    /** The refusal of a file found larger than the limit while reading it (its size was not known up front). */
    public static InvalidSpecException tooLarge(String source) {
        return tooLarge(
                source,
                "is more than " + SpecLimits.grouped(SpecLimits.MAX_SPEC_SIZE) + " bytes",
                "bytes",
                "spec files");
    }

    private static InvalidSpecException tooLarge(String source, String size, String unit, String split) {
        return new InvalidSpecException(
                source,
                List.of(new Problem(
                        "",
                        size + "; a spec may hold at most " + SpecLimits.grouped(SpecLimits.MAX_SPEC_SIZE) + " " + unit
                                + " (1 MiB): split its tables over several " + split)));
    }

    /** The text of a spec file's bytes. */
    public static String decode(byte[] bytes, String source) {
        Encoding encoding = Encoding.of(bytes);
        ByteBuffer input = ByteBuffer.wrap(bytes, encoding.bomLength, bytes.length - encoding.bomLength);
        CharsetDecoder decoder = encoding.charset
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer output = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            throw notText(source, encoding, input.position());
        }
        result = decoder.flush(output);
        if (result.isError()) {
            throw notText(source, encoding, input.position());
        }
        output.flip();
        String text = output.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw notText(source, encoding, encoding.bomLength + encoding.bytesBefore(text, nul));
        }
        return text;
    }

    private static InvalidSpecException notText(String source, Encoding encoding, int offset) {
        return new InvalidSpecException(
                source,
                List.of(new Problem(
                        "",
                        "is not a " + encoding.name + " text file (byte " + SpecLimits.grouped(offset + 1L)
                                + "); a spec is YAML or JSON text: save it as UTF-8")));
    }

    /** What the first bytes say about how the rest is encoded. */
    private enum Encoding {
        UTF_8("UTF-8", StandardCharsets.UTF_8, 0),
        UTF_8_BOM("UTF-8", StandardCharsets.UTF_8, 3),
        UTF_16BE("UTF-16", StandardCharsets.UTF_16BE, 2),
        UTF_16LE("UTF-16", StandardCharsets.UTF_16LE, 2),
        UTF_32BE("UTF-32", Charset.forName("UTF-32BE"), 4),
        UTF_32LE("UTF-32", Charset.forName("UTF-32LE"), 4);

        private final String name;
        private final Charset charset;
        private final int bomLength;

        Encoding(String name, Charset charset, int bomLength) {
            this.name = name;
            this.charset = charset;
            this.bomLength = bomLength;
        }

        static Encoding of(byte[] b) {
            if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
                return UTF_8_BOM;
            }
            if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
                return UTF_32BE;
            }
            if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
                return UTF_32LE;
            }
            if (startsWith(b, 0xFE, 0xFF)) {
                return UTF_16BE;
            }
            if (startsWith(b, 0xFF, 0xFE)) {
                return UTF_16LE;
            }
            return UTF_8;
        }

        /** How many bytes (after the byte order mark) encode the first {@code chars} characters of {@code text}. */
        int bytesBefore(String text, int chars) {
            return switch (this) {
                case UTF_8, UTF_8_BOM -> text.substring(0, chars).getBytes(StandardCharsets.UTF_8).length;
                case UTF_16BE, UTF_16LE -> 2 * chars;
                case UTF_32BE, UTF_32LE -> 4 * text.codePointCount(0, chars);
            };
        }

        private static boolean startsWith(byte[] bytes, int... prefix) {
            if (bytes.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((bytes[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
