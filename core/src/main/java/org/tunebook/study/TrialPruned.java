package org.tunebook.study;

/** Thrown by an objective to stop a trial early (when {@link Trial#shouldPrune()} says so). */
public class TrialPruned extends RuntimeException {
    public TrialPruned() {
        super("trial pruned");
    }

    public TrialPruned(String message) {
        super(message);
    }
}
