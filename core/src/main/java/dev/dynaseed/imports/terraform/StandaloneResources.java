package dev.dynaseed.imports.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS provider's resources that set something on a table from outside its {@code aws_dynamodb_table} block.
 * What dynaseed's spec holds is applied to the imported table as the provider applies it: {@code aws_dynamodb_tag}
 * (one tag, over the table's own), {@code aws_dynamodb_contributor_insights} (on, for the table) and
 * {@code aws_dynamodb_resource_policy} (the table's policy). The rest is named in a warning, or, for an index added
 * from outside the table, refused: nothing set on an imported table is dropped without a word. A resource that names
 * no imported table (another table, or one outside the configuration) is left alone.
 */
final class StandaloneResources {
    static final String TAG = "aws_dynamodb_tag";
    static final String CONTRIBUTOR_INSIGHTS = "aws_dynamodb_contributor_insights";
    static final String RESOURCE_POLICY = "aws_dynamodb_resource_policy";
    static final String KINESIS = "aws_dynamodb_kinesis_streaming_destination";
    static final String TABLE_REPLICA = "aws_dynamodb_table_replica";
    static final String GLOBAL_TABLE = "aws_dynamodb_global_table";
    static final String GLOBAL_SECONDARY_INDEX = "aws_dynamodb_global_secondary_index";
    static final String TABLE_ITEM = "aws_dynamodb_table_item";
    static final Set<String> TYPES = Set.of(
            TAG,
            CONTRIBUTOR_INSIGHTS,
            RESOURCE_POLICY,
            KINESIS,
            TABLE_REPLICA,
            GLOBAL_TABLE,
            GLOBAL_SECONDARY_INDEX,
            TABLE_ITEM);

    /** A table's ARN, or its stream's: {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME[/stream/LABEL]}. */
    private static final Pattern TABLE_ARN =
            Pattern.compile("arn:[^:]+:dynamodb:[^:]*:[^:]*:table/([^/]+)(/stream/.*)?");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The table a standalone resource names, and whether it names the table's stream rather than the table. */
    private record Target(ImportedTable table, boolean stream) {
        String address() {
            return table.origin();
        }
    }

    private final Set<String> declaredTables;
    private final List<Problem> problems;
    private final Consumer<String> warnings;
    private final Map<String, ImportedTable> byAddress = new LinkedHashMap<>();
    private final Map<String, ImportedTable> byName = new HashMap<>();
    private final Map<String, Map<String, String>> tags = new HashMap<>();
    private final Map<String, String> tagSetBy = new HashMap<>();
    private final Map<String, Boolean> contributorInsights = new HashMap<>();
    private final Map<String, String> policies = new HashMap<>();
    private final Map<String, String> policySetBy = new HashMap<>();

    private StandaloneResources(
            Set<String> declaredTables, List<ImportedTable> tables, List<Problem> problems, Consumer<String> warnings) {
        this.declaredTables = declaredTables;
        this.problems = problems;
        this.warnings = warnings;
        for (ImportedTable table : tables) {
            byAddress.put(table.origin(), table);
            byName.put(table.table().name(), table);
        }
    }

    /**
     * {@code tables} with what {@code resources} set on them applied.
     *
     * @param declaredTables the names of the configuration's aws_dynamodb_table resources, imported or not
     */
    static List<ImportedTable> apply(
            List<Configuration.Standalone> resources,
            Set<String> declaredTables,
            Scope scope,
            List<ImportedTable> tables,
            List<Problem> problems,
            Consumer<String> warnings) {
        StandaloneResources standalone = new StandaloneResources(declaredTables, tables, problems, warnings);
        for (Configuration.Standalone resource : resources) {
            standalone.expand(resource, scope);
        }
        return tables.stream().map(standalone::applied).toList();
    }

    private void expand(Configuration.Standalone resource, Scope scope) {
        HclBody body = resource.block().body();
        String address = resource.address();
        Optional<HclBody.Attribute> count = body.attribute("count");
        Optional<HclBody.Attribute> forEach = body.attribute("for_each");
        if (count.isPresent() && forEach.isEmpty()) {
            Optional<Long> instances =
                    TerraformImporter.instances(count.get(), address, resource.file(), scope, problems);
            for (int i = 0; instances.isPresent() && i < instances.get(); i++) {
                instance(resource, address + "[" + i + "]", scope.withCountIndex(i));
            }
        } else if (forEach.isPresent() && count.isEmpty()) {
            TerraformImporter.forEach(forEach.get(), address, resource.file(), scope, problems)
                    .forEach((key, value) ->
                            instance(resource, address + "[\"" + key + "\"]", scope.withEach(key, value)));
        } else if (count.isEmpty()) {
            instance(resource, address, scope);
        }
    }

    private void instance(Configuration.Standalone resource, String address, Scope scope) {
        ArgumentReader args = new ArgumentReader(address, resource.file(), scope, problems);
        HclBody body = resource.block().body();
        ArgumentReader.Block block = new ArgumentReader.Block(body, resource.line());
        switch (resource.type()) {
            case TAG ->
                target(resource, address, scope, "resource_arn").ifPresent(target -> {
                    Optional<String> key = setting(resource, address, scope, "key", "e.g. key = \"Owner\"");
                    Optional<String> value = setting(resource, address, scope, "value", "e.g. value = \"team-a\"");
                    if (key.isPresent() && value.isPresent()) {
                        tag(resource, address, target, key.get(), value.get(), ArgumentReader.lineOf(block, "key"));
                    }
                });
            case CONTRIBUTOR_INSIGHTS ->
                target(resource, address, scope, "table_name")
                        .ifPresent(target -> contributorInsights(resource, address, args, body, target));
            case RESOURCE_POLICY ->
                target(resource, address, scope, "resource_arn").ifPresent(target -> {
                    if (target.stream()) {
                        warn(
                                resource,
                                address,
                                "sets the resource policy of the stream of " + target.address()
                                        + "; a spec holds the table's policy only: not imported");
                        return;
                    }
                    setting(resource, address, scope, "policy", "e.g. a JSON document in a heredoc, policy = <<-EOT")
                            .ifPresent(policy ->
                                    policy(address, target, policy, ArgumentReader.lineOf(block, "policy"), args));
                });
            case KINESIS ->
                target(resource, address, scope, "table_name")
                        .ifPresent(target -> warn(
                                resource,
                                address,
                                "streams the changes of " + target.address() + " to a Kinesis data stream; not imported"
                                        + " (it does not change the table, and a spec has no Kinesis destination)"));
            case TABLE_REPLICA ->
                target(resource, address, scope, "global_table_arn")
                        .ifPresent(target -> warn(
                                resource,
                                address,
                                "adds a replica of " + target.address() + " in another Region; dynaseed provisions one"
                                        + " Region: not imported"));
            case GLOBAL_TABLE ->
                target(resource, address, scope, "name")
                        .ifPresent(target -> warn(
                                resource,
                                address,
                                "makes " + target.address() + " a global table (version 2017.11.29) with replicas in"
                                        + " other Regions; dynaseed provisions one Region: not imported"));
            case GLOBAL_SECONDARY_INDEX ->
                target(resource, address, scope, body.attribute("table").isPresent() ? "table" : "table_name")
                        .ifPresent(target -> args.problem(
                                "",
                                resource.line(),
                                "adds a global secondary index to " + target.address() + ", and dynaseed does not read "
                                        + GLOBAL_SECONDARY_INDEX
                                        + " (experimental in the AWS provider): write the index"
                                        + " as a global_secondary_index block of " + target.address()));
            case TABLE_ITEM ->
                target(resource, address, scope, "table_name")
                        .ifPresent(target -> warn(
                                resource,
                                address,
                                "writes an item into " + target.address() + "; not imported: after dynaseed init, add"
                                        + " the item to the table's seed (seed.items)"));
            default -> throw new IllegalStateException("unhandled resource type " + resource.type());
        }
    }

    /**
     * The string argument {@code name}, required by the provider. A value known only to Terraform (such as
     * {@code data.aws_iam_policy_document.p.json}) is named in a warning as not imported, not refused: the table
     * itself imports.
     */
    private Optional<String> setting(
            Configuration.Standalone resource, String address, Scope scope, String name, String example) {
        Optional<HclBody.Attribute> attribute = resource.block().body().attribute(name);
        if (attribute.isEmpty()) {
            problem(resource, address + "." + name, resource.line(), "missing; set it, " + example);
            return Optional.empty();
        }
        int line = attribute.get().line();
        Optional<Object> value;
        try {
            value = scope.evaluate(attribute.get().value());
        } catch (EvalException e) {
            if (!e.alreadyReported()) {
                warn(
                        resource,
                        address,
                        name + " " + e.getMessage() + "; so what " + address + " sets is not imported: write it into"
                                + " the table in the spec after dynaseed init");
            }
            return Optional.empty();
        }
        try {
            if (value.isEmpty()) {
                problem(
                        resource,
                        address + "." + name,
                        line,
                        "is null" + Scope.nullSource(attribute.get().value())
                                + ", which Terraform treats as not set, but it is required; set it, " + example);
                return Optional.empty();
            }
            return Optional.of(Values.string(value.get(), line, name));
        } catch (EvalException e) {
            problem(resource, address + "." + name, e.line(), e.getMessage());
            return Optional.empty();
        }
    }

    private void tag(
            Configuration.Standalone resource, String address, Target target, String key, String value, int line) {
        if (target.stream()) {
            warn(resource, address, "tags the stream of " + target.address() + ", which a spec cannot: not imported");
            return;
        }
        String previous = tagSetBy.putIfAbsent(target.address() + "\u0000" + key, address);
        if (previous != null) {
            problem(
                    resource,
                    address + ".key",
                    line,
                    "sets the tag " + key + " of " + target.address() + ", as " + previous + " does; Terraform applies"
                            + " the two in no fixed order: keep one");
            return;
        }
        tags.computeIfAbsent(target.address(), k -> new LinkedHashMap<>()).put(key, value);
    }

    private void contributorInsights(
            Configuration.Standalone resource, String address, ArgumentReader args, HclBody body, Target target) {
        Optional<String> index = args.string(body, "index_name", "");
        if (index.isPresent()) {
            warn(
                    resource,
                    address,
                    "turns on contributor insights for the index " + index.get() + " of " + target.address()
                            + "; a spec has contributor insights for whole tables only: not imported");
            return;
        }
        args.string(body, "mode", "")
                .filter(mode -> !mode.equals("ACCESSED_AND_THROTTLED_KEYS"))
                .ifPresent(mode -> warn(
                        resource,
                        address,
                        "mode " + mode + " is not imported: a spec turns contributor insights on in DynamoDB's"
                                + " default mode, ACCESSED_AND_THROTTLED_KEYS"));
        contributorInsights.put(target.address(), true);
    }

    private void policy(String address, Target target, String policy, int line, ArgumentReader args) {
        String compact;
        try {
            compact = JSON.writeValueAsString(JSON.readTree(policy));
        } catch (JsonProcessingException e) {
            args.problem(
                    "policy",
                    line,
                    "is not a JSON document (" + e.getOriginalMessage() + "); write the policy as JSON, e.g. in a"
                            + " heredoc");
            return;
        }
        String previous = policySetBy.putIfAbsent(target.address(), address);
        if (previous != null) {
            args.problem(
                    "",
                    line,
                    target.address() + " has the policy of " + previous + " already; a table has one resource"
                            + " policy: keep one");
            return;
        }
        policies.put(target.address(), compact);
    }

    /** The imported table {@code argument} names, if any. */
    private Optional<Target> target(Configuration.Standalone resource, String address, Scope scope, String argument) {
        Optional<HclBody.Attribute> attribute = resource.block().body().attribute(argument);
        if (attribute.isEmpty()) {
            return Optional.empty(); // Terraform itself refuses the resource: it names no table
        }
        Expr expr = attribute.get().value();
        if (expr instanceof Expr.Reference reference) {
            String root = (String) reference.steps().get(0);
            if (root.equals(TerraformImporter.RESOURCE_TYPE)) {
                return tableReference(resource, address, scope, argument, reference);
            }
            if (root.equals("data")) {
                return Optional.empty(); // a table this configuration reads, not one it defines
            }
        }
        Optional<Object> value;
        try {
            value = scope.evaluate(expr);
        } catch (EvalException e) {
            warn(
                    resource,
                    address,
                    argument + " " + e.getMessage() + "; so dynaseed cannot tell which table it sets: if it is one of"
                            + " the imported tables, what it sets there is not imported");
            return Optional.empty();
        }
        if (value.isEmpty() || !(value.get() instanceof String text)) {
            return Optional.empty();
        }
        Matcher arn = TABLE_ARN.matcher(text);
        boolean isArn = arn.matches();
        return Optional.ofNullable(byName.get(isArn ? arn.group(1) : text))
                .map(table -> new Target(table, isArn && arn.group(2) != null));
    }

    /** {@code aws_dynamodb_table.NAME[INDEX].ATTRIBUTE}, as a target. */
    private Optional<Target> tableReference(
            Configuration.Standalone resource, String address, Scope scope, String argument, Expr.Reference reference) {
        List<Object> steps = reference.steps();
        if (steps.size() < 2 || !(steps.get(1) instanceof String name)) {
            return Optional.empty();
        }
        if (!declaredTables.contains(name)) {
            problem(
                    resource,
                    address + "." + argument,
                    reference.line(),
                    "Reference to undeclared resource: no aws_dynamodb_table \"" + name + "\" is declared; declare"
                            + " it, or name one that is");
            return Optional.empty();
        }
        String instance = TerraformImporter.RESOURCE_TYPE + "." + name;
        int next = 2;
        if (next < steps.size() && steps.get(next) instanceof Expr index) {
            try {
                Object key = scope.required(index, "an index");
                instance += key instanceof BigDecimal number
                        ? "[" + number.stripTrailingZeros().toPlainString() + "]"
                        : "[\"" + key + "\"]";
            } catch (EvalException e) {
                problem(resource, address + "." + argument, e.line(), e.getMessage());
                return Optional.empty();
            }
            next++;
        }
        String attribute = next < steps.size() && steps.get(next) instanceof String a ? a : "";
        String base = TerraformImporter.RESOURCE_TYPE + "." + name;
        boolean indexed = !instance.equals(base);
        if (!indexed && byAddress.keySet().stream().anyMatch(key -> key.startsWith(base + "["))) {
            problem(
                    resource,
                    address + "." + argument,
                    reference.line(),
                    "Missing resource instance key: " + base + " has count or for_each, so name one instance,"
                            + " e.g. " + base + "[count.index]." + (attribute.isEmpty() ? "arn" : attribute)
                            + " (with count) or " + base + "[each.key]" + " (with for_each)");
            return Optional.empty();
        }
        if (indexed && byAddress.containsKey(base)) {
            problem(
                    resource,
                    address + "." + argument,
                    reference.line(),
                    "Unexpected resource instance key: " + base + " has neither count nor for_each, so write " + base
                            + "." + (attribute.isEmpty() ? "arn" : attribute) + " without an index");
            return Optional.empty();
        }
        // a table with a problem is not imported, and its problem is reported already
        return Optional.ofNullable(byAddress.get(instance))
                .map(table -> new Target(table, attribute.startsWith("stream")));
    }

    private ImportedTable applied(ImportedTable imported) {
        String address = imported.origin();
        Map<String, String> addedTags = tags.getOrDefault(address, Map.of());
        Optional<Boolean> insights = Optional.ofNullable(contributorInsights.get(address));
        Optional<String> policy = Optional.ofNullable(policies.get(address));
        if (addedTags.isEmpty() && insights.isEmpty() && policy.isEmpty()) {
            return imported;
        }
        TableSpec table = imported.table();
        Map<String, String> merged = new LinkedHashMap<>(table.tags());
        merged.putAll(addedTags); // the provider tags the table after creating it, so these win
        TableFeatures f = table.features();
        TableFeatures features = new TableFeatures(
                f.globalSecondaryIndexes(),
                f.localSecondaryIndexes(),
                f.timeToLiveAttribute(),
                f.stream(),
                f.pointInTimeRecovery(),
                f.encryption(),
                f.tableClass(),
                f.deletionProtection(),
                f.warmThroughput(),
                policy.or(f::resourcePolicy),
                insights.or(f::contributorInsights));
        return new ImportedTable(
                table.toBuilder().tags(merged).features(features).build(),
                imported.kind(),
                imported.origin(),
                imported.location());
    }

    private void warn(Configuration.Standalone resource, String address, String message) {
        warnings.accept(resource.file() + ":" + resource.line() + ": " + address + ": " + message);
    }

    private void problem(Configuration.Standalone resource, String path, int line, String message) {
        problems.add(new Problem(path, message)
                .at(new SourceLocation(resource.file(), Math.max(1, line > 0 ? line : resource.line()), 1)));
    }
}
