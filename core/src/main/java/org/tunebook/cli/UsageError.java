package org.tunebook.cli;

/** A bad command line: the message names the option and the fix; the CLI exits with code 2. */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }

    /** An error about one option, e.g. {@code --param: ...}. */
    static UsageError of(String option, String message) {
        return new UsageError(option + ": " + message);
    }
}
