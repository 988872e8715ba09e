package org.tunebook.sampler.tpe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.tunebook.moo.Hypervolume;
import org.tunebook.moo.NonDominatedSort;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.sampler.Sampler;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialList;
import org.tunebook.study.TrialState;

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011; Watanabe 2023), shaped after Optuna's TPESampler.
 * <p>
 * After {@code nStartupTrials} finished trials drawn at random, the finished trials are split into the best
 * {@code gamma(n)} ("below") and the rest ("above"). Each group becomes a Parzen estimator — a weighted mixture
 * of truncated normal kernels (smoothed one-hot for categoricals) plus one wide prior kernel — l(x) and g(x).
 * The sampler draws {@code nEiCandidates} points from l and proposes the one maximising log l(x) - log g(x).
 * <p>
 * Modes: <b>multivariate</b> (Optuna 5's default for one objective) models the parameters every finished trial
 * shares jointly (same kernel index in every dimension); <b>univariate</b> (multivariate(false), and the default
 * for several objectives) models each parameter on its own; <b>group</b> splits a define-by-run conditional space
 * into groups of parameters that always occur together and models each group jointly.
 * PRUNED trials count: they rank after every COMPLETE one, by the step they reached then by their last
 * intermediate value. RUNNING trials of other workers go to g ("constant liar"), so parallel workers spread out.
 * Several objectives (MOTPE): the below set is filled front by front (non-dominated sorting), the last front by
 * greedy hypervolume subset selection; gamma(n) = ceil(0.1 n).
 */
public final class TpeSampler implements Sampler {

    /** System attribute where a trial's jointly sampled parameters are shared with other workers. */
    public static final String RELATIVE_PARAMS_KEY = "tpe:relative_params";

    private final int nStartupTrials;
    private final int nEiCandidates;
    private final IntUnaryOperator gamma; // null: Optuna's default for the study's number of objectives
    private final IntFunction<double[]> weights;
    private final TpeOptions options;
    private final Boolean multivariate; // null: multivariate for one objective, univariate for several
    private final boolean group;
    private final boolean constantLiar;
    private final Long seed;
    private final java.util.function.Function<FrozenTrial, double[]> constraintsFunc;
    private final SplittableRandom rng;
    /** Trials as seen when a trial started, so that a define-by-run trial reads the storage once. */
    private final Map<Long, TrialList> cache = new ConcurrentHashMap<>();
    /** Per-study history of finished trials: the intersection space, the split order and observation rows. */
    private TpeHistory history;

    private synchronized TpeHistory history(Study study) {
        List<Object> key = List.of(study.storage(), study.studyId());
        if (history == null || !history.key.equals(key)) history = new TpeHistory(key);
        return history;
    }

    private TpeSampler(Builder b) {
        this.nStartupTrials = b.nStartupTrials;
        this.nEiCandidates = b.nEiCandidates;
        this.gamma = b.gamma;
        this.weights = b.weights;
        this.options = new TpeOptions(b.priorWeight, b.considerMagicClip, b.considerEndpoints);
        this.multivariate = b.multivariate;
        this.group = b.group;
        this.constantLiar = b.constantLiar;
        this.seed = b.seed;
        this.constraintsFunc = b.constraintsFunc;
        this.rng = b.seed == null ? new SplittableRandom() : new SplittableRandom(b.seed);
    }

    /** A TPE sampler with Optuna's defaults, unseeded. */
    public TpeSampler() {
        this(builder());
    }

    /** A TPE sampler with Optuna's defaults. */
    public static TpeSampler seeded(long seed) {
        return builder().seed(seed).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of {@link TpeSampler}; every default is Optuna 5's. */
    public static final class Builder {
        private int nStartupTrials = 10;
        private int nEiCandidates = 24;
        private IntUnaryOperator gamma;
        private IntFunction<double[]> weights = TpeSampler::defaultWeights;
        private double priorWeight = 1.0;
        private boolean considerMagicClip = true;
        private boolean considerEndpoints = false;
        private Boolean multivariate;
        private boolean group;
        private boolean constantLiar = true;
        private Long seed;
        private java.util.function.Function<FrozenTrial, double[]> constraintsFunc;

        private Builder() {
        }

        /** Random trials before TPE starts modelling (10). Seed 000 uses 25. */
        public Builder nStartupTrials(int n) {
            if (n < 0) throw new IllegalArgumentException("nStartupTrials must be >= 0, got " + n);
            this.nStartupTrials = n;
            return this;
        }

        /** Candidates drawn from l(x) per proposal (24). */
        public Builder nEiCandidates(int n) {
            if (n < 1) throw new IllegalArgumentException("nEiCandidates must be >= 1, got " + n);
            this.nEiCandidates = n;
            return this;
        }

        /** Number of "good" trials among n finished ones; default min(ceil(0.1 n), 25) (ceil(0.1 n) for several objectives). */
        public Builder gamma(IntUnaryOperator gamma) {
            this.gamma = gamma;
            return this;
        }

        /** Observation weights of a Parzen estimator built from n trials (oldest first); default {@link #defaultWeights}. */
        public Builder weights(IntFunction<double[]> weights) {
            if (weights == null) throw new IllegalArgumentException("weights must not be null: omit the call for Optuna's default");
            this.weights = weights;
            return this;
        }

        /** Weight of the prior kernel against each observation's weight (1.0). */
        public Builder priorWeight(double w) {
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("priorWeight must be a finite number >= 0, got " + w);
            this.priorWeight = w;
            return this;
        }

        /** Clip kernel bandwidths from below at range / min(100, 1 + kernels) (true). */
        public Builder considerMagicClip(boolean b) {
            this.considerMagicClip = b;
            return this;
        }

        /** Let the range ends widen the outermost kernels (false). */
        public Builder considerEndpoints(boolean b) {
            this.considerEndpoints = b;
            return this;
        }

        /** Joint modelling of the shared parameters; default: true for one objective, false for several (as Optuna 5). */
        public Builder multivariate(boolean b) {
            this.multivariate = b;
            return this;
        }

        /** Group decomposition for conditional (define-by-run) spaces; needs multivariate. */
        public Builder group(boolean b) {
            this.group = b;
            return this;
        }

        /** Treat other workers' RUNNING trials as bad (true, as Optuna 5). */
        public Builder constantLiar(boolean b) {
            this.constantLiar = b;
            return this;
        }

        /**
         * Constraints (Optuna's {@code constraints_func}): evaluated on each trial as it finishes (COMPLETE or PRUNED),
         * one value per constraint, {@code <= 0} when satisfied; stored with the trial ({@link org.tunebook.sampler.ConstraintsFunction}).
         * Infeasible trials rank after every feasible one (by their summed violation) when the trials are split.
         */
        public Builder constraintsFunc(java.util.function.Function<FrozenTrial, double[]> f) {
            this.constraintsFunc = f;
            return this;
        }

        /** Seed for reproducible runs; null for a fresh stream. */
        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public TpeSampler build() {
            if (group && Boolean.FALSE.equals(multivariate)) {
                throw new IllegalArgumentException("group(true) needs the multivariate mode: drop multivariate(false) or group(true)");
            }
            return new TpeSampler(this);
        }
    }

    /** Optuna's default weights: 1 for fewer than 25 trials, else a ramp from 1/n to 1 for the oldest n - 25 and 1 for the newest 25. */
    public static double[] defaultWeights(int n) {
        double[] w = new double[n];
        if (n < 25) {
            java.util.Arrays.fill(w, 1.0);
            return w;
        }
        int ramp = n - 25;
        for (int i = 0; i < ramp; i++) {
            w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + i * (1.0 - 1.0 / n) / (ramp - 1);
        }
        for (int i = ramp; i < n; i++) w[i] = 1.0;
        return w;
    }

    /** Optuna's default gamma for one objective: min(ceil(0.1 n), 25). */
    public static int defaultGamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /** Optuna's default gamma for several objectives: ceil(0.1 n). */
    public static int defaultGammaMultiObjective(int n) {
        return (int) Math.ceil(0.1 * n);
    }

    // ------------------------------------------------------------ Sampler

    private boolean isMultivariate(Study study) {
        if (multivariate != null) return multivariate;
        if (group) return true;
        return !study.isMultiObjective();
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(Study study, FrozenTrial trial) {
        if (!isMultivariate(study)) return Map.of();
        TrialList trials = trialsFor(study, trial);
        Map<String, Distribution> space = new LinkedHashMap<>();
        if (group) {
            for (Map<String, Distribution> g : SearchSpaces.groups(finished(trials, trial))) space.putAll(g);
        } else {
            space.putAll(history(study).intersection.update(trials, trial.trialId()));
        }
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> space) {
        if (space.isEmpty()) return Map.of();
        TrialList trials = trialsFor(study, trial);
        if (countFinished(trials, trial) < nStartupTrials) return Map.of();
        Map<String, Double> out = new LinkedHashMap<>();
        if (group) {
            List<FrozenTrial> finished = finished(trials, trial);
            for (Map<String, Distribution> g : SearchSpaces.groups(finished)) {
                Map<String, Distribution> sub = new LinkedHashMap<>();
                g.forEach((name, d) -> {
                    if (d.equals(space.get(name))) sub.put(name, d);
                });
                if (!sub.isEmpty()) out.putAll(sample(study, trial, trials, sub));
            }
        } else {
            out.putAll(sample(study, trial, trials, space));
        }
        if (constantLiar && !out.isEmpty()) {
            study.storage().setTrialAttr(trial.trialId(), false, RELATIVE_PARAMS_KEY, new LinkedHashMap<>(out));
        }
        return out;
    }

    @Override
    public double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        TrialList trials = trialsFor(study, trial);
        if (countFinished(trials, trial) < nStartupTrials) {
            synchronized (rng) {
                return RandomSampler.sample(distribution, rng);
            }
        }
        Map<String, Distribution> one = new LinkedHashMap<>();
        one.put(name, distribution);
        return sample(study, trial, trials, one).get(name);
    }

    @Override
    public void beforeFinish(Study study, FrozenTrial trial, TrialState state) {
        org.tunebook.sampler.ConstraintsFunction.evaluateAndStore(study, trial, state, constraintsFunc);
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        cache.remove(trial.trialId());
    }

    @Override
    public String name() {
        String mode = group ? "group" : multivariate == null ? "" : multivariate ? "multivariate" : "univariate";
        StringBuilder s = new StringBuilder("tpe(");
        if (!mode.isEmpty()) s.append(mode).append(", ");
        s.append("startup=").append(nStartupTrials);
        if (seed != null) s.append(", seed=").append(seed);
        return s.append(')').toString();
    }

    // ------------------------------------------------------------ internals

    private TrialList trialsFor(Study study, FrozenTrial trial) {
        if (cache.size() > 256) cache.clear(); // trials that never reached afterTrial (killed workers)
        return cache.computeIfAbsent(trial.trialId(), id -> {
            Set<TrialState> states = constantLiar
                    ? EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.RUNNING)
                    : EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED);
            // the storage's own list (with the current trial: every use skips it), read through its arrays
            return TrialList.of(study.storage().trials(study.studyId(), states));
        });
    }

    /** Whether entry i is a finished trial other than {@code current} (the list holds COMPLETE, PRUNED and RUNNING ones). */
    private static boolean finishedOther(TrialList trials, int i, FrozenTrial current) {
        return trials.state(i) != TrialState.RUNNING && trials.trialId(i) != current.trialId();
    }

    private static List<FrozenTrial> finished(TrialList trials, FrozenTrial current) {
        List<FrozenTrial> out = new ArrayList<>(trials.size());
        for (int i = 0; i < trials.size(); i++) if (finishedOther(trials, i, current)) out.add(trials.get(i));
        return out;
    }

    private static int countFinished(TrialList trials, FrozenTrial current) {
        int n = 0;
        for (int i = 0; i < trials.size(); i++) if (finishedOther(trials, i, current)) n++;
        return n;
    }

    /** The Parzen estimators of one proposal: l from the below trials, g from the rest; {@code groups} has their rows. */
    record Estimators(ParzenEstimator l, ParzenEstimator g, TpeHistory.Groups groups) {
    }

    /** l and g for the trials at hand ({@code trials} in number order; {@code current} is left out). */
    Estimators estimators(TpeHistory h, TrialList trials, FrozenTrial current, List<String> names, List<Distribution> dists,
                          List<Direction> directions) {
        boolean multi = directions.size() > 1;
        IntUnaryOperator nBelow = gamma != null ? gamma : multi ? TpeSampler::defaultGammaMultiObjective : TpeSampler::defaultGamma;
        TpeHistory.Groups groups;
        synchronized (h) {
            // below and above in trial-number order (the storage's order), which the weights rely on
            groups = h.groups(trials, current, names, dists, directions, nBelow);
        }
        double[] wBelow = multi ? ones(groups.nBelow) : weightsOf(groups.nBelow);
        double[] wAbove = weightsOf(groups.nAbove);
        ParzenEstimator l = new ParzenEstimator(dists, groups.below, groups.nBelow, wBelow, options, null, false);
        ParzenEstimator g = new ParzenEstimator(dists, groups.above, groups.nAbove, wAbove, options, groups.aboveOrder, true);
        return new Estimators(l, g, groups);
    }

    /** One TPE proposal for a (sub)space: name to internal value. */
    private Map<String, Double> sample(Study study, FrozenTrial current, TrialList trials, Map<String, Distribution> space) {
        List<String> names = new ArrayList<>(space.keySet());
        List<Distribution> dists = new ArrayList<>(space.values());
        Estimators e = estimators(history(study), trials, current, names, dists, study.directions());
        ParzenEstimator l = e.l(), g = e.g();
        double[][] candidates;
        synchronized (rng) {
            candidates = l.sample(rng, nEiCandidates);
        }
        double[] ll = l.logPdf(candidates);
        double[] lg = g.logPdf(candidates);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.length; i++) {
            double score = ll[i] - lg[i];
            if (score > bestScore || Double.isNaN(bestScore)) {
                bestScore = score;
                best = i;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) out.put(names.get(j), candidates[best][j]);
        return out;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    private double[] weightsOf(int n) {
        double[] w = weights.apply(n);
        if (w == null || w.length < n) {
            throw new IllegalArgumentException("the TPE weights function returned " + (w == null ? "null" : w.length + " values")
                    + " for " + n + " trials: return one weight per trial");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("the TPE weights function returned " + w[i] + " for " + n
                        + " trials: weights must be finite and >= 0");
            }
            sum += w[i];
        }
        if (n > 0 && sum <= 0) {
            throw new IllegalArgumentException("the TPE weights function returned only zeros for " + n + " trials: give some weight > 0");
        }
        return w;
    }

    /**
     * A trial's internal values of the given parameters (with a compatible distribution, inside the range), or null
     * if it lacks one. A RUNNING trial of another worker contributes its published jointly sampled values.
     */
    @SuppressWarnings("unchecked")
    static double[] row(FrozenTrial t, List<String> names, List<Distribution> dists) {
        Map<String, Object> relative = null;
        if (t.state() == TrialState.RUNNING && t.systemAttrs().get(RELATIVE_PARAMS_KEY) instanceof Map<?, ?> m) {
            relative = (Map<String, Object>) m;
        }
        double[] row = new double[names.size()];
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            Distribution want = dists.get(j);
            Distribution have = t.distributions().get(name);
            double v;
            if (have != null && have.equals(want)) {
                // the common case: same distribution, so the stored value is valid for it
                Object external = t.params().get(name);
                row[j] = external instanceof Number num && !(want instanceof CategoricalDistribution)
                        ? num.doubleValue() : want.toInternal(external);
                continue;
            }
            if (have != null) {
                if (!have.compatibleWith(want)) return null;
                v = t.internalParam(name);
            } else if (relative != null && relative.get(name) instanceof Number num) {
                v = num.doubleValue();
            } else {
                return null;
            }
            // a trial from an earlier, different range of the same parameter cannot seed a kernel here
            if (!want.contains(v)) return null;
            row[j] = v;
        }
        return row;
    }

    /** Pruned trials: further steps first, then a better last intermediate value; NaN last; none reported after all. */
    static Comparator<FrozenTrial> prunedOrder(Direction d) {
        return (a, b) -> {
            double[] ka = prunedKey(a, d), kb = prunedKey(b, d);
            int c = Double.compare(ka[0], kb[0]);
            return c != 0 ? c : Double.compare(ka[1], kb[1]);
        };
    }

    private static double[] prunedKey(FrozenTrial t, Direction d) {
        if (t.intermediateValues().isEmpty()) return new double[]{1, 0};
        int step = t.intermediateValues().lastKey();
        double v = t.intermediateValues().get(step);
        if (Double.isNaN(v)) return new double[]{-step, Double.POSITIVE_INFINITY};
        return new double[]{-step, d == Direction.MINIMIZE ? v : -v};
    }

    static List<FrozenTrial> splitMultiObjective(List<FrozenTrial> complete, List<Direction> dirs, int nBelow) {
        int n = complete.size();
        if (nBelow <= 0) return List.of();
        if (nBelow >= n) return complete;
        double[][] loss = new double[n][];
        for (int i = 0; i < n; i++) loss[i] = Hypervolume.toLoss(complete.get(i).values(), dirs);
        int[] rank = NonDominatedSort.ranks(loss);
        TreeMap<Integer, List<Integer>> byRank = new TreeMap<>();
        for (int i = 0; i < n; i++) byRank.computeIfAbsent(rank[i], r -> new ArrayList<>()).add(i);
        Set<Integer> chosen = new LinkedHashSet<>();
        for (List<Integer> front : byRank.values()) {
            if (chosen.size() + front.size() <= nBelow) {
                chosen.addAll(front);
                if (chosen.size() == nBelow) break;
                continue;
            }
            chosen.addAll(hypervolumeSubset(front, loss, nBelow - chosen.size()));
            break;
        }
        List<FrozenTrial> below = new ArrayList<>();
        for (int i : chosen) below.add(complete.get(i));
        return below;
    }

    /** Greedy hypervolume subset selection of {@code size} indices of one front (reference: 1.1 x the worst point). */
    private static List<Integer> hypervolumeSubset(List<Integer> front, double[][] loss, int size) {
        int m = loss[front.get(0)].length;
        double[] ref = new double[m];
        java.util.Arrays.fill(ref, Double.NEGATIVE_INFINITY);
        for (int i : front) for (int d = 0; d < m; d++) ref[d] = Math.max(ref[d], loss[i][d]);
        for (int d = 0; d < m; d++) {
            ref[d] = Math.max(1.1 * ref[d], 0.9 * ref[d]);
            if (ref[d] == 0) ref[d] = 1e-12;
        }
        List<Integer> chosen = new ArrayList<>();
        List<Integer> left = new ArrayList<>(front);
        List<double[]> set = new ArrayList<>();
        while (chosen.size() < size) {
            int bestIdx = 0;
            double bestGain = Double.NEGATIVE_INFINITY;
            double[][] current = set.toArray(new double[0][]);
            for (int c = 0; c < left.size(); c++) {
                double gain = Hypervolume.contribution(current, loss[left.get(c)], ref);
                if (gain > bestGain) {
                    bestGain = gain;
                    bestIdx = c;
                }
            }
            int pick = left.remove(bestIdx);
            chosen.add(pick);
            set.add(loss[pick]);
        }
        return chosen;
    }
}
