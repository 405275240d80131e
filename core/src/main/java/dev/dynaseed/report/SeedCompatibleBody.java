package dev.dynaseed.report;

import dev.dynaseed.provision.TableOutcome;
import dev.dynaseed.seed.SeedOutcome;
import java.util.ArrayList;
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

    /** The most rows {@code insert} lists one by one. */
    public static final int MAX_INSERT_ENTRIES = 1000;

    private SeedCompatibleBody() {}

    /** {@code [[{table: message}, ...]]}. */
    public static List<List<Map<String, String>>> create(Report report) {
        List<Map<String, String>> messages = new ArrayList<>();
        for (TableReport table : report.tables()) {
            messages.add(Map.of(table.table().name(), createMessage(table.outcome())));
        }
        return List.of(messages);
    }

    /**
     * {@code [{table: message}, ...]}, one per requested row, table by table, up to {@link #MAX_INSERT_ENTRIES}:
     * past that the list stops (a Lambda response holds at most 6 MB) and {@link #insertOmitted} counts the rest.
     */
    public static List<Map<String, String>> insert(Report report) {
        List<Map<String, String>> messages = new ArrayList<>();
        for (TableReport table : report.tables()) {
            String name = table.table().name();
            repeat(messages, name, INSERT_SUCCESSFUL, table.seed().written());
            repeat(
                    messages,
                    name,
                    failedInsertMessage(table.outcome()),
                    table.seed().failed());
            repeat(messages, name, INSERT_SKIPPED, table.seed().skipped());
        }
        return messages;
    }

    /** How many rows {@link #insert} leaves out; 0 up to {@link #MAX_INSERT_ENTRIES} requested rows. */
    public static long insertOmitted(Report report) {
        return Math.max(0, report.total(SeedOutcome::requested) - MAX_INSERT_ENTRIES);
    }

    /**
     * The {@code create} message of an outcome: a table this run created (anew, or again by replacing it) is "Create
     * successful."; one that was there before, changed in place or left alone, is "Table already exists." (the seed
     * says this for any existing table, whatever its schema); a failure is "Create failed.".
     */
    static String createMessage(TableOutcome outcome) {
        return switch (outcome.kind()) {
            case CREATED, REPLACED -> CREATE_SUCCESSFUL;
            case ALREADY_MATCHES, UPDATED, REPLACEMENT_REFUSED, BLOCKED -> ALREADY_EXISTS;
            case FAILED -> CREATE_FAILED;
        };
    }

    /** The message of a row that could not be written: the seed's "does not exist" when provisioning failed. */
    static String failedInsertMessage(TableOutcome outcome) {
        return switch (outcome.kind()) {
            case CREATED, ALREADY_MATCHES, UPDATED, REPLACED, REPLACEMENT_REFUSED, BLOCKED -> INSERT_FAILED;
            case FAILED -> TABLE_DOES_NOT_EXIST;
        };
    }

    private static void repeat(List<Map<String, String>> messages, String table, String message, long times) {
        for (long i = 0; i < times && messages.size() < MAX_INSERT_ENTRIES; i++) {
            messages.add(Map.of(table, message));
        }
    }
}
