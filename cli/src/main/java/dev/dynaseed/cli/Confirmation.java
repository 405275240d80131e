package dev.dynaseed.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/** Asks before a command changes or deletes resources, unless {@code --yes} was given. */
final class Confirmation {
    private Confirmation() {}

    /**
     * Returns whether to go on: true with {@code yes}; otherwise asks on the terminal, and refuses (with how to
     * proceed) when there is no terminal to ask on.
     */
    static boolean confirm(boolean yes, String question, PrintWriter out) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            throw new InputException(question.replace("?", "") + ": no terminal to confirm on; pass --yes to go"
                    + " ahead without asking");
        }
        out.print(question + " [y/N] ");
        out.flush();
        try {
            BufferedReader reader = new BufferedReader(console.reader());
            String answer = reader.readLine();
            return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (IOException e) {
            throw new InputException("could not read the answer (" + e.getMessage() + "); pass --yes instead");
        }
    }
}
