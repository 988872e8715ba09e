package org.tunebook.evolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DEAP's operators with DEAP's formulas and DEAP's order of random draws (so that with {@link Rng#python} they
 * reproduce DEAP's results): the static {@code sel*}, {@code cx*}, {@code mut*} functions, and factories
 * ({@link #tournament}, {@link #sbxBounded}, {@link #polynomialBounded}, ...) for the fluent {@link Evolution}.
 */
public final class Operators {
    private Operators() {
    }

    // ------------------------------------------------------------ selection

    /** {@code k} times the best of {@code tournsize} individuals drawn with replacement (the first best on ties). */
    public static List<Individual> selTournament(List<Individual> pop, int k, int tournsize, Rng rng) {
        List<Individual> chosen = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Individual best = null;
            for (int j = 0; j < tournsize; j++) {
                Individual a = pop.get(rng.randbelow(pop.size()));
                if (best == null || Individual.compareFitness(a, best) > 0) best = a;
            }
            chosen.add(best);
        }
        return chosen;
    }

    /** The k best, best first; equal fitnesses keep their population order (a stable sort). */
    public static List<Individual> selBest(List<Individual> pop, int k) {
        List<Individual> s = new ArrayList<>(pop);
        s.sort((a, b) -> Individual.compareFitness(b, a));
        return new ArrayList<>(s.subList(0, Math.min(k, s.size())));
    }

    /**
     * Fitness-proportionate selection on the first objective's raw value (DEAP's selRoulette: maximization of
     * positive values only). When rounding leaves the spin past the last cumulative sum DEAP picks nothing; this
     * picks the last individual so that k are always returned.
     */
    public static List<Individual> selRoulette(List<Individual> pop, int k, Rng rng) {
        List<Individual> s = selBest(pop, pop.size());
        double sum = 0;
        for (Individual i : pop) {
            double v = i.value(0);
            if (v < 0 || i.wvalues()[0] < 0 && v != 0) {
                throw new IllegalArgumentException("roulette selection needs a maximized, non-negative fitness, got " + v
                        + ": use tournament selection instead");
            }
            sum += v;
        }
        List<Individual> chosen = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double u = rng.random() * sum;
            double acc = 0;
            Individual pick = s.get(s.size() - 1);
            for (Individual ind : s) {
                acc += ind.value(0);
                if (acc > u) {
                    pick = ind;
                    break;
                }
            }
            chosen.add(pick);
        }
        return chosen;
    }

    /** NSGA-II: fronts of non-dominated sorting, the last front cut by crowding distance (DEAP's selNSGA2). */
    public static List<Individual> selNSGA2(List<Individual> pop, int k) {
        List<List<Individual>> fronts = sortNondominated(pop, k);
        List<Individual> chosen = new ArrayList<>();
        for (int f = 0; f < fronts.size() - 1; f++) chosen.addAll(fronts.get(f));
        int rest = k - chosen.size();
        if (rest > 0 && !fronts.isEmpty()) {
            List<Individual> last = fronts.get(fronts.size() - 1);
            double[] dist = crowdingDistances(last);
            Integer[] order = new Integer[last.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(dist[b], dist[a])); // stable, descending
            for (int i = 0; i < Math.min(rest, order.length); i++) chosen.add(last.get(order[i]));
        }
        return chosen;
    }

    /** DEAP's sortNondominated: individuals with equal fitness are grouped; fronts until k are sorted. */
    public static List<List<Individual>> sortNondominated(List<Individual> pop, int k) {
        List<List<Individual>> fronts = new ArrayList<>();
        if (k == 0 || pop.isEmpty()) return fronts;
        Map<List<Double>, List<Individual>> byFit = new LinkedHashMap<>();
        for (Individual i : pop) byFit.computeIfAbsent(key(i), x -> new ArrayList<>()).add(i);
        List<List<Double>> fits = new ArrayList<>(byFit.keySet());
        List<Individual> reps = new ArrayList<>();
        for (List<Double> f : fits) reps.add(byFit.get(f).get(0));
        int n = fits.size();
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>();
        for (int i = 0; i < n; i++) dominates.add(new ArrayList<>());
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Individual.dominates(reps.get(i), reps.get(j))) {
                    dominatedBy[j]++;
                    dominates.get(i).add(j);
                } else if (Individual.dominates(reps.get(j), reps.get(i))) {
                    dominatedBy[i]++;
                    dominates.get(j).add(i);
                }
            }
            if (dominatedBy[i] == 0) current.add(i);
        }
        List<Individual> first = new ArrayList<>();
        for (int f : current) first.addAll(byFit.get(fits.get(f)));
        fronts.add(first);
        int sorted = first.size();
        int target = Math.min(pop.size(), k);
        while (sorted < target) {
            List<Individual> front = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            for (int p : current) {
                for (int d : dominates.get(p)) {
                    if (--dominatedBy[d] == 0) {
                        next.add(d);
                        sorted += byFit.get(fits.get(d)).size();
                        front.addAll(byFit.get(fits.get(d)));
                    }
                }
            }
            fronts.add(front);
            current = next;
        }
        return fronts;
    }

    private static List<Double> key(Individual i) {
        List<Double> l = new ArrayList<>();
        for (double w : i.wvalues()) l.add(w);
        return l;
    }

    /** DEAP's assignCrowdingDist on raw values: infinite at each objective's extremes, normalized gaps between. */
    public static double[] crowdingDistances(List<Individual> front) {
        int n = front.size();
        double[] dist = new double[n];
        if (n == 0) return dist;
        int nobj = front.get(0).wvalues().length;
        Integer[] crowd = new Integer[n];
        for (int i = 0; i < n; i++) crowd[i] = i;
        for (int o = 0; o < nobj; o++) {
            final int obj = o;
            Arrays.sort(crowd, Comparator.comparingDouble(i -> front.get(i).value(obj))); // stable, cumulative as DEAP
            dist[crowd[0]] = Double.POSITIVE_INFINITY;
            dist[crowd[n - 1]] = Double.POSITIVE_INFINITY;
            double lo = front.get(crowd[0]).value(o), hi = front.get(crowd[n - 1]).value(o);
            if (hi == lo) continue;
            double norm = nobj * (hi - lo);
            for (int i = 1; i < n - 1; i++) {
                dist[crowd[i]] += (front.get(crowd[i + 1]).value(o) - front.get(crowd[i - 1]).value(o)) / norm;
            }
        }
        return dist;
    }

    // ------------------------------------------------------------ crossover

    /**
     * DEAP's cxSimulatedBinaryBounded: for each gene, with probability 0.5 and when the parents differ by more
     * than 1e-14, the bounded SBX spread with crowding degree {@code eta}; children clipped, swapped w.p. 0.5.
     */
    public static void cxSimulatedBinaryBounded(double[] a, double[] b, double eta, double[] low, double[] up, Rng rng) {
        int size = Math.min(a.length, b.length);
        checkBounds(size, low, up);
        for (int i = 0; i < size; i++) {
            if (rng.random() <= 0.5) {
                if (Math.abs(a[i] - b[i]) > 1e-14) {
                    double x1 = Math.min(a[i], b[i]), x2 = Math.max(a[i], b[i]);
                    double xl = low[i], xu = up[i];
                    double rand = rng.random();
                    double beta = 1.0 + 2.0 * (x1 - xl) / (x2 - x1);
                    double alpha = 2.0 - Math.pow(beta, -(eta + 1));
                    double betaQ = rand <= 1.0 / alpha ? Math.pow(rand * alpha, 1.0 / (eta + 1))
                            : Math.pow(1.0 / (2.0 - rand * alpha), 1.0 / (eta + 1));
                    double c1 = 0.5 * (x1 + x2 - betaQ * (x2 - x1));
                    beta = 1.0 + 2.0 * (xu - x2) / (x2 - x1);
                    alpha = 2.0 - Math.pow(beta, -(eta + 1));
                    betaQ = rand <= 1.0 / alpha ? Math.pow(rand * alpha, 1.0 / (eta + 1))
                            : Math.pow(1.0 / (2.0 - rand * alpha), 1.0 / (eta + 1));
                    double c2 = 0.5 * (x1 + x2 + betaQ * (x2 - x1));
                    c1 = Math.min(Math.max(c1, xl), xu);
                    c2 = Math.min(Math.max(c2, xl), xu);
                    if (rng.random() <= 0.5) {
                        a[i] = c2;
                        b[i] = c1;
                    } else {
                        a[i] = c1;
                        b[i] = c2;
                    }
                }
            }
        }
    }

    /**
     * DEAP's cxBlend: per gene gamma = (1 + 2 alpha) u - alpha; children (1 - gamma) x1 + gamma x2 and
     * gamma x1 + (1 - gamma) x2. Unbounded.
     */
    public static void cxBlend(double[] a, double[] b, double alpha, Rng rng) {
        int size = Math.min(a.length, b.length);
        for (int i = 0; i < size; i++) {
            double gamma = (1.0 + 2.0 * alpha) * rng.random() - alpha;
            double x1 = a[i], x2 = b[i];
            a[i] = (1.0 - gamma) * x1 + gamma * x2;
            b[i] = gamma * x1 + (1.0 - gamma) * x2;
        }
    }

    /** DEAP's cxUniform: each gene swapped with probability {@code indpb}. */
    public static void cxUniform(double[] a, double[] b, double indpb, Rng rng) {
        int size = Math.min(a.length, b.length);
        for (int i = 0; i < size; i++) {
            if (rng.random() < indpb) {
                double t = a[i];
                a[i] = b[i];
                b[i] = t;
            }
        }
    }

    /** DEAP's cxTwoPoint: the genes between two cut points (randint(1, size), randint(1, size - 1)) are swapped. */
    public static void cxTwoPoint(double[] a, double[] b, Rng rng) {
        int size = Math.min(a.length, b.length);
        if (size < 2) throw new IllegalArgumentException("two-point crossover needs at least 2 genes, got " + size);
        int p1 = rng.randint(1, size);
        int p2 = rng.randint(1, size - 1);
        if (p2 >= p1) {
            p2 += 1;
        } else {
            int t = p1;
            p1 = p2;
            p2 = t;
        }
        for (int i = p1; i < p2; i++) {
            double t = a[i];
            a[i] = b[i];
            b[i] = t;
        }
    }

    // ------------------------------------------------------------ mutation

    /**
     * DEAP's mutPolynomialBounded: each gene with probability {@code indpb} (u <= indpb) moves by
     * delta_q (up - low), with delta_q from the polynomial distribution of index {@code eta}; clipped.
     */
    public static void mutPolynomialBounded(double[] x, double eta, double[] low, double[] up, double indpb, Rng rng) {
        checkBounds(x.length, low, up);
        for (int i = 0; i < x.length; i++) {
            if (rng.random() <= indpb) {
                double xl = low[i], xu = up[i], v = x[i];
                double d1 = (v - xl) / (xu - xl), d2 = (xu - v) / (xu - xl);
                double rand = rng.random();
                double pow = 1.0 / (eta + 1.0);
                double dq;
                if (rand < 0.5) {
                    double val = 2.0 * rand + (1.0 - 2.0 * rand) * Math.pow(1.0 - d1, eta + 1);
                    dq = Math.pow(val, pow) - 1.0;
                } else {
                    double val = 2.0 * (1.0 - rand) + 2.0 * (rand - 0.5) * Math.pow(1.0 - d2, eta + 1);
                    dq = 1.0 - Math.pow(val, pow);
                }
                v = v + dq * (xu - xl);
                x[i] = Math.min(Math.max(v, xl), xu);
            }
        }
    }

    /** DEAP's mutGaussian: each gene with probability {@code indpb} (u < indpb) gets {@code gauss(mu, sigma)} added. Unbounded. */
    public static void mutGaussian(double[] x, double mu, double sigma, double indpb, Rng rng) {
        for (int i = 0; i < x.length; i++) {
            if (rng.random() < indpb) x[i] += rng.gauss(mu, sigma);
        }
    }

    /** DEAP's mutUniformInt: each gene with probability {@code indpb} (u < indpb) replaced by randint(low, up). */
    public static void mutUniformInt(double[] x, int[] low, int[] up, double indpb, Rng rng) {
        if (low.length < x.length || up.length < x.length) {
            throw new IllegalArgumentException("low and up need a bound per gene: " + x.length + " genes, " + low.length + " and " + up.length + " bounds");
        }
        for (int i = 0; i < x.length; i++) {
            if (rng.random() < indpb) x[i] = rng.randint(low[i], up[i]);
        }
    }

    private static void checkBounds(int size, double[] low, double[] up) {
        if (low.length < size || up.length < size) {
            throw new IllegalArgumentException("low and up must have a bound per gene: " + size + " genes but "
                    + low.length + " low and " + up.length + " up bounds");
        }
    }

    // ------------------------------------------------------------ factories for Evolution

    /** Tournament selection of size {@code tournsize}. */
    public static Selection tournament(int tournsize) {
        if (tournsize < 1) throw new IllegalArgumentException("tournament size must be >= 1, got " + tournsize);
        return new Tournament(tournsize);
    }

    public static Selection best() {
        return new Best();
    }

    public static Selection roulette() {
        return new Roulette();
    }

    public static Selection nsga2() {
        return new Nsga2();
    }

    /** Bounded simulated binary crossover with crowding degree {@code eta} (large: children near parents). */
    public static Crossover sbxBounded(double eta) {
        if (!(eta >= 0)) throw new IllegalArgumentException("eta must be >= 0, got " + eta);
        return new SbxBounded(eta);
    }

    /** Blend crossover; children may leave the bounds (the front-end clips them). */
    public static Crossover blend(double alpha) {
        return new Blend(alpha);
    }

    public static Crossover uniform(double indpb) {
        checkProbability("indpb", indpb);
        return new Uniform(indpb);
    }

    public static Crossover twoPoint() {
        return new TwoPoint();
    }

    /** Bounded polynomial mutation with crowding degree {@code eta}, each gene mutated with probability {@code indpb}. */
    public static Mutation polynomialBounded(double eta, double indpb) {
        if (!(eta >= 0)) throw new IllegalArgumentException("eta must be >= 0, got " + eta);
        checkProbability("indpb", indpb);
        return new PolynomialBounded(eta, indpb);
    }

    /** Gaussian mutation; values may leave the bounds (the front-end clips them). */
    public static Mutation gaussian(double mu, double sigma, double indpb) {
        checkProbability("indpb", indpb);
        if (!(sigma >= 0)) throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
        return new Gaussian(mu, sigma, indpb);
    }

    /** Uniform integer mutation between ceil(low) and floor(up) of each gene (the index range of integer and categorical genes). */
    public static Mutation uniformInt(double indpb) {
        checkProbability("indpb", indpb);
        return new UniformInt(indpb);
    }

    static void checkProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + p);
    }

    record Tournament(int tournsize) implements Selection {
        public List<Individual> select(List<Individual> p, int k, Rng r) {
            return selTournament(p, k, tournsize, r);
        }
    }

    record Best() implements Selection {
        public List<Individual> select(List<Individual> p, int k, Rng r) {
            return selBest(p, k);
        }
    }

    record Roulette() implements Selection {
        public List<Individual> select(List<Individual> p, int k, Rng r) {
            return selRoulette(p, k, r);
        }
    }

    record Nsga2() implements Selection {
        public List<Individual> select(List<Individual> p, int k, Rng r) {
            return selNSGA2(p, k);
        }
    }

    record SbxBounded(double eta) implements Crossover {
        public void mate(double[] a, double[] b, double[] lo, double[] up, Rng r) {
            cxSimulatedBinaryBounded(a, b, eta, lo, up, r);
        }
    }

    record Blend(double alpha) implements Crossover {
        public void mate(double[] a, double[] b, double[] lo, double[] up, Rng r) {
            cxBlend(a, b, alpha, r);
        }
    }

    record Uniform(double indpb) implements Crossover {
        public void mate(double[] a, double[] b, double[] lo, double[] up, Rng r) {
            cxUniform(a, b, indpb, r);
        }
    }

    record TwoPoint() implements Crossover {
        public void mate(double[] a, double[] b, double[] lo, double[] up, Rng r) {
            cxTwoPoint(a, b, r);
        }
    }

    record PolynomialBounded(double eta, double indpb) implements Mutation {
        public void mutate(double[] x, double[] lo, double[] up, Rng r) {
            mutPolynomialBounded(x, eta, lo, up, indpb, r);
        }
    }

    record Gaussian(double mu, double sigma, double indpb) implements Mutation {
        public void mutate(double[] x, double[] lo, double[] up, Rng r) {
            mutGaussian(x, mu, sigma, indpb, r);
        }
    }

    record UniformInt(double indpb) implements Mutation {
        public void mutate(double[] x, double[] lo, double[] up, Rng r) {
            int[] l = new int[x.length], u = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                l[i] = (int) Math.ceil(lo[i]);
                u[i] = (int) Math.floor(up[i]);
                if (u[i] < l[i]) {
                    throw new IllegalArgumentException("gene " + i + " has no integer in [" + lo[i] + ", " + up[i] + "]: uniformInt needs integer genes");
                }
            }
            mutUniformInt(x, l, u, indpb, r);
        }
    }
}
