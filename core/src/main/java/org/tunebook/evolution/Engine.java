package org.tunebook.evolution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The generational loop of DEAP's algorithms as a step machine, so that the same code serves a direct run
 * ({@link Algorithms}), the study-backed front-end and the "ga" sampler (where evaluations arrive as finished
 * trials, possibly replayed from storage). Each generation: breed offspring (consuming the random stream in
 * DEAP's order), wait until every invalid offspring is told its fitness, then update the hall of fame, form the
 * next population and record a logbook row.
 * <ul>
 * <li>{@link Scheme#SIMPLE}: eaSimple — select n, varAnd, population = offspring;</li>
 * <li>{@link Scheme#ELITISM}: eaSimpleWithElitism — select n - |hof|, varAnd, offspring + hall of fame items;</li>
 * <li>{@link Scheme#MU_PLUS_LAMBDA}: eaMuPlusLambda — varOr lambda offspring, select mu of parents + offspring.</li>
 * </ul>
 * Genes are clipped to their bounds after variation (a no-op for the bounded operators). Not thread-safe.
 */
public final class Engine {

    public enum Scheme { SIMPLE, ELITISM, MU_PLUS_LAMBDA }

    /** An offspring of the current generation waiting for its fitness; {@code index} is its place in the offspring. */
    public record Pending(int generation, int index, Individual individual) {
    }

    private final Genome genome;
    private final Scheme scheme;
    private final Selection selection;
    private final Crossover crossover;
    private final double cxpb;
    private final Mutation mutation;
    private final double mutpb;
    private final int mu;
    private final int lambda;
    private final double[] weights;
    private final int generations;
    private final Rng rng;
    private final Statistics stats;
    private final HallOfFame hof;
    private final Logbook logbook;

    private List<Individual> population;
    private List<Individual> offspring;
    private int gen;
    private int nevals;
    private int hofSize;
    private boolean done;

    /**
     * @param initial     the generation-0 population (evaluated or not), or null for {@code mu} random individuals
     * @param mu          population size
     * @param lambda      offspring per generation (mu+lambda only)
     * @param weights     +1 per maximized objective, -1 per minimized one
     * @param generations number of generations after the initial one
     */
    public Engine(Genome genome, Scheme scheme, Selection selection, Crossover crossover, double cxpb, Mutation mutation, double mutpb,
                  int mu, int lambda, int hallOfFame, double[] weights, int generations, Statistics stats, Rng rng,
                  List<Individual> initial) {
        Operators.checkProbability("crossover probability", cxpb);
        Operators.checkProbability("mutation probability", mutpb);
        if (scheme == Scheme.MU_PLUS_LAMBDA && cxpb + mutpb > 1.0) {
            throw new IllegalArgumentException("mu+lambda needs crossover + mutation probabilities <= 1 (one operator per offspring), got "
                    + cxpb + " + " + mutpb);
        }
        if (mu < 1) throw new IllegalArgumentException("population size must be >= 1, got " + mu);
        if (scheme == Scheme.MU_PLUS_LAMBDA && lambda < 1) throw new IllegalArgumentException("lambda must be >= 1, got " + lambda);
        if (scheme == Scheme.ELITISM && hallOfFame >= mu) {
            throw new IllegalArgumentException("elitism keeps the hall of fame in the population: its size (" + hallOfFame
                    + ") must be smaller than the population (" + mu + ")");
        }
        if (generations < 0) throw new IllegalArgumentException("generations must be >= 0, got " + generations);
        this.genome = genome;
        this.scheme = scheme;
        this.selection = selection;
        this.crossover = crossover;
        this.cxpb = cxpb;
        this.mutation = mutation;
        this.mutpb = mutpb;
        this.mu = mu;
        this.lambda = lambda;
        this.weights = weights.clone();
        this.generations = generations;
        this.rng = rng;
        this.stats = stats;
        this.hof = new HallOfFame(hallOfFame);
        this.logbook = new Logbook(stats == null ? List.of() : stats.fields());
        if (initial == null) {
            population = new ArrayList<>(mu);
            double[] lo = genome.lowRef(), hi = genome.highRef();
            for (int i = 0; i < mu; i++) {
                double[] x = new double[genome.size()];
                for (int g = 0; g < x.length; g++) x[g] = rng.uniform(lo[g], hi[g]);
                population.add(new Individual(x));
            }
        } else {
            for (Individual i : initial) {
                if (i.size() != genome.size()) {
                    throw new IllegalArgumentException("an initial individual has " + i.size() + " genes but the genome has " + genome.size());
                }
            }
            population = new ArrayList<>(initial);
        }
        offspring = population;
        gen = 0;
        nevals = countInvalid(offspring);
    }

    private static int countInvalid(List<Individual> l) {
        int n = 0;
        for (Individual i : l) if (!i.isValid()) n++;
        return n;
    }

    /** The offspring of the current generation that still need a fitness, in offspring order. */
    public List<Pending> pending() {
        if (done) return List.of();
        List<Pending> p = new ArrayList<>();
        for (int i = 0; i < offspring.size(); i++) {
            if (!offspring.get(i).isValid()) p.add(new Pending(gen, i, offspring.get(i)));
        }
        return p;
    }

    /** Gives offspring {@code index} of the current generation its fitness (and the trial that computed it, or -1). */
    public void tell(int index, double[] values, int trialNumber) {
        Individual ind = offspring.get(index);
        if (ind.isValid()) throw new IllegalStateException("offspring " + index + " of generation " + gen + " already has a fitness");
        ind.setFitness(values, weights);
        ind.setTrialNumber(trialNumber);
    }

    /** The fitness assigned to a failed evaluation: the worst value in every objective. */
    public double[] worstValues() {
        double[] v = new double[weights.length];
        for (int i = 0; i < v.length; i++) v[i] = weights[i] > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        return v;
    }

    /** Completes every generation whose offspring are all evaluated; breeds the next ones. */
    public void advance() {
        while (!done && countInvalid(offspring) == 0) completeGeneration();
    }

    private void completeGeneration() {
        if (gen == 0) {
            hof.update(population);
            hofSize = hof.size();
        } else {
            switch (scheme) {
                case SIMPLE -> {
                    hof.update(offspring);
                    population = offspring;
                }
                case ELITISM -> {
                    List<Individual> next = new ArrayList<>(offspring);
                    next.addAll(hof.items());
                    hof.update(next);
                    population = next;
                }
                case MU_PLUS_LAMBDA -> {
                    hof.update(offspring);
                    List<Individual> all = new ArrayList<>(population);
                    all.addAll(offspring);
                    population = new ArrayList<>(selection.select(all, mu, rng));
                }
            }
        }
        logbook.record(gen, nevals, stats == null ? java.util.Map.of() : stats.compile(population));
        if (gen >= generations) {
            done = true;
            return;
        }
        gen++;
        offspring = breed();
        nevals = countInvalid(offspring);
    }

    private List<Individual> breed() {
        return switch (scheme) {
            case SIMPLE -> varAnd(selection.select(population, population.size(), rng));
            case ELITISM -> varAnd(selection.select(population, population.size() - hofSize, rng));
            case MU_PLUS_LAMBDA -> varOr(population);
        };
    }

    /** DEAP's varAnd: clone; mate pairs (i-1, i) w.p. cxpb; mutate each w.p. mutpb; touched ones lose their fitness. */
    private List<Individual> varAnd(List<Individual> parents) {
        List<Individual> off = new ArrayList<>(parents.size());
        for (Individual p : parents) off.add(p.copy());
        double[] lo = genome.lowRef(), hi = genome.highRef();
        for (int i = 1; i < off.size(); i += 2) {
            if (rng.random() < cxpb) {
                crossover.mate(off.get(i - 1).genes, off.get(i).genes, lo, hi, rng);
                off.get(i - 1).invalidate();
                off.get(i).invalidate();
            }
        }
        for (Individual o : off) {
            if (rng.random() < mutpb) {
                mutation.mutate(o.genes, lo, hi, rng);
                o.invalidate();
            }
        }
        for (Individual o : off) if (!o.isValid()) clip(o.genes);
        return off;
    }

    /** DEAP's varOr: each of lambda offspring is a crossover child, a mutant, or an unchanged parent (w.p. 1 - cxpb - mutpb). */
    private List<Individual> varOr(List<Individual> pop) {
        List<Individual> off = new ArrayList<>(lambda);
        double[] lo = genome.lowRef(), hi = genome.highRef();
        int n = pop.size();
        for (int l = 0; l < lambda; l++) {
            double op = rng.random();
            if (op < cxpb) {
                if (n < 2) throw new IllegalArgumentException("crossover needs a population of at least 2");
                int[] two = sample2(n);
                Individual a = pop.get(two[0]).copy(), b = pop.get(two[1]).copy();
                crossover.mate(a.genes, b.genes, lo, hi, rng);
                a.invalidate();
                clip(a.genes);
                off.add(a);
            } else if (op < cxpb + mutpb) {
                Individual a = pop.get(rng.randbelow(n)).copy();
                mutation.mutate(a.genes, lo, hi, rng);
                a.invalidate();
                clip(a.genes);
                off.add(a);
            } else {
                off.add(pop.get(rng.randbelow(n)));
            }
        }
        return off;
    }

    /** Python's random.sample(range(n), 2): a partial shuffle of a pool for n <= 21, else rejection of repeats. */
    private int[] sample2(int n) {
        int[] out = new int[2];
        if (n <= 21) {
            int[] pool = new int[n];
            for (int i = 0; i < n; i++) pool[i] = i;
            for (int i = 0; i < 2; i++) {
                int j = rng.randbelow(n - i);
                out[i] = pool[j];
                pool[j] = pool[n - i - 1];
            }
        } else {
            out[0] = rng.randbelow(n);
            int j = rng.randbelow(n);
            while (j == out[0]) j = rng.randbelow(n);
            out[1] = j;
        }
        return out;
    }

    private void clip(double[] x) {
        double[] lo = genome.lowRef(), hi = genome.highRef();
        for (int i = 0; i < x.length; i++) x[i] = Math.min(hi[i], Math.max(lo[i], x[i]));
    }

    /** The current generation number (0 = the initial population). */
    public int generation() {
        return gen;
    }

    public boolean isDone() {
        return done;
    }

    /** The population after the last completed generation. */
    public List<Individual> population() {
        return Collections.unmodifiableList(population);
    }

    public HallOfFame hallOfFame() {
        return hof;
    }

    public Logbook logbook() {
        return logbook;
    }

    public Genome genome() {
        return genome;
    }

    public double[] weights() {
        return weights.clone();
    }
}
