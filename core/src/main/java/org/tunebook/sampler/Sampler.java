package org.tunebook.sampler;

import java.util.Map;
import org.tunebook.space.Distribution;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

/**
 * Proposes parameter values. Shaped like Optuna's samplers so that every algorithm plugs into the same
 * Study: a <em>relative</em> sampler (GP, multivariate TPE, evolution) proposes a whole point for the
 * search space it infers from past trials when a trial starts; anything else the objective asks for is
 * drawn <em>independently</em>, one parameter at a time (random, univariate TPE).
 * <p>
 * Values cross this interface in the internal representation of {@link Distribution} (categorical index).
 * Samplers must be safe for concurrent calls when a study runs several jobs.
 */
public interface Sampler {

    /** Called before a trial is created. Default: sample freely. */
    default TrialPlan beforeTrial(Study study) {
        return TrialPlan.free();
    }

    /** The parameters to propose jointly for {@code trial}; empty for independent samplers. */
    default Map<String, Distribution> relativeSearchSpace(Study study, FrozenTrial trial) {
        return Map.of();
    }

    /** Joint proposal for the names of {@link #relativeSearchSpace}: name to internal value. */
    default Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> space) {
        return Map.of();
    }

    /** One parameter that the relative proposal did not cover; returns an internal value. */
    double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution);

    /** Called once a trial is finished (stored), on the thread that ran it. */
    /**
     * Called when a trial is about to finish as {@code state} (COMPLETE, PRUNED or FAIL), while it is still
     * RUNNING in the storage, so the sampler can store attributes with it (constraint values). An exception fails
     * the trial with its message.
     */
    default void beforeFinish(Study study, FrozenTrial trial, TrialState state) {
    }

    default void afterTrial(Study study, FrozenTrial trial) {
    }

    /** A short name for tables and logs. */
    default String name() {
        return getClass().getSimpleName();
    }
}
