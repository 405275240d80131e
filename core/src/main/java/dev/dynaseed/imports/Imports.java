package dev.dynaseed.imports;

import dev.dynaseed.imports.cloudformation.CloudFormationImporter;
import dev.dynaseed.imports.createtable.CreateTableImporter;
import dev.dynaseed.imports.serverless.ServerlessImporter;
import dev.dynaseed.imports.terraform.TerraformImporter;
import dev.dynaseed.imports.workbench.WorkbenchImporter;
import dev.dynaseed.spec.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads tables from foreign sources: picks the importer (detected from the content, or forced) and runs it. */
public final class Imports {
    /** How much of a file detection looks at. */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final Pattern SERVERLESS_CODE = Pattern.compile("serverless\\.(ts|js|cjs|mjs)");
    private final List<TableImporter> importers;

    /** The importers of every {@link SourceKind}. */
    public Imports() {
        this(List.of(
                new CloudFormationImporter(),
                new ServerlessImporter(),
                new TerraformImporter(),
                new WorkbenchImporter(),
                new CreateTableImporter()));
    }

    Imports(List<TableImporter> importers) {
        this.importers = List.copyOf(importers);
    }

    /** The tables {@code file} defines; {@code kind} forces the format, else it is detected from the content. */
    public List<ImportedTable> read(Path file, Optional<SourceKind> kind, ImportOptions options) {
        requireFileOrFolder(file);
        SourceKind chosen = kind.orElseGet(() -> detect(file));
        return importer(chosen).read(file, options);
    }

    /** The format of {@code file}, judged by each importer from its name and first bytes. */
    public SourceKind detect(Path file) {
        requireFileOrFolder(file);
        String head = head(file);
        List<SourceKind> matches = importers.stream()
                .filter(importer -> importer.recognizes(file, head))
                .map(TableImporter::kind)
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (matches.isEmpty() && SERVERLESS_CODE.matcher(name).matches()) {
            throw new ImportException(
                    file.toString(),
                    List.of(new Problem(
                            "",
                            "is the Serverless Framework's configuration as code (" + name + "), which only the"
                                    + " framework can run; print it as YAML (serverless print > serverless.yml) and"
                                    + " pass --from serverless.yml")));
        }
        String why = matches.isEmpty()
                ? "is none of the formats dynaseed imports (nothing in its first " + HEAD_BYTES / 1024
                        + " KiB marks one)"
                : "could be any of " + matches;
        throw new ImportException(
                file.toString(),
                List.of(new Problem(
                        "", why + "; name its format with --from-kind (one of " + SourceKind.optionNames() + ")")));
    }

    private TableImporter importer(SourceKind kind) {
        return importers.stream()
                .filter(importer -> importer.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no importer for " + kind));
    }

    /**
     * Refuses a pipe, a device or a socket ({@code --from <(...)}, {@code /dev/stdin}, a FIFO) before opening it: an
     * import is read more than once (its format, then its tables), which a pipe cannot give, and opening a FIFO
     * nobody writes to would wait forever.
     */
    private static void requireFileOrFolder(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw new ImportException(
                    file.toString(),
                    List.of(new Problem(
                            "",
                            "is not a regular file (a pipe, a device or a socket), and an import is read more than"
                                    + " once; save it to a file first and pass that, e.g. cat ... > template.yaml")));
        }
    }

    private static String head(Path file) {
        if (Files.isDirectory(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
            // A UTF-8 byte order mark (Notepad, PowerShell's Out-File) is no part of the text: YAML, JSON and HCL
            // readers skip it, and so does recognizing the format.
            return head.startsWith("\uFEFF") ? head.substring(1) : head;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ImportException(
                    file.toString(), List.of(new Problem("", "file not found; check the path given to --from")));
        } catch (IOException e) {
            throw new ImportException(
                    file.toString(),
                    List.of(new Problem(
                            "", "cannot be read (" + e.getMessage() + "); check the path given to --from")));
        }
    }
}
