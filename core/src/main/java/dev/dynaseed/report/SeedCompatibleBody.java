package dev.dynaseed.report;

import dev.dynaseed.provision.TableOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed tutorial's response body, unchanged in shape and messages: {@code create} holds one list of
 * {@code {table: message}}, {@code insert} one {@code {table: message}} per requested row, table by table.
 */
public final class SeedCompatibleBody {
    public static final String CREATE_SUCCESSFUL = "Create successful.";
    public static final String ALREADY_EXISTS = "Table already exists.";
    public static final String CREATE_FAILED = "Create failed.";
    public static final String INSERT_SUCCESSFUL = "Insert successful.";
    public static final String INSERT_FAILED = "Insert failed.";
    public static final String TABLE_DOES_NOT_EXIST = "Table does not exist.";
    /** Not in the seed, which has no way to skip: rows dynaseed deliberately did not write. */
    public static final String INSERT_SKIPPED = "Insert skipped.";

    private SeedCompatibleBody() {}

    /** {@code [[{table: message}, ...]]}. */
    public static List<List<Map<String, String>>> create(Report report) {
        List<Map<String, String>> messages = new ArrayList<>();
        for (TableReport table : report.tables()) {
            messages.add(Map.of(table.table().name(), createMessage(table.outcome())));
        }
        return List.of(messages);
    }

    /** {@code [{table: message}, ...]}, one per requested row. */
    public static List<Map<String, String>> insert(Report report) {
        List<Map<String, String>> messages = new ArrayList<>();
        for (TableReport table : report.tables()) {
            String name = table.table().name();
            if (table.outcome() instanceof TableOutcome.Failed) {
                repeat(messages, name, TABLE_DOES_NOT_EXIST, table.seed().requested());
                continue;
            }
            repeat(messages, name, INSERT_SUCCESSFUL, table.seed().written());
            repeat(messages, name, INSERT_FAILED, table.seed().failed());
            repeat(messages, name, INSERT_SKIPPED, table.seed().skipped());
        }
        return messages;
    }

    /** Both lists under their seed names, in the seed's order. */
    public static Map<String, Object> body(Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("create", create(report));
        body.put("insert", insert(report));
        return body;
    }

    static String createMessage(TableOutcome outcome) {
        if (outcome instanceof TableOutcome.Created) {
            return CREATE_SUCCESSFUL;
        } else if (outcome instanceof TableOutcome.Failed) {
            return CREATE_FAILED;
        }
        return ALREADY_EXISTS;
    }

    private static void repeat(List<Map<String, String>> messages, String table, String message, long times) {
        for (long i = 0; i < times; i++) {
            messages.add(Map.of(table, message));
        }
    }
}
