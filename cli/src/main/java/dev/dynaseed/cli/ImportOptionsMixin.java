package dev.dynaseed.cli;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.Imports;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.imports.TerraformVar;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.internal.DidYouMean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code --from FILE} and the values imports resolve variables with: tables from CloudFormation/SAM, serverless.yml,
 * Terraform, NoSQL Workbench or CreateTable JSON, in place of or next to a spec.
 */
final class ImportOptionsMixin {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final String VAR_EXAMPLE = "table_name=users";

    /** The command this is mixed into: its parse result holds the order of --var and --var-file. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--from",
            paramLabel = "FILE",
            description = "Also take the tables this file (or Terraform folder) defines: a CloudFormation/SAM"
                    + " template, serverless.yml, Terraform, a NoSQL Workbench model or CreateTable request JSON;"
                    + " repeatable. The format is detected from the content unless --from-kind names it. Without -f"
                    + " only these tables are used (./" + SpecOptions.DEFAULT_FILE + " is not read).")
    List<Path> from = new ArrayList<>();

    @Option(
            names = "--from-kind",
            paramLabel = "KIND",
            description = "The format of every --from file: cloudformation, serverless, terraform, workbench or"
                    + " create-table. Default: detected from each file's content.")
    String fromKind;

    @Option(
            names = "--parameter",
            paramLabel = "KEY=VALUE",
            description = "A CloudFormation template parameter, over its Default; repeatable.")
    List<String> parameters = new ArrayList<>();

    @Option(
            names = "--stack-name",
            paramLabel = "NAME",
            description = "AWS::StackName for templates, also the prefix of tables with no TableName (default: "
                    + ImportOptions.DEFAULT_STACK_NAME + ").")
    String stackName;

    @Option(
            names = "--account-id",
            paramLabel = "ID",
            description = "AWS::AccountId for templates, 12 digits (default: " + ImportOptions.DEFAULT_ACCOUNT_ID
                    + "). AWS::Region is --region when given, else " + ImportOptions.DEFAULT_REGION + ".")
    String accountId;

    @Option(
            names = "--import-region",
            paramLabel = "REGION",
            description = "The region imports resolve with (AWS::Region, a GlobalTable's replica, serverless.yml's"
                    + " region) without changing the target as --region does (default: --region when given, else"
                    + " provider.region, else " + ImportOptions.DEFAULT_REGION + ").")
    String importRegion;

    @Option(
            names = "--stage",
            paramLabel = "STAGE",
            description = "The serverless.yml stage, for $${sls:stage} and $${opt:stage} (default: "
                    + ImportOptions.DEFAULT_STAGE + ").")
    String stage;

    @Option(
            names = "--var",
            paramLabel = "NAME=VALUE",
            description = "A Terraform input variable, over defaults and terraform.tfvars/*.auto.tfvars; repeatable."
                    + " With --var-file, the later given wins, as in Terraform.")
    List<String> vars = new ArrayList<>();

    @Option(
            names = "--var-file",
            paramLabel = "FILE",
            description = "A Terraform *.tfvars file, read after terraform.tfvars and *.auto.tfvars; repeatable."
                    + " With --var, the later given wins, as in Terraform.")
    List<Path> varFiles = new ArrayList<>();

    /** Whether any --from was given. */
    boolean any() {
        return !from.isEmpty();
    }

    /**
     * Every --from file's tables, in order; {@code region} is the target's {@code --region} when given. Every
     * problem of every file is reported at once.
     */
    List<ImportedTable> read(Optional<String> region) {
        if (from.isEmpty()) {
            rejectWithoutFrom();
            return List.of();
        }
        Optional<SourceKind> kind = kind();
        ImportOptions options = options(region);
        Imports imports = new Imports();
        List<ImportedTable> tables = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Path file : from) {
            try {
                tables.addAll(imports.read(file, kind, options));
            } catch (ImportException e) {
                if (from.size() == 1) {
                    throw e;
                }
                failed.add(file.toString());
                e.problems()
                        .forEach(problem -> problems.add(
                                problem.location().isPresent()
                                        ? problem
                                        : new Problem(
                                                file + (problem.path().isEmpty() ? "" : ": " + problem.path()),
                                                problem.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(String.join(", ", failed), problems);
        }
        return tables;
    }

    /** The files, for messages. */
    String describe() {
        return String.join(" + ", from.stream().map(Path::toString).toList());
    }

    ImportOptions options(Optional<String> region) {
        if (accountId != null && !ACCOUNT_ID.matcher(accountId).matches()) {
            throw InputException.ofOption(
                    "--account-id: '" + accountId + "' is not an AWS account id; use 12 digits, e.g. --account-id "
                            + ImportOptions.DEFAULT_ACCOUNT_ID);
        }
        requireText("--stack-name", stackName);
        requireText("--stage", stage);
        requireText("--import-region", importRegion);
        Optional<String> chosen = Optional.ofNullable(importRegion).or(() -> region);
        ImportOptions defaults = ImportOptions.defaults();
        return new ImportOptions(
                pairs("--parameter", parameters, "Environment=prod"),
                stackName == null ? defaults.stackName() : stackName,
                chosen.orElse(defaults.region()),
                accountId == null ? defaults.accountId() : accountId,
                stage == null ? defaults.stage() : stage,
                terraformCommandLine(),
                stage != null,
                chosen.isPresent());
    }

    /**
     * {@code --var} and {@code --var-file} in the order given on the command line (Terraform applies them so, a later
     * one winning); files before values when the order is unknown (options set other than by parsing).
     */
    private List<TerraformVar> terraformCommandLine() {
        ParseResult parsed = mixee == null || mixee.commandLine() == null
                ? null
                : mixee.commandLine().getParseResult();
        OptionSpec varOption = mixee == null ? null : mixee.findOption("--var");
        OptionSpec fileOption = mixee == null ? null : mixee.findOption("--var-file");
        if (parsed != null && varOption != null && fileOption != null) {
            List<TerraformVar> ordered = new ArrayList<>();
            int nextValue = 0;
            int nextFile = 0;
            for (ArgSpec arg : parsed.matchedArgs()) {
                if (arg == varOption && nextValue < vars.size()) {
                    Map.Entry<String, String> value = pair("--var", vars.get(nextValue++), VAR_EXAMPLE);
                    ordered.add(new TerraformVar.Value(value.getKey(), value.getValue()));
                } else if (arg == fileOption && nextFile < varFiles.size()) {
                    ordered.add(new TerraformVar.File(varFiles.get(nextFile++)));
                }
            }
            if (nextValue == vars.size() && nextFile == varFiles.size()) {
                return ordered;
            }
        }
        return TerraformVar.filesThenValues(pairs("--var", vars, VAR_EXAMPLE), varFiles);
    }

    /** {@code KEY=VALUE} words as a map, the last of a repeated key winning; refuses a word without '='. */
    private static Map<String, String> pairs(String option, List<String> words, String example) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String word : words) {
            Map.Entry<String, String> pair = pair(option, word, example);
            pairs.put(pair.getKey(), pair.getValue());
        }
        return pairs;
    }

    /** A {@code KEY=VALUE} word split at its first '='; refuses a word without one (or with no key before it). */
    private static Map.Entry<String, String> pair(String option, String word, String example) {
        int equals = word.indexOf('=');
        if (equals <= 0) {
            throw InputException.ofOption(
                    option + ": '" + word + "' is not NAME=VALUE; write e.g. " + option + " " + example);
        }
        return Map.entry(word.substring(0, equals), word.substring(equals + 1));
    }

    private static void requireText(String option, String value) {
        if (value != null && value.isBlank()) {
            throw InputException.ofOption(option + ": is empty; give a name, e.g. " + option
                    + (option.equals("--import-region") ? " eu-west-1" : " dev"));
        }
    }

    private Optional<SourceKind> kind() {
        if (fromKind == null) {
            return Optional.empty();
        }
        return Optional.of(SourceKind.named(fromKind)
                .orElseThrow(() -> InputException.ofOption("--from-kind: '"
                        + fromKind + "' is not a format dynaseed imports; "
                        + DidYouMean.hint(
                                fromKind,
                                Arrays.stream(SourceKind.values())
                                        .map(SourceKind::optionName)
                                        .toList())
                        + "use one of " + SourceKind.optionNames())));
    }

    /** Import values without a file to import are a mistake worth saying, not silently ignored. */
    private void rejectWithoutFrom() {
        List<String> given = new ArrayList<>();
        if (fromKind != null) {
            given.add("--from-kind");
        }
        if (!parameters.isEmpty()) {
            given.add("--parameter");
        }
        if (stackName != null) {
            given.add("--stack-name");
        }
        if (accountId != null) {
            given.add("--account-id");
        }
        if (importRegion != null) {
            given.add("--import-region");
        }
        if (stage != null) {
            given.add("--stage");
        }
        if (!vars.isEmpty()) {
            given.add("--var");
        }
        if (!varFiles.isEmpty()) {
            given.add("--var-file");
        }
        if (!given.isEmpty()) {
            throw InputException.ofOption(String.join(", ", given) + " only apply to tables imported with --from;"
                    + " add --from FILE, e.g. --from template.yaml");
        }
    }
}
