package dev.dynaseed.spec;

import dev.dynaseed.DynaseedException;
import dev.dynaseed.spec.internal.SpecLimits;
import java.util.List;
import java.util.stream.Collectors;

/** Raised when a spec has problems; carries all of them, found before any request was sent. */
public final class InvalidSpecException extends DynaseedException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidSpecException(String source, List<Problem> problems) {
        super(describe(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The most problems the message lists; {@link #problems()} has them all. */
    public static final int MAX_LISTED = 50;

    private static String describe(String source, List<Problem> problems) {
        String header = problems.size() == 1
                ? "The spec " + source + " has 1 problem:"
                : "The spec " + source + " has " + SpecLimits.grouped(problems.size()) + " problems:";
        String more = problems.size() <= MAX_LISTED
                ? ""
                : "\n  ... and " + SpecLimits.grouped(problems.size() - MAX_LISTED)
                        + " more not listed; fix these first";
        return problems.stream()
                .limit(MAX_LISTED)
                .map(p -> "  " + p)
                .collect(Collectors.joining("\n", header + "\n", more));
    }
}
