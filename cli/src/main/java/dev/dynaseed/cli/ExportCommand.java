package dev.dynaseed.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.RunDeadline;
import dev.dynaseed.cli.render.Json;
import dev.dynaseed.files.TableExport;
import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.internal.DidYouMean;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write tables' items to files (one per table) in a format seed.files reads back, streamed with a parallel"
                    + " Scan.",
            "Lossless formats (every type kept): dynamodb-json, s3-export, batch-write, serverless-raw. json, jsonl,"
                    + " csv and serverless turn sets into lists and binary into base64 text (a warning counts them).",
            "[API: DescribeTable, Scan]"
        })
final class ExportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Parameters(arity = "1..*", paramLabel = "TABLE", description = "The tables to export.")
    List<String> tables;

    @Mixin
    TargetOptions target;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "dynamodb-json",
            description = "json, jsonl, csv, dynamodb-json, batch-write, s3-export, serverless or serverless-raw"
                    + " (default: ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = "--output-dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "The folder to write TABLE.<extension> files to, created when missing (default: the"
                    + " current folder).")
    Path outputDir;

    @Option(
            names = "--segments",
            paramLabel = "N",
            defaultValue = "4",
            description = "Parallel Scan segments per table, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int segments;

    @Option(names = "--force", description = "Replace files that already exist.")
    boolean force;

    @Override
    public Integer call() throws InterruptedException {
        InputException.requireInRange("--segments", segments, 1, 1000);
        ItemFileFormat chosen = ItemFileFormat.named(format)
                .orElseThrow(() -> InputException.ofOption("--format: '" + format + "' is not a format; "
                        + DidYouMean.hint(
                                format,
                                Arrays.stream(ItemFileFormat.values())
                                        .map(ItemFileFormat::specName)
                                        .toList())
                        + "use one of " + ItemFileFormat.names()));
        Map<String, Path> files = files(chosen);
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (!chosen.lossless()) {
            err.println("note: " + chosen.specName()
                    + (chosen == ItemFileFormat.CSV
                            ? " reads each column back as one type, and sets, lists, maps and nulls as text"
                            : " cannot tell sets from lists nor binary from text")
                    + "; use --format dynamodb-json for an exact copy");
            err.flush();
        }
        List<TableExport.Result> results = new ArrayList<>();
        try (Session session = Session.open(target)) {
            for (String table : files.keySet()) {
                try {
                    session.client().describeTable(r -> r.tableName(table));
                } catch (ResourceNotFoundException e) {
                    throw new InputException("table '" + table + "' does not exist on "
                            + session.target().describe() + "; list tables with 'dynaseed tables'");
                }
            }
            createOutputDir();
            TableExport export = new TableExport(session.client(), segments, RunDeadline.none());
            for (Map.Entry<String, Path> table : files.entrySet()) {
                TableExport.Result result = export.export(table.getKey(), chosen, table.getValue());
                results.add(result);
                if (!output.json()) {
                    out.println("Exported " + result.items() + " item" + (result.items() == 1 ? "" : "s") + " of "
                            + result.table() + " to " + result.file());
                    out.flush();
                }
                if (result.losses().any()) {
                    err.println("warning: " + result.table() + ": " + chosen.specName() + " lost type information: "
                            + result.losses().describe() + "; use --format dynamodb-json for an exact copy");
                    err.flush();
                }
            }
        }
        if (output.json()) {
            ArrayNode array = Json.mapper().createArrayNode();
            for (TableExport.Result result : results) {
                ObjectNode node = array.addObject();
                node.put("table", result.table());
                node.put("file", result.file().toString());
                node.put("format", chosen.specName());
                node.put("items", result.items());
                node.put("lossless", !result.losses().any());
            }
            out.println(Json.pretty(array));
        }
        return ExitCode.OK;
    }

    /**
     * Each table's file; refuses (before any call) files that exist, unless --force, and an --output-dir that is a
     * file or under one. The folder is created only once every table was found.
     */
    private Map<String, Path> files(ItemFileFormat chosen) {
        for (Path dir = outputDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw InputException.ofOption("--output-dir: " + outputDir + " cannot be a folder: " + dir
                        + " is a file; give a folder (created when missing), e.g. --output-dir exports");
            }
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String table : tables) {
            Path file = outputDir.resolve(table + chosen.extension());
            if (Files.exists(file) && !force) {
                throw InputException.ofOption(
                        file + " already exists; pass --force to replace it, or choose another" + " --output-dir");
            }
            files.put(table, file);
        }
        return files;
    }

    private void createOutputDir() {
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                            ? fs.getReason()
                            : e.getMessage();
            throw InputException.ofOption(
                    "--output-dir: " + outputDir + " cannot be created (" + why + "); give a folder you may write to");
        }
    }
}
