package org.tunebook.bench;

import java.util.List;
import java.util.Map;
import org.tunebook.space.Categorical;
import org.tunebook.space.Int;
import org.tunebook.space.Real;
import org.tunebook.space.Space;

/** The benchmark functions of issues 3-5; bench/python/functions.py defines the same ones. */
public final class Functions {
    private Functions() {
    }

    private static double x(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).doubleValue();
    }

    /** Branin on [-5,10] x [0,15]; minimum 0.397887 at three points. */
    public static final BenchFunction BRANIN = new BenchFunction("branin",
            Space.of(Real.uniform("x1", -5, 10), Real.uniform("x2", 0, 15)),
            p -> branin(x(p, "x1"), x(p, "x2")), 0.39788735772973816);

    public static double branin(double x1, double x2) {
        double a = 1, b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, r = 6, s = 10, t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - r;
        return a * u * u + s * (1 - t) * Math.cos(x1) + s;
    }

    private static final double[] H_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] H_A = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] H_P = {
            {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
            {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

    /** Hartmann-6 on [0,1]^6; minimum -3.32237. */
    public static final BenchFunction HARTMANN6 = new BenchFunction("hartmann6",
            Space.of(Real.uniform("x1", 0, 1), Real.uniform("x2", 0, 1), Real.uniform("x3", 0, 1),
                    Real.uniform("x4", 0, 1), Real.uniform("x5", 0, 1), Real.uniform("x6", 0, 1)),
            p -> hartmann6(vector(p, 6)), -3.3223680114155147);

    public static double hartmann6(double[] x) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = x[j] - H_P[i][j] * 1e-4;
                inner += H_A[i][j] * d * d;
            }
            sum += H_ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    /** Rosenbrock in 4 dimensions on [-5,10]^4; minimum 0 at (1,1,1,1). */
    public static final BenchFunction ROSENBROCK4 = new BenchFunction("rosenbrock4",
            Space.of(Real.uniform("x1", -5, 10), Real.uniform("x2", -5, 10), Real.uniform("x3", -5, 10), Real.uniform("x4", -5, 10)),
            p -> rosenbrock(vector(p, 4)), 0.0);

    public static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
            s += 100 * a * a + b * b;
        }
        return s;
    }

    /** Ackley in 5 dimensions on [-32.768,32.768]^5; minimum 0 at the origin. */
    public static final BenchFunction ACKLEY5 = new BenchFunction("ackley5",
            Space.of(Real.uniform("x1", -32.768, 32.768), Real.uniform("x2", -32.768, 32.768), Real.uniform("x3", -32.768, 32.768),
                    Real.uniform("x4", -32.768, 32.768), Real.uniform("x5", -32.768, 32.768)),
            p -> ackley(vector(p, 5)), 0.0);

    public static double ackley(double[] x) {
        double sq = 0, cos = 0;
        for (double v : x) {
            sq += v * v;
            cos += Math.cos(2 * Math.PI * v);
        }
        int d = x.length;
        return -20 * Math.exp(-0.2 * Math.sqrt(sq / d)) - Math.exp(cos / d) + 20 + Math.E;
    }

    /** Offsets of the categorical levels of {@link #MIXED}. */
    public static final Map<String, Double> MIXED_LEVELS = Map.of("a", 0.5, "b", 0.0, "c", 1.0, "d", 2.0);

    /**
     * A mixed space like a network's hyperparameters: real x in [-5,5], log-uniform lr in [1e-4,1], integer
     * units in [1,20], categorical act in {a,b,c,d}. f = (x-1)^2 + (log10(lr)+2)^2 + ((units-7)/5)^2 + offset(act);
     * minimum 0 at x=1, lr=0.01, units=7, act=b.
     */
    public static final BenchFunction MIXED = new BenchFunction("mixed",
            Space.of(Real.uniform("x", -5, 5), Real.logUniform("lr", 1e-4, 1), Int.of("units", 1, 20), Categorical.of("act", "a", "b", "c", "d")),
            p -> mixed(x(p, "x"), x(p, "lr"), (int) x(p, "units"), (String) p.get("act")), 0.0);

    public static double mixed(double x, double lr, int units, String act) {
        double l = Math.log10(lr) + 2, u = (units - 7) / 5.0;
        return (x - 1) * (x - 1) + l * l + u * u + MIXED_LEVELS.get(act);
    }

    public static final List<BenchFunction> ALL = List.of(BRANIN, HARTMANN6, ROSENBROCK4, ACKLEY5, MIXED);

    public static BenchFunction byName(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown function '" + name + "': use one of "
                        + ALL.stream().map(BenchFunction::name).toList()));
    }

    private static double[] vector(Map<String, Object> p, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = x(p, "x" + (i + 1));
        return v;
    }
}
