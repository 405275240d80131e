package dev.dynaseed.imports.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes small templates for the tests and imports them. */
final class Templates {
    private final Path dir;

    Templates(Path dir) {
        this.dir = dir;
    }

    Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<ImportedTable> read(String text) {
        return read(text, ImportOptions.defaults());
    }

    List<ImportedTable> read(String text, ImportOptions options) {
        return new CloudFormationImporter()
                .read(write(text.stripLeading().startsWith("{") ? "t.json" : "t.yaml", text), options);
    }

    TableSpec only(String text) {
        List<ImportedTable> tables = read(text);
        assertThat(tables).hasSize(1);
        return tables.get(0).table();
    }

    TableSpec only(String text, ImportOptions options) {
        List<ImportedTable> tables = read(text, options);
        assertThat(tables).hasSize(1);
        return tables.get(0).table();
    }

    /** The one-line problems of a template that cannot be imported. */
    String problems(String text) {
        return problems(text, ImportOptions.defaults());
    }

    String problems(String text, ImportOptions options) {
        ImportException e = catchThrowableOfType(ImportException.class, () -> read(text, options));
        assertThat(e).as("an ImportException").isNotNull();
        return e.getMessage();
    }

    static ImportOptions parameters(Map<String, String> parameters) {
        ImportOptions d = ImportOptions.defaults();
        return new ImportOptions(parameters, d.stackName(), d.region(), d.accountId(), d.stage(), Map.of(), List.of());
    }

    static ImportOptions stackAndRegion(String stack, String region) {
        ImportOptions d = ImportOptions.defaults();
        return new ImportOptions(Map.of(), stack, region, d.accountId(), d.stage(), Map.of(), List.of());
    }

    /** A PAY_PER_REQUEST table keyed by pk (S) with {@code extra} properties indented under Properties. */
    static String table(String extra) {
        return """
                Resources:
                  Users:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions:
                        - {AttributeName: pk, AttributeType: S}
                      KeySchema:
                        - {AttributeName: pk, KeyType: HASH}
                """ + extra.indent(6);
    }
}
