package dev.dynaseed.imports.terraform;

import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The files of a Terraform import: the configuration ({@code .tf} and {@code .tf.json} files) and the variable files read after the
 * defaults: {@code terraform.tfvars}, {@code terraform.tfvars.json}, {@code *.auto.tfvars} and
 * {@code *.auto.tfvars.json} (lexical order) beside the configuration. The command line's {@code --var-file} files
 * apply after them, in order with its {@code --var} values ({@link ImportOptions#terraformCommandLine()}).
 *
 * @param configuration the parsed configuration files
 * @param varFiles the variable files found beside the configuration, in the order their values apply
 * @param declaredBeside for a single file given alone: the variables the .tf files beside it declare, by name, with
 *     the file that declares each (for messages)
 */
record TerraformSources(List<SourceFile> configuration, List<Path> varFiles, Map<String, String> declaredBeside) {
    private static final java.util.regex.Pattern VARIABLE_HEADER =
            java.util.regex.Pattern.compile("(?m)^[ \\t]*variable[ \\t]+\"([A-Za-z0-9_-]+)\"");
    /** Bigger than any hand-written configuration; bounds memory on hostile input. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    /** More files than a configuration folder holds. */
    static final int MAX_FILES = 500;

    TerraformSources {
        configuration = List.copyOf(configuration);
        varFiles = List.copyOf(varFiles);
        declaredBeside = Map.copyOf(declaredBeside);
    }

    /** A parsed file: its name as shown in messages, its text and its top-level body. */
    record SourceFile(String name, String text, HclBody body) {}

    static TerraformSources load(Path file, List<Problem> problems, Consumer<String> warnings) {
        List<Path> files = new ArrayList<>();
        Path folder;
        if (Files.isDirectory(file)) {
            folder = file;
            for (Path entry : list(file, problems)) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".tf") || name.endsWith(".tf.json")) {
                    files.add(entry);
                }
            }
            if (files.isEmpty() && problems.isEmpty()) {
                problems.add(new Problem(
                        "", "holds no .tf or .tf.json file; give a folder of Terraform configuration files"));
            }
        } else {
            folder = file.toAbsolutePath().getParent();
            files.add(file);
        }
        if (files.size() > MAX_FILES) {
            problems.add(new Problem("", "holds " + files.size() + " .tf files; dynaseed reads at most " + MAX_FILES));
            return new TerraformSources(List.of(), List.of(), Map.of());
        }
        List<SourceFile> parsed = new ArrayList<>();
        for (Path path : files) {
            parse(path, problems, warnings).ifPresent(parsed::add);
        }
        List<Path> varFiles = new ArrayList<>();
        if (folder != null) {
            for (String defaults : List.of("terraform.tfvars", "terraform.tfvars.json")) {
                if (Files.isRegularFile(folder.resolve(defaults))) {
                    varFiles.add(folder.resolve(defaults));
                }
            }
            list(folder, problems).stream() // in lexical order of their names, as Terraform loads them
                    .filter(path -> path.getFileName().toString().endsWith(".auto.tfvars")
                            || path.getFileName().toString().endsWith(".auto.tfvars.json"))
                    .forEach(varFiles::add);
        }
        Map<String, String> declaredBeside = new HashMap<>();
        if (folder != null && !Files.isDirectory(file)) {
            for (Path sibling : list(folder, new ArrayList<>())) {
                String name = sibling.getFileName().toString();
                if (name.endsWith(".tf") && !sibling.equals(file.toAbsolutePath()) && !sibling.equals(file)) {
                    text(sibling, new ArrayList<>())
                            .ifPresent(text -> VARIABLE_HEADER
                                    .matcher(text)
                                    .results()
                                    .forEach(m -> declaredBeside.putIfAbsent(m.group(1), sibling.toString())));
                }
            }
        }
        return new TerraformSources(parsed, varFiles, declaredBeside);
    }

    private static List<Path> list(Path folder, List<Problem> problems) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem("", folder + " cannot be listed (" + e.getMessage() + "); check the path"));
            return List.of();
        }
    }

    /** The text of {@code path}, when it can be read and is not too big. */
    static Optional<String> text(Path path, List<Problem> problems) {
        SourceLocation at = new SourceLocation(path.toString(), 1, 1);
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                problems.add(new Problem(
                                "",
                                "is " + size + " bytes; dynaseed reads Terraform files of at most " + MAX_FILE_BYTES
                                        + " bytes")
                        .at(at));
                return Optional.empty();
            }
            return Optional.of(decode(path));
        } catch (CharacterCodingException e) {
            problems.add(new Problem("", "is not UTF-8 text; Terraform files are UTF-8").at(at));
        } catch (IOException e) {
            problems.add(new Problem("", "cannot be read (" + e.getMessage() + "); check the path").at(at));
        }
        return Optional.empty();
    }

    private static String decode(Path path) throws IOException {
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte order mark some editors write
    }

    /** {@code path} read as HCL; what Terraform accepts but should be known goes to {@code warnings}. */
    static Optional<SourceFile> parse(Path path, List<Problem> problems, Consumer<String> warnings) {
        Optional<String> text = text(path, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            HclBody body = name.endsWith(".json")
                    ? TfJsonReader.read(text.get())
                    : HclFileReader.read(text.get(), path.toString(), warnings);
            return Optional.of(new SourceFile(path.toString(), text.get(), body));
        } catch (HclFileReader.SyntaxError e) {
            for (HclPrescan.LineMessage problem : e.all) {
                problems.add(new Problem("", problem.message())
                        .at(new SourceLocation(path.toString(), Math.max(1, problem.line()), 1)));
            }
            return Optional.empty();
        }
    }
}
