package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.imports.TableImporter;
import dev.dynaseed.spec.Problem;
import java.nio.file.Path;
import java.util.List;

/** Reads CloudFormation and SAM templates (being built). */
public final class CloudFormationImporter implements TableImporter {

    @Override
    public SourceKind kind() {
        return SourceKind.CLOUDFORMATION;
    }

    @Override
    public boolean recognizes(Path file, String head) {
        return false;
    }

    @Override
    public List<ImportedTable> read(Path file, ImportOptions options) {
        throw new ImportException(
                file.toString(), kind(), List.of(new Problem("", "this format cannot be imported yet")));
    }
}
