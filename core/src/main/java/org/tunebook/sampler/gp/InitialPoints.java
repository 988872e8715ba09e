package org.tunebook.sampler.gp;

import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Designs for the initial points, as scikit-optimize's {@code initial_point_generator}: uniform random,
 * Latin hypercube, Sobol' and Halton sequences. Points are in [0, 1)^d, one coordinate per parameter;
 * {@link UnitCube#fromDesign} maps them to configurations. The quasi-random sequences start at their first
 * point (the origin) and are shifted by a seeded random offset modulo 1 (Cranley-Patterson rotation): the shift
 * moves the origin away from the corner, keeps the sequence's stratification (the first 2^k Sobol' points still
 * fill every 2^-k slice), and makes different seeds give different but equally even designs.
 */
public enum InitialPoints {
    RANDOM, LHS, SOBOL, HALTON;

    public static InitialPoints parse(String s) {
        String n = s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
        for (InitialPoints p : values()) if (p.name().equals(n)) return p;
        throw new IllegalArgumentException("initialPointGenerator '" + s + "' is unknown: use random, lhs, sobol or halton");
    }

    /** {@code n} design points in dimension {@code d}. */
    public double[][] design(int n, int d, SplittableRandom rng) {
        double[][] w = new double[n][d];
        switch (this) {
            case RANDOM -> {
                for (double[] row : w) for (int j = 0; j < d; j++) row[j] = rng.nextDouble();
            }
            case LHS -> {
                // classic Latin hypercube: one point per stratum in every coordinate, best of 20 by the maximin distance
                double bestScore = -1;
                for (int attempt = 0; attempt < 20; attempt++) {
                    double[][] cand = new double[n][d];
                    for (int j = 0; j < d; j++) {
                        int[] perm = permutation(n, rng);
                        for (int i = 0; i < n; i++) cand[i][j] = (perm[i] + rng.nextDouble()) / n;
                    }
                    double score = minDistance(cand);
                    if (score > bestScore) {
                        bestScore = score;
                        w = cand;
                    }
                }
            }
            case SOBOL, HALTON -> {
                if (this == SOBOL && d > 1000) throw new IllegalArgumentException("Sobol' designs support up to 1000 dimensions, not " + d);
                double[] shift = new double[d];
                for (int j = 0; j < d; j++) shift[j] = rng.nextDouble();
                if (this == SOBOL) {
                    SobolSequenceGenerator g = new SobolSequenceGenerator(d);
                    for (double[] row : w) fill(row, g.nextVector(), shift);
                } else {
                    if (d > 40) throw new IllegalArgumentException("Halton designs support up to 40 dimensions, not " + d + ": use sobol");
                    HaltonSequenceGenerator g = new HaltonSequenceGenerator(d);
                    for (double[] row : w) fill(row, g.nextVector(), shift);
                }
            }
        }
        return w;
    }

    private static void fill(double[] row, double[] v, double[] shift) {
        for (int j = 0; j < row.length; j++) {
            double t = v[j] + shift[j];
            row[j] = t - Math.floor(t);
        }
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double minDistance(double[][] pts) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < pts.length; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int k = 0; k < pts[i].length; k++) s += (pts[i][k] - pts[j][k]) * (pts[i][k] - pts[j][k]);
                best = Math.min(best, s);
            }
        }
        return pts.length < 2 ? 0 : best;
    }
}
