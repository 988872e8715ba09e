package org.tunebook.sampler.tpe;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;

/**
 * A weighted mixture of product kernels, one kernel per observation plus one wide "prior" kernel: TPE's
 * density l(x) (good trials) or g(x) (the rest). Numerical parameters get a normal kernel truncated to the
 * range (in log space for log ranges, on the grid for int and stepped ranges); categorical parameters get a
 * smoothed one-hot kernel.
 * <p>
 * All values are Tunebook internal values (numbers as themselves, categoricals as the index of the choice).
 */
final class ParzenEstimator {

    private final Dim[] dims;
    private final double[] logWeights; // one per kernel; the prior kernel is last
    private final double[] cumWeights;
    private final int nKernels;

    /**
     * @param dists   the parameters, in column order
     * @param columns one column of n internal values per parameter (n may be 0; columns may be longer)
     * @param weights n non-negative observation weights (not yet normalised)
     * @param orders  per numerical parameter, the kernels 0..n-1 by ascending kernel-space value (ties by index),
     *                if the caller knows it; null (or a null entry) to sort here
     * @param inKernelSpace whether numerical columns hold kernel-space values (logarithms for log ranges) rather
     *                than internal values
     */
    ParzenEstimator(List<Distribution> dists, double[][] columns, int n, double[] weights, TpeOptions o, int[][] orders,
                    boolean inKernelSpace) {
        this.nKernels = n + 1;
        double[] w = new double[nKernels];
        double sum = 0;
        if (n == 0) {
            w[0] = 1;
            sum = 1;
        } else {
            for (int i = 0; i < n; i++) {
                w[i] = weights[i];
                sum += w[i];
            }
            w[n] = o.priorWeight();
            sum += o.priorWeight();
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("TPE kernel weights sum to " + sum + ": give a positive prior weight or positive weights");
        }
        logWeights = new double[nKernels];
        cumWeights = new double[nKernels];
        double acc = 0;
        double lastRatio = Double.NaN, lastLog = Double.NaN;
        for (int k = 0; k < nKernels; k++) {
            double ratio = w[k] / sum;
            if (ratio != lastRatio) { // runs of equal weights (the newest 25, or all) share one logarithm
                lastRatio = ratio;
                lastLog = Math.log(ratio);
            }
            logWeights[k] = lastLog;
            acc += ratio;
            cumWeights[k] = acc;
        }
        cumWeights[nKernels - 1] = 1.0;
        dims = new Dim[dists.size()];
        for (int j = 0; j < dims.length; j++) {
            Distribution d = dists.get(j);
            dims[j] = d instanceof CategoricalDistribution c ? new CategoricalDim(c, columns[j], n, o)
                    : new NumericDim(d, columns[j], n, o, orders == null ? null : orders[j], inKernelSpace);
        }
    }

    /** The kernels' mixture weights (the prior kernel last), normalised. */
    double[] weights() {
        double[] w = new double[nKernels];
        for (int k = 0; k < nKernels; k++) w[k] = Math.exp(logWeights[k]);
        return w;
    }

    /** A numerical parameter's kernel centres and bandwidths in kernel space (the prior kernel last). */
    double[][] kernels(int dim) {
        NumericDim d = (NumericDim) dims[dim];
        return new double[][]{d.mu.clone(), d.sigma.clone()};
    }

    /** A categorical parameter's probabilities, kernel x choice (the prior kernel last). */
    double[][] probabilities(int dim) {
        CategoricalDim d = (CategoricalDim) dims[dim];
        double[][] p = new double[d.logProb.length][];
        for (int k = 0; k < p.length; k++) {
            p[k] = new double[d.logProb[k].length];
            for (int i = 0; i < p[k].length; i++) p[k][i] = Math.exp(d.logProb[k][i]);
        }
        return p;
    }

    /** {@code size} draws, each a row of internal values. */
    double[][] sample(SplittableRandom rng, int size) {
        double[][] out = new double[size][dims.length];
        for (int s = 0; s < size; s++) {
            int k = firstAbove(cumWeights, rng.nextDouble());
            for (int j = 0; j < dims.length; j++) out[s][j] = dims[j].sample(k, rng);
        }
        return out;
    }

    /** The first index whose cumulative weight exceeds u (the last one if none does). */
    static int firstAbove(double[] cum, double u) {
        int lo = 0, hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /** log density (mass for discrete parameters) of each row. */
    double[] logPdf(double[][] x) {
        int nd = dims.length;
        double[] out = new double[x.length];
        double[] acc = new double[nKernels];
        // discrete and categorical values repeat among candidates: their per-kernel terms are computed once
        Memo[] memo = new Memo[nd];
        for (int j = 0; j < nd; j++) {
            if (!(dims[j] instanceof NumericDim d && d.step == 0)) memo[j] = new Memo(dims[j], nKernels);
        }
        for (int s = 0; s < x.length; s++) {
            System.arraycopy(logWeights, 0, acc, 0, nKernels);
            for (int j = 0; j < nd; j++) {
                if (memo[j] == null) {
                    dims[j].addLogPdf(x[s][j], acc);
                } else {
                    addTo(acc, memo[j].terms(x[s][j]));
                }
            }
            out[s] = logSumExp(acc);
        }
        return out;
    }

    private static void addTo(double[] acc, double[] terms) {
        for (int k = 0; k < acc.length; k++) acc[k] += terms[k];
    }

    /** log of the sum of exp(v) over {@code acc}. */
    private static double logSumExp(double[] acc) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : acc) if (v > max) max = v;
        if (max == Double.NEGATIVE_INFINITY) return Double.NEGATIVE_INFINITY;
        double total = 0;
        double cut = max - 30; // terms below exp(-30) ~ 1e-13 of the largest one change the sum by less than 1e-10
        for (double v : acc) if (v > cut) total += Math.exp(v - max);
        return max + Math.log(total);
    }

    /** One dimension's per-kernel terms by value, for the few values candidates share (a linear scan: a few dozen at most). */
    private static final class Memo {
        private final Dim dim;
        private final int nKernels;
        private double[] values = new double[16];
        private double[][] terms = new double[16][];
        private int size;

        Memo(Dim dim, int nKernels) {
            this.dim = dim;
            this.nKernels = nKernels;
        }

        double[] terms(double v) {
            long bits = Double.doubleToLongBits(v);
            for (int i = 0; i < size; i++) if (Double.doubleToLongBits(values[i]) == bits) return terms[i];
            double[] t = new double[nKernels];
            dim.addLogPdf(v, t);
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
                terms = Arrays.copyOf(terms, 2 * size);
            }
            values[size] = v;
            terms[size++] = t;
            return t;
        }
    }

    private interface Dim {
        double sample(int kernel, SplittableRandom rng);

        /** Adds the log density of internal value {@code x} under each kernel to {@code acc}. */
        void addLogPdf(double x, double[] acc);
    }

    /** Float, log-float, int, log-int and stepped ranges. */
    private static final class NumericDim implements Dim {
        final boolean log;
        final double step; // 0 for continuous
        final double low, high; // the range itself (internal values)
        final double lowT, highT; // the adapted range in kernel space (widened by step/2, log)
        final double[] mu, sigma, invSigma;
        final int[] kernelToUnique; // discrete only
        final double[] uniqueMu, uniqueSigma;
        final double[] logNorm; // continuous: -log sigma - log sqrt(2 pi) - log mass of range; discrete: -log mass of range

        /** {@code obs}: internal values, or with {@code inKernelSpace} their kernel-space values (logarithms for log ranges). */
        NumericDim(Distribution d, double[] obs, int n, TpeOptions o, int[] order, boolean inKernelSpace) {
            if (d instanceof FloatDistribution f) {
                log = f.log();
                step = f.step() == null ? 0 : f.step();
                low = f.low();
                high = f.high();
            } else {
                IntDistribution i = (IntDistribution) d;
                log = i.log();
                step = i.step();
                low = i.low();
                high = i.high();
            }
            double lo = low - step / 2, hi = high + step / 2;
            lowT = log ? Math.log(lo) : lo;
            highT = log ? Math.log(hi) : hi;
            mu = new double[n + 1];
            sigma = new double[n + 1];
            if (log && !inKernelSpace) {
                for (int i = 0; i < n; i++) mu[i] = Math.log(obs[i]);
            } else {
                System.arraycopy(obs, 0, mu, 0, n);
            }
            int[] sorted = bandwidths(mu, sigma, n, lowT, highT, o, order);
            mu[n] = 0.5 * (lowT + highT);
            sigma[n] = highT - lowT;
            logNorm = new double[n + 1];
            if (step != 0) {
                invSigma = null; // discrete densities use the pairs' masses
                Pairs p = Pairs.of(mu, sigma, n, sorted);
                kernelToUnique = p.kernelToPair();
                uniqueMu = p.mu();
                uniqueSigma = p.sigma();
                discreteNorms(p, lowT, highT, logNorm);
            } else {
                kernelToUnique = null;
                uniqueMu = uniqueSigma = null;
                invSigma = new double[n + 1];
                for (int k = 0; k <= n; k++) invSigma[k] = 1 / sigma[k];
                continuousNorms(mu, sigma, lowT, highT, logNorm);
            }
        }

        /**
         * The distinct (centre, bandwidth) pairs of discrete kernels (int and stepped kernels share few, so masses
         * are computed once per pair), the prior kernel's last.
         */
        private record Pairs(int[] kernelToPair, double[] mu, double[] sigma) {
            /** Kernels of equal centre are adjacent in the sorted order and have at most a few bandwidths between them. */
            static Pairs of(double[] mu, double[] sigma, int n, int[] sorted) {
                int[] kernelToPair = new int[n + 1];
                double[] um = new double[n + 1], us = new double[n + 1];
                int count = 0, runStart = 0;
                for (int i = 0; i < n; i++) {
                    int k = sorted[i];
                    double m = mu[k], sg = sigma[k];
                    if (i == 0 || m != um[runStart]) runStart = count;
                    int u = -1;
                    for (int q = runStart; q < count; q++) {
                        if (us[q] == sg) {
                            u = q;
                            break;
                        }
                    }
                    if (u < 0) {
                        um[count] = m;
                        us[count] = sg;
                        u = count++;
                    }
                    kernelToPair[k] = u;
                }
                um[count] = mu[n];
                us[count] = sigma[n];
                kernelToPair[n] = count++;
                return new Pairs(kernelToPair, Arrays.copyOf(um, count), Arrays.copyOf(us, count));
            }
        }

        /** A discrete kernel's normaliser, -log of its mass on the adapted range, depends on its pair only. */
        private static void discreteNorms(Pairs p, double lowT, double highT, double[] logNorm) {
            double[] pairNorm = new double[p.mu().length];
            for (int u = 0; u < pairNorm.length; u++) {
                pairNorm[u] = -TruncNorm.logMass((lowT - p.mu()[u]) / p.sigma()[u], (highT - p.mu()[u]) / p.sigma()[u]);
            }
            for (int k = 0; k < logNorm.length; k++) logNorm[k] = pairNorm[p.kernelToPair()[k]];
        }

        /** -log sigma - log sqrt(2 pi) - log of the kernel's mass on the range, per continuous kernel. */
        private static void continuousNorms(double[] mu, double[] sigma, double lowT, double highT, double[] logNorm) {
            double lastSigma = Double.NaN, lastLog = Double.NaN;
            for (int k = 0; k < logNorm.length; k++) {
                // both tails beyond 9 standard deviations: the mass is 1 in double precision (as logMass finds); at the
                // edge of that test, logMass's answer differs from 0 by less than 1e-18, below the normaliser's last bit
                double nine = 9 * sigma[k];
                double mass = lowT - mu[k] < -nine && highT - mu[k] > nine ? 0
                        : TruncNorm.logMass((lowT - mu[k]) / sigma[k], (highT - mu[k]) / sigma[k]);
                if (sigma[k] != lastSigma) { // many kernels share the clipped bandwidth
                    lastSigma = sigma[k];
                    lastLog = Math.log(lastSigma);
                }
                logNorm[k] = -lastLog - TruncNorm.LOG_SQRT_2PI - mass;
            }
        }

        /**
         * Each kernel's bandwidth is the larger gap to its sorted neighbours (the range ends count as
         * neighbours), clipped to [range / min(100, 1 + kernels), range]. Without endpoints the outermost
         * kernels use their inner gap only. Returns the kernels 0..n-1 in ascending order of centre.
         */
        private static int[] bandwidths(double[] mu, double[] sigma, int n, double lowT, double highT, TpeOptions o, int[] known) {
            if (n == 0) return new int[0];
            int[] order = known != null ? known : argsort(mu, n);
            double[] s = new double[n + 2];
            s[0] = lowT;
            for (int i = 0; i < n; i++) s[i + 1] = mu[order[i]];
            s[n + 1] = highT;
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) sorted[i] = Math.max(s[i + 1] - s[i], s[i + 2] - s[i + 1]);
            if (!o.considerEndpoints() && n >= 2) {
                sorted[0] = s[2] - s[1];
                sorted[n - 1] = s[n] - s[n - 1];
            }
            double range = highT - lowT;
            double min = o.considerMagicClip() ? range / Math.min(100.0, 1.0 + (n + 1)) : 1e-12;
            for (int i = 0; i < n; i++) sigma[order[i]] = Math.min(range, Math.max(min, sorted[i]));
            return order;
        }

        @Override
        public double sample(int k, SplittableRandom rng) {
            double z = TruncNorm.sample((lowT - mu[k]) / sigma[k], (highT - mu[k]) / sigma[k], rng);
            double v = mu[k] + sigma[k] * z;
            v = Math.min(highT, Math.max(lowT, v));
            if (log) v = Math.exp(v);
            if (step != 0) {
                v = low + Math.rint((v - low) / step) * step;
            }
            return Math.min(high, Math.max(low, v));
        }

        @Override
        public void addLogPdf(double x, double[] acc) {
            int n = mu.length;
            if (step == 0) {
                double xt = log ? Math.log(x) : x;
                for (int k = 0; k < n; k++) {
                    double z = (xt - mu[k]) * invSigma[k];
                    acc[k] += logNorm[k] - 0.5 * z * z;
                }
            } else {
                double left = x - step / 2, right = x + step / 2;
                if (log) {
                    left = Math.log(left);
                    right = Math.log(right);
                }
                double[] mass = new double[uniqueMu.length];
                for (int u = 0; u < mass.length; u++) {
                    mass[u] = TruncNorm.logMass((left - uniqueMu[u]) / uniqueSigma[u], (right - uniqueMu[u]) / uniqueSigma[u]);
                }
                for (int k = 0; k < n; k++) acc[k] += logNorm[k] + mass[kernelToUnique[k]];
            }
        }
    }

    /**
     * Indices of the first n values in ascending order. Each value's order-preserving 64-bit image has its
     * lowest bits replaced by its index and the longs are sorted natively: values closer than about 2^-40
     * relative may swap, which moves a bandwidth by as little.
     */
    static int[] argsort(double[] v, int n) {
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        long mask = (1L << bits) - 1;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long l = Double.doubleToLongBits(v[i] == 0.0 ? 0.0 : v[i]); // -0.0 sorts as 0.0
            l ^= (l >> 63) & 0x7fffffffffffffffL; // negative values: reverse their order
            keys[i] = (l & ~mask) | i;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = (int) (keys[i] & mask);
        return order;
    }

    /** Each observed choice gets weight 1 plus prior_weight / kernels spread on every choice; the prior kernel is uniform. */
    private static final class CategoricalDim implements Dim {
        final double[][] logProb; // kernel x choice
        final double[][] cum;

        CategoricalDim(CategoricalDistribution d, double[] obs, int n, TpeOptions o) {
            int c = d.choices().size();
            logProb = new double[n + 1][];
            cum = new double[n + 1][];
            // the kernels of one observed choice are alike: one row per choice, shared
            double[][] byChoiceLog = new double[c][], byChoiceCum = new double[c][];
            for (int k = 0; k <= n; k++) {
                int choice = k < n ? (int) obs[k] : -1;
                if (choice >= 0 && byChoiceLog[choice] != null) {
                    logProb[k] = byChoiceLog[choice];
                    cum[k] = byChoiceCum[choice];
                    continue;
                }
                double[] p = new double[c];
                if (n == 0) {
                    Arrays.fill(p, 1.0 / c);
                } else {
                    Arrays.fill(p, o.priorWeight() / (n + 1));
                    if (k < n) p[choice] += 1;
                }
                double sum = 0;
                for (double v : p) sum += v;
                if (sum == 0) { // prior weight 0: the prior kernel falls back to uniform
                    Arrays.fill(p, 1.0 / c);
                    sum = 1;
                }
                double[] lp = new double[c], cu = new double[c];
                double acc = 0;
                for (int i = 0; i < c; i++) {
                    lp[i] = Math.log(p[i] / sum);
                    acc += p[i] / sum;
                    cu[i] = acc;
                }
                cu[c - 1] = 1.0;
                logProb[k] = lp;
                cum[k] = cu;
                if (choice >= 0) {
                    byChoiceLog[choice] = lp;
                    byChoiceCum[choice] = cu;
                }
            }
        }

        @Override
        public double sample(int k, SplittableRandom rng) {
            return firstAbove(cum[k], rng.nextDouble());
        }

        @Override
        public void addLogPdf(double x, double[] acc) {
            int i = (int) x;
            for (int k = 0; k < logProb.length; k++) acc[k] += logProb[k][i];
        }
    }
}
