package dev.dynaseed.lambda;

import dev.dynaseed.spec.InvalidSpecException;

/**
 * The function's configuration ({@code DYNASEED_SPEC}) is invalid, found in Lambda's init phase: the runtime reports
 * this as the init error, with every problem, and no invocation runs until the configuration is fixed.
 */
public final class InvalidConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidConfigurationException(InvalidSpecException cause) {
        super(
                "The function cannot start: DYNASEED_SPEC (the template's Spec parameter) is invalid; nothing was"
                        + " changed. Fix it and deploy again (a new version is published), or leave it empty for the"
                        + " built-in scenario. "
                        + cause.getMessage(),
                cause);
    }
}
