package org.tunebook.skopt;

import java.util.Arrays;

/**
 * Stops when the {@code nBest} best values found differ by less than {@code delta} (scikit-optimize's
 * {@code DeltaYStopper(delta, n_best=5)}).
 */
public final class DeltaYStopper implements SkoptCallback {
    private final double delta;
    private final int nBest;

    public DeltaYStopper(double delta) {
        this(delta, 5);
    }

    public DeltaYStopper(double delta, int nBest) {
        if (!(delta >= 0)) throw new IllegalArgumentException("delta must be >= 0, got " + delta);
        if (nBest < 2) throw new IllegalArgumentException("nBest must be >= 2 (it compares the best with the nBest-th best), got " + nBest);
        this.delta = delta;
        this.nBest = nBest;
    }

    @Override
    public boolean afterCall(OptimizeResult r) {
        double[] v = r.funcVals().clone();
        if (v.length < nBest) return false;
        Arrays.sort(v);
        return Math.abs(v[0] - v[nBest - 1]) < delta;
    }

    @Override
    public String toString() {
        return "DeltaYStopper(delta=" + delta + ", nBest=" + nBest + ")";
    }
}
