package org.tunebook.sampler.gp;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Gaussian-process regression on the unit cube with the kernel of scikit-optimize's {@code gp_minimize}:
 * {@code amplitude * Matern(nu = 5/2, one length scale per input) + white noise}, on standardized targets.
 * <p>
 * The amplitude (bounds 0.01..1000), the length scales (0.01..100) and the noise variance (1e-6..10 on the
 * standardized scale, or fixed) are fitted by maximizing the log marginal likelihood with its analytic
 * gradient (bounded L-BFGS in log space), from a warm start (the previous fit) plus random restarts.
 * As in scikit-optimize, the white noise is part of the fit but not of predictions: {@link #predict} gives the
 * posterior of the noise-free function. Factorizations fall back to a small diagonal jitter.
 * <p>
 * Immutable and thread-safe once built.
 */
public final class GaussianProcess {
    public static final double AMPLITUDE_LOW = 0.01, AMPLITUDE_HIGH = 1000;
    public static final double LENGTH_LOW = 0.01, LENGTH_HIGH = 100;
    public static final double NOISE_LOW = 1e-6, NOISE_HIGH = 10;
    private static final double SQRT5 = Math.sqrt(5);
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Kernel hyperparameters: amplitude (signal variance), one length scale per input, noise variance (standardized). */
    public record Hyperparameters(double amplitude, double[] lengthScales, double noise) {
        public Hyperparameters {
            lengthScales = lengthScales.clone();
        }

        @Override
        public double[] lengthScales() {
            return lengthScales.clone();
        }

        /** skopt's starting point: amplitude 1, length scales 1, a small noise. */
        public static Hyperparameters initial(int dims) {
            double[] l = new double[dims];
            Arrays.fill(l, 1.0);
            return new Hyperparameters(1.0, l, 1e-2);
        }

        @Override
        public String toString() {
            return String.format("%.3g * Matern52(%s) + White(%.3g)", amplitude, Arrays.toString(
                    Arrays.stream(lengthScales).mapToObj(v -> String.format("%.3g", v)).toArray()), noise);
        }
    }

    /**
     * How to fit: {@code fixedNoise} is a noise variance in the objective's units (null: fitted), {@code restarts}
     * the number of random restarts besides the warm start, {@code maxIterations} per L-BFGS run.
     */
    public record FitSettings(Double fixedNoise, int restarts, int maxIterations) {
        public static FitSettings defaults() {
            return new FitSettings(null, 2, 100);
        }
    }

    private final int n;
    private final int dims;
    private final double[][] x;
    private final double[] y;
    private final double yMean;
    private final double yStd;
    private final double amplitude;
    private final double[] inverseLengths;
    private final double noise;
    private final double[] chol;
    private final double[] alpha;
    private final double lml;

    private GaussianProcess(double[][] x, double[] y, double yMean, double yStd, Hyperparameters h) {
        this(x, y, yMean, yStd, h, null);
    }

    /**
     * @param base a model with the same hyperparameters whose inputs are the first rows of {@code x}: its Cholesky
     *             factor is extended by the new rows only, O(n^2) per new row instead of O(n^3)
     */
    private GaussianProcess(double[][] x, double[] y, double yMean, double yStd, Hyperparameters h, GaussianProcess base) {
        this.n = x.length;
        this.dims = x.length == 0 ? h.lengthScales.length : x[0].length;
        this.x = x;
        this.y = y;
        this.yMean = yMean;
        this.yStd = yStd;
        this.amplitude = h.amplitude;
        this.inverseLengths = new double[h.lengthScales.length];
        for (int d = 0; d < inverseLengths.length; d++) inverseLengths[d] = 1 / h.lengthScales[d];
        this.noise = h.noise;
        double[] l = base == null ? null : extendFactor(base);
        if (l == null) {
            double[] k = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = kernel(x[i], x[j]);
                    k[i * n + j] = v;
                    k[j * n + i] = v;
                }
                k[i * n + i] += noise;
            }
            l = Cholesky.factor(k, n);
        }
        if (l == null) {
            throw new IllegalStateException("the GP covariance is not positive definite even with jitter (" + h + ")");
        }
        this.chol = l;
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) ys[i] = (y[i] - yMean) / yStd;
        this.alpha = Cholesky.solve(l, n, ys);
        double quad = 0, logDet = 0;
        for (int i = 0; i < n; i++) {
            quad += ys[i] * alpha[i];
            logDet += Math.log(l[i * n + i]);
        }
        this.lml = -0.5 * quad - logDet - 0.5 * n * LOG_2PI;
    }

    // ------------------------------------------------------------ building

    /**
     * Fits the hyperparameters to the data and conditions on it.
     *
     * @param x    inputs in the unit cube, one row per observation (not copied: do not change them)
     * @param y    targets (minimization values), standardized internally
     * @param warm the previous fit's hyperparameters to start from, or null
     */
    public static GaussianProcess fit(double[][] x, double[] y, FitSettings settings, Hyperparameters warm, SplittableRandom rng) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("a GP needs as many targets as inputs and at least one: got " + x.length + " and " + y.length);
        }
        int dims = x[0].length;
        double mean = 0;
        for (double v : y) mean += v;
        mean /= y.length;
        double var = 0;
        for (double v : y) var += (v - mean) * (v - mean);
        double std = Math.sqrt(var / y.length);
        if (!(std > 1e-12 * Math.max(1, Math.abs(mean))) || !Double.isFinite(std)) std = 1;
        Double fixedNoise = settings.fixedNoise == null ? null : Math.max(1e-10, settings.fixedNoise / (std * std));
        Lml f = new Lml(x, y, mean, std, dims, fixedNoise);
        int p = dims + (fixedNoise == null ? 2 : 1);
        double[] lo = new double[p], hi = new double[p];
        lo[0] = Math.log(AMPLITUDE_LOW);
        hi[0] = Math.log(AMPLITUDE_HIGH);
        for (int d = 0; d < dims; d++) {
            lo[1 + d] = Math.log(LENGTH_LOW);
            hi[1 + d] = Math.log(LENGTH_HIGH);
        }
        if (fixedNoise == null) {
            lo[p - 1] = Math.log(NOISE_LOW);
            hi[p - 1] = Math.log(NOISE_HIGH);
        }
        Hyperparameters start = warm != null && warm.lengthScales.length == dims ? warm : Hyperparameters.initial(dims);
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        int bestRestart = 0;
        for (int r = 0; r <= settings.restarts; r++) {
            double[] theta = new double[p];
            if (r == 0) {
                theta[0] = Math.log(start.amplitude);
                for (int d = 0; d < dims; d++) theta[1 + d] = Math.log(start.lengthScales[d]);
                if (fixedNoise == null) theta[p - 1] = Math.log(start.noise);
            } else {
                theta[0] = Math.log(0.1) + rng.nextDouble() * Math.log(100);
                for (int d = 0; d < dims; d++) theta[1 + d] = Math.log(0.03) + rng.nextDouble() * Math.log(100);
                if (fixedNoise == null) theta[p - 1] = Math.log(1e-6) + rng.nextDouble() * Math.log(1e5);
            }
            // random restarts get a short budget; the best start is then polished with the full one
            int budget = r == 0 ? settings.maxIterations : Math.min(settings.maxIterations, 25);
            BoundedLbfgs.Result res = BoundedLbfgs.minimize(f, theta, lo, hi, budget);
            if (res.value() < bestValue) {
                bestValue = res.value();
                best = res.x();
                bestRestart = r;
            }
        }
        if (bestRestart > 0) {
            BoundedLbfgs.Result res = BoundedLbfgs.minimize(f, best, lo, hi, settings.maxIterations);
            if (res.value() <= bestValue) best = res.x();
        }
        Hyperparameters h;
        if (best == null) {
            h = start;
        } else {
            double[] ls = new double[dims];
            for (int d = 0; d < dims; d++) ls[d] = Math.exp(best[1 + d]);
            h = new Hyperparameters(Math.exp(best[0]), ls, fixedNoise != null ? fixedNoise : Math.exp(best[p - 1]));
        }
        if (fixedNoise != null && best == null) h = new Hyperparameters(h.amplitude, h.lengthScales, fixedNoise);
        return new GaussianProcess(x, y, mean, std, h);
    }

    /** Conditions on the data with given hyperparameters and standardization (no fitting). */
    public static GaussianProcess condition(double[][] x, double[] y, Hyperparameters h, double yMean, double yStd) {
        return new GaussianProcess(x, y, yMean, yStd, h);
    }

    /**
     * This model's hyperparameters and standardization conditioned on more observations (e.g. the constant
     * liar's pending points): one factorization, no fitting.
     */
    public GaussianProcess withObservations(double[][] moreX, double[] moreY) {
        if (moreX.length == 0) return this;
        double[][] ax = Arrays.copyOf(x, n + moreX.length);
        double[] ay = Arrays.copyOf(y, n + moreY.length);
        System.arraycopy(moreX, 0, ax, n, moreX.length);
        System.arraycopy(moreY, 0, ay, n, moreY.length);
        return new GaussianProcess(ax, ay, yMean, yStd, hyperparameters(), this);
    }

    /**
     * The model with the same hyperparameters on data that extends this model's (its inputs are the first rows of
     * {@code moreX}): the Cholesky factor grows by the new rows in O(n^2) each; the targets are standardized again.
     * Falls back to a full factorization if the inputs are not an extension.
     */
    public GaussianProcess extendedTo(double[][] allX, double[] allY) {
        double mean = 0;
        for (double v : allY) mean += v;
        mean /= allY.length;
        double var = 0;
        for (double v : allY) var += (v - mean) * (v - mean);
        double std = Math.sqrt(var / allY.length);
        if (!(std > 1e-12 * Math.max(1, Math.abs(mean))) || !Double.isFinite(std)) std = 1;
        return new GaussianProcess(allX, allY, mean, std, hyperparameters(), isPrefixOf(allX) ? this : null);
    }

    /** Whether this model's inputs are the first rows of {@code other}. */
    public boolean isPrefixOf(double[][] other) {
        if (other.length < n) return false;
        for (int i = 0; i < n; i++) {
            if (other[i] != x[i] && !Arrays.equals(other[i], x[i])) return false;
        }
        return true;
    }

    /** The Cholesky factor of this object's covariance, built from {@code base}'s factor plus new rows; null if not possible. */
    private double[] extendFactor(GaussianProcess base) {
        int m = base.n;
        if (m > n || base.dims != dims) return null;
        double[] l = new double[n * n];
        for (int i = 0; i < m; i++) System.arraycopy(base.chol, i * m, l, i * n, i + 1);
        for (int i = m; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s = kernel(x[i], x[j]) + (i == j ? noise : 0);
                for (int k = 0; k < j; k++) s -= l[ri + k] * l[rj + k];
                if (i == j) {
                    if (!(s > 0) || !Double.isFinite(s)) return null;
                    l[ri + i] = Math.sqrt(s);
                } else {
                    l[ri + j] = s / l[rj + j];
                }
            }
        }
        return l;
    }

    // ------------------------------------------------------------ the kernel

    private double kernel(double[] a, double[] b) {
        double r2 = 0;
        for (int d = 0; d < dims; d++) {
            double t = (a[d] - b[d]) * inverseLengths[d];
            r2 += t * t;
        }
        double r = Math.sqrt(r2);
        double s = SQRT5 * r;
        return amplitude * (1 + s + 5.0 / 3.0 * r2) * Math.exp(-s);
    }

    /** Negative log marginal likelihood and its gradient in log hyperparameters. */
    private static final class Lml implements BoundedLbfgs.Function {
        private final double[][] x;
        private final double[] ys;
        private final int n, dims;
        private final Double fixedNoise;
        private final double[] diff2; // (x_i - x_j)^2 per pair i > j and dim, packed

        Lml(double[][] x, double[] y, double mean, double std, int dims, Double fixedNoise) {
            this.x = x;
            this.n = x.length;
            this.dims = dims;
            this.fixedNoise = fixedNoise;
            this.ys = new double[n];
            for (int i = 0; i < n; i++) ys[i] = (y[i] - mean) / std;
            this.diff2 = new double[n * (n - 1) / 2 * dims];
            int p = 0;
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    for (int d = 0; d < dims; d++) {
                        double t = x[i][d] - x[j][d];
                        diff2[p++] = t * t;
                    }
                }
            }
        }

        @Override
        public double valueAndGradient(double[] theta, double[] grad) {
            double amp = Math.exp(theta[0]);
            double[] il2 = new double[dims];
            for (int d = 0; d < dims; d++) il2[d] = Math.exp(-2 * theta[1 + d]);
            double noise = fixedNoise != null ? fixedNoise : Math.exp(theta[theta.length - 1]);
            int pairs = n * (n - 1) / 2;
            double[] k = new double[n * n];
            double[] dl = new double[pairs]; // amp * 5/3 (1 + sqrt5 r) e^{-sqrt5 r} per pair
            int p = 0, q = 0;
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < i; j++, q++) {
                    double r2 = 0;
                    for (int d = 0; d < dims; d++) r2 += diff2[p++] * il2[d];
                    double r = Math.sqrt(r2);
                    double s = SQRT5 * r;
                    double e = Math.exp(-s);
                    double v = amp * (1 + s + 5.0 / 3.0 * r2) * e;
                    k[i * n + j] = v;
                    dl[q] = amp * 5.0 / 3.0 * (1 + s) * e;
                }
            }
            for (int i = 0; i < n; i++) k[i * n + i] = amp + noise;
            double[] l = Cholesky.factor(k, n);
            if (l == null) {
                Arrays.fill(grad, 0);
                return Double.POSITIVE_INFINITY;
            }
            double[] alpha = Cholesky.solve(l, n, ys);
            double quad = 0, logDet = 0;
            for (int i = 0; i < n; i++) {
                quad += ys[i] * alpha[i];
                logDet += Math.log(l[i * n + i]);
            }
            double nll = 0.5 * quad + logDet + 0.5 * n * LOG_2PI;
            double[] inv = Cholesky.inverse(l, n);
            // W = alpha alpha^T - K^{-1};  d lml / d theta = 0.5 tr(W dK/dtheta)
            double gAmp = 0, gNoise = 0;
            double[] gLen = new double[dims];
            p = 0;
            q = 0;
            for (int i = 1; i < n; i++) {
                int ri = i * n;
                for (int j = 0; j < i; j++, q++) {
                    double w = alpha[i] * alpha[j] - inv[ri + j];
                    gAmp += 2 * w * k[ri + j];
                    double wd = 2 * w * dl[q];
                    for (int d = 0; d < dims; d++) gLen[d] += wd * diff2[p++] * il2[d];
                }
            }
            for (int i = 0; i < n; i++) {
                double w = alpha[i] * alpha[i] - inv[i * n + i];
                gAmp += w * amp;
                gNoise += w * noise;
            }
            grad[0] = -0.5 * gAmp;
            for (int d = 0; d < dims; d++) grad[1 + d] = -0.5 * gLen[d];
            if (fixedNoise == null) grad[theta.length - 1] = -0.5 * gNoise;
            return nll;
        }
    }

    // ------------------------------------------------------------ prediction

    /** Posterior mean and standard deviation (objective units) of the noise-free function at a unit-cube point. */
    public double[] predict(double[] u) {
        double[] ks = new double[n];
        for (int i = 0; i < n; i++) ks[i] = kernel(u, x[i]);
        double mu = 0;
        for (int i = 0; i < n; i++) mu += ks[i] * alpha[i];
        Cholesky.forward(chol, n, ks);
        double vv = 0;
        for (int i = 0; i < n; i++) vv += ks[i] * ks[i];
        double var = Math.max(0, amplitude - vv);
        return new double[]{yMean + yStd * mu, yStd * Math.sqrt(var)};
    }

    /**
     * Posterior means and standard deviations at many points at once (the acquisition optimizer's candidates):
     * the same numbers as {@link #predict}, computed with one blocked triangular solve whose inner loops run over
     * the points, which the JIT vectorizes.
     */
    public void predict(double[][] us, double[] mean, double[] std) {
        int m = us.length;
        final int block = 256;
        double[][] v = new double[n][];
        for (int from = 0; from < m; from += block) {
            int b = Math.min(block, m - from);
            for (int i = 0; i < n; i++) {
                double[] row = v[i] == null || v[i].length != b ? new double[b] : v[i];
                double[] xi = x[i];
                for (int j = 0; j < b; j++) row[j] = kernel(us[from + j], xi);
                v[i] = row;
            }
            double[] mu = new double[b];
            for (int i = 0; i < n; i++) {
                double[] row = v[i];
                double a = alpha[i];
                for (int j = 0; j < b; j++) mu[j] += a * row[j];
            }
            // forward substitution, row by row: v_i = (k_i - sum_{k<i} L_ik v_k) / L_ii
            for (int i = 0; i < n; i++) {
                double[] row = v[i];
                int ri = i * n;
                for (int k = 0; k < i; k++) {
                    double lik = chol[ri + k];
                    if (lik == 0) continue;
                    double[] rk = v[k];
                    for (int j = 0; j < b; j++) row[j] -= lik * rk[j];
                }
                double inv = 1 / chol[ri + i];
                for (int j = 0; j < b; j++) row[j] *= inv;
            }
            double[] vv = new double[b];
            for (int i = 0; i < n; i++) {
                double[] row = v[i];
                for (int j = 0; j < b; j++) vv[j] += row[j] * row[j];
            }
            for (int j = 0; j < b; j++) {
                mean[from + j] = yMean + yStd * mu[j];
                std[from + j] = yStd * Math.sqrt(Math.max(0, amplitude - vv[j]));
            }
        }
    }

    /** Posterior mean only (cheaper: no triangular solve). */
    public double predictMean(double[] u) {
        double mu = 0;
        for (int i = 0; i < n; i++) mu += kernel(u, x[i]) * alpha[i];
        return yMean + yStd * mu;
    }

    /** The fitted hyperparameters. */
    public Hyperparameters hyperparameters() {
        double[] ls = new double[inverseLengths.length];
        for (int d = 0; d < ls.length; d++) ls[d] = 1 / inverseLengths[d];
        return new Hyperparameters(amplitude, ls, noise);
    }

    /** Log marginal likelihood of the standardized targets under the fitted hyperparameters. */
    public double logMarginalLikelihood() {
        return lml;
    }

    public int size() {
        return n;
    }

    public int dimensions() {
        return dims;
    }

    /** Mean of the targets (the standardization offset). */
    public double yMean() {
        return yMean;
    }

    /** Standard deviation of the targets (the standardization scale). */
    public double yStd() {
        return yStd;
    }

    @Override
    public String toString() {
        return "GaussianProcess(n=" + n + ", " + hyperparameters() + ", lml=" + String.format("%.4g", lml) + ")";
    }
}
