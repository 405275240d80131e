package dev.dynaseed.imports;

import java.nio.file.Path;
import java.util.List;

/** Reads the DynamoDB tables one foreign format defines; one implementation per {@link SourceKind}. */
public interface TableImporter {

    SourceKind kind();

    /**
     * Whether {@code file} looks like this format, judged from its name and its first bytes ({@code head}, at most
     * 64 KiB, empty for a folder); used when no {@code --from-kind} is given.
     */
    boolean recognizes(Path file, String head);

    /**
     * The tables {@code file} (or folder, for Terraform) defines, in source order, resolved with {@code options}.
     *
     * @throws ImportException with every problem (file, line, resource, what to do) when anything cannot be imported
     *     as the format's own documentation defines it; nothing is guessed
     */
    List<ImportedTable> read(Path file, ImportOptions options);
}
