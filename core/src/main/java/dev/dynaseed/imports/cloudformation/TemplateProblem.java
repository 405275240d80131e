package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;

/** One reason a value of a template cannot be resolved or mapped, thrown to the resource being read and collected. */
final class TemplateProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;

    TemplateProblem(SourceLocation location, String message) {
        super(message, null, false, false);
        this.location = location;
    }

    /** This problem under {@code path} (e.g. {@code Resources.Users.Properties.KeySchema}). */
    Problem toProblem(String path) {
        return new Problem(path, getMessage()).at(location);
    }
}
