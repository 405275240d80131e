package dev.dynaseed.files;

import java.io.Closeable;
import java.io.IOException;

/** Reads the entries of one item file in order, streamed; never throws for a bad file (a bad entry says why). */
interface EntryReader extends Closeable {

    /** The next entry, or null at the end of the file (after a {@link Entry.Bad} that is {@code last}, too). */
    Entry next();

    @Override
    void close() throws IOException;
}
