package dev.dynaseed.imports.createtable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.imports.TableImporter;
import dev.dynaseed.plan.RequestJson;
import dev.dynaseed.spec.PointInTimeRecoverySpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import dev.dynaseed.spec.TableFeatures;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.spec.internal.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Reads CreateTable request JSON as {@code aws dynamodb create-table --cli-input-json} takes it: one request, a list
 * of them, or what {@code dynaseed plan --explain} prints (its create-table calls, and the update-time-to-live,
 * update-continuous-backups, update-contributor-insights and tag-resource calls that complete them).
 */
public final class CreateTableImporter implements TableImporter {
    private static final Pattern CLI_COMMAND_LINE =
            // Not on a '#' line: plan --explain output names each call in a comment above its JSON.
            Pattern.compile(
                    "(?m)^(?![ \\t]*#).*aws\\s+dynamodb\\s+create-table\\s+(?:\\\\\\s+)?--(?!cli-input-json)[a-z]");
    private static final Pattern UNRECOGNIZED_TOKEN =
            Pattern.compile("Unrecognized token '(.*?)': was expecting.*", Pattern.DOTALL);

    /** The largest file read (far above any real set of requests). */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    @Override
    public SourceKind kind() {
        return SourceKind.CREATE_TABLE_JSON;
    }

    @Override
    public boolean recognizes(Path file, String head) {
        if (head.contains("aws dynamodb create-table")) {
            return true;
        }
        String start = head.stripLeading();
        return (start.startsWith("{") || start.startsWith("["))
                && head.contains("\"KeySchema\"")
                && head.contains("\"AttributeDefinitions\"")
                && !head.contains("\"Resources\"")
                && !head.contains("\"AWSTemplateFormatVersion\"")
                && !head.contains("\"DataModel\"");
    }

    @Override
    public List<ImportedTable> read(Path file, ImportOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        String source = file.toString();
        String text = text(file);
        List<LocatedJson.Root> roots;
        try {
            roots = LocatedJson.read(text, source);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            Problem problem = new Problem(
                    "",
                    e instanceof StreamConstraintsException
                            ? JsonLimits.problem(e, "a CreateTable request")
                            : notJson(text, e));
            throw new ImportException(
                    source,
                    kind(),
                    List.of(
                            at == null
                                    ? problem
                                    : problem.at(new SourceLocation(
                                            source, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())))));
        } catch (IOException e) {
            throw unreadable(source, e);
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        List<Request> requests = requests(roots, problems);
        for (Request request : requests) {
            read(request, tables, problems);
        }
        if (tables.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(
                    "",
                    "holds no CreateTable request; write one as 'aws dynamodb create-table --cli-input-json' takes"
                            + " it, e.g. {\"TableName\": \"users\", ...}, or a list of them"));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(source, kind(), problems);
        }
        return tables.values().stream()
                .map(table -> new ImportedTable(table.spec, kind(), table.spec.name(), table.location))
                .toList();
    }

    /**
     * Why {@code text} is not JSON, in plain words: a shell command line with the AWS CLI's own options (a script or
     * a README that runs {@code aws dynamodb create-table --table-name ...}) is named as such, with the JSON form to
     * use instead; otherwise the parser's reason without its Java vocabulary.
     */
    private static String notJson(String text, JsonProcessingException e) {
        if (CLI_COMMAND_LINE.matcher(text).find()) {
            return "is an AWS CLI command line (aws dynamodb create-table --table-name ...), not the request JSON"
                    + " dynaseed reads; write the request as JSON (aws dynamodb create-table --generate-cli-skeleton"
                    + " prints its form) and pass that file";
        }
        String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher token = UNRECOGNIZED_TOKEN.matcher(reason);
        if (token.matches()) {
            reason = "'" + token.group(1) + "' is not a JSON value";
        } else {
            // Jackson ends many reasons with how to switch a parser feature on, which a user has no use for.
            reason = reason.replaceAll("\\s*\\(?[^()]*JsonReadFeature[^()]*\\)?", "")
                    .strip();
        }
        return "is not JSON: " + reason + "; fix the JSON there";
    }

    /** Whether {@code json} is what {@code aws dynamodb describe-table} prints: a TableDescription under Table. */
    private static boolean describeTableOutput(JsonNode json) {
        return json.isObject() && json.path("Table").isObject() && !json.has("TableName") && json.size() == 1;
    }

    /** One request value: its command, JSON, where it is, and the path prefix its members are named under. */
    private record Request(String command, JsonNode json, LocatedJson.Root root, String prefix) {}

    private static final class Table {
        TableSpec spec;
        final SourceLocation location;

        Table(TableSpec spec, SourceLocation location) {
            this.spec = spec;
            this.location = location;
        }
    }

    private static List<Request> requests(List<LocatedJson.Root> roots, List<Problem> problems) {
        List<Request> requests = new ArrayList<>();
        for (LocatedJson.Root root : roots) {
            String command = root.command().orElse("create-table");
            if (root.value().isArray()) {
                for (int i = 0; i < root.value().size(); i++) {
                    requests.add(new Request(command, root.value().get(i), root, "[" + i + "]"));
                }
            } else {
                requests.add(new Request(command, root.value(), root, ""));
            }
        }
        return requests;
    }

    private void read(Request request, Map<String, Table> tables, List<Problem> problems) {
        String name = request.json()
                .path(request.command().equals("tag-resource") ? "ResourceArn" : "TableName")
                .asText("");
        if (request.command().equals("tag-resource")) {
            name = name.substring(name.lastIndexOf('/') + 1);
        }
        String resource = name.isEmpty() ? request.prefix() : name;
        Reporter reporter = new Reporter(request, resource, problems);
        switch (request.command()) {
            case "create-table" -> {
                if (describeTableOutput(request.json())) {
                    String table =
                            request.json().path("Table").path("TableName").asText("NAME");
                    reporter.problem(
                            "Table",
                            "this is describe-table output ({\"Table\": {...}}), not a CreateTable request; import"
                                    + " the live table with dynaseed init --from-table " + table + " (on the target"
                                    + " that has it), or keep the members of .Table that CreateTable takes"
                                    + " (TableName, KeySchema, AttributeDefinitions, ...) at the top level");
                    return;
                }
                CreateTableRequest built =
                        build(request, CreateTableRequest.builder(), CreateTableRequest.class, reporter);
                if (built == null) {
                    return;
                }
                Optional<TableSpec> table = CreateTableMapping.table(built, reporter::problem);
                if (table.isEmpty()) {
                    return;
                }
                if (tables.containsKey(name)) {
                    reporter.problem(
                            "TableName",
                            "table '" + name + "' is created twice (first at " + tables.get(name).location
                                    + "); give each table one CreateTable request");
                    return;
                }
                tables.put(name, new Table(table.get(), request.root().at(path(request.prefix(), ""))));
            }
            case "update-time-to-live" -> {
                UpdateTimeToLiveRequest ttl =
                        build(request, UpdateTimeToLiveRequest.builder(), UpdateTimeToLiveRequest.class, reporter);
                Table table = created(tables, name, request, reporter);
                if (ttl == null || table == null || ttl.timeToLiveSpecification() == null) {
                    return;
                }
                boolean on = Boolean.TRUE.equals(ttl.timeToLiveSpecification().enabled());
                table.spec = with(
                        table.spec,
                        features(
                                table.spec,
                                on
                                        ? Optional.ofNullable(
                                                ttl.timeToLiveSpecification().attributeName())
                                        : Optional.empty(),
                                table.spec.features().pointInTimeRecovery(),
                                table.spec.features().contributorInsights()));
            }
            case "update-continuous-backups" -> {
                UpdateContinuousBackupsRequest backups = build(
                        request,
                        UpdateContinuousBackupsRequest.builder(),
                        UpdateContinuousBackupsRequest.class,
                        reporter);
                Table table = created(tables, name, request, reporter);
                if (backups == null || table == null || backups.pointInTimeRecoverySpecification() == null) {
                    return;
                }
                var pitr = backups.pointInTimeRecoverySpecification();
                boolean on = Boolean.TRUE.equals(pitr.pointInTimeRecoveryEnabled());
                table.spec = with(
                        table.spec,
                        features(
                                table.spec,
                                table.spec.features().timeToLiveAttribute(),
                                Optional.of(new PointInTimeRecoverySpec(
                                        on, on ? Optional.ofNullable(pitr.recoveryPeriodInDays()) : Optional.empty())),
                                table.spec.features().contributorInsights()));
            }
            case "update-contributor-insights" -> {
                UpdateContributorInsightsRequest insights = build(
                        request,
                        UpdateContributorInsightsRequest.builder(),
                        UpdateContributorInsightsRequest.class,
                        reporter);
                Table table = created(tables, name, request, reporter);
                if (insights == null || table == null) {
                    return;
                }
                table.spec = with(
                        table.spec,
                        features(
                                table.spec,
                                table.spec.features().timeToLiveAttribute(),
                                table.spec.features().pointInTimeRecovery(),
                                Optional.of("ENABLE".equals(insights.contributorInsightsActionAsString()))));
            }
            case "tag-resource" -> {
                TagResourceRequest tag =
                        build(request, TagResourceRequest.builder(), TagResourceRequest.class, reporter);
                Table table = created(tables, name, request, reporter);
                if (tag == null || table == null) {
                    return;
                }
                var builder = table.spec.toBuilder();
                CreateTableMapping.tags(tag.tags(), reporter::problem).forEach(builder::tag);
                table.spec = builder.build();
            }
            case "delete-table" -> {
                // The first half of a replacement in a plan: the create-table call that follows defines the table.
            }
            default ->
                reporter.problem(
                        "",
                        "an " + request.command() + " call changes an existing table and defines none; read back the"
                                + " --explain output of a plan against a target where the tables do not exist yet, or"
                                + " keep only the create-table requests");
        }
    }

    private static Table created(Map<String, Table> tables, String name, Request request, Reporter reporter) {
        Table table = tables.get(name);
        if (table == null) {
            reporter.problem(
                    "",
                    "this " + request.command() + " call names table '" + name + "', which no create-table request"
                            + " before it creates; put its create-table request first");
        }
        return table;
    }

    private static <T extends SdkPojo> T build(Request request, Object builder, Class<T> type, Reporter reporter) {
        int before = reporter.count;
        RequestMembers.check(request.json(), (SdkPojo) builder, "", reporter::problem);
        if (reporter.count != before) {
            return null;
        }
        return RequestJson.fromJson(request.json(), type);
    }

    /** Collects a request's problems, placed at the member's line and named with the table. */
    private static final class Reporter {
        private final Request request;
        private final String resource;
        private final List<Problem> problems;
        int count;

        Reporter(Request request, String resource, List<Problem> problems) {
            this.request = request;
            this.resource = resource;
            this.problems = problems;
        }

        void problem(String member, String message) {
            count++;
            String located = path(request.prefix(), member);
            // A request without a TableName (prefix "" for a file of one request) is named by its member alone.
            String shown = member.isEmpty() ? resource : resource.isEmpty() ? member : resource + "." + member;
            problems.add(new Problem(shown, message).at(request.root().at(located)));
        }
    }

    private static String path(String prefix, String member) {
        if (member.isEmpty()) {
            return prefix;
        }
        return prefix.isEmpty() ? member : prefix + "." + member;
    }

    private static TableSpec with(TableSpec table, TableFeatures features) {
        return table.toBuilder().features(features).build();
    }

    /** {@code table}'s features with TTL, point-in-time recovery and contributor insights as given. */
    private static TableFeatures features(
            TableSpec table, Optional<String> ttl, Optional<PointInTimeRecoverySpec> pitr, Optional<Boolean> insights) {
        TableFeatures f = table.features();
        return new TableFeatures(
                f.globalSecondaryIndexes(),
                f.localSecondaryIndexes(),
                ttl,
                f.stream(),
                pitr,
                f.encryption(),
                f.tableClass(),
                f.deletionProtection(),
                f.warmThroughput(),
                f.resourcePolicy(),
                insights);
    }

    private String text(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new ImportException(
                    source, kind(), List.of(new Problem("", "is a folder; give the JSON file of the requests")));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ImportException(
                    source,
                    kind(),
                    List.of(new Problem("", "is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; split it")));
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ImportException(
                    source, kind(), List.of(new Problem("", "is not UTF-8 text; save it as UTF-8 JSON")));
        }
    }

    private ImportException unreadable(String source, IOException e) {
        return new ImportException(
                source,
                kind(),
                List.of(new Problem(
                        "",
                        "cannot be read (" + e.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ": "
                                + e.getMessage() + "); check the path given to --from")));
    }
}
