package org.tunebook.plots;

/**
 * A fitted model of the objective, as plot_objective reads it: the predicted mean at a point given in unit
 * coordinates (one value in [0, 1] per dimension, in the order of {@link SurrogateResult#params()}; see
 * {@link Param} for the normalisation, scikit-optimize's: log dimensions in log10, a categorical as index / (k - 1)).
 * A Gaussian process adapts with {@code unit -> gp.predictMean(unit)}.
 */
@FunctionalInterface
public interface Surrogate {
    double predict(double[] unitPoint);
}
