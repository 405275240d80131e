package dev.dynaseed.imports.terraform;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.imports.TableImporter;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code aws_dynamodb_table} resources of a Terraform configuration: one {@code .tf} or {@code .tf.json}
 * file, or every such file of a folder (not its subfolders), with {@code var.*} from options, {@code *.tfvars} files and
 * defaults, {@code local.*}, {@code count} and {@code for_each}.
 */
public final class TerraformImporter implements TableImporter {
    private static final Logger LOG = LoggerFactory.getLogger(TerraformImporter.class);
    static final String RESOURCE_TYPE = "aws_dynamodb_table";
    private static final Pattern RECOGNIZED =
            Pattern.compile("(?m)^\\s*resource\\s+\"?" + RESOURCE_TYPE + "\"?\\s+\"?[A-Za-z_]");

    private final Consumer<String> warnings;

    /** An importer whose warnings (what is read as Terraform reads it but deserves a word) are logged. */
    public TerraformImporter() {
        this(warning -> LOG.warn("{}", warning));
    }

    /** An importer that gives each warning line to {@code warnings}. */
    TerraformImporter(Consumer<String> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public SourceKind kind() {
        return SourceKind.TERRAFORM;
    }

    @Override
    public boolean recognizes(Path file, String head) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(head, "head");
        if (Files.isDirectory(file)) {
            try (Stream<Path> entries = Files.list(file)) {
                return entries.anyMatch(entry -> {
                    String name = entry.getFileName().toString();
                    return name.endsWith(".tf") || name.endsWith(".tf.json");
                });
            } catch (IOException e) {
                return false; // read() reports the folder that cannot be listed
            }
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.endsWith(".tf")
                || name.endsWith(".tf.json")
                || RECOGNIZED.matcher(head).find();
    }

    @Override
    public List<ImportedTable> read(Path file, ImportOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        List<Problem> problems = new ArrayList<>();
        TerraformSources sources = TerraformSources.load(file, problems, warnings);
        Configuration configuration = Configuration.collect(sources.configuration(), problems);
        Scope scope = new Scope(
                TerraformVariables.resolve(configuration.variables(), sources, options, problems, warnings),
                configuration.locals(),
                sources.declaredBeside());
        List<ImportedTable> expanded = new ArrayList<>();
        for (Configuration.Resource resource : configuration.tables()) {
            expand(resource, scope, configuration, problems, expanded);
        }
        java.util.Set<String> declared = configuration.tables().stream()
                .map(Configuration.Resource::name)
                .collect(java.util.stream.Collectors.toSet());
        List<ImportedTable> tables =
                StandaloneResources.apply(configuration.standalone(), declared, scope, expanded, problems, warnings);
        uniqueNames(tables, problems);
        if (problems.isEmpty() && tables.isEmpty()) {
            problems.add(new Problem(
                    "",
                    "defines no " + RESOURCE_TYPE + " resource; give the .tf file or folder that holds the table"
                            + " definitions"));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(file.toString(), kind(), problems);
        }
        return List.copyOf(tables);
    }

    private static void expand(
            Configuration.Resource resource,
            Scope scope,
            Configuration configuration,
            List<Problem> problems,
            List<ImportedTable> tables) {
        HclBody body = resource.block().body();
        String address = RESOURCE_TYPE + "." + resource.name();
        SourceLocation location = new SourceLocation(resource.file(), resource.line(), 1);
        Optional<HclBody.Attribute> count = body.attribute("count");
        Optional<HclBody.Attribute> forEach = body.attribute("for_each");
        Map<String, String> defaultTags = configuration.defaultTags(resource, scope, problems);
        if (count.isPresent() && forEach.isPresent()) {
            problems.add(new Problem(
                            address + ".for_each",
                            "conflicts with count; a resource may use count or for_each, not both")
                    .at(location));
            return;
        }
        if (count.isPresent()) {
            Optional<Long> instances = instances(count.get(), address, resource.file(), scope, problems);
            for (int i = 0; instances.isPresent() && i < instances.get(); i++) {
                String instance = address + "[" + i + "]";
                add(instance, resource, scope.withCountIndex(i), location, defaultTags, problems, tables);
            }
        } else if (forEach.isPresent()) {
            forEach(forEach.get(), address, resource.file(), scope, problems)
                    .forEach((key, value) -> add(
                            address + "[\"" + key + "\"]",
                            resource,
                            scope.withEach(key, value),
                            location,
                            defaultTags,
                            problems,
                            tables));
        } else {
            add(address, resource, scope, location, defaultTags, problems, tables);
        }
    }

    private static void add(
            String address,
            Configuration.Resource resource,
            Scope scope,
            SourceLocation location,
            Map<String, String> defaultTags,
            List<Problem> problems,
            List<ImportedTable> tables) {
        Optional<TableSpec> table = new TableMapper(address, resource.file(), scope, problems)
                .map(resource.block().body(), resource.line(), defaultTags);
        table.ifPresent(spec -> tables.add(new ImportedTable(spec, SourceKind.TERRAFORM, address, location)));
    }

    /** Instances a resource may expand to; far more tables than an account allows by default. */
    static final int MAX_INSTANCES = 1000;

    static Optional<Long> instances(
            HclBody.Attribute count, String address, String file, Scope scope, List<Problem> problems) {
        SourceLocation at = new SourceLocation(file, Math.max(1, count.line()), 1);
        try {
            long n = Values.whole(scope.required(count.value(), "count"), count.line(), "count");
            if (n < 0 || n > MAX_INSTANCES) {
                problems.add(new Problem(
                                address + ".count", n + " is out of range; use 0 to " + MAX_INSTANCES + " instances")
                        .at(at));
                return Optional.empty();
            }
            return Optional.of(n);
        } catch (EvalException e) {
            if (!e.alreadyReported()) {
                problems.add(new Problem(address + ".count", e.getMessage()).at(at));
            }
            return Optional.empty();
        }
    }

    static Map<String, Object> forEach(
            HclBody.Attribute forEach, String address, String file, Scope scope, List<Problem> problems) {
        SourceLocation at = new SourceLocation(file, Math.max(1, forEach.line()), 1);
        Map<String, Object> instances = new LinkedHashMap<>();
        try {
            Object value = scope.required(forEach.value(), "for_each");
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, item) -> instances.put(String.valueOf(key), item));
            } else if (value instanceof java.util.Set<?> set) {
                for (Object item : set) {
                    String key = Values.string(item, forEach.line(), "each element of for_each");
                    instances.put(key, key);
                }
            } else {
                throw new EvalException(
                        forEach.line(),
                        "The \"for_each\" argument must be a map, or set of strings, and you have provided a value"
                                + " of type " + Values.typeName(value) + "; wrap a list in toset(...)");
            }
        } catch (EvalException e) {
            if (!e.alreadyReported()) {
                problems.add(new Problem(address + ".for_each", e.getMessage()).at(at));
            }
            return Map.of();
        }
        if (instances.size() > MAX_INSTANCES) {
            problems.add(new Problem(
                            address + ".for_each",
                            instances.size() + " instances is out of range; use at most " + MAX_INSTANCES)
                    .at(at));
            return Map.of();
        }
        return instances;
    }

    private static void uniqueNames(List<ImportedTable> tables, List<Problem> problems) {
        Map<String, ImportedTable> first = new HashMap<>();
        for (ImportedTable table : tables) {
            ImportedTable previous = first.putIfAbsent(table.table().name(), table);
            if (previous != null) {
                boolean sameResource = baseAddress(previous.origin()).equals(baseAddress(table.origin()));
                problems.add(new Problem(
                                table.origin() + ".name",
                                "'" + table.table().name() + "' is also the name of " + previous.origin()
                                        + "; DynamoDB table names are unique in a region"
                                        + (sameResource
                                                ? ": use count.index or each.key in the name, e.g. name ="
                                                        + " \"users-${count.index}\""
                                                : ": rename one of them"))
                        .at(table.location()));
            }
        }
    }

    private static String baseAddress(String address) {
        int bracket = address.indexOf('[');
        return bracket < 0 ? address : address.substring(0, bracket);
    }
}
