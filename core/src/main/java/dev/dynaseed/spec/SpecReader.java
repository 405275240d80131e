package dev.dynaseed.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dynaseed.spec.internal.SpecTreeWalker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a spec from YAML or JSON into records, then validates it; every problem in the file is reported at once, by
 * path, in an {@link InvalidSpecException}.
 */
public final class SpecReader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Pattern TABLE_PATH = Pattern.compile("tables\\[(\\d+)]");

    private SpecReader() {}

    /** Reads and validates a spec file; {@code .json} files are read as JSON, anything else as YAML. */
    public static Spec read(Path file) {
        String content;
        try {
            content = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidSpecException(
                    file.toString(),
                    List.of(new Problem(
                            "",
                            "file not found; check the path, or run 'dynaseed init'"
                                    + " to write a starter spec to dynaseed.yaml")));
        } catch (IOException e) {
            throw new InvalidSpecException(
                    file.toString(), List.of(new Problem("", "cannot be read: " + e.getMessage())));
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return read(content, json ? SpecFormat.JSON : SpecFormat.YAML, file.toString());
    }

    /** Reads and validates spec text; {@code source} names it in messages. */
    public static Spec read(String content, SpecFormat format, String source) {
        JsonNode tree;
        try {
            tree = (format == SpecFormat.JSON ? JSON : YAML).readTree(content);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new InvalidSpecException(
                    source, List.of(new Problem("", "is not valid " + format + where + ": " + e.getOriginalMessage())));
        }
        return read(tree, source);
    }

    /** Reads and validates an already parsed tree (e.g. the {@code spec} of a Lambda event). */
    public static Spec read(JsonNode tree, String source) {
        List<Problem> problems = new ArrayList<>();
        SpecTreeWalker walker = new SpecTreeWalker(problems);
        Spec spec = walker.spec(tree);
        problems.addAll(SpecValidator.validate(spec, walker.positions()));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(SpecReader::tablePosition));
            throw new InvalidSpecException(source, problems);
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
