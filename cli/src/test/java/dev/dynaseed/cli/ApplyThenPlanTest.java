package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The round trip a user makes with the CLI: {@code apply} a table using every spec field, then {@code plan} says
 * there is nothing to do (exit 0); a GSI added to the spec is a change in place (exit 4), {@code apply} adds it to
 * the seeded table, and {@code plan} is clean again.
 */
class ApplyThenPlanTest {
    private static final Path EVERY_FIELD = Path.of("../core/src/test/resources/specs/valid/every-table-field.yaml");

    @TempDir
    Path dir;

    @Test
    void planShowsNoChanges_afterApplyingEveryTableField_andAnAddedIndexIsAppliedInPlaceToTheSeededTable()
            throws IOException {
        // The local engine target (not --endpoint-url): dynaseed knows what dynalite ignores or lacks there.
        int port = Dynalite.freePort();
        String[] where = {"--data-dir", dir.resolve("data").toString(), "--port", String.valueOf(port)};
        Cli.Result started = Cli.run(concat(new String[] {"local", "start"}, where));
        assertThat(started.exitCode()).as(started.out() + started.err()).isZero();
        try (DynamoDbClient client = DynamoDbClients.create(new Target.Local(port, Optional.empty()))) {
            roundTrip(where, client);
        } finally {
            Cli.run(concat(new String[] {"local", "stop"}, where));
        }
    }

    private void roundTrip(String[] where, DynamoDbClient client) throws IOException {
        String table = "orders";
        String everyField = Files.readString(EVERY_FIELD);
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, everyField);

        Cli.Result applied = Cli.run(concat(new String[] {"apply", "-f", spec.toString(), "--samples", "0"}, where));
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out()).containsPattern(table + " +Created +10 +10 +0 +0 ");

        Cli.Result clean = Cli.run(concat(new String[] {"plan", "-f", spec.toString()}, where));
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isEqualTo(ExitCode.OK);
        assertThat(clean.out()).containsPattern(table + " +none +exists and matches");

        String withIndex = everyField.replace(
                "    localSecondaryIndexes:",
                "      - name: by_customer_status\n"
                        + "        partitionKey: {name: customer_id, type: S}\n"
                        + "        sortKey: {name: status, type: S}\n"
                        + "        projection: KEYS_ONLY\n"
                        + "    localSecondaryIndexes:");
        Files.writeString(spec, withIndex);

        Cli.Result changes = Cli.run(concat(new String[] {"plan", "-f", spec.toString()}, where));
        assertThat(changes.exitCode()).as(changes.out() + changes.err()).isEqualTo(ExitCode.PLAN_CHANGES);
        assertThat(changes.out())
                .containsPattern(table + " +globalSecondaryIndexes.by_customer_status .* in place +UpdateTable Create");

        Cli.Result updated = Cli.run(concat(new String[] {"apply", "-f", spec.toString(), "--samples", "0"}, where));
        assertThat(updated.exitCode()).as(updated.out() + updated.err()).isZero();
        assertThat(updated.out()).containsPattern(table + " +Updated +10 +10 +0 +0 ");

        Cli.Result cleanAgain = Cli.run(concat(new String[] {"plan", "-f", spec.toString()}, where));
        assertThat(cleanAgain.exitCode())
                .as(cleanAgain.out() + cleanAgain.err())
                .isEqualTo(ExitCode.OK);

        // The index holds every item of the table, those written before it existed included (randomSeed makes the
        // second apply rewrite the same 10 keys).
        int items = client.scan(r -> r.tableName(table).select("COUNT")).count();
        assertThat(items).isEqualTo(10);
        int indexed = client.scan(
                        r -> r.tableName(table).indexName("by_customer_status").select("COUNT"))
                .count();
        assertThat(indexed).isEqualTo(items);
        assertThat(client.query(r -> r.tableName(table)
                                .indexName("by_status")
                                .keyConditionExpression("#s = :s")
                                .expressionAttributeNames(Map.of("#s", "status"))
                                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("PAID"))))
                        .items())
                .allSatisfy(item -> assertThat(item).containsKeys("customer_id", "order_id", "total"));
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
