package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.imports.TableImporter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads the tables of a CloudFormation or SAM template (YAML with short-form tags, or JSON):
 * {@code AWS::DynamoDB::Table}, {@code AWS::DynamoDB::GlobalTable} (the replica of the import's region) and
 * {@code AWS::Serverless::SimpleTable}, with parameters, pseudo parameters, conditions, mappings and the intrinsic
 * functions that can be evaluated offline.
 */
public final class CloudFormationImporter implements TableImporter {
    private static final Pattern FORMAT_VERSION =
            Pattern.compile("(?m)(^|[{,])\\s*[\"']?AWSTemplateFormatVersion[\"']?\\s*:");
    private static final Pattern SAM_TRANSFORM =
            Pattern.compile("[\"']?Transform[\"']?\\s*:[\\s\\[\"'-]*AWS::Serverless");
    private static final Pattern RESOURCES = Pattern.compile("(?m)(^|[{,])\\s*[\"']?Resources[\"']?\\s*:");
    private static final Pattern AWS_TYPE = Pattern.compile("[\"']?Type[\"']?\\s*:\\s*[\"']?AWS::[A-Za-z0-9]+::");
    private static final Pattern SERVICE = Pattern.compile("(?m)^[\"']?service[\"']?\\s*:");
    private static final Pattern PROVIDER = Pattern.compile("(?m)^[\"']?provider[\"']?\\s*:");
    private static final Pattern SERVICE_JSON = Pattern.compile("\"service\"\\s*:");
    private static final Pattern PROVIDER_JSON = Pattern.compile("\"provider\"\\s*:");

    @Override
    public SourceKind kind() {
        return SourceKind.CLOUDFORMATION;
    }

    @Override
    public boolean recognizes(Path file, String head) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(head, "head");
        Path name = file.getFileName();
        if (name != null && name.toString().toLowerCase(Locale.ROOT).matches("serverless\\.(ya?ml|json)")) {
            return false;
        }
        if (looksLikeServerless(head)) {
            return false;
        }
        return FORMAT_VERSION.matcher(head).find()
                || SAM_TRANSFORM.matcher(head).find()
                || (RESOURCES.matcher(head).find() && AWS_TYPE.matcher(head).find());
    }

    /** Whether {@code head} has the top-level {@code service} and {@code provider} keys of a serverless.yml. */
    public static boolean looksLikeServerless(String head) {
        boolean json = head.stripLeading().startsWith("{");
        return json
                ? SERVICE_JSON.matcher(head).find()
                        && PROVIDER_JSON.matcher(head).find()
                : SERVICE.matcher(head).find() && PROVIDER.matcher(head).find();
    }

    @Override
    public List<ImportedTable> read(Path file, ImportOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        return readTemplate(TemplateReader.read(file, kind()), file.toString(), options, kind());
    }

    /**
     * The tables of a template already read (as serverless.yml's resources are), problems naming {@code source} read
     * as {@code kind}.
     */
    public List<ImportedTable> readTemplate(TemplateNode root, String source, ImportOptions options, SourceKind kind) {
        return readTemplate(root, source, options, kind, Map.of());
    }

    /**
     * Like {@link #readTemplate(TemplateNode, String, ImportOptions, SourceKind)}, for a stack created with
     * {@code stackTags}: CloudFormation passes them on to each {@code AWS::DynamoDB::Table} (and SimpleTable), under
     * the table's own tags, which win for a key in both.
     */
    public List<ImportedTable> readTemplate(
            TemplateNode root, String source, ImportOptions options, SourceKind kind, Map<String, String> stackTags) {
        return new TableResources(
                        Objects.requireNonNull(source, "source"),
                        Objects.requireNonNull(kind, "kind"),
                        Objects.requireNonNull(options, "options"),
                        Collections.unmodifiableMap(
                                new LinkedHashMap<>(Objects.requireNonNull(stackTags, "stackTags"))))
                .read(Objects.requireNonNull(root, "root"));
    }
}
