package dev.dynaseed.cli;

import dev.dynaseed.connection.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that removes credentials ({@link Secrets#redact}) from each line before passing it on, so that
 * nothing the process prints (reports, errors, {@code --verbose} logs and stack traces) can carry one. Lines are
 * held until their newline or a flush, so a prompt or a progress line still shows at once.
 */
final class RedactingStream extends FilterOutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private RedactingStream(OutputStream out) {
        super(out);
    }

    /** {@code out} behind redaction, as an auto-flushing UTF-8 print stream. */
    static PrintStream wrap(PrintStream out) {
        return new PrintStream(new RedactingStream(out), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            pass();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        pass();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }

    private void pass() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        out.write(Secrets.redact(text).getBytes(StandardCharsets.UTF_8));
    }
}
