package org.tunebook.evolution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Per-generation statistics of a key of the individuals (by default the first objective value), as DEAP's
 * {@code tools.Statistics}. Built-in functions: avg, std (population), min, max; their summation follows
 * numpy's pairwise order, so the figures equal DEAP's to the last bit.
 */
public final class Statistics {
    /** A statistic over the key values of a population. */
    @FunctionalInterface
    public interface Function {
        double apply(double[] values);
    }

    private final ToDoubleFunction<Individual> key;
    private final Map<String, Function> functions = new LinkedHashMap<>();

    public Statistics(ToDoubleFunction<Individual> key) {
        this.key = key;
    }

    /** Statistics of the first objective value. */
    public static Statistics fitness() {
        return new Statistics(Individual::value);
    }

    /** Statistics of objective {@code i}. */
    public static Statistics objective(int i) {
        return new Statistics(ind -> ind.value(i));
    }

    /** Registers a function under a column name. */
    public Statistics register(String name, Function f) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a statistic needs a non-blank name");
        if (name.equals("gen") || name.equals("nevals")) throw new IllegalArgumentException("'" + name + "' is a logbook column: choose another name");
        functions.put(name, f);
        return this;
    }

    /** Registers built-in functions by name: avg (alias mean), std, min, max. */
    public Statistics register(String... names) {
        for (String n : names) register(n, builtin(n));
        return this;
    }

    static Function builtin(String name) {
        return switch (name) {
            case "avg", "mean" -> Statistics::mean;
            case "std" -> Statistics::std;
            case "min" -> Statistics::min;
            case "max" -> Statistics::max;
            default -> throw new IllegalArgumentException("unknown statistic '" + name + "': use avg, std, min or max, or register a function");
        };
    }

    /** Column names in registration order. */
    public List<String> fields() {
        return List.copyOf(functions.keySet());
    }

    /** One value per registered function for a population. */
    public Map<String, Double> compile(List<Individual> population) {
        double[] v = new double[population.size()];
        for (int i = 0; i < v.length; i++) v[i] = key.applyAsDouble(population.get(i));
        Map<String, Double> out = new LinkedHashMap<>();
        functions.forEach((n, f) -> out.put(n, f.apply(v)));
        return out;
    }

    /** numpy's pairwise summation of a[from, from + n). */
    static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double r = -0.0;
            for (int i = from; i < from + n; i++) r += a[i];
            return r;
        }
        if (n <= 128) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) r[j] += a[from + i + j];
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) res += a[from + i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
    }

    public static double mean(double[] a) {
        if (a.length == 0) return Double.NaN;
        return pairwiseSum(a, 0, a.length) / a.length;
    }

    /** Population standard deviation (numpy.std, ddof 0). */
    public static double std(double[] a) {
        if (a.length == 0) return Double.NaN;
        double m = mean(a);
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = (a[i] - m) * (a[i] - m);
        return Math.sqrt(pairwiseSum(d, 0, d.length) / a.length);
    }

    public static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : a) {
            if (Double.isNaN(x)) return x;
            m = Math.min(m, x);
        }
        return a.length == 0 ? Double.NaN : m;
    }

    public static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            if (Double.isNaN(x)) return x;
            m = Math.max(m, x);
        }
        return a.length == 0 ? Double.NaN : m;
    }
}
