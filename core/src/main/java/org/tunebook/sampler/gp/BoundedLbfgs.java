package org.tunebook.sampler.gp;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small limited-memory BFGS minimizer with box bounds (projected directions and an Armijo backtracking
 * line search along the projected path). Used for the kernel hyperparameters, a problem of a handful of
 * smooth variables in log space, where it converges in tens of iterations.
 */
final class BoundedLbfgs {
    /** The objective: writes the gradient into {@code grad} and returns the value (may be +infinity). */
    interface Function {
        double valueAndGradient(double[] x, double[] grad);
    }

    /** The minimizer found and its value. */
    record Result(double[] x, double value, int evaluations) {
    }

    private BoundedLbfgs() {
    }

    static Result minimize(Function f, double[] start, double[] lower, double[] upper, int maxIterations) {
        int d = start.length;
        int memory = 8;
        double[] x = start.clone();
        clip(x, lower, upper);
        double[] g = new double[d];
        double fx = f.valueAndGradient(x, g);
        int evals = 1;
        if (!Double.isFinite(fx)) return new Result(x, fx, evals);
        Deque<double[][]> history = new ArrayDeque<>();
        double[] dir = new double[d];
        double[] xn = new double[d];
        double[] gn = new double[d];
        for (int it = 0; it < maxIterations; it++) {
            boolean[] free = new boolean[d];
            double pg = 0;
            for (int i = 0; i < d; i++) {
                boolean atLow = x[i] <= lower[i] && g[i] > 0;
                boolean atHigh = x[i] >= upper[i] && g[i] < 0;
                free[i] = !(atLow || atHigh);
                if (free[i]) pg = Math.max(pg, Math.abs(g[i]));
            }
            if (pg < 1e-6) break;
            twoLoop(g, history, dir);
            double slope = 0;
            for (int i = 0; i < d; i++) {
                if (!free[i]) dir[i] = 0;
                slope += dir[i] * g[i];
            }
            if (!(slope < 0)) {
                history.clear();
                slope = 0;
                for (int i = 0; i < d; i++) {
                    dir[i] = free[i] ? -g[i] : 0;
                    slope += dir[i] * g[i];
                }
            }
            double t = 1;
            if (history.isEmpty()) {
                double norm = 0;
                for (double v : dir) norm += v * v;
                t = Math.min(1, 1 / Math.sqrt(norm));
            }
            double fn = Double.NaN;
            boolean accepted = false;
            for (int ls = 0; ls < 25; ls++) {
                double decrease = 0;
                for (int i = 0; i < d; i++) {
                    xn[i] = Math.min(upper[i], Math.max(lower[i], x[i] + t * dir[i]));
                    decrease += g[i] * (xn[i] - x[i]);
                }
                fn = f.valueAndGradient(xn, gn);
                evals++;
                if (Double.isFinite(fn) && fn <= fx + 1e-4 * decrease) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) break;
            double[] s = new double[d];
            double[] y = new double[d];
            double sy = 0;
            for (int i = 0; i < d; i++) {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
                sy += s[i] * y[i];
            }
            if (sy > 1e-12) {
                history.addLast(new double[][]{s, y});
                if (history.size() > memory) history.removeFirst();
            }
            double change = fx - fn;
            System.arraycopy(xn, 0, x, 0, d);
            System.arraycopy(gn, 0, g, 0, d);
            fx = fn;
            if (change < 1e-9 * (1 + Math.abs(fx))) break;
        }
        return new Result(x, fx, evals);
    }

    /** dir = -H g by the two-loop recursion. */
    private static void twoLoop(double[] g, Deque<double[][]> history, double[] dir) {
        int d = g.length;
        double[] q = g.clone();
        int m = history.size();
        double[] alpha = new double[m];
        double[][][] h = history.toArray(new double[0][][]);
        for (int k = m - 1; k >= 0; k--) {
            double[] s = h[k][0], y = h[k][1];
            double rho = 1 / dot(y, s);
            alpha[k] = rho * dot(s, q);
            for (int i = 0; i < d; i++) q[i] -= alpha[k] * y[i];
        }
        if (m > 0) {
            double[] s = h[m - 1][0], y = h[m - 1][1];
            double gamma = dot(s, y) / dot(y, y);
            for (int i = 0; i < d; i++) q[i] *= gamma;
        }
        for (int k = 0; k < m; k++) {
            double[] s = h[k][0], y = h[k][1];
            double rho = 1 / dot(y, s);
            double beta = rho * dot(y, q);
            for (int i = 0; i < d; i++) q[i] += s[i] * (alpha[k] - beta);
        }
        for (int i = 0; i < d; i++) dir[i] = -q[i];
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void clip(double[] x, double[] lo, double[] hi) {
        for (int i = 0; i < x.length; i++) x[i] = Math.min(hi[i], Math.max(lo[i], x[i]));
    }
}
