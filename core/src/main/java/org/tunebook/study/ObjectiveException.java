package org.tunebook.study;

/** Rethrown by optimize() when exceptions are not caught ({@link OptimizeOptions#withCatchExceptions}). */
public class ObjectiveException extends RuntimeException {
    public ObjectiveException(int trialNumber, Throwable cause) {
        super("trial #" + trialNumber + " failed: " + cause, cause);
    }
}
