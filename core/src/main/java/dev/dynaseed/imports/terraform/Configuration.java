package dev.dynaseed.imports.terraform;

import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the top level of a Terraform configuration declares that a table definition can use: variables, locals,
 * AWS provider default tags, and the {@code aws_dynamodb_table} resources themselves.
 */
final class Configuration {
    private static final Pattern RESOURCE_HEADER =
            Pattern.compile("(?m)^[ \\t]*resource[ \\t]+\"?(aws_dynamodb_[a-z_]+)\"?[ \\t]+\"?([A-Za-z0-9_-]+)\"?");

    /** A variable block. */
    record Variable(String name, Optional<Expr> defaultValue, Optional<Expr> type, String file, int line) {}

    /** An aws_dynamodb_table resource block; {@code line} is its header's, found in the text. */
    record Resource(String name, HclBody.Block block, String file, int line) {}

    /** Another aws_dynamodb_* resource, which may set something on a table ({@link StandaloneResources}). */
    record Standalone(String type, String name, HclBody.Block block, String file, int line) {
        String address() {
            return type + "." + name;
        }
    }

    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final Map<String, Expr> locals = new LinkedHashMap<>();
    private final Map<String, HclBody.Block> providers = new HashMap<>();
    private final Map<String, String> providerFiles = new HashMap<>();
    private final List<Resource> tables = new ArrayList<>();
    private final List<Standalone> standalone = new ArrayList<>();
    private final Map<String, Optional<Map<String, String>>> defaultTags = new HashMap<>();

    private Configuration() {}

    static Configuration collect(List<TerraformSources.SourceFile> files, List<Problem> problems) {
        Configuration configuration = new Configuration();
        Map<String, Resource> seen = new HashMap<>();
        for (TerraformSources.SourceFile file : files) {
            Map<String, Integer> headers = headers(file.text());
            for (HclBody.Attribute attribute : file.body().attributes()) {
                problems.add(new Problem(
                                attribute.name(),
                                "An argument named \"" + attribute.name() + "\" is not expected at the top level of"
                                        + " a .tf file; put it inside a block")
                        .at(at(file.name(), attribute.line())));
            }
            for (HclBody.Block block : file.body().blocks()) {
                configuration.block(block, file, headers, seen, problems);
            }
        }
        return configuration;
    }

    private void block(
            HclBody.Block block,
            TerraformSources.SourceFile file,
            Map<String, Integer> headers,
            Map<String, Resource> seen,
            List<Problem> problems) {
        List<String> labels = block.labels();
        switch (block.type()) {
            case "variable" -> {
                if (labels.size() != 1) {
                    return;
                }
                String name = labels.get(0);
                Variable variable = new Variable(
                        name,
                        block.body().attribute("default").map(HclBody.Attribute::value),
                        block.body().attribute("type").map(HclBody.Attribute::value),
                        file.name(),
                        block.line());
                Variable previous = variables.putIfAbsent(name, variable);
                if (previous != null) {
                    problems.add(new Problem(
                                    "var." + name,
                                    "Duplicate variable declaration: also declared at " + previous.file() + ":"
                                            + previous.line() + "; declare it once")
                            .at(at(file.name(), block.line())));
                }
            }
            case "locals" -> {
                for (HclBody.Attribute local : block.body().attributes()) {
                    if (locals.putIfAbsent(local.name(), local.value()) != null) {
                        problems.add(
                                new Problem("local." + local.name(), "Duplicate local value definition; define it once")
                                        .at(at(file.name(), local.line())));
                    }
                }
            }
            case "provider" -> {
                if (labels.size() == 1 && labels.get(0).equals("aws")) {
                    String alias = block.body()
                            .attribute("alias")
                            .map(HclBody.Attribute::value)
                            .filter(Expr.Literal.class::isInstance)
                            .map(value -> String.valueOf(((Expr.Literal) value).value()))
                            .orElse("");
                    providers.put(alias, block);
                    providerFiles.put(alias, file.name());
                }
            }
            case "resource" -> {
                if (labels.size() == 2 && StandaloneResources.TYPES.contains(labels.get(0))) {
                    int line = headers.getOrDefault(labels.get(0) + "." + labels.get(1), Math.max(1, block.line()));
                    standalone.add(new Standalone(labels.get(0), labels.get(1), block, file.name(), line));
                } else if (labels.size() == 2 && labels.get(0).equals(TerraformImporter.RESOURCE_TYPE)) {
                    String name = labels.get(1);
                    int line = headers.getOrDefault(
                            TerraformImporter.RESOURCE_TYPE + "." + name, Math.max(1, block.line()));
                    Resource resource = new Resource(name, block, file.name(), line);
                    Resource previous = seen.putIfAbsent(name, resource);
                    if (previous != null) {
                        problems.add(new Problem(
                                        TerraformImporter.RESOURCE_TYPE + "." + name,
                                        "Duplicate resource \"" + TerraformImporter.RESOURCE_TYPE
                                                + "\" configuration: also declared at " + previous.file() + ":"
                                                + previous.line() + "; rename one of them")
                                .at(at(file.name(), line)));
                    } else {
                        tables.add(resource);
                    }
                }
            }
            case "module" -> {
                String name = labels.isEmpty() ? "" : labels.get(0);
                String source = block.body()
                        .attribute("source")
                        .map(HclBody.Attribute::value)
                        .filter(Expr.Literal.class::isInstance)
                        .map(value -> " (" + ((Expr.Literal) value).value() + ")")
                        .orElse("");
                problems.add(new Problem(
                                "module." + name,
                                "module calls are not supported by dynaseed's Terraform import: tables a module"
                                        + " defines" + source + " cannot be read through the call; import the"
                                        + " module's own folder with its variables given as --var, or leave the"
                                        + " call out of the files given")
                        .at(at(file.name(), block.line())));
            }
            default -> {
                // terraform, data, output, moved, import, check, removed blocks and other resources define no table
            }
        }
    }

    /** The line of each aws_dynamodb_* resource header in {@code text}, by address ({@code type.name}). */
    static Map<String, Integer> headers(String text) {
        Map<String, Integer> lines = new HashMap<>();
        Matcher matcher = RESOURCE_HEADER.matcher(text);
        int line = 1;
        int counted = 0; // lines are counted once through the text, not from its start for each header
        while (matcher.find()) {
            for (; counted < matcher.start(2); counted++) {
                if (text.charAt(counted) == '\n') {
                    line++;
                }
            }
            lines.putIfAbsent(matcher.group(1) + "." + matcher.group(2), line);
        }
        return lines;
    }

    private static SourceLocation at(String file, int line) {
        return new SourceLocation(file, Math.max(1, line), 1);
    }

    Map<String, Variable> variables() {
        return variables;
    }

    Map<String, Expr> locals() {
        return locals;
    }

    List<Resource> tables() {
        return tables;
    }

    /** The other aws_dynamodb_* resources, in source order. */
    List<Standalone> standalone() {
        return standalone;
    }

    /**
     * The default tags of the AWS provider {@code resource} uses (its {@code provider} argument, else the default
     * provider); a resource's own tags override them.
     */
    Map<String, String> defaultTags(Resource resource, Scope scope, List<Problem> problems) {
        String alias = "";
        Optional<HclBody.Attribute> provider = resource.block().body().attribute("provider");
        if (provider.isPresent() && provider.get().value() instanceof Expr.Reference reference) {
            List<Object> steps = reference.steps();
            if (steps.size() == 2 && "aws".equals(steps.get(0)) && steps.get(1) instanceof String name) {
                alias = name;
            }
        }
        String key = alias;
        return defaultTags
                .computeIfAbsent(key, k -> providerTags(k, scope, problems))
                .orElse(Map.of());
    }

    private Optional<Map<String, String>> providerTags(String alias, Scope scope, List<Problem> problems) {
        HclBody.Block provider = providers.get(alias);
        if (provider == null) {
            return Optional.empty();
        }
        Optional<HclBody.Attribute> tags = provider.body().blocks("default_tags").stream()
                .findFirst()
                .flatMap(block -> block.body().attribute("tags"));
        if (tags.isEmpty()) {
            return Optional.empty();
        }
        String path = "provider.aws" + (alias.isEmpty() ? "" : "." + alias) + ".default_tags.tags";
        try {
            Optional<Object> value = scope.evaluate(tags.get().value());
            Map<String, String> strings = new LinkedHashMap<>();
            if (value.isPresent()) {
                for (Map.Entry<String, Object> entry :
                        Values.map(value.get(), tags.get().line(), "tags").entrySet()) {
                    strings.put(
                            entry.getKey(),
                            Values.string(entry.getValue(), tags.get().line(), "tags." + entry.getKey()));
                }
            }
            return Optional.of(strings);
        } catch (EvalException e) {
            if (!e.alreadyReported()) {
                problems.add(new Problem(path, e.getMessage()).at(at(providerFiles.get(alias), e.line())));
            }
            return Optional.empty();
        }
    }
}
