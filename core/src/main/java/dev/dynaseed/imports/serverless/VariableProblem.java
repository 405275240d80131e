package dev.dynaseed.imports.serverless;

import dev.dynaseed.spec.SourceLocation;

/** Why a serverless.yml variable cannot be resolved offline; thrown to the value being resolved and collected. */
final class VariableProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;

    VariableProblem(SourceLocation location, String message) {
        super(message, null, false, false);
        this.location = location;
    }

    SourceLocation location() {
        return location;
    }
}
