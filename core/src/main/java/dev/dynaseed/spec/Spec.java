package dev.dynaseed.spec;

import java.util.List;

/** A declarative description of tables to provision and seed. */
public record Spec(List<TableSpec> tables) {
    public Spec {
        tables = List.copyOf(tables);
    }

    /** The names of the spec's tables, in order. */
    public List<String> tableNames() {
        return tables.stream().map(TableSpec::name).toList();
    }
}
