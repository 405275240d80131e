package dev.dynaseed.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.generate.References;
import dev.dynaseed.spec.internal.SourceMap;
import dev.dynaseed.spec.internal.SpecLimits;
import dev.dynaseed.spec.internal.SpecText;
import dev.dynaseed.spec.internal.SpecTree;
import dev.dynaseed.spec.internal.SpecTreeBounds;
import dev.dynaseed.spec.internal.SpecTreeReader;
import dev.dynaseed.spec.internal.SpecTreeWalker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a spec from YAML or JSON into records, then validates it; every problem in the file is reported at once, by
 * path and by line and column, in an {@link InvalidSpecException}. Input above 1 MiB is refused before it is parsed.
 */
public final class SpecReader {
    private static final Pattern TABLE_PATH = Pattern.compile("tables\\[(\\d+)]");

    private SpecReader() {}

    /** Reads and validates a spec file; {@code .json} files are read as JSON, anything else as YAML. */
    public static Spec read(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            // A named pipe, a device or a directory would block or never end: only a regular file is read.
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new InvalidSpecException(
                        source,
                        List.of(new Problem(
                                "", "is not a regular file; give the path of a spec file, e.g. dynaseed.yaml")));
            }
            SpecText.checkFileSize(Files.size(file), source);
            try (InputStream in = Files.newInputStream(file)) {
                // Bounded even when the size said nothing (a pipe, a file still growing).
                bytes = in.readNBytes(SpecLimits.MAX_SPEC_SIZE + 1);
            }
        } catch (NoSuchFileException e) {
            throw new InvalidSpecException(
                    source,
                    List.of(new Problem(
                            "",
                            "file not found; check the path, or run 'dynaseed init'"
                                    + " to write a starter spec to dynaseed.yaml")));
        } catch (IOException e) {
            throw new InvalidSpecException(source, List.of(new Problem("", "cannot be read: " + e.getMessage())));
        }
        if (bytes.length > SpecLimits.MAX_SPEC_SIZE) {
            throw SpecText.tooLarge(source);
        }
        String content = SpecText.decode(bytes, source);
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return ItemFilePaths.resolve(
                read(content, json ? SpecFormat.JSON : SpecFormat.YAML, source),
                file.toAbsolutePath().getParent());
    }

    /**
     * Reads and validates spec text (at most 1 MiB characters); {@code source} names it in messages and in the
     * problems' locations.
     */
    public static Spec read(String content, SpecFormat format, String source) {
        SpecTree tree = SpecTreeReader.read(content, format == SpecFormat.JSON, source);
        return read(tree.root(), tree.locations(), source);
    }

    /** Reads and validates an already parsed tree (e.g. the {@code spec} of a Lambda event). */
    public static Spec read(JsonNode tree, String source) {
        return read(tree, SourceMap.none(), source);
    }

    private static Spec read(JsonNode tree, SourceMap locations, String source) {
        Optional<Problem> outOfBounds = SpecTreeBounds.check(tree);
        if (outOfBounds.isPresent()) {
            Problem problem = outOfBounds.get();
            throw new InvalidSpecException(
                    source,
                    List.of(locations.nearest(problem.path()).map(problem::at).orElse(problem)));
        }
        List<Problem> problems = new ArrayList<>();
        SpecTreeWalker walker = new SpecTreeWalker(problems);
        Spec spec = References.resolve(walker.spec(tree), walker.positions(), problems);
        problems.addAll(SpecValidator.validate(spec, walker.positions(), walker.broken()));
        if (!problems.isEmpty()) {
            List<Problem> placed = new ArrayList<>();
            for (Problem problem : problems) {
                placed.add(locations.nearest(problem.path()).map(problem::at).orElse(problem));
            }
            placed.sort(Comparator.comparingInt(SpecReader::tablePosition));
            throw new InvalidSpecException(source, placed);
        }
        return spec;
    }

    /** The table a problem is in, so that problems are listed table by table; -1 for the file as a whole. */
    private static int tablePosition(Problem problem) {
        Matcher matcher = TABLE_PATH.matcher(problem.path());
        return matcher.lookingAt() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** The format of spec text. */
    public enum SpecFormat {
        YAML,
        JSON
    }
}
