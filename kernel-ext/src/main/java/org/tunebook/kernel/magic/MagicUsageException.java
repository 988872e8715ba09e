package org.tunebook.kernel.magic;

/** A mistake in a magic's arguments: its message says what was wrong and what to type instead. */
public final class MagicUsageException extends Exception {
    public MagicUsageException(String message) {
        super(message);
    }
}
