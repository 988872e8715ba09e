package org.tunebook.skopt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.sampler.gp.Surrogate;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;
import org.tunebook.space.Space;

/**
 * Partial dependence of a fitted surrogate, as scikit-optimize's {@code plot_objective} computes it: the model's
 * mean prediction with one (or two) dimensions fixed at grid values, averaged over random points of the space
 * for the other dimensions. Grids: {@code nPoints} values evenly spaced (in log space for log ranges; integer
 * ranges give at most one point per integer), or every choice of a categorical.
 */
public final class PartialDependence {
    /** A 1-D dependence: grid values of the dimension and the averaged prediction at each. */
    public record Curve(String name, List<Object> values, double[] mean) {
    }

    /** A 2-D dependence: {@code mean[i][j]} at {@code xValues.get(i)}, {@code yValues.get(j)}. */
    public record Surface(String xName, String yName, List<Object> xValues, List<Object> yValues, double[][] mean) {
    }

    private PartialDependence() {
    }

    /** The dependence on dimension {@code dim}, averaged over {@code nSamples} random points (skopt: 40 and 250). */
    public static Curve of(Surrogate model, Space space, int dim, int nPoints, int nSamples, long seed) {
        List<List<Object>> samples = samples(space, nSamples, seed);
        List<Object> grid = grid(space.get(dim).distribution(), nPoints);
        double[] mean = new double[grid.size()];
        for (int g = 0; g < grid.size(); g++) {
            double s = 0;
            for (List<Object> x : samples) {
                List<Object> p = new ArrayList<>(x);
                p.set(dim, grid.get(g));
                s += model.predict(p).mean();
            }
            mean[g] = s / samples.size();
        }
        return new Curve(space.get(dim).name(), grid, mean);
    }

    /** The joint dependence on dimensions {@code i} and {@code j}. */
    public static Surface of(Surrogate model, Space space, int i, int j, int nPoints, int nSamples, long seed) {
        if (i == j) throw new IllegalArgumentException("a 2-D partial dependence needs two different dimensions, got " + i + " twice");
        List<List<Object>> samples = samples(space, nSamples, seed);
        List<Object> gx = grid(space.get(i).distribution(), nPoints), gy = grid(space.get(j).distribution(), nPoints);
        double[][] mean = new double[gx.size()][gy.size()];
        for (int a = 0; a < gx.size(); a++) {
            for (int b = 0; b < gy.size(); b++) {
                double s = 0;
                for (List<Object> x : samples) {
                    List<Object> p = new ArrayList<>(x);
                    p.set(i, gx.get(a));
                    p.set(j, gy.get(b));
                    s += model.predict(p).mean();
                }
                mean[a][b] = s / samples.size();
            }
        }
        return new Surface(space.get(i).name(), space.get(j).name(), gx, gy, mean);
    }

    private static List<List<Object>> samples(Space space, int n, long seed) {
        if (n < 1) throw new IllegalArgumentException("nSamples must be >= 1, got " + n);
        SplittableRandom rng = new SplittableRandom(seed);
        List<List<Object>> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<Object> x = new ArrayList<>();
            for (int d = 0; d < space.size(); d++) {
                Distribution dist = space.get(d).distribution();
                x.add(dist.toExternal(RandomSampler.sample(dist, rng)));
            }
            out.add(x);
        }
        return out;
    }

    /** Grid values of a dimension (external values). */
    static List<Object> grid(Distribution d, int nPoints) {
        if (nPoints < 2) throw new IllegalArgumentException("nPoints must be >= 2, got " + nPoints);
        List<Object> out = new ArrayList<>();
        if (d instanceof CategoricalDistribution c) {
            out.addAll(c.choices());
        } else if (d instanceof IntDistribution in) {
            double lo = in.log() ? Math.log(in.low()) : in.low(), hi = in.log() ? Math.log(in.high()) : in.high();
            for (int k = 0; k < nPoints; k++) {
                double t = lo + (hi - lo) * k / (nPoints - 1);
                Object v = in.toExternal(in.log() ? Math.exp(t) : t);
                if (!out.contains(v)) out.add(v);
            }
        } else {
            FloatDistribution f = (FloatDistribution) d;
            double lo = f.log() ? Math.log(f.low()) : f.low(), hi = f.log() ? Math.log(f.high()) : f.high();
            for (int k = 0; k < nPoints; k++) {
                double t = lo + (hi - lo) * k / (nPoints - 1);
                Object v = f.toExternal(f.log() ? Math.exp(t) : t);
                if (!out.contains(v)) out.add(v);
            }
        }
        return out;
    }
}
