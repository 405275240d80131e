package dev.dynaseed.provision;

import java.util.Objects;
import java.util.Set;

/**
 * Which tables apply may replace (delete and create again, losing their items), and what to tell the user about the
 * others: e.g. {@code rerun with --allow-replace} from the CLI, {@code send "allowReplace": true} to the Lambda.
 *
 * @param all whether every table may be replaced
 * @param tables the tables that may be replaced when not {@code all}
 * @param howToAllow what a user does to allow a refused replacement, e.g. {@code rerun with --allow-replace}
 */
public record ReplaceConsent(boolean all, Set<String> tables, String howToAllow) {
    /** What the CLI tells a user whose replacement was refused. */
    public static final String CLI_HOW_TO_ALLOW = "rerun with --allow-replace";

    public ReplaceConsent {
        tables = Set.copyOf(tables);
        Objects.requireNonNull(howToAllow, "howToAllow");
    }

    /** No table may be replaced; refusals advise {@code howToAllow}. */
    public static ReplaceConsent none(String howToAllow) {
        return new ReplaceConsent(false, Set.of(), howToAllow);
    }

    /** No table may be replaced; refusals advise {@link #CLI_HOW_TO_ALLOW}. */
    public static ReplaceConsent none() {
        return none(CLI_HOW_TO_ALLOW);
    }

    /** Every table may be replaced. */
    public static ReplaceConsent everyTable() {
        return new ReplaceConsent(true, Set.of(), CLI_HOW_TO_ALLOW);
    }

    /** Only {@code tables} may be replaced (the ones a user confirmed); refusals advise {@code howToAllow}. */
    public static ReplaceConsent only(Set<String> tables, String howToAllow) {
        return new ReplaceConsent(false, tables, howToAllow);
    }

    /** Whether {@code table} may be replaced. */
    public boolean allows(String table) {
        return all || tables.contains(table);
    }
}
