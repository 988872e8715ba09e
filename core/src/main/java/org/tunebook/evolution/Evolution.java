package org.tunebook.evolution;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.tunebook.space.Space;
import org.tunebook.storage.Storage;
import org.tunebook.study.Direction;
import org.tunebook.study.OptimizeOptions;
import org.tunebook.study.Study;
import org.tunebook.study.Trial;

/**
 * A DEAP-style genetic algorithm whose every evaluation is a trial of a {@link Study}: the run is stored (in
 * memory, or SQLite with {@link #storage}), can be resumed after a crash or extended by more generations, and
 * is tabled and plotted like any other study. The seed's configuration reads:
 * <pre>{@code
 * import static org.tunebook.evolution.Operators.*;
 * var run = Evolution.bounded(LOW, HIGH).population(7)
 *         .select(tournament(2)).mate(sbxBounded(10.0), 0.8).mutate(polynomialBounded(10.0, 1.0 / 6), 0.2)
 *         .hallOfFame(2).elitism().seed(42)
 *         .maximize(test::getAccuracy, 3);
 * run.logbook();   // gen, nevals, avg, std, min, max
 * }</pre>
 * With a seed and the default random stream ({@link Rng#python}) a run draws the same random numbers in the
 * same order as DEAP with {@code random.seed(seed)}.
 * <p>
 * Defaults: population 20, tournament(2), SBX(eta 10) w.p. 0.8, polynomial mutation (eta 10, indpb 1/genes)
 * w.p. 0.2, hall of fame 2, eaSimple (call {@link #elitism()} or {@link #muPlusLambda(int)} for the others).
 * This object is a mutable builder; each setter returns it.
 */
public final class Evolution {
    private final Genome genome;
    private int population = 20;
    private Selection selection = Operators.tournament(2);
    private Crossover crossover = Operators.sbxBounded(10.0);
    private double cxpb = 0.8;
    private Mutation mutation;
    private double mutpb = 0.2;
    private int hallOfFame = 2;
    private Engine.Scheme scheme = Engine.Scheme.SIMPLE;
    private int lambda;
    private Long seed;
    private boolean splittable;
    private int jobs = 1;
    private Storage storage;
    private String name;
    private String[] statistics = {"avg", "std", "min", "max"};
    private Boolean progress;

    private Evolution(Genome genome) {
        this.genome = genome;
        this.mutation = Operators.polynomialBounded(10.0, 1.0 / genome.size());
    }

    /** Bounded real genes x0, x1, ... in [low[i], high[i]] (the seed's individuals). */
    public static Evolution bounded(double[] low, double[] high) {
        return new Evolution(Genome.bounded(low, high));
    }

    /** One gene per dimension: reals, log-reals (log10 genes), integers, stepped reals and categoricals. */
    public static Evolution of(Space space) {
        return new Evolution(Genome.of(space));
    }

    public static Evolution of(Genome genome) {
        return new Evolution(genome);
    }

    public Evolution population(int n) {
        if (n < 1) throw new IllegalArgumentException("population must be >= 1, got " + n);
        this.population = n;
        return this;
    }

    public Evolution select(Selection s) {
        this.selection = require(s, "select");
        return this;
    }

    /** The crossover and the probability that a pair of offspring is mated (DEAP's cxpb). */
    public Evolution mate(Crossover c, double probability) {
        Operators.checkProbability("crossover probability", probability);
        this.crossover = require(c, "mate");
        this.cxpb = probability;
        return this;
    }

    /** The mutation and the probability that an offspring is mutated (DEAP's mutpb). */
    public Evolution mutate(Mutation m, double probability) {
        Operators.checkProbability("mutation probability", probability);
        this.mutation = require(m, "mutate");
        this.mutpb = probability;
        return this;
    }

    public Evolution hallOfFame(int size) {
        if (size < 0) throw new IllegalArgumentException("hall of fame size must be >= 0, got " + size);
        this.hallOfFame = size;
        return this;
    }

    /** eaSimple (the default): the offspring replace the population. */
    public Evolution simple() {
        this.scheme = Engine.Scheme.SIMPLE;
        return this;
    }

    /** eaSimpleWithElitism: the hall of fame is kept in the population, so the best is never lost. */
    public Evolution elitism() {
        this.scheme = Engine.Scheme.ELITISM;
        return this;
    }

    /** eaMuPlusLambda with mu = population: {@code lambda} offspring compete with their parents. */
    public Evolution muPlusLambda(int lambda) {
        if (lambda < 1) throw new IllegalArgumentException("lambda must be >= 1, got " + lambda);
        this.scheme = Engine.Scheme.MU_PLUS_LAMBDA;
        this.lambda = lambda;
        return this;
    }

    /** Seeds the random stream (by default an unseeded run stores the seed it drew, so it still resumes). */
    public Evolution seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Evolution seed(Long seed) {
        this.seed = seed;
        return this;
    }

    /** Uses a SplittableRandom stream instead of CPython's Mersenne Twister (no draw-for-draw match with DEAP). */
    public Evolution splittableRandom() {
        this.splittable = true;
        return this;
    }

    /** Evaluates up to {@code n} individuals of a generation in parallel (threads); results stay deterministic. */
    public Evolution jobs(int n) {
        if (n < 1 && n != -1) throw new IllegalArgumentException("jobs must be >= 1 (or -1 for one per core), got " + n);
        this.jobs = n == -1 ? Runtime.getRuntime().availableProcessors() : n;
        return this;
    }

    /** Where the study lives; with an existing study of the same {@link #name} the run resumes. */
    public Evolution storage(Storage s) {
        this.storage = s;
        return this;
    }

    public Evolution storage(String url) {
        this.storage = Storage.open(url);
        return this;
    }

    /** The study name (default: a generated one). */
    public Evolution name(String n) {
        if (n == null || n.isBlank()) throw new IllegalArgumentException("a study name must not be blank");
        this.name = n;
        return this;
    }

    /** The logbook's statistics columns among avg, std, min, max (the seed logs max and avg). */
    public Evolution statistics(String... names) {
        for (String n : names) Statistics.builtin(n);
        this.statistics = names.clone();
        return this;
    }

    /** Live progress per evaluation (see OptimizeOptions#withProgress). */
    public Evolution progress(boolean show) {
        this.progress = show;
        return this;
    }

    public Genome genome() {
        return genome;
    }

    // ------------------------------------------------------------ running

    /** Evolves for {@code generations} generations after the initial one, maximizing {@code fitness}. */
    public EvolutionRun maximize(Fitness fitness, int generations) {
        return run(g -> new double[]{fitness.evaluate(g)}, generations, Direction.MAXIMIZE);
    }

    public EvolutionRun minimize(Fitness fitness, int generations) {
        return run(g -> new double[]{fitness.evaluate(g)}, generations, Direction.MINIMIZE);
    }

    /** A multi-objective run (use {@link Operators#nsga2()} with {@link #muPlusLambda(int)}). */
    public EvolutionRun optimize(MultiFitness fitness, int generations, Direction... directions) {
        if (directions == null || directions.length == 0) throw new IllegalArgumentException("give one direction per objective");
        return run(fitness, generations, directions);
    }

    private EvolutionRun run(MultiFitness fitness, int generations, Direction... directions) {
        if (fitness == null) throw new IllegalArgumentException("fitness is null: pass a function of the genes");
        if (generations < 0) throw new IllegalArgumentException("generations must be >= 0, got " + generations);
        GaSampler sampler = sampler(generations);
        Study study = Study.builder(name != null ? name : "evolution-" + UUID.randomUUID().toString().substring(0, 8))
                .directions(directions).storage(storage != null ? storage : Storage.inMemory())
                .sampler(sampler).loadIfExists().create();
        OptimizeOptions options = OptimizeOptions.defaults().withJobs(jobs);
        if (progress != null) options = options.withProgress(progress);
        if (directions.length == 1) {
            study.optimize(t -> evaluate(t, sampler, fitness)[0], options);
        } else {
            study.optimizeMulti(t -> evaluate(t, sampler, fitness), options);
        }
        return new EvolutionRun(study, sampler.engine(study));
    }

    private double[] evaluate(Trial trial, GaSampler sampler, MultiFitness fitness) throws Exception {
        Engine.Pending p = sampler.current();
        if (p == null) {
            throw new IllegalStateException("trial #" + trial.number() + " was not proposed by the evolution (an enqueued trial?): "
                    + "an evolution study evaluates only the individuals its sampler proposes; do not enqueue trials into it");
        }
        trial.suggestAll(genome.space());
        trial.setUserAttr("generation", p.generation());
        trial.setUserAttr("individual", p.index());
        return fitness.evaluate(new Genes(genome, p.individual().genes));
    }

    /**
     * A sampler that runs this evolution inside any Study (Study.optimize, the CLI): generational, its state
     * replayed from the trials' system attributes.
     */
    public GaSampler sampler(int generations) {
        return new GaSampler(this, generations);
    }

    /** A sampler that evolves until the study's trial budget or timeout ends it. */
    public GaSampler sampler() {
        return new GaSampler(this, Integer.MAX_VALUE);
    }

    Long seedOrNull() {
        return seed;
    }

    static long freshSeed() {
        return new SplittableRandom().nextLong() & Long.MAX_VALUE;
    }

    Engine newEngine(double[] weights, int generations, long seed) {
        Statistics stats = new Statistics(weights.length == 1 ? Individual::value : ind -> ind.values().get(0)).register(statistics);
        return new Engine(genome, scheme, selection, crossover, cxpb, mutation, mutpb, population, lambda, hallOfFame, weights,
                generations, stats, splittable ? Rng.splittable(seed) : Rng.python(seed), null);
    }

    /** What must not change when a stored run is resumed. */
    String describe() {
        return "genome{" + genome.describe() + "} population=" + population + " scheme=" + scheme
                + (scheme == Engine.Scheme.MU_PLUS_LAMBDA ? " lambda=" + lambda : "")
                + " select=" + op(selection) + " mate=" + op(crossover) + "@" + cxpb + " mutate=" + op(mutation) + "@" + mutpb
                + " hof=" + hallOfFame + " rng=" + (splittable ? "splittable" : "python");
    }

    private static String op(Object o) {
        String s = o.toString();
        return s.contains("$$Lambda") || s.contains("$Lambda") ? o.getClass().getInterfaces()[0].getSimpleName() + "(custom)" : s;
    }

    private static <T> T require(T v, String what) {
        if (v == null) throw new IllegalArgumentException(what + "(...) needs an operator, got null");
        return v;
    }

    @Override
    public String toString() {
        return "Evolution " + describe() + " statistics=" + Arrays.toString(statistics) + (seed == null ? "" : " seed=" + seed)
                + " jobs=" + jobs;
    }

    List<String> statisticsNames() {
        return List.of(statistics);
    }
}
