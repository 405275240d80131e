package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import dev.dynaseed.spec.TableSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the tables of one template: checks its sections, expands language extensions, skips resources whose
 * Condition is false, evaluates each table's properties and maps them by resource type. Every problem of every table
 * is collected before failing.
 */
final class TableResources implements Intrinsics.Resources {
    private static final Logger LOG = LoggerFactory.getLogger(TableResources.class);
    static final String TABLE = "AWS::DynamoDB::Table";
    static final String GLOBAL_TABLE = "AWS::DynamoDB::GlobalTable";
    static final String SIMPLE_TABLE = "AWS::Serverless::SimpleTable";
    static final String SAM = "AWS::Serverless-2016-10-31";
    static final String LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions";

    private static final Set<String> SECTIONS = Set.of(
            "AWSTemplateFormatVersion",
            "Description",
            "Metadata",
            "Parameters",
            "Rules",
            "Mappings",
            "Conditions",
            "Transform",
            "Resources",
            "Outputs",
            "Globals");

    private final String source;
    private final SourceKind kind;
    private final ImportOptions options;
    private final Map<String, String> stackTags;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, TemplateNode.Mapping> resources = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Set<String> naming = new HashSet<>();
    private final Deque<String> referrers = new ArrayDeque<>();
    private final Map<String, Map<String, SourceLocation>> dependencies = new LinkedHashMap<>();
    private Intrinsics intrinsics;
    private TemplateParameters parameters;

    TableResources(String source, SourceKind kind, ImportOptions options, Map<String, String> stackTags) {
        this.source = source;
        this.kind = kind;
        this.options = options;
        this.stackTags = stackTags;
    }

    static boolean isTableType(String type) {
        return type.equals(TABLE) || type.equals(GLOBAL_TABLE) || type.equals(SIMPLE_TABLE);
    }

    List<ImportedTable> read(TemplateNode root) {
        if (!(root instanceof TemplateNode.Mapping template)) {
            throw fail(List.of(new Problem("", "is not a template: its top level must be a mapping with Resources")
                    .at(root.location())));
        }
        Optional.ofNullable(template.get("AWSTemplateFormatVersion"))
                .filter(v -> !(v instanceof TemplateNode.Scalar s && s.text().equals("2010-09-09")))
                .ifPresent(v -> problems.add(new Problem(
                                "AWSTemplateFormatVersion",
                                "must be 2010-09-09, the only template format version CloudFormation knows")
                        .at(v.location())));
        template.entries().forEach((key, value) -> {
            if (!SECTIONS.contains(key)) {
                problems.add(new Problem(
                                key,
                                "Invalid template property or properties [" + key + "]; a template's top level holds"
                                        + " only " + new java.util.TreeSet<>(SECTIONS))
                        .at(value.location()));
            }
        });
        List<String> transforms = transforms(template.get("Transform"));
        parameters = new TemplateParameters(template.get("Parameters"), options.parameters());
        problems.addAll(parameters.problems());
        Map<String, TemplateNode> conditions =
                template.get("Conditions") instanceof TemplateNode.Mapping c ? c.entries() : Map.of();
        TemplateNode.Mapping mappings = template.get("Mappings") instanceof TemplateNode.Mapping m
                ? m
                : new TemplateNode.Mapping(Map.of(), template.location());
        conditions.forEach((name, definition) -> checkCondition(name, definition, conditions));
        intrinsics = new Intrinsics(
                parameters,
                new PseudoParameters(options),
                conditions,
                mappings,
                this,
                transforms.contains(LANGUAGE_EXTENSIONS));
        TemplateNode section = template.get("Resources");
        if (!(section instanceof TemplateNode.Mapping)) {
            problems.add(new Problem("Resources", "is missing or not a mapping; a template needs Resources")
                    .at(section == null ? template.location() : section.location()));
            throw fail(problems);
        }
        if (transforms.contains(LANGUAGE_EXTENSIONS)) {
            try {
                section = new LanguageExtensions(intrinsics).expand(section);
            } catch (TemplateProblem e) {
                problems.add(e.toProblem("Resources"));
                throw fail(problems);
            }
        }
        ((TemplateNode.Mapping) section).entries().forEach((id, node) -> {
            if (node instanceof TemplateNode.Mapping resource && resource.get("Type") instanceof TemplateNode.Scalar) {
                resources.put(id, resource);
            } else if (id.startsWith(LanguageExtensions.FOR_EACH)) {
                problems.add(new Problem(
                                "Resources." + id,
                                "is a loop; add Transform: AWS::LanguageExtensions to" + " the template to expand it")
                        .at(node.location()));
            } else {
                problems.add(new Problem("Resources." + id, "needs a Type, e.g. Type: AWS::DynamoDB::Table")
                        .at(node.location()));
            }
        });
        TemplateNode globals = template.get("Globals") instanceof TemplateNode.Mapping g ? g.get("SimpleTable") : null;
        List<ImportedTable> tables = new ArrayList<>();
        resources.forEach((id, resource) -> {
            String type = type(id);
            if (!isTableType(type)) {
                return;
            }
            if (type.equals(SIMPLE_TABLE) && !transforms.contains(SAM)) {
                problems.add(new Problem(
                                "Resources." + id + ".Type",
                                "Unrecognized resource types: [" + type + "]; add Transform: " + SAM
                                        + " to the template")
                        .at(resource.get("Type").location()));
                return;
            }
            table(id, resource, type, globals).ifPresent(tables::add);
        });
        checkCycles();
        if (!problems.isEmpty()) {
            throw fail(problems);
        }
        return tables;
    }

    private Optional<ImportedTable> table(String id, TemplateNode.Mapping resource, String type, TemplateNode globals) {
        String path = "Resources." + id;
        try {
            if (resource.get("Condition") != null
                    && !intrinsics.condition(
                            Intrinsics.text(resource.get("Condition"), "Condition"),
                            resource.get("Condition").location())) {
                return Optional.empty();
            }
        } catch (TemplateProblem e) {
            problems.add(e.toProblem(path + ".Condition"));
            return Optional.empty();
        }
        int before = problems.size();
        TemplateNode.Mapping evaluated = properties(id, resource, type, globals);
        if (problems.size() > before) {
            // A property that cannot be evaluated is missing from the rest, which would add problems that are only
            // its consequences (e.g. BillingMode's default PROVISIONED asking for ProvisionedThroughput).
            return Optional.empty();
        }
        String name;
        try {
            name = tableName(id, resource.location());
        } catch (TemplateProblem e) {
            problems.add(e.toProblem(path + ".Properties.TableName"));
            name = id;
        }
        List<Problem> found = new ArrayList<>();
        Fields fields = new Fields(evaluated, path + ".Properties", found);
        Optional<TableSpec> table;
        try {
            table = switch (type) {
                case TABLE -> DynamoDbTableMapper.map(name, fields);
                case GLOBAL_TABLE -> GlobalTableMapper.map(name, fields, options.region());
                default -> SimpleTableMapper.map(name, fields);
            };
        } catch (TemplateProblem e) {
            found.add(e.toProblem(path + ".Properties"));
            table = Optional.empty();
        }
        problems.addAll(found);
        if (!found.isEmpty()) {
            return Optional.empty();
        }
        return table.map(spec ->
                new ImportedTable(withStackTags(spec, type, path, resource.location()), kind, id, resource.location()));
    }

    /**
     * {@code table} with the stack's tags under its own (its own win for a key in both), as CloudFormation's resource
     * handlers merge them for a table; a global table keeps only its own, with a warning, since whether stack tags
     * reach its replicas is not documented.
     */
    private TableSpec withStackTags(TableSpec table, String type, String path, SourceLocation at) {
        if (stackTags.isEmpty()) {
            return table;
        }
        if (type.equals(GLOBAL_TABLE)) {
            LOG.warn(
                    "{}: {}: the stack tags {} are not imported for an {} (whether CloudFormation passes stack tags"
                            + " on to its replicas is not documented); add them to the replica's Tags to have them",
                    at,
                    path,
                    stackTags.keySet(),
                    GLOBAL_TABLE);
            return table;
        }
        Map<String, String> tags = new LinkedHashMap<>(table.tags());
        stackTags.forEach(tags::putIfAbsent);
        return table.toBuilder().tags(tags).build();
    }

    /** The resource's Properties with every function evaluated, one property at a time so that all problems show. */
    private TemplateNode.Mapping properties(
            String id, TemplateNode.Mapping resource, String type, TemplateNode globals) {
        String path = "Resources." + id + ".Properties";
        TemplateNode raw = resource.get("Properties");
        Map<String, TemplateNode> entries = new LinkedHashMap<>();
        if (raw instanceof TemplateNode.Mapping mapping) {
            entries.putAll(mapping.entries());
        } else if (raw != null) {
            problems.add(new Problem(path, "must be a mapping").at(raw.location()));
        }
        if (type.equals(SIMPLE_TABLE) && globals instanceof TemplateNode.Mapping global) {
            global.entries()
                    .forEach((key, value) ->
                            entries.merge(key, value, (local, fromGlobals) -> withGlobals(fromGlobals, local)));
        }
        Map<String, TemplateNode> evaluated = new LinkedHashMap<>();
        referrers.push(id);
        try {
            entries.forEach((key, value) -> {
                try {
                    intrinsics.evaluate(value).ifPresent(v -> evaluated.put(key, v));
                } catch (TemplateProblem e) {
                    problems.add(e.toProblem(path + "." + key));
                }
            });
        } finally {
            referrers.pop();
        }
        return new TemplateNode.Mapping(evaluated, raw == null ? resource.location() : raw.location());
    }

    /**
     * Checks every condition as CloudFormation does, used or not: a {@code Ref} must name a parameter or pseudo
     * parameter, a {@code Condition} a condition of the template.
     */
    private void checkCondition(String name, TemplateNode node, Map<String, TemplateNode> conditions) {
        switch (node.kind()) {
            case SCALAR -> {}
            case SEQUENCE ->
                ((TemplateNode.Sequence) node).items().forEach(item -> checkCondition(name, item, conditions));
            case MAPPING -> {
                TemplateNode.Mapping mapping = (TemplateNode.Mapping) node;
                TemplateNode ref = mapping.get("Ref");
                if (mapping.entries().size() == 1
                        && ref instanceof TemplateNode.Scalar target
                        && !parameters.isDeclared(target.text())
                        && !PseudoParameters.isPseudo(target.text())) {
                    problems.add(new Problem(
                                    "Conditions." + name,
                                    "refers to '" + target.text() + "', which is not a parameter of the template"
                                            + " (Unresolved dependencies [" + target.text() + "]); a condition can"
                                            + " use only parameters, pseudo parameters and other conditions;"
                                            + " parameters: " + parameters.names())
                            .at(target.location()));
                }
                TemplateNode condition = mapping.get("Condition");
                if (mapping.entries().size() == 1
                        && condition instanceof TemplateNode.Scalar target
                        && !conditions.containsKey(target.text())) {
                    problems.add(new Problem(
                                    "Conditions." + name,
                                    "refers to condition '" + target.text() + "', which Conditions does not define;"
                                            + " defined: " + conditions.keySet())
                            .at(target.location()));
                }
                mapping.entries().values().forEach(value -> checkCondition(name, value, conditions));
            }
        }
    }

    /**
     * A resource's value over its Globals value as SAM merges them: mappings merged key by key (the resource's wins),
     * lists appended to the Globals list, anything else (intrinsic functions included) the resource's.
     */
    static TemplateNode withGlobals(TemplateNode global, TemplateNode local) {
        if (global instanceof TemplateNode.Mapping g
                && local instanceof TemplateNode.Mapping l
                && !isFunction(g)
                && !isFunction(l)) {
            Map<String, TemplateNode> merged = new LinkedHashMap<>(g.entries());
            l.entries().forEach((key, value) -> merged.merge(key, value, (a, b) -> withGlobals(a, b)));
            return new TemplateNode.Mapping(merged, l.location());
        }
        if (global instanceof TemplateNode.Sequence g && local instanceof TemplateNode.Sequence l) {
            List<TemplateNode> items = new ArrayList<>(g.items());
            items.addAll(l.items());
            return new TemplateNode.Sequence(items, l.location());
        }
        return local;
    }

    private static boolean isFunction(TemplateNode.Mapping mapping) {
        if (mapping.entries().size() != 1) {
            return false;
        }
        String key = mapping.entries().keySet().iterator().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    @Override
    public boolean exists(String logicalId) {
        return resources.containsKey(logicalId);
    }

    @Override
    public String type(String logicalId) {
        return ((TemplateNode.Scalar) resources.get(logicalId).get("Type")).text();
    }

    @Override
    public String tableName(String logicalId, SourceLocation at) {
        String known = names.get(logicalId);
        if (known != null) {
            return known;
        }
        if (!naming.add(logicalId)) {
            throw new TemplateProblem(at, "the TableName of " + logicalId + " refers to itself; break the cycle");
        }
        referrers.push(logicalId);
        try {
            TemplateNode.Mapping resource = resources.get(logicalId);
            TemplateNode condition = resource.get("Condition");
            if (condition != null
                    && !intrinsics.condition(Intrinsics.text(condition, "Condition"), condition.location())) {
                throw new TemplateProblem(
                        at, "refers to " + logicalId + ", which is not created: its Condition " + "is false");
            }
            String name = PhysicalNames.tableName(options.stackName(), logicalId);
            if (resource.get("Properties") instanceof TemplateNode.Mapping properties
                    && properties.get("TableName") != null) {
                Optional<TemplateNode> value = intrinsics.evaluate(properties.get("TableName"));
                if (value.isPresent()) {
                    name = Intrinsics.text(value.get(), "TableName");
                }
            }
            names.put(logicalId, name);
            return name;
        } finally {
            referrers.pop();
            naming.remove(logicalId);
        }
    }

    @Override
    public void referenced(String logicalId, SourceLocation at) {
        String referrer = referrers.peek();
        if (referrer == null) {
            return;
        }
        if (referrer.equals(logicalId)) {
            throw new TemplateProblem(
                    at,
                    "refers to itself (" + logicalId + "): CloudFormation refuses a resource that depends on itself"
                            + " (Circular dependency between resources: [" + logicalId + "]); write the value out,"
                            + " e.g. the table's name");
        }
        dependencies.computeIfAbsent(referrer, k -> new LinkedHashMap<>()).putIfAbsent(logicalId, at);
    }

    /** A problem for each cycle of references between tables, which CloudFormation refuses. */
    private void checkCycles() {
        Set<Set<String>> reported = new HashSet<>();
        for (String start : dependencies.keySet()) {
            List<String> path = new ArrayList<>();
            findCycle(start, path, new HashSet<>()).ifPresent(cycle -> {
                if (reported.add(new java.util.TreeSet<>(cycle))) {
                    String first = cycle.get(0);
                    String second = cycle.get(1 % cycle.size());
                    problems.add(new Problem(
                                    "Resources." + first,
                                    "Circular dependency between resources: " + cycle + " (each refers to the next"
                                            + " with Ref, Fn::GetAtt or Fn::Sub, the last to the first);"
                                            + " CloudFormation refuses it: write one of the values out")
                            .at(dependencies.get(first).get(second)));
                }
            });
        }
    }

    private Optional<List<String>> findCycle(String node, List<String> path, Set<String> done) {
        int index = path.indexOf(node);
        if (index >= 0) {
            return Optional.of(List.copyOf(path.subList(index, path.size())));
        }
        if (!done.add(node)) {
            return Optional.empty();
        }
        path.add(node);
        for (String next : dependencies.getOrDefault(node, Map.of()).keySet()) {
            Optional<List<String>> cycle = findCycle(next, path, done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        return Optional.empty();
    }

    private List<String> transforms(TemplateNode node) {
        List<String> names = new ArrayList<>();
        if (node == null) {
            return names;
        }
        List<TemplateNode> items = node instanceof TemplateNode.Sequence s ? s.items() : List.of(node);
        for (TemplateNode item : items) {
            if (item instanceof TemplateNode.Scalar scalar) {
                names.add(scalar.text());
                if (!scalar.text().equals(SAM)
                        && !scalar.text().equals(LANGUAGE_EXTENSIONS)
                        && !scalar.text().startsWith("AWS::SecretsManager")
                        && !scalar.text().equals("AWS::CodeDeployBlueGreen")) {
                    problems.add(new Problem(
                                    "Transform",
                                    "names the macro " + scalar.text() + ", which runs only in AWS and may change"
                                            + " any resource; dynaseed reads " + SAM + " and " + LANGUAGE_EXTENSIONS
                                            + " itself: remove the macro or import the processed template (e.g."
                                            + " from 'aws cloudformation get-template --template-stage Processed')")
                            .at(scalar.location()));
                }
            } else {
                problems.add(new Problem(
                                "Transform",
                                "uses a macro with parameters (e.g. AWS::Include), which runs only in AWS;"
                                        + " inline what it adds")
                        .at(item.location()));
            }
        }
        return names;
    }

    /** The problems, each once (a parameter used twice fails twice alike), NoEcho values shown as CloudFormation does. */
    private ImportException fail(List<Problem> all) {
        List<Problem> shown = new ArrayList<>(new java.util.LinkedHashSet<>(all));
        if (parameters != null) {
            shown.replaceAll(parameters::redact);
        }
        return new ImportException(source, kind, List.copyOf(new java.util.LinkedHashSet<>(shown)));
    }
}
