package org.tunebook.sampler.nsga;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.tunebook.moo.Hypervolume;
import org.tunebook.moo.NonDominatedSort;
import org.tunebook.sampler.ConstraintsFunction;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.sampler.Sampler;
import org.tunebook.sampler.TrialPlan;
import org.tunebook.sampler.tpe.SearchSpaces;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

/**
 * NSGA-II (Deb et al. 2002) as a study sampler, shaped after Optuna's NSGAIISampler: trials are numbered into
 * generations of {@code populationSize}; the parents of generation g are the elite (non-dominated rank, then
 * crowding distance) of generation g-1 plus its parents. A child takes, with {@code crossoverProb}, each
 * parameter from one of two parents chosen by binary tournament (uniform crossover, or SBX), else copies one
 * parent; each parameter is then mutated with {@code mutationProb} (default 1/number of parameters): redrawn at
 * random (Optuna's default) or moved by polynomial mutation.
 * <p>
 * Every piece of state lives in the storage: a trial's generation is a system attribute of the trial
 * ({@value #GENERATION_KEY}) and each generation's parents a system attribute of the study
 * ({@value #PARENTS_KEY_PREFIX}g), so a resumed study or several workers sharing one study continue the same
 * evolution.
 */
public final class NsgaIISampler implements Sampler {

    public static final String GENERATION_KEY = "nsga2:generation";
    public static final String PARENTS_KEY_PREFIX = "nsga2:parents:";

    /** How two parents make a child. */
    public enum Crossover { UNIFORM, SBX }

    /** How a parameter is mutated. */
    public enum Mutation { RANDOM, POLYNOMIAL }

    private final int populationSize;
    private final double crossoverProb;
    private final double swappingProb;
    private final Double mutationProb;
    private final Crossover crossover;
    private final Mutation mutation;
    private final double eta;
    private final Long seed;
    private final java.util.function.Function<FrozenTrial, double[]> constraintsFunc;
    private final SplittableRandom rng;
    /** Per-study memo of what never changes once computed: the intersection space and each generation's parents. */
    private Memo memo;

    private static final class Memo {
        final Object key;
        final SearchSpaces.IncrementalIntersection intersection = new SearchSpaces.IncrementalIntersection();
        final Map<Integer, List<FrozenTrial>> parents = new java.util.concurrent.ConcurrentHashMap<>();

        Memo(Object key) {
            this.key = key;
        }
    }

    private synchronized Memo memo(Study study) {
        List<Object> key = List.of(study.storage(), study.studyId());
        if (memo == null || !memo.key.equals(key)) memo = new Memo(key);
        return memo;
    }

    private NsgaIISampler(Builder b) {
        this.populationSize = b.populationSize;
        this.crossoverProb = b.crossoverProb;
        this.swappingProb = b.swappingProb;
        this.mutationProb = b.mutationProb;
        this.crossover = b.crossover;
        this.mutation = b.mutation;
        this.eta = b.eta;
        this.seed = b.seed;
        this.constraintsFunc = b.constraintsFunc;
        this.rng = b.seed == null ? new SplittableRandom() : new SplittableRandom(b.seed);
    }

    public NsgaIISampler() {
        this(builder());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options; the defaults are Optuna's (population 50, crossover 0.9 uniform with swapping 0.5, mutation 1/n random). */
    public static final class Builder {
        private int populationSize = 50;
        private double crossoverProb = 0.9;
        private double swappingProb = 0.5;
        private Double mutationProb;
        private Crossover crossover = Crossover.UNIFORM;
        private Mutation mutation = Mutation.RANDOM;
        private double eta = 20;
        private Long seed;
        private java.util.function.Function<FrozenTrial, double[]> constraintsFunc;

        private Builder() {
        }

        public Builder populationSize(int n) {
            if (n < 2) throw new IllegalArgumentException("populationSize must be >= 2, got " + n);
            this.populationSize = n;
            return this;
        }

        public Builder crossoverProb(double p) {
            this.crossoverProb = prob(p, "crossoverProb");
            return this;
        }

        /** Probability that uniform crossover takes a parameter from the second parent (0.5). */
        public Builder swappingProb(double p) {
            this.swappingProb = prob(p, "swappingProb");
            return this;
        }

        /** Per-parameter mutation probability; null for 1 / number of parameters. */
        public Builder mutationProb(Double p) {
            this.mutationProb = p == null ? null : prob(p, "mutationProb");
            return this;
        }

        public Builder crossover(Crossover c) {
            this.crossover = c;
            return this;
        }

        public Builder mutation(Mutation m) {
            this.mutation = m;
            return this;
        }

        /** Distribution index of SBX crossover and polynomial mutation (20). */
        public Builder eta(double eta) {
            if (!(eta >= 0) || Double.isInfinite(eta)) throw new IllegalArgumentException("eta must be a finite number >= 0, got " + eta);
            this.eta = eta;
            return this;
        }

        /**
         * Constraints (Optuna's {@code constraints_func}): evaluated on each trial as it finishes, one value per
         * constraint, {@code <= 0} when satisfied; stored with the trial ({@link org.tunebook.sampler.ConstraintsFunction}).
         * Selection then uses constrained domination: feasible before infeasible, infeasible by summed violation.
         */
        public Builder constraintsFunc(java.util.function.Function<FrozenTrial, double[]> f) {
            this.constraintsFunc = f;
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public NsgaIISampler build() {
            if (crossover == null || mutation == null) {
                throw new IllegalArgumentException("crossover and mutation must not be null: omit the call for the defaults");
            }
            return new NsgaIISampler(this);
        }

        private static double prob(double p, String what) {
            if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException(what + " must be in [0, 1], got " + p);
            return p;
        }
    }

    public int populationSize() {
        return populationSize;
    }

    // ------------------------------------------------------------ Sampler

    @Override
    public TrialPlan beforeTrial(Study study) {
        return TrialPlan.fixed(Map.of(), Map.of(GENERATION_KEY, nextGeneration(study.completeTrials())));
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(Study study, FrozenTrial trial) {
        return memo(study).intersection.update(study.completeTrials());
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> space) {
        List<FrozenTrial> complete = study.completeTrials();
        Integer generation = generationOf(trial);
        if (generation == null) { // an enqueued trial: it joins the current generation
            generation = nextGeneration(complete);
            study.storage().setTrialAttr(trial.trialId(), false, GENERATION_KEY, generation);
        }
        List<FrozenTrial> parents = parents(study, generation, complete);
        if (parents.isEmpty()) return Map.of();
        synchronized (rng) {
            return child(study, space, parents);
        }
    }

    @Override
    public double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        synchronized (rng) {
            return RandomSampler.sample(distribution, rng);
        }
    }

    @Override
    public void beforeFinish(Study study, FrozenTrial trial, TrialState state) {
        ConstraintsFunction.evaluateAndStore(study, trial, state, constraintsFunc);
    }

    @Override
    public String name() {
        return "nsga2(population=" + populationSize + (seed == null ? "" : ", seed=" + seed) + ")";
    }

    // ------------------------------------------------------------ generations

    /** The generation a trial belongs to, or null. */
    public static Integer generationOf(FrozenTrial t) {
        return t.systemAttrs().get(GENERATION_KEY) instanceof Number n ? n.intValue() : null;
    }

    /** The newest generation while it has fewer than populationSize complete trials, else the next one. */
    private int nextGeneration(List<FrozenTrial> complete) {
        int max = 0, count = 0;
        for (FrozenTrial t : complete) {
            Integer g = generationOf(t);
            if (g == null || g < max) continue;
            if (g > max) {
                max = g;
                count = 1;
            } else {
                count++;
            }
        }
        return count < populationSize ? max : max + 1;
    }

    /** Parents of a generation, computed once and stored with the study. */
    private List<FrozenTrial> parents(Study study, int generation, List<FrozenTrial> complete) {
        if (generation <= 0) return List.of();
        Memo m = memo(study);
        List<FrozenTrial> known = m.parents.get(generation);
        if (known != null) return known;
        List<FrozenTrial> found = parentsFromStorage(study, generation, complete);
        m.parents.put(generation, found);
        return found;
    }

    private List<FrozenTrial> parentsFromStorage(Study study, int generation, List<FrozenTrial> complete) {
        String key = PARENTS_KEY_PREFIX + generation;
        Object cached = study.systemAttrs().get(key);
        if (cached instanceof List<?> ids) {
            Set<Long> want = new HashSet<>();
            for (Object o : ids) if (o instanceof Number n) want.add(n.longValue());
            List<FrozenTrial> out = new ArrayList<>();
            for (FrozenTrial t : study.trials()) if (want.contains(t.trialId())) out.add(t);
            return out;
        }
        List<FrozenTrial> pool = new ArrayList<>();
        for (FrozenTrial t : complete) if (Integer.valueOf(generation - 1).equals(generationOf(t))) pool.add(t);
        Set<Long> inPool = new HashSet<>();
        for (FrozenTrial t : pool) inPool.add(t.trialId());
        for (FrozenTrial t : parents(study, generation - 1, complete)) if (inPool.add(t.trialId())) pool.add(t);
        List<FrozenTrial> elite = elite(pool, study);
        List<Long> ids = new ArrayList<>();
        for (FrozenTrial t : elite) ids.add(t.trialId());
        study.setSystemAttr(key, ids);
        return elite;
    }

    /**
     * The best populationSize trials: whole non-dominated fronts, the last one cut by crowding distance. With
     * constraints ({@link org.tunebook.study.Trial#setConstraint}), the feasible trials' fronts come first and
     * the infeasible trials follow, one front per violation value, smallest first (Deb's constrained NSGA-II).
     */
    List<FrozenTrial> elite(List<FrozenTrial> pool, Study study) {
        double[][] loss = new double[pool.size()][];
        for (int i = 0; i < loss.length; i++) loss[i] = Hypervolume.toLoss(pool.get(i).values(), study.directions());
        int[] rank = constrainedRanks(pool, loss);
        int maxRank = 0;
        for (int r : rank) maxRank = Math.max(maxRank, r);
        List<FrozenTrial> out = new ArrayList<>();
        for (int r = 0; r <= maxRank && out.size() < populationSize; r++) {
            List<FrozenTrial> front = new ArrayList<>();
            for (int i = 0; i < rank.length; i++) if (rank[i] == r) front.add(pool.get(i));
            if (out.size() + front.size() < populationSize) {
                out.addAll(front);
            } else {
                Map<Long, Double> cd = crowdingDistance(front);
                List<FrozenTrial> sorted = new ArrayList<>(front);
                sorted.sort((a, b) -> Double.compare(cd.get(a.trialId()), cd.get(b.trialId())));
                Collections.reverse(sorted);
                out.addAll(sorted.subList(0, populationSize - out.size()));
            }
        }
        return out;
    }

    /**
     * Non-dominated ranks under constrained domination (Deb et al. 2002, as Optuna's NSGA-II): the feasible trials
     * (summed violation {@code <= 0}; trials without constraint values count as feasible) are ranked by plain
     * non-dominated sorting; the infeasible ones follow, one rank per distinct violation, smallest first.
     */
    static int[] constrainedRanks(List<FrozenTrial> pool, double[][] loss) {
        int n = pool.size();
        double[] violation = new double[n];
        List<Integer> feasible = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            violation[i] = ConstraintsFunction.violation(pool.get(i));
            if (violation[i] <= 0) feasible.add(i);
        }
        if (feasible.size() == n) return NonDominatedSort.ranks(loss);
        int[] rank = new int[n];
        double[][] feasibleLoss = new double[feasible.size()][];
        for (int i = 0; i < feasibleLoss.length; i++) feasibleLoss[i] = loss[feasible.get(i)];
        int[] fr = NonDominatedSort.ranks(feasibleLoss);
        int top = -1;
        for (int i = 0; i < fr.length; i++) {
            rank[feasible.get(i)] = fr[i];
            top = Math.max(top, fr[i]);
        }
        double[] distinct = java.util.Arrays.stream(violation).filter(v -> v > 0).distinct().sorted().toArray();
        for (int i = 0; i < n; i++) {
            if (violation[i] > 0) rank[i] = top + 1 + java.util.Arrays.binarySearch(distinct, violation[i]);
        }
        return rank;
    }

    /** Constrained domination: feasible beats infeasible, less violation beats more, else plain domination. */
    static boolean constrainedDominates(FrozenTrial a, FrozenTrial b, List<org.tunebook.study.Direction> directions) {
        double va = ConstraintsFunction.violation(a), vb = ConstraintsFunction.violation(b);
        if (va <= 0 && vb <= 0) {
            return NonDominatedSort.dominates(Hypervolume.toLoss(a.values(), directions), Hypervolume.toLoss(b.values(), directions));
        }
        if (va <= 0) return true;
        if (vb <= 0) return false;
        return va < vb;
    }

    /** Sum over objectives of the normalised gap between each point's neighbours; the extremes get infinity. */
    static Map<Long, Double> crowdingDistance(List<FrozenTrial> front) {
        Map<Long, Double> d = new HashMap<>();
        for (FrozenTrial t : front) d.put(t.trialId(), 0.0);
        if (front.isEmpty()) return d;
        int m = front.get(0).values().size();
        for (int obj = 0; obj < m; obj++) {
            final int o = obj;
            List<FrozenTrial> s = new ArrayList<>(front);
            s.sort((a, b) -> Double.compare(a.values().get(o), b.values().get(o)));
            double min = s.get(0).values().get(o), max = s.get(s.size() - 1).values().get(o);
            if (min == max) continue;
            double width = max - min;
            for (int j = 0; j < s.size(); j++) {
                double left = j == 0 ? Double.NEGATIVE_INFINITY : s.get(j - 1).values().get(o);
                double right = j == s.size() - 1 ? Double.POSITIVE_INFINITY : s.get(j + 1).values().get(o);
                double gap = left == right ? 0 : right - left;
                d.merge(s.get(j).trialId(), gap / width, Double::sum);
            }
        }
        return d;
    }

    // ------------------------------------------------------------ variation

    private Map<String, Double> child(Study study, Map<String, Distribution> space, List<FrozenTrial> parents) {
        Map<String, Double> child = new LinkedHashMap<>();
        if (rng.nextDouble() < crossoverProb) {
            FrozenTrial p0 = tournament(study, parents, null);
            FrozenTrial p1 = tournament(study, parents, p0);
            for (Map.Entry<String, Distribution> e : space.entrySet()) {
                String name = e.getKey();
                Double a = internal(p0, name, e.getValue()), b = internal(p1, name, e.getValue());
                if (a == null || b == null) continue;
                Distribution d = e.getValue();
                if (crossover == Crossover.SBX && !(d instanceof CategoricalDistribution)) {
                    child.put(name, sbx(a, b, d));
                } else {
                    child.put(name, rng.nextDouble() >= swappingProb ? b : a);
                }
            }
        } else {
            FrozenTrial p = parents.get(rng.nextInt(parents.size()));
            for (Map.Entry<String, Distribution> e : space.entrySet()) {
                Double v = internal(p, e.getKey(), e.getValue());
                if (v != null) child.put(e.getKey(), v);
            }
        }
        double pm = mutationProb != null ? mutationProb : 1.0 / Math.max(1, child.size());
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : child.entrySet()) {
            if (rng.nextDouble() >= pm) {
                out.put(e.getKey(), e.getValue());
            } else if (mutation == Mutation.POLYNOMIAL && !(space.get(e.getKey()) instanceof CategoricalDistribution)) {
                out.put(e.getKey(), polynomial(e.getValue(), space.get(e.getKey())));
            }
            // else: left out, so the trial draws it at random (Optuna's default mutation)
        }
        return out;
    }

    /** Binary tournament: the (constrained-)dominating one of two random parents, else the second. */
    private FrozenTrial tournament(Study study, List<FrozenTrial> parents, FrozenTrial exclude) {
        List<FrozenTrial> pool = parents;
        if (exclude != null && parents.size() > 1) {
            pool = new ArrayList<>(parents);
            pool.remove(exclude);
        }
        FrozenTrial a = pool.get(rng.nextInt(pool.size()));
        FrozenTrial b = pool.get(rng.nextInt(pool.size()));
        return constrainedDominates(a, b, study.directions()) ? a : b;
    }

    private static Double internal(FrozenTrial t, String name, Distribution want) {
        Distribution have = t.distributions().get(name);
        if (have == null || !have.compatibleWith(want)) return null;
        double v = t.internalParam(name);
        return want.contains(v) ? v : null;
    }

    private static double[] bounds(Distribution d) {
        if (d instanceof FloatDistribution f) return new double[]{f.low(), f.high()};
        IntDistribution i = (IntDistribution) d;
        return new double[]{i.low(), i.high()};
    }

    private static double snap(double v, Distribution d) {
        double[] lh = bounds(d);
        v = Math.min(lh[1], Math.max(lh[0], v));
        if (d instanceof IntDistribution i) return ((Number) i.toExternal(v)).doubleValue();
        FloatDistribution f = (FloatDistribution) d;
        return f.step() == null ? v : (Double) f.toExternal(v);
    }

    /** Simulated binary crossover of one gene, bounded (Deb and Agrawal 1995, as DEAP's cxSimulatedBinaryBounded). */
    private double sbx(double x1, double x2, Distribution d) {
        double[] lh = bounds(d);
        double xl = lh[0], xu = lh[1];
        if (rng.nextDouble() > 0.5 || Math.abs(x1 - x2) <= 1e-14) return rng.nextDouble() < 0.5 ? x1 : x2;
        double lo = Math.min(x1, x2), hi = Math.max(x1, x2);
        double u = rng.nextDouble();
        double beta1 = 1 + 2 * (lo - xl) / (hi - lo);
        double c1 = ((lo + hi) - betaQ(beta1, u) * (hi - lo)) / 2;
        double beta2 = 1 + 2 * (xu - hi) / (hi - lo);
        double c2 = ((lo + hi) + betaQ(beta2, u) * (hi - lo)) / 2;
        return snap(rng.nextDouble() < 0.5 ? c1 : c2, d);
    }

    private double betaQ(double beta, double u) {
        double alpha = 2 - Math.pow(beta, -(eta + 1));
        return u <= 1 / alpha ? Math.pow(u * alpha, 1 / (eta + 1)) : Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
    }

    /** Polynomial mutation of one gene, bounded (Deb and Goyal 1996, as DEAP's mutPolynomialBounded). */
    private double polynomial(double x, Distribution d) {
        double[] lh = bounds(d);
        double xl = lh[0], xu = lh[1];
        double d1 = (x - xl) / (xu - xl), d2 = (xu - x) / (xu - xl);
        double p = 1 / (eta + 1);
        double u = rng.nextDouble();
        double dq;
        if (u < 0.5) {
            dq = Math.pow(2 * u + (1 - 2 * u) * Math.pow(1 - d1, eta + 1), p) - 1;
        } else {
            dq = 1 - Math.pow(2 * (1 - u) + 2 * (u - 0.5) * Math.pow(1 - d2, eta + 1), p);
        }
        return snap(x + dq * (xu - xl), d);
    }

    /** The trials of one generation (COMPLETE ones). */
    public static List<FrozenTrial> generation(Study study, int g) {
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : study.trials(EnumSet.of(TrialState.COMPLETE))) if (Integer.valueOf(g).equals(generationOf(t))) out.add(t);
        return out;
    }
}
