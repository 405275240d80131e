package dev.dynaseed.imports;

import dev.dynaseed.spec.SourceLocation;
import dev.dynaseed.spec.TableSpec;
import java.util.Objects;

/**
 * One table read from a foreign source, already in dynaseed's model.
 *
 * @param table the table; its seed block is empty unless the source holds sample data (NoSQL Workbench TableData,
 *     as {@code ItemSourceSpec.Inline} sources)
 * @param kind the format it was read from
 * @param origin what defined it in the source: a CloudFormation logical ID, a Terraform address
 *     ({@code aws_dynamodb_table.users}), a NoSQL Workbench model table name, or the CreateTable file's TableName
 * @param location where that definition starts in the source file
 */
public record ImportedTable(TableSpec table, SourceKind kind, String origin, SourceLocation location) {
    public ImportedTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(location, "location");
    }

    /** {@code template.yaml:12:3 (CloudFormation/SAM template, UsersTable)}, for comments and messages. */
    public String describe() {
        return location + " (" + kind.description() + ", " + origin + ")";
    }
}
