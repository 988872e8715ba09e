package org.tunebook.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * DEAP's algorithms run directly on a fitness function, without a study (no storage, no trials): the toolbox
 * for scripts and benchmarks. {@link Evolution} is the study-backed front-end with the same loop.
 */
public final class Algorithms {
    private Algorithms() {
    }

    /** Weighted evaluation: one value per objective. */
    @FunctionalInterface
    public interface Evaluator {
        double[] evaluate(double[] genes) throws Exception;
    }

    /** DEAP's toolbox: the genome, the operators, the evaluation, objective weights and the random stream. */
    public record Toolbox(Genome genome, Selection select, Crossover mate, Mutation mutate, Evaluator evaluate, double[] weights, Rng rng) {
    }

    /** eaSimple from {@code population} random individuals. */
    public static Engine eaSimple(Toolbox tb, int population, double cxpb, double mutpb, int ngen, Statistics stats, int hallOfFame, int jobs) {
        return run(new Engine(tb.genome(), Engine.Scheme.SIMPLE, tb.select(), tb.mate(), cxpb, tb.mutate(), mutpb, population, 0,
                hallOfFame, tb.weights(), ngen, stats, tb.rng(), null), tb.evaluate(), jobs);
    }

    /** eaSimpleWithElitism (the seed's {@code elitism.eaSimpleWithElitism}). */
    public static Engine eaSimpleWithElitism(Toolbox tb, int population, double cxpb, double mutpb, int ngen, Statistics stats,
                                             int hallOfFame, int jobs) {
        return run(new Engine(tb.genome(), Engine.Scheme.ELITISM, tb.select(), tb.mate(), cxpb, tb.mutate(), mutpb, population, 0,
                hallOfFame, tb.weights(), ngen, stats, tb.rng(), null), tb.evaluate(), jobs);
    }

    /** eaMuPlusLambda. */
    public static Engine eaMuPlusLambda(Toolbox tb, int mu, int lambda, double cxpb, double mutpb, int ngen, Statistics stats,
                                        int hallOfFame, int jobs) {
        return run(new Engine(tb.genome(), Engine.Scheme.MU_PLUS_LAMBDA, tb.select(), tb.mate(), cxpb, tb.mutate(), mutpb, mu, lambda,
                hallOfFame, tb.weights(), ngen, stats, tb.rng(), null), tb.evaluate(), jobs);
    }

    /**
     * Runs an engine to the end, evaluating each generation's invalid individuals (on {@code jobs} threads when
     * jobs > 1; the results are assigned by position, so a run does not depend on thread timing). An exception of
     * the evaluator ends the run and is rethrown.
     */
    public static Engine run(Engine engine, Evaluator evaluator, int jobs) {
        ExecutorService pool = jobs > 1 ? Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "tunebook-evolution");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            while (!engine.isDone()) {
                List<Engine.Pending> pending = engine.pending();
                if (pool == null) {
                    for (Engine.Pending p : pending) engine.tell(p.index(), call(evaluator, p), -1);
                } else {
                    List<Future<double[]>> fs = new ArrayList<>();
                    for (Engine.Pending p : pending) fs.add(pool.submit(() -> call(evaluator, p)));
                    for (int k = 0; k < fs.size(); k++) engine.tell(pending.get(k).index(), fs.get(k).get(), -1);
                }
                engine.advance();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evolution interrupted at generation " + engine.generation(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        return engine;
    }

    private static double[] call(Evaluator ev, Engine.Pending p) {
        try {
            return ev.evaluate(p.individual().genes);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("evaluation of individual " + p.index() + " of generation " + p.generation() + " failed: " + e, e);
        }
    }
}
