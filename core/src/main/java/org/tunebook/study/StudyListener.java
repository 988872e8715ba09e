package org.tunebook.study;

import java.time.Duration;

/**
 * Observes an optimize() run: progress displays implement it. Every method is called on the thread
 * that called optimize(), also when trials run on several worker threads.
 */
public interface StudyListener {
    /** @param plannedTrials the trial budget, or null when only a timeout or exhaustion ends the run */
    default void onStart(Study study, Integer plannedTrials, Duration timeout) {
    }

    default void onTrialFinished(Study study, FrozenTrial trial) {
    }

    /** @param interrupted whether the run ended because its thread was interrupted */
    default void onEnd(Study study, boolean interrupted) {
    }
}
