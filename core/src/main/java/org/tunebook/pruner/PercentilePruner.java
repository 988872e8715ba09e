package org.tunebook.pruner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

/**
 * Prunes a trial whose best intermediate value so far is worse than the given percentile of the COMPLETE
 * trials' intermediate values at the same step (Optuna's PercentilePruner). Percentile 25 keeps the top
 * quarter; {@link MedianPruner} is percentile 50.
 */
public class PercentilePruner implements Pruner {
    private final double percentile;
    private final int nStartupTrials;
    private final int nWarmupSteps;
    private final int intervalSteps;
    private final int nMinTrials;

    /**
     * @param percentile     in [0, 100]: a trial survives if it is in the best {@code percentile} percent
     * @param nStartupTrials no pruning before this many trials are COMPLETE
     * @param nWarmupSteps   no pruning before this step (the earliest pruning is at step == nWarmupSteps)
     * @param intervalSteps  steps between pruning checks, counted from the warm-up
     * @param nMinTrials     no pruning while fewer COMPLETE trials reported a value at the step
     */
    public PercentilePruner(double percentile, int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be between 0 and 100, got " + percentile);
        }
        if (nStartupTrials < 0) throw new IllegalArgumentException("nStartupTrials must be >= 0, got " + nStartupTrials);
        if (nWarmupSteps < 0) throw new IllegalArgumentException("nWarmupSteps must be >= 0, got " + nWarmupSteps);
        if (intervalSteps < 1) throw new IllegalArgumentException("intervalSteps must be >= 1, got " + intervalSteps);
        if (nMinTrials < 1) throw new IllegalArgumentException("nMinTrials must be >= 1, got " + nMinTrials);
        this.percentile = percentile;
        this.nStartupTrials = nStartupTrials;
        this.nWarmupSteps = nWarmupSteps;
        this.intervalSteps = intervalSteps;
        this.nMinTrials = nMinTrials;
    }

    /** Optuna's defaults: 5 startup trials, no warm-up, every step, 1 trial at the step. */
    public PercentilePruner(double percentile) {
        this(percentile, 5, 0, 1, 1);
    }

    private static final Set<TrialState> COMPLETE = EnumSet.of(TrialState.COMPLETE);

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        List<FrozenTrial> completed = study.trials(COMPLETE);
        if (completed.isEmpty() || completed.size() < nStartupTrials) return false;
        int step = trial.lastStep();
        if (step < 0 || step < nWarmupSteps) return false;
        if (!firstInInterval(step, trial.intermediateValues().keySet(), nWarmupSteps, intervalSteps)) return false;
        Direction direction = study.direction();
        double best = bestIntermediate(trial, direction);
        if (Double.isNaN(best)) return true;
        double p = percentileAt(completed, direction, step, percentile, nMinTrials);
        if (Double.isNaN(p)) return false;
        return direction == Direction.MAXIMIZE ? best < p : best > p;
    }

    /** Whether this is the first report at or after the latest pruning step (checks run once per interval). */
    static boolean firstInInterval(int step, Set<Integer> steps, int warmup, int interval) {
        int nearestLowerPruningStep = Math.floorDiv(step - warmup, interval) * interval + warmup;
        int secondLast = -1;
        for (int s : steps) if (s != step && s > secondLast) secondLast = s;
        return secondLast < nearestLowerPruningStep;
    }

    /** The best intermediate value of a trial over its steps, NaN values ignored (NaN if all are). */
    static double bestIntermediate(FrozenTrial t, Direction d) {
        double best = Double.NaN;
        for (double v : t.intermediateValues().values()) {
            if (Double.isNaN(v)) continue;
            if (Double.isNaN(best) || d.isBetter(v, best)) best = v;
        }
        return best;
    }

    /** The percentile (linear interpolation, NaNs ignored) of the COMPLETE trials' values at a step; NaN if too few. */
    static double percentileAt(List<FrozenTrial> completed, Direction d, int step, double percentile, int nMinTrials) {
        List<Double> values = new ArrayList<>();
        for (FrozenTrial t : completed) {
            Double v = t.intermediateValues().get(step);
            if (v != null) values.add(v);
        }
        if (values.size() < nMinTrials) return Double.NaN;
        double q = d == Direction.MAXIMIZE ? 100 - percentile : percentile;
        return percentile(values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray(), q);
    }

    /** numpy's default (linear) percentile; NaN for no values. */
    static double percentile(double[] values, double q) {
        if (values.length == 0) return Double.NaN;
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = q / 100 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        double frac = pos - lo;
        return s[lo] + (s[hi] - s[lo]) * frac;
    }

    @Override
    public String toString() {
        return "percentile(" + percentile + ", startup=" + nStartupTrials + ", warmup=" + nWarmupSteps + ", interval=" + intervalSteps
                + ", minTrials=" + nMinTrials + ")";
    }
}
