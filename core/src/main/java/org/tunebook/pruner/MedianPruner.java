package org.tunebook.pruner;

/**
 * Prunes a trial whose best intermediate value is worse than the median of the COMPLETE trials' values at the
 * same step (Optuna's MedianPruner; defaults: 5 startup trials, 0 warm-up steps, interval 1, 1 trial at the step).
 */
public final class MedianPruner extends PercentilePruner {

    public MedianPruner() {
        this(5, 0, 1, 1);
    }

    public MedianPruner(int nStartupTrials, int nWarmupSteps, int intervalSteps) {
        this(nStartupTrials, nWarmupSteps, intervalSteps, 1);
    }

    public MedianPruner(int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
        super(50.0, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials);
    }

    @Override
    public String toString() {
        return super.toString().replace("percentile(50.0, ", "median(");
    }
}
