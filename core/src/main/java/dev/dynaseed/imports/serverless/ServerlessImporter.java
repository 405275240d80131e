package dev.dynaseed.imports.serverless;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.imports.TableImporter;
import dev.dynaseed.imports.cloudformation.CloudFormationImporter;
import dev.dynaseed.imports.cloudformation.TemplateNode;
import dev.dynaseed.imports.cloudformation.TemplateReader;
import dev.dynaseed.spec.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the tables of a serverless.yml: its {@code resources} (a CloudFormation fragment, a list of them, or
 * {@code ${file(...)}} includes) with the framework's variables resolved offline, then read as a CloudFormation
 * template whose stack is named as the framework names it ({@code service-stage}, or provider.stackName) and tagged
 * as the framework tags it ({@code STAGE} and provider.stackTags, which CloudFormation passes on to the tables).
 */
public final class ServerlessImporter implements TableImporter {
    private static final String STAGE_TAG = "STAGE";
    private static final Set<String> TEMPLATE_SECTIONS =
            Set.of("AWSTemplateFormatVersion", "Transform", "Parameters", "Mappings", "Conditions", "Resources");

    @Override
    public SourceKind kind() {
        return SourceKind.SERVERLESS;
    }

    @Override
    public boolean recognizes(Path file, String head) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(head, "head");
        Path name = file.getFileName();
        if (name != null && name.toString().toLowerCase(Locale.ROOT).matches("serverless\\.(ya?ml|json)")) {
            return true;
        }
        return CloudFormationImporter.looksLikeServerless(head);
    }

    @Override
    public List<ImportedTable> read(Path file, ImportOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        String source = file.toString();
        TemplateNode root = TemplateReader.read(file, kind());
        if (!(root instanceof TemplateNode.Mapping config)) {
            throw fail(
                    source,
                    new Problem(
                                    "",
                                    "is not a serverless.yml: its top level must be a mapping with service,"
                                            + " provider and resources")
                            .at(root.location()));
        }
        Path dir = file.toAbsolutePath().getParent();
        ServerlessVariables variables = new ServerlessVariables(config, dir, options);
        List<Problem> problems = new ArrayList<>();
        TemplateNode resources = config.entries().get("resources");
        if (resources == null) {
            return List.of();
        }
        TemplateNode.Mapping template;
        ImportOptions resolved;
        Map<String, String> stackTags;
        try {
            template = template(variables.resolveAll(resources, "resources", problems), problems);
            stackTags = stackTags(config, variables, problems);
            resolved = new ImportOptions(
                    options.parameters(),
                    stackName(config, variables, options),
                    variables.region(),
                    options.accountId(),
                    variables.stage(),
                    options.terraformCommandLine(),
                    true,
                    true);
        } catch (VariableProblem e) {
            throw fail(source, new Problem("resources", e.getMessage()).at(e.location()));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(source, kind(), problems);
        }
        return new CloudFormationImporter().readTemplate(template, source, resolved, kind(), stackTags);
    }

    /**
     * The tags the framework creates the stack with, which CloudFormation passes on to the tables: {@code STAGE} (the
     * stage), then provider.stackTags, whose key equal to STAGE but for case replaces it (as
     * lib/plugins/aws/lib/get-shared-stack-action-params.js does). provider.tags only tag functions and APIs.
     */
    private static Map<String, String> stackTags(
            TemplateNode.Mapping config, ServerlessVariables variables, List<Problem> problems) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(STAGE_TAG, variables.stage());
        TemplateNode given = config.entries().get("provider") instanceof TemplateNode.Mapping provider
                ? provider.entries().get("stackTags")
                : null;
        if (given == null) {
            return tags;
        }
        TemplateNode resolved = variables.resolveAll(given, "provider.stackTags", problems);
        if (resolved instanceof TemplateNode.Scalar scalar && scalar.type() == TemplateNode.ScalarType.NULL) {
            return tags;
        }
        if (!(resolved instanceof TemplateNode.Mapping mapping)) {
            problems.add(new Problem(
                            "provider.stackTags",
                            "must be a mapping of tag keys to values, e.g. stackTags: {team: payments}")
                    .at(resolved.location()));
            return tags;
        }
        if (mapping.entries().keySet().stream().anyMatch(STAGE_TAG::equalsIgnoreCase)) {
            tags.remove(STAGE_TAG);
        }
        mapping.entries().forEach((key, value) -> {
            if (value instanceof TemplateNode.Scalar scalar && scalar.type() != TemplateNode.ScalarType.NULL) {
                tags.put(key, scalar.text());
            } else {
                problems.add(new Problem(
                                "provider.stackTags." + key,
                                "must be a string (the tag's value), e.g. " + key + ": payments")
                        .at(value.location()));
            }
        });
        return tags;
    }

    /** The sections of each resources fragment merged into one template, as the framework merges them. */
    private static TemplateNode.Mapping template(TemplateNode resources, List<Problem> problems) {
        List<TemplateNode> fragments =
                resources instanceof TemplateNode.Sequence list ? list.items() : List.of(resources);
        Map<String, TemplateNode> merged = new LinkedHashMap<>();
        List<Problem> earlier = List.copyOf(problems);
        for (TemplateNode fragment : fragments) {
            boolean unresolved =
                    earlier.stream().anyMatch(problem -> problem.location().equals(Optional.of(fragment.location())));
            if (unresolved) {
                // Its variable could not be resolved, which is already a problem; a second one would blame its type.
                continue;
            }
            if (!(fragment instanceof TemplateNode.Mapping mapping)) {
                problems.add(new Problem(
                                "resources",
                                "must be a mapping with Resources (or a list of them), got a" + " string or list")
                        .at(fragment.location()));
                continue;
            }
            mapping.entries().forEach((key, value) -> {
                if (TEMPLATE_SECTIONS.contains(key)) {
                    merged.merge(key, value, ServerlessImporter::merge);
                }
            });
        }
        return new TemplateNode.Mapping(merged, resources.location());
    }

    /** Mappings merged deeply, the later fragment winning elsewhere (lodash merge, as the framework does). */
    private static TemplateNode merge(TemplateNode earlier, TemplateNode later) {
        if (earlier instanceof TemplateNode.Mapping a && later instanceof TemplateNode.Mapping b) {
            Map<String, TemplateNode> out = new LinkedHashMap<>(a.entries());
            b.entries().forEach((key, value) -> out.merge(key, value, ServerlessImporter::merge));
            return new TemplateNode.Mapping(out, a.location());
        }
        return later;
    }

    // A stack name given with --stack-name wins; else provider.stackName, else the framework's service-stage.
    private static String stackName(TemplateNode.Mapping config, ServerlessVariables variables, ImportOptions options) {
        if (!options.stackName().equals(ImportOptions.DEFAULT_STACK_NAME)) {
            return options.stackName();
        }
        Optional<TemplateNode> provider = Optional.ofNullable(config.entries().get("provider"));
        Optional<TemplateNode> stackName = provider.filter(TemplateNode.Mapping.class::isInstance)
                .map(p -> ((TemplateNode.Mapping) p).entries().get("stackName"));
        if (stackName.isPresent()) {
            return text(variables.resolve(stackName.get()));
        }
        TemplateNode service = config.entries().get("service");
        if (service instanceof TemplateNode.Mapping named && named.entries().get("name") != null) {
            service = named.entries().get("name");
        }
        if (service == null) {
            return options.stackName();
        }
        return text(variables.resolve(service)) + "-" + variables.stage();
    }

    private static String text(TemplateNode node) {
        if (node instanceof TemplateNode.Scalar scalar) {
            return scalar.text();
        }
        throw new VariableProblem(node.location(), "must be a string");
    }

    private ImportException fail(String source, Problem problem) {
        return new ImportException(source, kind(), List.of(problem));
    }
}
