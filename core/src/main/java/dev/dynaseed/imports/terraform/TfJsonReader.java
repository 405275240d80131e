package dev.dynaseed.imports.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.dynaseed.spec.internal.JsonLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Terraform's JSON configuration syntax ({@code .tf.json}) into the same {@link HclBody} as native syntax. JSON
 * does not say which properties are nested blocks, so the block types of the top level and of
 * {@code aws_dynamodb_table} (and the blocks around them) are known here; strings are templates, read with hcl4j.
 */
final class TfJsonReader {
    private static final Set<String> BLOCK_TYPES = Set.of(
            "attribute",
            "global_secondary_index",
            "local_secondary_index",
            "key_schema",
            "ttl",
            "point_in_time_recovery",
            "server_side_encryption",
            "on_demand_throughput",
            "warm_throughput",
            "replica",
            "import_table",
            "timeouts",
            "lifecycle",
            "default_tags",
            "required_providers",
            "backend",
            "content");
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(HclPrescan.MAX_DEPTH)
                    .build())
            .build();

    private TfJsonReader() {}

    /** A JSON value with the 1-based line it starts on. */
    private record Node(Object value, int line) {}

    static HclBody read(String text) throws HclFileReader.SyntaxError {
        Node root;
        try (JsonParser parser = JSON.createParser(text)) {
            try {
                parser.nextToken();
                root = node(parser);
            } catch (StreamConstraintsException e) {
                throw JsonLimits.located(e, parser);
            }
            if (parser.nextToken() != null) {
                throw new HclFileReader.SyntaxError(line(parser), "holds more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new HclFileReader.SyntaxError(line, JsonLimits.problem(e, "a Terraform configuration"));
        } catch (IOException e) {
            throw new HclFileReader.SyntaxError(0, "cannot be read as JSON: " + e.getMessage());
        }
        if (!(root.value() instanceof Map<?, ?> top)) {
            throw new HclFileReader.SyntaxError(root.line(), "a .tf.json file holds one JSON object");
        }
        List<HclBody.Block> blocks = new ArrayList<>();
        for (Map.Entry<?, ?> entry : top.entrySet()) {
            String type = (String) entry.getKey();
            Node value = (Node) entry.getValue();
            int labels = switch (type) {
                case "resource", "data" -> 2;
                case "variable", "provider", "module", "output" -> 1;
                default -> 0;
            };
            if (type.equals("locals")) {
                for (Node body : each(value)) {
                    blocks.add(new HclBody.Block("locals", List.of(), attributesOnly(body), body.line()));
                }
            } else if (!type.equals("//")) {
                labelled(type, List.of(), labels, value, blocks);
            }
        }
        return new HclBody(List.of(), blocks);
    }

    private static void labelled(String type, List<String> labels, int remaining, Node value, List<HclBody.Block> out)
            throws HclFileReader.SyntaxError {
        if (remaining == 0) {
            for (Node body : each(value)) {
                out.add(new HclBody.Block(type, labels, body(type, body), body.line()));
            }
            return;
        }
        for (Map.Entry<String, Node> entry : object(value).entrySet()) {
            List<String> more = new ArrayList<>(labels);
            more.add(entry.getKey());
            labelled(type, more, remaining - 1, entry.getValue(), out);
        }
    }

    private static List<Node> each(Node value) throws HclFileReader.SyntaxError {
        if (value.value() instanceof List<?> list) {
            List<Node> nodes = new ArrayList<>();
            for (Object item : list) {
                nodes.add((Node) item);
            }
            return nodes;
        }
        return List.of(value);
    }

    private static Map<String, Node> object(Node value) throws HclFileReader.SyntaxError {
        if (!(value.value() instanceof Map<?, ?> map)) {
            throw new HclFileReader.SyntaxError(value.line(), "expected a JSON object here");
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        map.forEach((key, item) -> entries.put((String) key, (Node) item));
        return entries;
    }

    private static HclBody attributesOnly(Node body) throws HclFileReader.SyntaxError {
        List<HclBody.Attribute> attributes = new ArrayList<>();
        for (Map.Entry<String, Node> entry : object(body).entrySet()) {
            if (!entry.getKey().equals("//")) {
                attributes.add(new HclBody.Attribute(
                        entry.getKey(),
                        expression(entry.getValue()),
                        entry.getValue().line()));
            }
        }
        return new HclBody(attributes, List.of());
    }

    private static HclBody body(String type, Node body) throws HclFileReader.SyntaxError {
        List<HclBody.Attribute> attributes = new ArrayList<>();
        List<HclBody.Block> blocks = new ArrayList<>();
        for (Map.Entry<String, Node> entry : object(body).entrySet()) {
            String name = entry.getKey();
            Node value = entry.getValue();
            if (name.equals("//")) {
                continue;
            } else if (name.equals("dynamic")) {
                labelled("dynamic", List.of(), 1, value, blocks);
            } else if (BLOCK_TYPES.contains(name) && !(type.equals("variable") || type.equals("output"))) {
                for (Node nested : each(value)) {
                    blocks.add(new HclBody.Block(name, List.of(), body(name, nested), nested.line()));
                }
            } else if (type.equals("variable") && name.equals("type") && value.value() instanceof String keyword) {
                attributes.add(new HclBody.Attribute(name, new Expr.TypeKeyword(keyword, value.line()), value.line()));
            } else if (type.equals("variable") && name.equals("default")) {
                attributes.add(new HclBody.Attribute(name, literal(value), value.line()));
            } else {
                attributes.add(new HclBody.Attribute(name, expression(value), value.line()));
            }
        }
        return new HclBody(attributes, blocks);
    }

    /** A JSON value as an expression: strings are templates. */
    private static Expr expression(Node node) throws HclFileReader.SyntaxError {
        Object value = node.value();
        if (value instanceof String text) {
            return template(text, node.line());
        } else if (value instanceof List<?> list) {
            List<Expr> items = new ArrayList<>();
            for (Object item : list) {
                items.add(expression((Node) item));
            }
            return new Expr.Tuple(items, node.line());
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Expr> entries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                entries.put((String) entry.getKey(), expression((Node) entry.getValue()));
            }
            return new Expr.ObjectLiteral(entries, node.line());
        }
        return literal(node);
    }

    /** A JSON value taken as it is (variable defaults are not templates). */
    private static Expr literal(Node node) throws HclFileReader.SyntaxError {
        Object value = node.value();
        if (value == null) {
            return new Expr.Null(node.line());
        } else if (value instanceof String || value instanceof BigDecimal || value instanceof Boolean) {
            return new Expr.Literal(value, node.line());
        } else if (value instanceof List<?> list) {
            List<Expr> items = new ArrayList<>();
            for (Object item : list) {
                items.add(literal((Node) item));
            }
            return new Expr.Tuple(items, node.line());
        }
        Map<String, Expr> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : object(node).entrySet()) {
            entries.put(entry.getKey(), literal(entry.getValue()));
        }
        return new Expr.ObjectLiteral(entries, node.line());
    }

    private static Expr template(String text, int line) throws HclFileReader.SyntaxError {
        if (!text.contains("${") && !text.contains("%{")) {
            return new Expr.Literal(text, line);
        }
        String quoted = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        Optional<HclBody.Attribute> value =
                HclFileReader.read("value = " + quoted + "\n").attribute("value");
        if (value.isEmpty()) {
            return new Expr.Unsupported("the template \"" + text + "\"", line);
        }
        return relined(value.get().value(), line);
    }

    /** {@code expr} with every line set to {@code line}: the JSON string's, not the one-line text hcl4j read. */
    private static Expr relined(Expr expr, int line) {
        if (expr instanceof Expr.Literal literal) {
            return new Expr.Literal(literal.value(), line);
        } else if (expr instanceof Expr.Null) {
            return new Expr.Null(line);
        } else if (expr instanceof Expr.Template template) {
            List<Object> parts = new ArrayList<>();
            for (Object part : template.parts()) {
                parts.add(part instanceof Expr inner ? relined(inner, line) : part);
            }
            return new Expr.Template(parts, line);
        } else if (expr instanceof Expr.Reference reference) {
            List<Object> steps = new ArrayList<>();
            for (Object step : reference.steps()) {
                steps.add(step instanceof Expr inner ? relined(inner, line) : step);
            }
            return new Expr.Reference(steps, line);
        } else if (expr instanceof Expr.Tuple tuple) {
            return new Expr.Tuple(
                    tuple.items().stream().map(e -> relined(e, line)).toList(), line);
        } else if (expr instanceof Expr.ObjectLiteral object) {
            Map<String, Expr> entries = new LinkedHashMap<>();
            object.entries().forEach((key, value) -> entries.put(key, relined(value, line)));
            return new Expr.ObjectLiteral(entries, line);
        } else if (expr instanceof Expr.Call call) {
            return new Expr.Call(
                    call.name(),
                    call.arguments().stream().map(e -> relined(e, line)).toList(),
                    line);
        } else if (expr instanceof Expr.TypeKeyword type) {
            return new Expr.TypeKeyword(type.name(), type.arguments(), line);
        } else if (expr instanceof Expr.Unsupported unsupported) {
            return new Expr.Unsupported(unsupported.what(), line);
        }
        throw new IllegalStateException("unknown expression " + expr);
    }

    private static Node node(JsonParser parser) throws IOException {
        int line = line(parser);
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new JsonProcessingExceptionAdapter("the file is empty", parser);
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (entries.putIfAbsent(name, node(parser)) != null && !name.equals("//")) {
                        throw new JsonProcessingExceptionAdapter("\"" + name + "\" is written twice", parser);
                    }
                }
                return new Node(entries, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser));
                }
                return new Node(items, line);
            }
            case VALUE_STRING -> {
                return new Node(parser.getText(), line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node(parser.getDecimalValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(token == JsonToken.VALUE_TRUE, line);
            }
            default -> {
                return new Node(null, line);
            }
        }
    }

    private static int line(JsonParser parser) {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    /** A parse problem found while building the tree, reported as Jackson's are. */
    private static final class JsonProcessingExceptionAdapter extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonProcessingExceptionAdapter(String message, JsonParser parser) {
            super(message, parser.currentTokenLocation());
        }
    }
}
