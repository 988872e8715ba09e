package org.tunebook.evolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.sampler.Sampler;
import org.tunebook.sampler.TrialPlan;
import org.tunebook.space.Distribution;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

/**
 * The "ga" sampler: a generational {@link Evolution} driven by a study. Each trial is one individual to
 * evaluate: its parameters are the decoded genes, its generation and index are system attributes
 * ({@value #GENERATION}, {@value #INDIVIDUAL}), and so are its raw genes ({@value #GENES}) when some gene is
 * not a plain real (a plain real gene is its parameter, stored exactly). The next generation
 * is bred when every individual of the current one has finished, so with several jobs a worker may wait at a
 * generation boundary.
 * <p>
 * Resuming: the run is deterministic given its seed (stored in the study's system attribute {@value #SEED}) and
 * the fitness values, so on its first use with a study the sampler replays the evolution from the stored
 * trials — finished ones give their values instead of being evaluated again — and continues where the
 * stored run stopped (with more generations if asked). Trials left RUNNING by a crashed process are marked
 * FAIL ("abandoned") and, like interrupted ones, evaluated again.
 * A failed evaluation gives the individual the worst fitness. One process per study.
 */
public final class GaSampler implements Sampler {
    public static final String GENES = "ga:genes";
    public static final String GENERATION = "ga:generation";
    public static final String INDIVIDUAL = "ga:individual";
    public static final String SEED = "ga:seed";
    public static final String CONFIG = "ga:config";

    private final Evolution config;
    private final int generations;
    private final SplittableRandom fallback = new SplittableRandom();
    /** Individuals of the current generation being evaluated, and the worker thread evaluating each. */
    private final Map<Integer, Thread> inFlight = new HashMap<>();
    /** The individual proposed to the trial that this worker thread is running (beforeTrial and the objective share a thread). */
    private final ThreadLocal<Engine.Pending> current = new ThreadLocal<>();
    private Engine engine;
    private long studyId = -1;
    private String storageUrl;

    private final boolean allReal;

    GaSampler(Evolution config, int generations) {
        this.config = config;
        this.generations = generations;
        this.allReal = config.genome().genes().stream().allMatch(g -> g.kind() == Gene.Kind.REAL);
    }

    @Override
    public synchronized TrialPlan beforeTrial(Study study) {
        start(study);
        // a worker runs one trial at a time: its own reservation is stale (the trial was never created), as is a dead worker's
        inFlight.values().removeIf(t -> t == Thread.currentThread() || !t.isAlive());
        while (true) {
            if (engine.isDone()) return TrialPlan.stop();
            for (Engine.Pending p : engine.pending()) {
                if (inFlight.putIfAbsent(p.index(), Thread.currentThread()) == null) {
                    current.set(p);
                    return plan(p);
                }
            }
            try {
                wait(100); // every individual of this generation is being evaluated by other workers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return TrialPlan.stop();
            }
        }
    }

    private TrialPlan plan(Engine.Pending p) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put(GENERATION, p.generation());
        attrs.put(INDIVIDUAL, p.index());
        if (!allReal) { // real genes are stored exactly as the trial's params
            double[] x = p.individual().genes;
            List<Double> genes = new ArrayList<>(x.length);
            for (double v : x) genes.add(v);
            attrs.put(GENES, genes);
        }
        return TrialPlan.fixed(Map.of(), attrs); // the parameters come from sampleRelative
    }

    /** The individual of the trial running on this thread, if this sampler proposed it. */
    Engine.Pending current() {
        return current.get();
    }

    private Engine.Pending currentFor(FrozenTrial trial) {
        Engine.Pending p = current.get();
        if (p == null) return null;
        Object g = trial.systemAttrs().get(GENERATION), i = trial.systemAttrs().get(INDIVIDUAL);
        return g instanceof Number gen && i instanceof Number idx && gen.intValue() == p.generation() && idx.intValue() == p.index() ? p : null;
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(Study study, FrozenTrial trial) {
        Engine.Pending p = currentFor(trial);
        return p == null ? Map.of() : config.genome().distributions();
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> space) {
        Engine.Pending p = currentFor(trial);
        if (p == null) return Map.of();
        Map<String, Double> all = config.genome().decodeInternal(p.individual().genes);
        all.keySet().retainAll(space.keySet());
        return all;
    }

    @Override
    public synchronized void afterTrial(Study study, FrozenTrial trial) {
        current.remove();
        if (engine == null || study.studyId() != studyId) return;
        Object g = trial.systemAttrs().get(GENERATION), i = trial.systemAttrs().get(INDIVIDUAL);
        if (!(g instanceof Number gen) || !(i instanceof Number idx) || gen.intValue() != engine.generation()) return;
        if (inFlight.remove(idx.intValue()) == null) return;
        if (unfinished(trial)) {
            notifyAll(); // interrupted: proposed again on the next trial (or by a resumed run)
            return;
        }
        engine.tell(idx.intValue(), valuesOf(trial), trial.number());
        if (engine.pending().isEmpty()) {
            engine.advance();
            inFlight.clear();
        }
        notifyAll();
    }

    @Override
    public double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        Engine.Pending p = currentFor(trial);
        if (p != null) {
            List<Gene> genes = config.genome().genes();
            for (int k = 0; k < genes.size(); k++) {
                if (genes.get(k).name().equals(name) && genes.get(k).distribution().equals(distribution)) {
                    return genes.get(k).toInternal(p.individual().genes[k]);
                }
            }
        }
        synchronized (fallback) {
            return RandomSampler.sample(distribution, fallback); // a parameter outside the genome
        }
    }

    /** The engine of the run in {@code study} (after the sampler has been used with it). */
    synchronized Engine engine(Study study) {
        start(study);
        return engine;
    }

    private void start(Study study) {
        if (engine != null && study.studyId() == studyId && study.storage().url().equals(storageUrl)) return;
        Map<String, Object> sys = study.systemAttrs();
        String describe = config.describe();
        Object storedConfig = sys.get(CONFIG);
        if (storedConfig != null && !storedConfig.equals(describe)) {
            throw new IllegalArgumentException("study '" + study.name() + "' was evolved with " + storedConfig + ", not " + describe
                    + ": resume it with the same settings, or use another study name");
        }
        long seed;
        Object storedSeed = sys.get(SEED);
        if (storedSeed instanceof Number n) {
            seed = n.longValue();
            if (config.seedOrNull() != null && config.seedOrNull() != seed) {
                throw new IllegalArgumentException("study '" + study.name() + "' was evolved with seed " + seed + ", not " + config.seedOrNull()
                        + ": resume it with the same seed (or none), or use another study name");
            }
        } else {
            seed = config.seedOrNull() != null ? config.seedOrNull() : Evolution.freshSeed();
            study.setSystemAttr(SEED, seed);
        }
        if (storedConfig == null) study.setSystemAttr(CONFIG, describe);
        double[] weights = new double[study.directions().size()];
        for (int k = 0; k < weights.length; k++) weights[k] = study.directions().get(k) == Direction.MAXIMIZE ? 1 : -1;
        engine = config.newEngine(weights, generations, seed);
        studyId = study.studyId();
        storageUrl = study.storage().url();
        inFlight.clear();
        replay(study);
    }

    /** Feeds the stored results to the fresh engine until an individual has none. */
    private void replay(Study study) {
        Map<Long, FrozenTrial> done = new HashMap<>();
        for (FrozenTrial t : study.trials()) {
            Object g = t.systemAttrs().get(GENERATION), i = t.systemAttrs().get(INDIVIDUAL);
            if (!(g instanceof Number gen) || !(i instanceof Number idx)) continue;
            if (t.state() == TrialState.RUNNING) {
                try {
                    study.storage().finishTrial(t.trialId(), TrialState.FAIL, null,
                            "abandoned: its process ended before the evaluation finished; the evolution was resumed and evaluates it again");
                } catch (RuntimeException e) {
                    // finished meanwhile: nothing to do
                }
                continue;
            }
            if (t.state() == TrialState.WAITING) continue;
            long key = ((long) gen.intValue() << 32) | idx.intValue();
            FrozenTrial prev = done.get(key);
            if (prev == null || unfinished(prev) || prev.state() != TrialState.COMPLETE && !unfinished(t)) done.put(key, t);
        }
        while (!engine.isDone()) {
            List<Engine.Pending> pending = engine.pending();
            boolean all = true;
            for (Engine.Pending p : pending) {
                FrozenTrial t = done.get(((long) p.generation() << 32) | p.index());
                double[] stored = t == null ? null : genesOf(t, config.genome());
                if (stored == null) {
                    all = false;
                    continue;
                }
                if (!java.util.Arrays.equals(stored, p.individual().genes)) {
                    throw new IllegalStateException("study '" + study.name() + "': trial #" + t.number() + " holds other genes for individual "
                            + p.index() + " of generation " + p.generation() + " than this evolution breeds: the stored run used other "
                            + "settings or another fitness; use another study name");
                }
                if (unfinished(t)) {
                    all = false;
                    continue;
                }
                engine.tell(p.index(), valuesOf(t), t.number());
            }
            if (!all) break;
            engine.advance();
        }
    }

    /** A FAIL that says nothing about the individual: its evaluation was interrupted or its process died. */
    static boolean unfinished(FrozenTrial t) {
        return t.state() == TrialState.FAIL && t.failReason() != null
                && (t.failReason().startsWith("interrupted") || t.failReason().startsWith("abandoned"));
    }

    private double[] valuesOf(FrozenTrial t) {
        if (t.state() != TrialState.COMPLETE || t.values().size() != engine.weights().length) return engine.worstValues();
        double[] v = new double[t.values().size()];
        for (int k = 0; k < v.length; k++) v[k] = t.values().get(k);
        return v;
    }

    /** The genes of a trial: its {@value #GENES} attribute, or its params for a genome of real genes; null if neither. */
    static double[] genesOf(FrozenTrial t, Genome genome) {
        double[] x = genesOf(t.systemAttrs());
        if (x != null) return x;
        x = new double[genome.size()];
        for (int k = 0; k < x.length; k++) {
            Gene g = genome.gene(k);
            if (g.kind() != Gene.Kind.REAL || !t.params().containsKey(g.name())) return null;
            x[k] = t.internalParam(g.name());
        }
        return x;
    }

    /** The genes stored in a trial's {@value #GENES} attribute, or null. */
    static double[] genesOf(Map<String, Object> systemAttrs) {
        if (!(systemAttrs.get(GENES) instanceof List<?> l)) return null;
        double[] x = new double[l.size()];
        for (int k = 0; k < x.length; k++) x[k] = ((Number) l.get(k)).doubleValue();
        return x;
    }

    @Override
    public String name() {
        return "ga(" + config.describe() + ")";
    }
}
