package dev.dynaseed.testing;

import dev.dynaseed.seed.TableItems;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Small helpers for building specs and counting items in tests. */
public final class Specs {
    private Specs() {}

    /** The spec with every table renamed to a name unique in this JVM. */
    public static Spec withUniqueNames(Spec spec) {
        return map(spec, table -> renamed(table, Dynalite.uniqueTableName(table.name())));
    }

    public static Spec map(Spec spec, UnaryOperator<TableSpec> change) {
        return new Spec(spec.tables().stream().map(change).toList());
    }

    public static TableSpec renamed(TableSpec table, String name) {
        return table.toBuilder().name(name).build();
    }

    public static TableSpec withSeed(TableSpec table, SeedSpec seed) {
        return table.toBuilder().seed(seed).build();
    }

    /** Counts a table's items with a paginated Scan (Select COUNT). */
    public static long count(DynamoDbClient client, String table) {
        return TableItems.count(client, table);
    }
}
