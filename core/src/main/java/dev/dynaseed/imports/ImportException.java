package dev.dynaseed.imports;

import dev.dynaseed.DynaseedException;
import dev.dynaseed.spec.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Raised when a source cannot be imported; carries every problem found, each naming the file, line and resource
 * (logical ID, Terraform address, model table name) in its {@link Problem#path()} and location.
 */
public final class ImportException extends DynaseedException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_LISTED = 50;

    private final transient List<Problem> problems;

    /** {@code source} is the file as given, {@code kind} what it was read as. */
    public ImportException(String source, SourceKind kind, List<Problem> problems) {
        this(source + " (" + kind.description() + ")", problems);
    }

    /** {@code source} is the file as given, before its format is known. */
    public ImportException(String source, List<Problem> problems) {
        super(describe(source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an ImportException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String source, List<Problem> problems) {
        String header = "Cannot import " + source + ": " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:");
        String more = problems.size() <= MAX_LISTED
                ? ""
                : "\n  ... and " + (problems.size() - MAX_LISTED) + " more not listed; fix these first";
        return problems.stream()
                .limit(MAX_LISTED)
                .map(p -> "  " + p)
                .collect(Collectors.joining("\n", header + "\n", more));
    }
}
