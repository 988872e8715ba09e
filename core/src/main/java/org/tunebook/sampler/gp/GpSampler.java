package org.tunebook.sampler.gp;

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
import org.tunebook.sampler.RandomSampler;
import org.tunebook.sampler.Sampler;
import org.tunebook.space.Dimension;
import org.tunebook.space.Distribution;
import org.tunebook.space.Space;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

/**
 * Gaussian-process Bayesian optimization as a {@link Sampler} (scikit-optimize's {@code gp_minimize} engine on
 * a {@link Study}). Proposes whole configurations (relative sampling) over a given {@link Space}, or, without one,
 * over the parameters every completed trial shares with the same distribution; anything else the objective
 * suggests is drawn uniformly at random.
 * <ol>
 *   <li>The first {@code nInitialPoints} proposals come from the initial design (random, LHS, Sobol or Halton).
 *       Design points are claimed through the storage, so parallel workers and a resumed study do not repeat
 *       them.</li>
 *   <li>Then each proposal fits a {@link GaussianProcess} to the completed trials (maximized studies are
 *       negated), conditions it on the running trials with a "lie" value (constant liar: by default the best value
 *       so far, scikit-optimize's {@code cl_min}), and maximizes the acquisition with {@link AcquisitionOptimizer}.
 *       Evaluated and running configurations are never proposed again.</li>
 * </ol>
 * Kernel hyperparameters are refitted with random restarts on every proposal while there are at most 60
 * observations; beyond that, with restarts on every tenth proposal and from the previous optimum on every fifth,
 * while the others keep them and extend the previous Cholesky factor by the new observations (O(n^2)). Deterministic given the seed and the sequence of results (with one job).
 */
public final class GpSampler implements Sampler {

    /** The value given to running trials while proposing in parallel (constant liar). */
    public enum Liar {
        /** The best value so far (scikit-optimize's cl_min; favours exploitation around the incumbent). */
        MIN,
        /** The mean of the values so far. */
        MEAN,
        /** The worst value so far (pushes parallel proposals apart). */
        MAX
    }

    private final Space space;
    private final Acquisition acquisition;
    private final double xi;
    private final double kappa;
    private final int nInitialPoints;
    private final InitialPoints initialPoints;
    private final Double noise;
    private final Long seed;
    private final Liar liar;
    private final AcquisitionOptimizer.Settings searchSettings;
    private final int restarts;
    private final Integer modelQueueSize;
    private final double hedgeEta;

    private final SplittableRandom rng;
    private final Map<Map<String, Distribution>, UnitCube> cubes = new HashMap<>();
    private final Map<UnitCube, double[][]> designs = new HashMap<>();
    private final Map<Integer, Map<String, Double>> pending = new HashMap<>();
    private final List<Surrogate> models = new ArrayList<>();
    private GaussianProcess.Hyperparameters warm;
    private GaussianProcess lastGp;
    private UnitCube lastCube;
    private int fits;
    private int initHint;
    private final double[] gains = new double[3];
    private double[][] hedgeProposals;
    private UnitCube hedgeCube;
    private Acquisition lastChoice;

    private GpSampler(Builder b) {
        this.space = b.space;
        this.acquisition = b.acquisition;
        this.xi = b.xi;
        this.kappa = b.kappa;
        this.nInitialPoints = b.nInitialPoints;
        this.initialPoints = b.initialPoints;
        this.noise = b.noise;
        this.seed = b.seed;
        this.liar = b.liar;
        this.searchSettings = new AcquisitionOptimizer.Settings(b.candidates, b.localCandidates, b.refineStarts, b.refineEvaluations);
        this.restarts = b.restarts;
        this.modelQueueSize = b.modelQueueSize;
        this.hedgeEta = b.hedgeEta;
        this.rng = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A sampler with the defaults (EI, 10 random initial points), seeded; {@code space} may be null. */
    public static GpSampler of(Space space, Long seed) {
        return builder().space(space).seed(seed).build();
    }

    /** Settings of a {@link GpSampler}. */
    public static final class Builder {
        private Space space;
        private Acquisition acquisition = Acquisition.EI;
        private double xi = 0.01;
        private double kappa = 1.96;
        private int nInitialPoints = 10;
        private InitialPoints initialPoints = InitialPoints.RANDOM;
        private Double noise;
        private Long seed;
        private Liar liar = Liar.MIN;
        private int candidates = 2000;
        private int localCandidates = 500;
        private int refineStarts = 5;
        private int refineEvaluations = 300;
        private int restarts = 2;
        private Integer modelQueueSize;
        private double hedgeEta = 1.0;

        private Builder() {
        }

        /** The space to propose in (define-and-run); without it, the space is inferred from completed trials. */
        public Builder space(Space s) {
            this.space = s;
            return this;
        }

        public Builder acquisition(Acquisition a) {
            if (a == null) throw new IllegalArgumentException("acquisition is null: use EI, PI, LCB or GP_HEDGE");
            this.acquisition = a;
            return this;
        }

        /** Improvement margin of EI and PI, in the objective's units (default 0.01). */
        public Builder xi(double xi) {
            if (!(xi >= 0) || !Double.isFinite(xi)) throw new IllegalArgumentException("xi must be a finite number >= 0, got " + xi);
            this.xi = xi;
            return this;
        }

        /** Exploration weight of LCB (default 1.96). */
        public Builder kappa(double kappa) {
            if (!(kappa >= 0) || !Double.isFinite(kappa)) throw new IllegalArgumentException("kappa must be a finite number >= 0, got " + kappa);
            this.kappa = kappa;
            return this;
        }

        /** Number of initial-design proposals before the GP is used (default 10). */
        public Builder nInitialPoints(int n) {
            if (n < 0) throw new IllegalArgumentException("nInitialPoints must be >= 0, got " + n);
            this.nInitialPoints = n;
            return this;
        }

        public Builder initialPoints(InitialPoints g) {
            if (g == null) throw new IllegalArgumentException("initialPointGenerator is null: use random, lhs, sobol or halton");
            this.initialPoints = g;
            return this;
        }

        /**
         * Noise variance of the objective in its own units, or null (default) to fit it (scikit-optimize's
         * {@code noise="gaussian"}); use a tiny value such as 1e-10 for a deterministic objective.
         */
        public Builder noise(Double variance) {
            if (variance != null && (!(variance >= 0) || !Double.isFinite(variance))) {
                throw new IllegalArgumentException("noise must be a finite variance >= 0 or null (fitted), got " + variance);
            }
            this.noise = variance;
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder liar(Liar l) {
            if (l == null) throw new IllegalArgumentException("liar is null: use MIN, MEAN or MAX");
            this.liar = l;
            return this;
        }

        /** Random candidates scored per proposal (default 2000). */
        public Builder candidates(int n) {
            if (n < 1) throw new IllegalArgumentException("candidates must be >= 1, got " + n);
            this.candidates = n;
            return this;
        }

        /** Candidates drawn around the best observations per proposal (default 500). */
        public Builder localCandidates(int n) {
            if (n < 0) throw new IllegalArgumentException("localCandidates must be >= 0, got " + n);
            this.localCandidates = n;
            return this;
        }

        /** Best candidates refined by local search (default 5, as scikit-optimize's n_restarts_optimizer). */
        public Builder refineStarts(int n) {
            if (n < 1) throw new IllegalArgumentException("refineStarts must be >= 1, got " + n);
            this.refineStarts = n;
            return this;
        }

        /** Random restarts of the hyperparameter fit (default 2, as scikit-optimize). */
        public Builder restarts(int n) {
            if (n < 0) throw new IllegalArgumentException("restarts must be >= 0, got " + n);
            this.restarts = n;
            return this;
        }

        /** Keep only the last n fitted models (null: all, as scikit-optimize's model_queue_size). */
        public Builder modelQueueSize(Integer n) {
            if (n != null && n < 1) throw new IllegalArgumentException("modelQueueSize must be >= 1 or null, got " + n);
            this.modelQueueSize = n;
            return this;
        }

        /** An independent copy of these settings (to vary one of them, e.g. the space). */
        public Builder copy() {
            Builder c = new Builder();
            c.space = space;
            c.acquisition = acquisition;
            c.xi = xi;
            c.kappa = kappa;
            c.nInitialPoints = nInitialPoints;
            c.initialPoints = initialPoints;
            c.noise = noise;
            c.seed = seed;
            c.liar = liar;
            c.candidates = candidates;
            c.localCandidates = localCandidates;
            c.refineStarts = refineStarts;
            c.refineEvaluations = refineEvaluations;
            c.restarts = restarts;
            c.modelQueueSize = modelQueueSize;
            c.hedgeEta = hedgeEta;
            return c;
        }

        // the settings as given so far (read by gpMinimize's options)

        public Acquisition acquisition() {
            return acquisition;
        }

        public double xi() {
            return xi;
        }

        public double kappa() {
            return kappa;
        }

        public int nInitialPoints() {
            return nInitialPoints;
        }

        public InitialPoints initialPoints() {
            return initialPoints;
        }

        /** The noise variance, or null when it is fitted. */
        public Double noise() {
            return noise;
        }

        public Long seed() {
            return seed;
        }

        public GpSampler build() {
            return new GpSampler(this);
        }
    }

    // ------------------------------------------------------------ Sampler

    @Override
    public synchronized Map<String, Distribution> relativeSearchSpace(Study study, FrozenTrial trial) {
        if (space != null) {
            Map<String, Distribution> m = new LinkedHashMap<>();
            for (Dimension d : space) if (!d.distribution().isSingle()) m.put(d.name(), d.distribution());
            return m;
        }
        Map<String, Distribution> common = null;
        for (FrozenTrial t : study.completeTrials()) {
            if (common == null) {
                common = new LinkedHashMap<>(t.distributions());
            } else {
                common.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
            }
        }
        if (common == null) return Map.of();
        common.values().removeIf(Distribution::isSingle);
        return common;
    }

    @Override
    public synchronized Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        if (searchSpace.isEmpty()) return Map.of();
        if (study.isMultiObjective()) {
            throw new IllegalStateException("the gp sampler optimizes one objective; study '" + study.name() + "' has "
                    + study.directions().size() + ": use a multi-objective sampler");
        }
        UnitCube cube = cubes.computeIfAbsent(new LinkedHashMap<>(searchSpace), UnitCube::new);
        boolean maximize = study.direction() == Direction.MAXIMIZE;
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        Set<String> excluded = new HashSet<>();
        List<double[]> running = new ArrayList<>();
        // One snapshot of both states: reading COMPLETE and RUNNING trials in two calls lets a trial that finishes
        // in between be in neither list, and its point be proposed again by a parallel worker.
        Set<Integer> seen = new HashSet<>();
        for (FrozenTrial t : study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.RUNNING))) {
            if (t.number() == trial.number()) continue;
            if (t.state() == TrialState.COMPLETE) {
                double[] u = encodeTrial(cube, t);
                if (u == null || !t.hasValue() || !Double.isFinite(t.value())) continue;
                xs.add(u);
                ys.add(maximize ? -t.value() : t.value());
                excluded.add(cube.key(u));
                seen.add(t.number());
            } else {
                Map<String, Double> mine = pending.get(t.number());
                double[] u = mine != null && mine.keySet().equals(searchSpace.keySet()) ? cube.encode(mine) : encodeTrial(cube, t);
                if (u != null) {
                    running.add(u);
                    excluded.add(cube.key(u));
                    seen.add(t.number());
                }
            }
        }
        // proposals of this sampler whose trials the snapshot does not show as running or complete yet
        for (Map.Entry<Integer, Map<String, Double>> e : pending.entrySet()) {
            if (e.getKey() != trial.number() && !seen.contains(e.getKey()) && e.getValue().keySet().equals(searchSpace.keySet())) {
                double[] u = cube.encode(e.getValue());
                running.add(u);
                excluded.add(cube.key(u));
            }
        }
        double[] u = initialPoint(study, cube, excluded);
        if (u == null && xs.isEmpty()) u = randomPoint(cube, excluded);
        if (u == null) u = modelPoint(cube, xs, ys, running, excluded, maximize);
        Map<String, Double> proposal = cube.toParams(u);
        pending.put(trial.number(), proposal);
        return proposal;
    }

    @Override
    public synchronized double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        return RandomSampler.sample(distribution, rng);
    }

    @Override
    public synchronized void afterTrial(Study study, FrozenTrial trial) {
        pending.remove(trial.number());
    }

    @Override
    public String name() {
        return "gp(" + acquisition.name() + (seed == null ? "" : ", seed=" + seed) + ")";
    }

    // ------------------------------------------------------------ proposals

    private static double[] encodeTrial(UnitCube cube, FrozenTrial t) {
        double[] v = new double[cube.parameters()];
        for (int i = 0; i < v.length; i++) {
            String n = cube.names().get(i);
            Distribution d = t.distributions().get(n);
            if (d == null || !d.equals(cube.distributions().get(i))) return null;
            v[i] = t.internalParam(n);
        }
        return cube.encode(v);
    }

    private double[] initialPoint(Study study, UnitCube cube, Set<String> excluded) {
        while (initHint < nInitialPoints) {
            int i = initHint++;
            if (!study.tryClaim("gp-init:" + i)) continue;
            if (initialPoints == InitialPoints.RANDOM) return randomPoint(cube, excluded);
            double[][] design = designs.computeIfAbsent(cube, c -> initialPoints.design(nInitialPoints, c.parameters(),
                    new SplittableRandom(seed == null ? rng.nextLong() : seed * 0x9E3779B97F4A7C15L + 17)));
            double[] u = cube.fromDesign(design[i]);
            return excluded.contains(cube.key(u)) ? randomPoint(cube, excluded) : u;
        }
        return null;
    }

    private double[] randomPoint(UnitCube cube, Set<String> excluded) {
        double[] u = cube.random(rng);
        for (int k = 0; k < 1000 && excluded.contains(cube.key(u)); k++) u = cube.random(rng);
        return u;
    }

    private double[] modelPoint(UnitCube cube, List<double[]> xs, List<Double> ys, List<double[]> running, Set<String> excluded,
                                boolean maximize) {
        double[][] x = xs.toArray(new double[0][]);
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        // Up to 60 observations every call refits the kernel with restarts (cheap there). Beyond, every tenth call
        // refits with restarts, every fifth from the warm start only, and the others keep the hyperparameters and
        // extend the previous Cholesky factor by the new rows (O(n^2) instead of O(n^3) per likelihood evaluation).
        GaussianProcess gp;
        boolean canExtend = lastGp != null && lastCube == cube && x.length > 60 && fits % 5 != 0 && lastGp.isPrefixOf(x);
        if (canExtend) {
            gp = lastGp.extendedTo(x, y);
        } else {
            boolean restart = x.length <= 60 || fits % 10 == 0;
            GaussianProcess.FitSettings fs = new GaussianProcess.FitSettings(noise, restart ? restarts : 0, restart ? 100 : 30);
            gp = GaussianProcess.fit(x, y, fs, warm != null && warm.lengthScales().length == cube.columns() ? warm : null, rng);
        }
        fits++;
        lastGp = gp;
        lastCube = cube;
        warm = gp.hyperparameters();
        models.add(new Surrogate(cube, gp, maximize));
        if (modelQueueSize != null) while (models.size() > modelQueueSize) models.remove(0);
        double best = Double.POSITIVE_INFINITY;
        double sum = 0, worst = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            best = Math.min(best, v);
            worst = Math.max(worst, v);
            sum += v;
        }
        if (acquisition == Acquisition.GP_HEDGE && hedgeProposals != null && hedgeCube == cube) {
            for (int a = 0; a < 3; a++) if (hedgeProposals[a] != null) gains[a] -= gp.predictMean(hedgeProposals[a]);
        }
        GaussianProcess conditioned = gp;
        if (!running.isEmpty()) {
            double lie = switch (liar) {
                case MIN -> best;
                case MEAN -> sum / y.length;
                case MAX -> worst;
            };
            double[] lies = new double[running.size()];
            java.util.Arrays.fill(lies, lie);
            conditioned = gp.withObservations(running.toArray(new double[0][]), lies);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < y.length; i++) order.add(i);
        order.sort((a, b) -> Double.compare(y[a], y[b]));
        List<double[]> incumbents = new ArrayList<>();
        for (int i = 0; i < Math.min(5, order.size()); i++) incumbents.add(x[order.get(i)]);
        AcquisitionOptimizer opt = new AcquisitionOptimizer(cube, conditioned, best, xi, kappa, excluded, searchSettings);
        List<Acquisition> acqs = acquisition == Acquisition.GP_HEDGE ? List.of(Acquisition.EI, Acquisition.LCB, Acquisition.PI)
                : List.of(acquisition);
        AcquisitionOptimizer.Proposal[] props = opt.optimize(acqs, incumbents, rng);
        int chosen = 0;
        if (acquisition == Acquisition.GP_HEDGE) {
            double mx = Double.NEGATIVE_INFINITY;
            for (double g : gains) mx = Math.max(mx, g);
            double[] p = new double[3];
            double z = 0;
            for (int a = 0; a < 3; a++) {
                p[a] = Math.exp(hedgeEta * (gains[a] - mx));
                z += p[a];
            }
            double r = rng.nextDouble() * z;
            chosen = 2;
            for (int a = 0; a < 3; a++) {
                r -= p[a];
                if (r < 0) {
                    chosen = a;
                    break;
                }
            }
            hedgeProposals = new double[3][];
            for (int a = 0; a < 3; a++) hedgeProposals[a] = props[a] == null ? null : props[a].u();
            hedgeCube = cube;
            if (props[chosen] == null) {
                for (int a = 0; a < 3; a++) if (props[a] != null) chosen = a;
            }
        }
        lastChoice = acqs.get(chosen);
        AcquisitionOptimizer.Proposal p = props[chosen];
        if (p == null) {
            // every candidate is evaluated or pending: a finite space is exhausted, or candidates were too few
            return randomPoint(cube, excluded);
        }
        return p.u();
    }

    // ------------------------------------------------------------ results

    /** The surrogates fitted so far (one per model-based proposal), oldest first. */
    public synchronized List<Surrogate> models() {
        return Collections.unmodifiableList(new ArrayList<>(models));
    }

    /** gp_hedge's current gains for EI, LCB and PI (zeros for the other acquisitions). */
    public synchronized double[] hedgeGains() {
        return gains.clone();
    }

    /** The acquisition used for the last model-based proposal (the one gp_hedge picked), or null. */
    public synchronized Acquisition lastAcquisition() {
        return lastChoice;
    }

    /**
     * Fits a surrogate to the study's completed trials over {@code searchSpace} (e.g. for plots after a run);
     * empty if no completed trial has these parameters.
     */
    public synchronized java.util.Optional<Surrogate> fitSurrogate(Study study, Map<String, Distribution> searchSpace) {
        UnitCube cube = cubes.computeIfAbsent(new LinkedHashMap<>(searchSpace), UnitCube::new);
        boolean maximize = study.direction() == Direction.MAXIMIZE;
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (FrozenTrial t : study.completeTrials()) {
            double[] u = encodeTrial(cube, t);
            if (u == null || !Double.isFinite(t.value())) continue;
            xs.add(u);
            ys.add(maximize ? -t.value() : t.value());
        }
        if (xs.isEmpty()) return java.util.Optional.empty();
        GaussianProcess gp = GaussianProcess.fit(xs.toArray(new double[0][]), ys.stream().mapToDouble(Double::doubleValue).toArray(),
                new GaussianProcess.FitSettings(noise, restarts, 100), warm != null && warm.lengthScales().length == cube.columns() ? warm : null,
                new SplittableRandom(42)); // its own stream: fitting for a plot must not change later proposals
        return java.util.Optional.of(new Surrogate(cube, gp, maximize));
    }

    public Acquisition acquisition() {
        return acquisition;
    }

    public int nInitialPoints() {
        return nInitialPoints;
    }
}
