package org.tunebook.sampler.gp;

/**
 * Cholesky factorization of a symmetric positive definite matrix stored row-major in a flat array, with a
 * jitter fallback: when the matrix is not numerically positive definite, a growing multiple of the mean
 * diagonal is added (1e-10 up to 1e-4 of it) before giving up.
 */
final class Cholesky {
    private Cholesky() {
    }

    /**
     * Factors {@code a} (n x n, only the lower triangle is read) into L (lower, row-major, a new array).
     *
     * @return L, or null if the matrix stays indefinite even with the largest jitter
     */
    static double[] factor(double[] a, int n) {
        double[] l = new double[n * n];
        if (tryFactor(a, n, 0, l)) return l;
        double mean = 0;
        for (int i = 0; i < n; i++) mean += a[i * n + i];
        mean = Math.max(mean / Math.max(1, n), 1e-300);
        for (double j = 1e-10; j <= 1e-4; j *= 10) {
            if (tryFactor(a, n, j * mean, l)) return l;
        }
        return null;
    }

    private static boolean tryFactor(double[] a, int n, double jitter, double[] l) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) s -= l[ri + k] * l[rj + k];
                if (i == j) {
                    s += jitter;
                    if (!(s > 0) || !Double.isFinite(s)) return false;
                    l[ri + i] = Math.sqrt(s);
                } else {
                    l[ri + j] = s / l[rj + j];
                }
            }
            for (int j = i + 1; j < n; j++) l[ri + j] = 0;
        }
        return true;
    }

    /** Solves L v = b in place (forward substitution). */
    static void forward(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[ri + k] * b[k];
            b[i] = s / l[ri + i];
        }
    }

    /** Solves L^T v = b in place (back substitution). */
    static void backward(double[] l, int n, double[] b) {
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
            b[i] = s / l[i * n + i];
        }
    }

    /** Solves (L L^T) x = b, returning a new array. */
    static double[] solve(double[] l, int n, double[] b) {
        double[] x = b.clone();
        forward(l, n, x);
        backward(l, n, x);
        return x;
    }

    /** The inverse of L L^T (full symmetric, row-major). */
    static double[] inverse(double[] l, int n) {
        // X = L^{-1} (lower triangular), kept transposed (xt[c][i] = X[i][c]) so that every inner loop is contiguous;
        // then A^{-1}[i][j] = sum_k X[k][i] X[k][j] = sum_{k >= max(i,j)} xt[i][k] xt[j][k]
        double[] xt = new double[n * n];
        for (int c = 0; c < n; c++) {
            int rc = c * n;
            xt[rc + c] = 1 / l[c * n + c];
            for (int i = c + 1; i < n; i++) {
                int ri = i * n;
                double s = 0;
                for (int k = c; k < i; k++) s -= l[ri + k] * xt[rc + k];
                xt[rc + i] = s / l[ri + i];
            }
        }
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s = 0;
                for (int k = i; k < n; k++) s += xt[ri + k] * xt[rj + k];
                inv[ri + j] = s;
                inv[rj + i] = s;
            }
        }
        return inv;
    }
}
