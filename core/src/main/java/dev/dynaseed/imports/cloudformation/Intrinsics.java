package dev.dynaseed.imports.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.spec.SourceLocation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates CloudFormation's intrinsic and condition functions offline: parameters and pseudo parameters, conditions,
 * {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::FindInMap}, {@code Fn::If},
 * {@code Fn::Base64}, with {@code Transform: AWS::LanguageExtensions} {@code Fn::Length}, {@code Fn::ToJsonString} and
 * {@code Fn::FindInMap}'s {@code DefaultValue}, and {@code Ref}/{@code Fn::GetAtt} where the
 * answer is known before deployment (a table's name and ARN). Anything else is a {@link TemplateProblem} naming it.
 */
final class Intrinsics {
    /** How deep evaluation may go (nested functions, conditions referring to conditions, tables to tables). */
    static final int MAX_DEPTH = 200;

    /**
     * The longest string a function may build: CloudFormation's own template limit. No table setting holds more (a
     * resource policy 20 KB, a tag value 256 characters); a YAML alias of a long string used many times would
     * otherwise build gigabytes.
     */
    static final int MAX_STRING = 1_000_000;

    /** What the template's other resources can tell before deployment. */
    interface Resources {
        boolean exists(String logicalId);

        /** The type of {@code logicalId}, e.g. {@code AWS::DynamoDB::Table}. */
        String type(String logicalId);

        /** The table name a Ref to table {@code logicalId} returns. */
        String tableName(String logicalId, SourceLocation at);

        /** Notes that the resource being evaluated refers to resource {@code logicalId} (a dependency) at {@code at}. */
        void referenced(String logicalId, SourceLocation at);
    }

    private final TemplateParameters parameters;
    private final PseudoParameters pseudo;
    private final Map<String, TemplateNode> conditions;
    private final TemplateNode.Mapping mappings;
    private final Resources resources;
    private final boolean languageExtensions;
    private final Map<String, Boolean> conditionValues = new LinkedHashMap<>();
    private final Set<String> conditionsOpen = new HashSet<>();
    private int depth;

    Intrinsics(
            TemplateParameters parameters,
            PseudoParameters pseudo,
            Map<String, TemplateNode> conditions,
            TemplateNode.Mapping mappings,
            Resources resources,
            boolean languageExtensions) {
        this.parameters = parameters;
        this.pseudo = pseudo;
        this.conditions = Map.copyOf(conditions);
        this.mappings = mappings;
        this.resources = resources;
        this.languageExtensions = languageExtensions;
    }

    /** {@code node} with every function evaluated; empty where it is {@code AWS::NoValue}. */
    Optional<TemplateNode> evaluate(TemplateNode node) {
        depth++;
        try {
            if (depth > MAX_DEPTH) {
                throw new TemplateProblem(
                        node.location(),
                        "nests functions or references deeper than " + MAX_DEPTH
                                + " levels (a Ref, Fn::Sub or condition may refer to itself); break the cycle");
            }
            return switch (node.kind()) {
                case SCALAR -> Optional.of(node);
                case SEQUENCE -> Optional.of(sequence((TemplateNode.Sequence) node));
                case MAPPING -> mapping((TemplateNode.Mapping) node);
            };
        } finally {
            depth--;
        }
    }

    /** The value of the condition named {@code name}, referred to at {@code at}. */
    boolean condition(String name, SourceLocation at) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        TemplateNode definition = conditions.get(name);
        if (definition == null) {
            throw new TemplateProblem(
                    at,
                    "refers to condition '" + name + "', which Conditions does not define;" + " defined: "
                            + conditions.keySet());
        }
        if (!conditionsOpen.add(name)) {
            throw new TemplateProblem(at, "condition '" + name + "' refers to itself; break the cycle");
        }
        try {
            boolean value = truth(definition);
            conditionValues.put(name, value);
            return value;
        } finally {
            conditionsOpen.remove(name);
        }
    }

    private TemplateNode sequence(TemplateNode.Sequence sequence) {
        List<TemplateNode> items = new ArrayList<>();
        for (TemplateNode item : sequence.items()) {
            evaluate(item).ifPresent(items::add);
        }
        return new TemplateNode.Sequence(items, sequence.location());
    }

    private Optional<TemplateNode> mapping(TemplateNode.Mapping mapping) {
        if (mapping.entries().size() == 1) {
            Map.Entry<String, TemplateNode> only =
                    mapping.entries().entrySet().iterator().next();
            String name = only.getKey();
            if (name.equals("Ref") || name.startsWith("Fn::")) {
                return function(name, only.getValue(), mapping.location());
            }
        }
        Map<String, TemplateNode> entries = new LinkedHashMap<>();
        mapping.entries().forEach((key, value) -> evaluate(value).ifPresent(v -> entries.put(key, v)));
        return Optional.of(new TemplateNode.Mapping(entries, mapping.location()));
    }

    private Optional<TemplateNode> function(String name, TemplateNode argument, SourceLocation at) {
        return switch (name) {
            case "Ref" -> ref(text(argument, "Ref"), at);
            case "Fn::If" -> fnIf(argument, at);
            case "Fn::Sub" -> Optional.of(TemplateNode.Scalar.string(sub(argument, at), at));
            case "Fn::Join" -> Optional.of(join(argument, at));
            case "Fn::Select" -> select(argument, at);
            case "Fn::Split" -> Optional.of(split(argument, at));
            case "Fn::FindInMap" -> Optional.of(findInMap(argument, at));
            case "Fn::GetAtt" -> Optional.of(getAtt(argument, at));
            case "Fn::Base64" -> {
                byte[] bytes = text(value(argument), "Fn::Base64").getBytes(StandardCharsets.UTF_8);
                checkLength((bytes.length + 2L) / 3 * 4, "Fn::Base64", at);
                yield Optional.of(TemplateNode.Scalar.string(Base64.getEncoder().encodeToString(bytes), at));
            }
            case "Fn::Length" -> {
                needsLanguageExtensions("Fn::Length", at);
                yield Optional.of(new TemplateNode.Scalar(
                        String.valueOf(
                                list(value(argument), "Fn::Length").items().size()),
                        TemplateNode.ScalarType.NUMBER,
                        at));
            }
            case "Fn::ToJsonString" -> {
                needsLanguageExtensions("Fn::ToJsonString", at);
                TemplateNode content = value(argument);
                checkLength(jsonSize(content), "Fn::ToJsonString", at);
                yield Optional.of(TemplateNode.Scalar.string(json(content), at));
            }
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" ->
                Optional.of(new TemplateNode.Scalar(
                        String.valueOf(truth(new TemplateNode.Mapping(Map.of(name, argument), at))),
                        TemplateNode.ScalarType.BOOLEAN,
                        at));
            case "Fn::ImportValue" ->
                throw new TemplateProblem(
                        at,
                        "uses Fn::ImportValue, whose value is another stack's export and is known only in AWS;"
                                + " replace it with a parameter (e.g. !Ref TableName) and give it with --parameter");
            case "Fn::Transform" ->
                throw new TemplateProblem(
                        at,
                        "uses Fn::Transform (e.g. AWS::Include), a macro that runs only in AWS; inline the snippet into"
                                + " the template");
            case "Fn::GetAZs" ->
                throw new TemplateProblem(
                        at,
                        "uses Fn::GetAZs, whose answer depends on the account and is known only in AWS; write the"
                                + " Availability Zones out");
            case "Fn::Cidr" ->
                throw new TemplateProblem(
                        at,
                        "uses Fn::Cidr, which dynaseed does not evaluate (no table property needs it); write the"
                                + " CIDR blocks out");
            case "Fn::ForEach" ->
                throw new TemplateProblem(
                        at,
                        "uses Fn::ForEach without a loop name; write Fn::ForEach::LoopName, with Transform:"
                                + " AWS::LanguageExtensions");
            default ->
                throw new TemplateProblem(
                        at,
                        name.startsWith("Fn::ForEach::")
                                ? "uses " + name
                                        + " where it cannot be expanded; add Transform: AWS::LanguageExtensions"
                                        + " to the template"
                                : "uses " + name + ", which is not a CloudFormation intrinsic function");
        };
    }

    /**
     * Refuses {@code what} in a template without {@code Transform: AWS::LanguageExtensions}: CloudFormation knows it
     * only through that transform and rejects the template otherwise.
     */
    private void needsLanguageExtensions(String what, SourceLocation at) {
        if (!languageExtensions) {
            throw new TemplateProblem(
                    at,
                    what + " needs Transform: AWS::LanguageExtensions at the top of the template (CloudFormation"
                            + " rejects it otherwise); add the transform, or write the value out");
        }
    }

    /** Refuses a string of {@code length} characters that {@code what} would build, before building it. */
    static void checkLength(long length, String what, SourceLocation at) {
        if (length > MAX_STRING) {
            throw new TemplateProblem(
                    at,
                    what + " would build a string of more than "
                            + String.format(java.util.Locale.ROOT, "%,d", MAX_STRING)
                            + " characters, which no table setting holds (a YAML alias of a long string used many"
                            + " times?); shorten the values it joins");
        }
    }

    /** The characters of {@code node} written as JSON, counted only up to just past {@link #MAX_STRING}. */
    static long jsonSize(TemplateNode node) {
        long size = 0;
        java.util.ArrayDeque<TemplateNode> pending = new java.util.ArrayDeque<>();
        pending.push(node);
        while (!pending.isEmpty() && size <= MAX_STRING) {
            TemplateNode next = pending.pop();
            switch (next.kind()) {
                case SCALAR -> size += ((TemplateNode.Scalar) next).text().length() + 2;
                case SEQUENCE -> {
                    size += 2;
                    ((TemplateNode.Sequence) next).items().forEach(pending::push);
                }
                case MAPPING -> {
                    size += 2;
                    for (Map.Entry<String, TemplateNode> entry :
                            ((TemplateNode.Mapping) next).entries().entrySet()) {
                        size += entry.getKey().length() + 4;
                        pending.push(entry.getValue());
                    }
                }
            }
        }
        return size;
    }

    private Optional<TemplateNode> ref(String name, SourceLocation at) {
        if (name.equals(PseudoParameters.NO_VALUE)) {
            return Optional.empty();
        }
        if (name.equals("AWS::NotificationARNs")) {
            return Optional.of(new TemplateNode.Sequence(List.of(), at));
        }
        if (PseudoParameters.isPseudo(name)) {
            return Optional.of(TemplateNode.Scalar.string(
                    pseudo.value(name)
                            .orElseThrow(() -> new TemplateProblem(
                                    at,
                                    "refers to '" + name + "', which is not a pseudo parameter; use AWS::StackName,"
                                            + " AWS::Region, AWS::AccountId, AWS::Partition, AWS::URLSuffix,"
                                            + " AWS::StackId, AWS::NotificationARNs or AWS::NoValue")),
                    at));
        }
        if (parameters.isDeclared(name)) {
            return Optional.of(parameters.value(name, at));
        }
        if (resources.exists(name)) {
            resources.referenced(name, at);
            String type = resources.type(name);
            if (TableResources.isTableType(type)) {
                return Optional.of(TemplateNode.Scalar.string(resources.tableName(name, at), at));
            }
            throw new TemplateProblem(
                    at,
                    "refers to resource '" + name + "' (" + type + "), whose physical id is known only once"
                            + " deployed; use a parameter instead and give it with --parameter");
        }
        throw new TemplateProblem(
                at,
                "refers to '" + name + "', which is neither a parameter, a pseudo parameter nor a resource of the"
                        + " template; parameters: " + parameters.names());
    }

    private TemplateNode getAtt(TemplateNode argument, SourceLocation at) {
        String resource;
        String attribute;
        TemplateNode value = value(argument);
        if (value instanceof TemplateNode.Scalar scalar) {
            int dot = scalar.text().indexOf('.');
            if (dot < 1) {
                throw new TemplateProblem(at, "Fn::GetAtt needs Resource.Attribute, e.g. !GetAtt UsersTable.Arn");
            }
            resource = scalar.text().substring(0, dot);
            attribute = scalar.text().substring(dot + 1);
        } else {
            List<TemplateNode> parts = list(value, "Fn::GetAtt").items();
            if (parts.size() != 2) {
                throw new TemplateProblem(at, "Fn::GetAtt takes [Resource, Attribute], e.g. [UsersTable, Arn]");
            }
            resource = text(parts.get(0), "Fn::GetAtt");
            attribute = text(parts.get(1), "Fn::GetAtt");
        }
        return TemplateNode.Scalar.string(attribute(resource, attribute, at), at);
    }

    private String attribute(String resource, String attribute, SourceLocation at) {
        if (!resources.exists(resource)) {
            throw new TemplateProblem(
                    at, "Fn::GetAtt refers to '" + resource + "', which is not a resource of the" + " template");
        }
        resources.referenced(resource, at);
        String type = resources.type(resource);
        if (TableResources.isTableType(type) && attribute.equals("Arn")) {
            return "arn:" + pseudo.partition() + ":dynamodb:" + pseudo.options().region() + ":"
                    + pseudo.options().accountId() + ":table/" + resources.tableName(resource, at);
        }
        throw new TemplateProblem(
                at,
                "Fn::GetAtt " + resource + "." + attribute + " (" + type + ") is known only once deployed; use a"
                        + " parameter instead and give it with --parameter");
    }

    private Optional<TemplateNode> fnIf(TemplateNode argument, SourceLocation at) {
        List<TemplateNode> parts = rawList(argument, "Fn::If", 3, "[ConditionName, ValueIfTrue, ValueIfFalse]");
        boolean chosen = condition(text(parts.get(0), "Fn::If"), parts.get(0).location());
        return evaluate(parts.get(chosen ? 1 : 2));
    }

    /** The truth of a condition function or {@code {Condition: name}}. */
    boolean truth(TemplateNode node) {
        if (!(node instanceof TemplateNode.Mapping mapping) || mapping.entries().size() != 1) {
            TemplateNode value = value(node);
            if (value instanceof TemplateNode.Scalar scalar && isBoolean(scalar.text())) {
                return Boolean.parseBoolean(scalar.text().toLowerCase(java.util.Locale.ROOT));
            }
            throw new TemplateProblem(
                    node.location(),
                    "is not a condition; use Fn::Equals, Fn::Not, Fn::And, Fn::Or or {Condition: Name}");
        }
        Map.Entry<String, TemplateNode> only =
                mapping.entries().entrySet().iterator().next();
        TemplateNode argument = only.getValue();
        SourceLocation at = mapping.location();
        return switch (only.getKey()) {
            case "Condition" -> condition(text(argument, "Condition"), at);
            case "Fn::Equals" -> {
                List<TemplateNode> parts = rawList(argument, "Fn::Equals", 2, "[Value1, Value2]");
                yield comparable(value(parts.get(0))).equals(comparable(value(parts.get(1))));
            }
            case "Fn::Not" ->
                !truth(rawList(argument, "Fn::Not", 1, "[Condition]").get(0));
            case "Fn::And", "Fn::Or" -> {
                List<TemplateNode> parts = rawList(argument, only.getKey(), -1, "[Condition1, Condition2, ...]");
                if (parts.size() < 2 || parts.size() > 10) {
                    throw new TemplateProblem(at, only.getKey() + " takes 2 to 10 conditions, got " + parts.size());
                }
                boolean and = only.getKey().equals("Fn::And");
                boolean result = and;
                for (TemplateNode part : parts) {
                    result = and ? result && truth(part) : result || truth(part);
                }
                yield result;
            }
            default -> {
                TemplateNode value = value(node);
                if (value instanceof TemplateNode.Scalar scalar && isBoolean(scalar.text())) {
                    yield Boolean.parseBoolean(scalar.text());
                }
                throw new TemplateProblem(
                        at, "is not a condition; use Fn::Equals, Fn::Not, Fn::And, Fn::Or or {Condition: Name}");
            }
        };
    }

    private String sub(TemplateNode argument, SourceLocation at) {
        String template;
        Map<String, TemplateNode> variables = new LinkedHashMap<>();
        if (argument instanceof TemplateNode.Sequence sequence) {
            if (sequence.items().size() != 2 || !(sequence.items().get(1) instanceof TemplateNode.Mapping vars)) {
                throw new TemplateProblem(at, "Fn::Sub takes a string or [String, {Name: Value}]");
            }
            template = text(value(sequence.items().get(0)), "Fn::Sub");
            vars.entries().forEach((key, value) -> variables.put(key, value));
        } else {
            template = text(value(argument), "Fn::Sub");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("${", i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            int close = template.indexOf('}', open);
            if (close < 0) {
                out.append(template, open, template.length());
                break;
            }
            String name = template.substring(open + 2, close);
            String part =
                    name.startsWith("!") ? "${" + name.substring(1) + "}" : subVariable(name.trim(), variables, at);
            checkLength((long) out.length() + part.length() + template.length() - close, "Fn::Sub", at);
            out.append(part);
            i = close + 1;
        }
        return out.toString();
    }

    private String subVariable(String name, Map<String, TemplateNode> variables, SourceLocation at) {
        if (variables.containsKey(name)) {
            return text(value(variables.get(name)), "Fn::Sub variable " + name);
        }
        if (PseudoParameters.isPseudo(name) || parameters.isDeclared(name) || resources.exists(name)) {
            TemplateNode value =
                    ref(name, at).orElseThrow(() -> new TemplateProblem(at, "Fn::Sub cannot use AWS::NoValue"));
            return text(value, "Fn::Sub variable " + name);
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            return attribute(name.substring(0, dot), name.substring(dot + 1), at);
        }
        throw new TemplateProblem(
                at,
                "Fn::Sub refers to '${" + name + "}', which is neither a variable, a parameter,"
                        + " a pseudo parameter nor a resource; write ${!" + name + "} for the literal text");
    }

    private TemplateNode join(TemplateNode argument, SourceLocation at) {
        List<TemplateNode> parts = rawList(value(argument), "Fn::Join", 2, "[Delimiter, [Values...]]");
        String delimiter = text(parts.get(0), "Fn::Join delimiter");
        List<String> texts = new ArrayList<>();
        long length = 0;
        for (TemplateNode item : list(value(parts.get(1)), "Fn::Join values").items()) {
            String text = text(item, "Fn::Join value");
            length += text.length() + (texts.isEmpty() ? 0 : delimiter.length());
            checkLength(length, "Fn::Join", at);
            texts.add(text);
        }
        return TemplateNode.Scalar.string(String.join(delimiter, texts), at);
    }

    private Optional<TemplateNode> select(TemplateNode argument, SourceLocation at) {
        List<TemplateNode> parts = rawList(argument, "Fn::Select", 2, "[Index, [Values...]]");
        String index = text(value(parts.get(0)), "Fn::Select index");
        List<TemplateNode> items =
                list(value(parts.get(1)), "Fn::Select values").items();
        int i;
        try {
            i = new BigDecimal(index.trim()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TemplateProblem(at, "Fn::Select index '" + index + "' is not a whole number");
        }
        if (i < 0 || i >= items.size()) {
            throw new TemplateProblem(
                    at,
                    "Fn::Select index " + i + " is outside the list of " + items.size()
                            + " values (indexes start at 0)");
        }
        return Optional.of(items.get(i));
    }

    private TemplateNode split(TemplateNode argument, SourceLocation at) {
        List<TemplateNode> parts = rawList(argument, "Fn::Split", 2, "[Delimiter, String]");
        String delimiter = text(value(parts.get(0)), "Fn::Split delimiter");
        String source = text(value(parts.get(1)), "Fn::Split string");
        if (delimiter.isEmpty()) {
            throw new TemplateProblem(at, "Fn::Split needs a delimiter that is not empty");
        }
        List<TemplateNode> items = new ArrayList<>();
        int from = 0;
        while (true) {
            int next = source.indexOf(delimiter, from);
            if (next < 0) {
                items.add(TemplateNode.Scalar.string(source.substring(from), at));
                break;
            }
            items.add(TemplateNode.Scalar.string(source.substring(from, next), at));
            from = next + delimiter.length();
        }
        return new TemplateNode.Sequence(items, at);
    }

    private TemplateNode findInMap(TemplateNode argument, SourceLocation at) {
        List<TemplateNode> parts = rawList(argument, "Fn::FindInMap", -1, "[MapName, TopLevelKey, SecondLevelKey]");
        if (parts.size() != 3 && parts.size() != 4) {
            throw new TemplateProblem(
                    at,
                    "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey] and, with"
                            + " AWS::LanguageExtensions, {DefaultValue: Value}");
        }
        if (parts.size() == 4) {
            needsLanguageExtensions("Fn::FindInMap's DefaultValue", parts.get(3).location());
        }
        String map = text(value(parts.get(0)), "Fn::FindInMap map name");
        String top = text(value(parts.get(1)), "Fn::FindInMap top-level key");
        String second = text(value(parts.get(2)), "Fn::FindInMap second-level key");
        TemplateNode found = mappings == null ? null : mappings.get(map);
        if (found instanceof TemplateNode.Mapping topLevel
                && topLevel.get(top) instanceof TemplateNode.Mapping secondLevel
                && secondLevel.get(second) != null) {
            return value(secondLevel.get(second));
        }
        if (parts.size() == 4
                && parts.get(3) instanceof TemplateNode.Mapping options
                && options.get("DefaultValue") != null) {
            return value(options.get("DefaultValue"));
        }
        throw new TemplateProblem(
                at,
                "Fn::FindInMap finds no value at Mappings." + map + "." + top + "." + second
                        + "; add it to Mappings or give a DefaultValue");
    }

    private String json(TemplateNode node) {
        try {
            return new ObjectMapper().writeValueAsString(plain(node));
        } catch (JsonProcessingException e) {
            throw new TemplateProblem(node.location(), "cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** {@code node} as plain Java values (String, Boolean, BigDecimal, List, Map) for JSON. */
    static Object plain(TemplateNode node) {
        return switch (node.kind()) {
            case SCALAR -> {
                TemplateNode.Scalar scalar = (TemplateNode.Scalar) node;
                yield switch (scalar.type()) {
                    case STRING -> scalar.text();
                    case BOOLEAN -> Boolean.parseBoolean(scalar.text());
                    case NUMBER -> numberOrText(scalar.text());
                    case NULL -> null;
                };
            }
            case SEQUENCE ->
                ((TemplateNode.Sequence) node)
                        .items().stream().map(Intrinsics::plain).toList();
            case MAPPING -> {
                Map<String, Object> out = new LinkedHashMap<>();
                ((TemplateNode.Mapping) node).entries().forEach((k, v) -> out.put(k, plain(v)));
                yield out;
            }
        };
    }

    private static Object numberOrText(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private TemplateNode value(TemplateNode node) {
        return evaluate(node)
                .orElseThrow(() -> new TemplateProblem(node.location(), "is AWS::NoValue where a value is needed"));
    }

    private static String comparable(TemplateNode node) {
        if (node instanceof TemplateNode.Scalar scalar) {
            return scalar.text();
        }
        checkLength(jsonSize(node), "Fn::Equals", node.location());
        return String.valueOf(plain(node));
    }

    private static boolean isBoolean(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }

    static String text(TemplateNode node, String what) {
        if (node instanceof TemplateNode.Scalar scalar && scalar.type() != TemplateNode.ScalarType.NULL) {
            return scalar.text();
        }
        throw new TemplateProblem(node.location(), what + " needs a string here, got a " + describe(node));
    }

    static TemplateNode.Sequence list(TemplateNode node, String what) {
        if (node instanceof TemplateNode.Sequence sequence) {
            return sequence;
        }
        throw new TemplateProblem(node.location(), what + " needs a list here, got a " + describe(node));
    }

    private static List<TemplateNode> rawList(TemplateNode node, String what, int size, String shape) {
        if (node instanceof TemplateNode.Sequence sequence
                && (size < 0 || sequence.items().size() == size)) {
            return sequence.items();
        }
        throw new TemplateProblem(node.location(), what + " takes " + shape);
    }

    static String describe(TemplateNode node) {
        return switch (node.kind()) {
            case SCALAR -> ((TemplateNode.Scalar) node).type() == TemplateNode.ScalarType.NULL ? "null" : "string";
            case SEQUENCE -> "list";
            case MAPPING -> "mapping";
        };
    }
}
