package dev.dynaseed.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Resolves the relative paths of a spec's item files against the folder of the spec file that names them. */
final class ItemFilePaths {
    private ItemFilePaths() {}

    static Spec resolve(Spec spec, Path folder) {
        if (folder == null) {
            return spec;
        }
        List<TableSpec> tables = new ArrayList<>();
        for (TableSpec table : spec.tables()) {
            List<ItemSourceSpec> sources = new ArrayList<>();
            boolean any = false;
            for (ItemSourceSpec source : table.seed().sources()) {
                if (source instanceof ItemSourceSpec.File file && !file.path().isAbsolute()) {
                    sources.add(file.resolvedAgainst(folder));
                    any = true;
                } else {
                    sources.add(source);
                }
            }
            tables.add(
                    any
                            ? table.toBuilder()
                                    .seed(table.seed().withSources(sources))
                                    .build()
                            : table);
        }
        return new Spec(tables);
    }
}
