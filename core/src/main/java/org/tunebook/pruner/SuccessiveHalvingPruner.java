package org.tunebook.pruner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2020), as Optuna's SuccessiveHalvingPruner. Rung r ends at
 * step {@code minResource * reductionFactor^(minEarlyStoppingRate + r)}; a trial reaching it records its value
 * in the trial's system attribute {@code completed_rung_r} and goes on only if it is in the best
 * 1/reductionFactor of all values recorded for that rung so far.
 */
public final class SuccessiveHalvingPruner implements Pruner {
    private volatile Integer minResource; // null: "auto", estimated from the first COMPLETE trials
    private final int reductionFactor;
    private final int minEarlyStoppingRate;
    private final int bootstrapCount;

    /** Optuna's defaults: min resource auto, reduction factor 4, min early-stopping rate 0, bootstrap 0. */
    public SuccessiveHalvingPruner() {
        this(null, 4, 0, 0);
    }

    /**
     * @param minResource          steps before the first rung, or null for "auto" (1/100 of the longest COMPLETE
     *                             trial, at least 1)
     * @param reductionFactor      >= 2: one in this many trials is promoted at each rung
     * @param minEarlyStoppingRate shifts the first rung to minResource * reductionFactor^rate
     * @param bootstrapCount       trials that must have reached a rung before any is promoted from it
     */
    public SuccessiveHalvingPruner(Integer minResource, int reductionFactor, int minEarlyStoppingRate, int bootstrapCount) {
        if (minResource != null && minResource < 1) {
            throw new IllegalArgumentException("minResource must be >= 1 (or null for auto), got " + minResource);
        }
        if (reductionFactor < 2) throw new IllegalArgumentException("reductionFactor must be >= 2, got " + reductionFactor);
        if (minEarlyStoppingRate < 0) throw new IllegalArgumentException("minEarlyStoppingRate must be >= 0, got " + minEarlyStoppingRate);
        if (bootstrapCount < 0) throw new IllegalArgumentException("bootstrapCount must be >= 0, got " + bootstrapCount);
        if (bootstrapCount > 0 && minResource == null) {
            throw new IllegalArgumentException("bootstrapCount > 0 needs an explicit minResource: give minResource or set bootstrapCount to 0");
        }
        this.minResource = minResource;
        this.reductionFactor = reductionFactor;
        this.minEarlyStoppingRate = minEarlyStoppingRate;
        this.bootstrapCount = bootstrapCount;
    }

    /** System attribute holding a trial's value at the end of rung r. */
    public static String rungKey(int rung) {
        return "completed_rung_" + rung;
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        return prune(study, trial, study::trials);
    }

    /** Decides among the given trials only (Hyperband passes the trials of one bracket). */
    boolean prune(Study study, FrozenTrial trial, Supplier<List<FrozenTrial>> trialsSource) {
        int step = trial.lastStep();
        if (step < 0) return false;
        // the live snapshot may lag behind the attributes this pruner stored: read them from the storage
        FrozenTrial stored = study.storage().trial(trial.trialId());
        int rung = 0;
        while (stored.systemAttrs().containsKey(rungKey(rung))) rung++;
        double value = trial.intermediateValues().get(step);
        List<FrozenTrial> trials = null;
        while (true) {
            if (minResource == null) {
                trials = trials != null ? trials : trialsSource.get();
                minResource = estimateMinResource(trials);
                if (minResource == null) return false;
            }
            long promotionStep = minResource * pow(reductionFactor, minEarlyStoppingRate + rung);
            if (step < promotionStep) return false;
            if (Double.isNaN(value)) return true;
            trials = trials != null ? trials : trialsSource.get();
            String key = rungKey(rung);
            study.storage().setTrialAttr(trial.trialId(), false, key, value);
            List<Double> competing = new ArrayList<>();
            for (FrozenTrial t : trials) {
                if (t.trialId() != trial.trialId() && t.systemAttrs().get(key) instanceof Number n) competing.add(n.doubleValue());
            }
            competing.add(value);
            if (competing.size() <= bootstrapCount) return true;
            if (!promotable(value, competing, reductionFactor, study.direction())) return true;
            rung++;
        }
    }

    private static long pow(int base, int exp) {
        long r = 1;
        for (int i = 0; i < exp; i++) r = Math.multiplyExact(r, base);
        return r;
    }

    private static Integer estimateMinResource(List<FrozenTrial> trials) {
        int last = -1;
        for (FrozenTrial t : trials) if (t.state() == TrialState.COMPLETE) last = Math.max(last, t.lastStep());
        return last < 0 ? null : Math.max(last / 100, 1);
    }

    /** Whether a value is within the best 1/reductionFactor of the values at a rung (at least the best one). */
    static boolean promotable(double value, List<Double> competing, int reductionFactor, Direction d) {
        int idx = competing.size() / reductionFactor - 1;
        if (idx < 0) idx = 0;
        List<Double> s = new ArrayList<>(competing);
        s.sort(Double::compare);
        if (d == Direction.MAXIMIZE) return value >= s.get(s.size() - 1 - idx);
        return value <= s.get(idx);
    }

    @Override
    public String toString() {
        return "successive-halving(minResource=" + (minResource == null ? "auto" : minResource) + ", reductionFactor=" + reductionFactor
                + ", minEarlyStoppingRate=" + minEarlyStoppingRate + ")";
    }
}
