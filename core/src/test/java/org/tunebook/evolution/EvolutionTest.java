package org.tunebook.evolution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tunebook.evolution.Operators.polynomialBounded;
import static org.tunebook.evolution.Operators.sbxBounded;
import static org.tunebook.evolution.Operators.tournament;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.sampler.Samplers;
import org.tunebook.space.Categorical;
import org.tunebook.space.Int;
import org.tunebook.space.Real;
import org.tunebook.space.Space;
import org.tunebook.storage.Storage;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

class EvolutionTest {
    static final double[] LOW = {5, -5, -10, -20, -3, 0};
    static final double[] HIGH = {15, 15, 15, 15, -1, 1.999};

    /** The seed's GA settings. */
    static Evolution seedConfig() {
        return Evolution.bounded(LOW, HIGH).population(7)
                .select(tournament(2)).mate(sbxBounded(10.0), 0.8).mutate(polynomialBounded(10.0, 1.0 / 6), 0.2)
                .hallOfFame(2).elitism().statistics("max", "avg").seed(42);
    }

    /** A cheap stand-in for the seed's cross-validated accuracy, decoded as convertParams does. */
    static double accuracy(List<Double> p) {
        List<Integer> layers = Decode.layerSizes(p.get(0), p.get(1), p.get(2), p.get(3));
        double lr = Decode.pow10(p.get(4));
        String solver = Decode.choice(p.get(5), "sgd", "adam");
        return 0.95 - 0.002 * Math.abs(layers.get(0) - 12) - 0.004 * (layers.size() - 1)
                - 0.01 * Math.abs(Math.log10(lr) + 1.7) - ("adam".equals(solver) ? 0.005 : 0);
    }

    static double sines(Genes g) {
        double s = 0;
        for (int i = 0; i < g.size(); i++) s += Math.sin(g.get(i)) * (i + 1);
        return s;
    }

    @Test
    void theSeedsConfigurationReproducesDeap() {
        // Printed by DEAP 1.4.4 (CPython 3.11, numpy) for the same settings, random.seed(42) and fitness
        // sum(sin(x_i) * (i + 1)), with the book's eaSimpleWithElitism.
        String deap = "gen\tnevals\tmax    \tavg    \n"
                + "0  \t7     \t4.79464\t0.66708\n"
                + "1  \t3     \t7.24114\t3.17928\n"
                + "2  \t4     \t8.59256\t4.41116\n"
                + "3  \t4     \t8.59256\t5.38714";
        EvolutionRun run = seedConfig().maximize(EvolutionTest::sines, 3);
        assertEquals(deap, run.logbook().toString());
        assertArrayEquals(new double[]{13.511906751570166, 9.719733832084192, 0.533350276804357, 14.059051739277969,
                -2.585549629406253, 1.1551870816782597}, run.best().genes(), 0.0);
    }

    @Test
    void theSeedsConfigurationRunsEndToEndAsAStudy() {
        EvolutionRun run = seedConfig().maximize(EvolutionTest::accuracy, 3);
        Study study = run.study();
        assertTrue(run.isComplete());
        assertEquals(4, run.logbook().size());
        assertEquals(List.of("gen", "nevals", "max", "avg"), run.logbook().header());
        int evaluations = 0;
        for (Object n : run.logbook().select("nevals")) evaluations += (Integer) n;
        assertEquals(7, run.logbook().select("nevals").get(0));
        assertEquals(evaluations, study.trials().size(), "one trial per evaluation");
        for (FrozenTrial t : study.trials()) {
            assertEquals(TrialState.COMPLETE, t.state());
            assertEquals(List.of("x0", "x1", "x2", "x3", "x4", "x5"), List.copyOf(t.params().keySet()));
            for (int i = 0; i < 6; i++) {
                double x = (Double) t.params().get("x" + i);
                assertTrue(x >= LOW[i] && x <= HIGH[i], "x" + i + " = " + x);
            }
            assertTrue(t.userAttrs().containsKey("generation") && t.userAttrs().containsKey("individual"));
        }
        assertEquals(study.bestValue(), run.best().value(), 0.0, "the hall of fame holds the best evaluation");
        assertEquals(study.bestTrial().number(), run.best().trialNumber());
        assertEquals(run.bestParams(), study.bestParams());
        assertEquals(evaluations, study.trialsTable().rowCount());
        assertEquals(4, run.logbookTable().rowCount());
    }

    @Test
    void elitismNeverLosesTheBestButEaSimpleCan() {
        boolean simpleLost = false;
        for (long seed = 1; seed <= 6; seed++) {
            Evolution e = Evolution.bounded(LOW, HIGH).population(6).select(tournament(2)).mate(sbxBounded(1.0), 0.9)
                    .mutate(polynomialBounded(1.0, 0.5), 0.9).hallOfFame(1).statistics("max").seed(seed);
            double[] elite = e.elitism().maximize(EvolutionTest::sines, 12).logbook().column("max");
            for (int g = 1; g < elite.length; g++) assertTrue(elite[g] >= elite[g - 1], "seed " + seed + " gen " + g);
            double[] plain = e.simple().maximize(EvolutionTest::sines, 12).logbook().column("max");
            for (int g = 1; g < plain.length; g++) simpleLost |= plain[g] < plain[g - 1];
        }
        assertTrue(simpleLost, "without elitism the population's best is lost in some generation (so the check above can fail)");
    }

    @Test
    void nevalsCountsOnlyChangedIndividuals() {
        EvolutionRun frozen = Evolution.bounded(LOW, HIGH).population(7).mate(sbxBounded(10), 0.0).mutate(polynomialBounded(10, 0.2), 0.0)
                .seed(1).maximize(EvolutionTest::sines, 3);
        assertEquals(List.of(7, 0, 0, 0), frozen.logbook().select("nevals"));
        assertEquals(7, frozen.study().trials().size());

        EvolutionRun run = seedConfig().seed(5).maximize(EvolutionTest::accuracy, 4);
        List<Object> nevals = run.logbook().select("nevals");
        for (int g = 0; g <= 4; g++) {
            final int gen = g;
            long trials = run.study().trials().stream().filter(t -> ((Number) t.userAttrs().get("generation")).intValue() == gen).count();
            assertEquals(((Integer) nevals.get(g)).longValue(), trials, "generation " + g);
        }
        assertTrue(nevals.subList(1, 5).stream().anyMatch(n -> (Integer) n < 5), "some offspring are unchanged copies: " + nevals);
    }

    @Test
    void resumesFromSqliteAfterACrashAndAnInterrupt(@TempDir Path dir) throws Exception {
        EvolutionRun reference = seedConfig().maximize(EvolutionTest::accuracy, 5);
        int referenceTrials = reference.study().trials().size();
        String url = "sqlite:" + dir.resolve("ga.db");

        // 1. two generations, stored
        AtomicInteger calls = new AtomicInteger();
        Fitness counted = g -> {
            calls.incrementAndGet();
            return accuracy(g);
        };
        try (Storage s = Storage.open(url)) {
            EvolutionRun first = seedConfig().storage(s).name("mlp").maximize(counted, 2);
            assertTrue(first.isComplete());
        }
        int afterFirst = calls.get();

        // 2. a process asks for the next individual and dies before telling its fitness: a RUNNING trial is left
        try (Storage s = Storage.open(url)) {
            Study study = Study.builder("mlp").storage(s).sampler(seedConfig().sampler(5)).maximize().loadIfExists().create();
            study.ask();
        }

        // 3. an interrupt in the middle of generation 4
        try (Storage s = Storage.open(url)) {
            Fitness interrupting = g -> {
                Map<String, Object> unused = g.params();
                if (calls.incrementAndGet() == referenceTrials - 2) throw new InterruptedException("stop button");
                return accuracy(g);
            };
            EvolutionRun partial = seedConfig().storage(s).name("mlp").progress(false).maximize(interrupting, 5);
            assertFalse(partial.isComplete());
        }

        // 4. resumed: the same run as without crash nor interrupt, and no finished evaluation repeated
        int beforeResume = calls.get();
        try (Storage s = Storage.open(url)) {
            EvolutionRun resumed = seedConfig().storage(s).name("mlp").maximize(counted, 5);
            assertTrue(resumed.isComplete());
            assertEquals(reference.logbook().toString(), resumed.logbook().toString());
            assertArrayEquals(reference.best().genes(), resumed.best().genes(), 0.0);
            List<FrozenTrial> trials = resumed.study().trials();
            assertEquals(referenceTrials, resumed.study().completeTrials().size());
            assertEquals(referenceTrials + 2, trials.size(), "plus the abandoned and the interrupted trial");
            assertTrue(trials.stream().anyMatch(t -> t.state() == TrialState.FAIL && t.failReason().startsWith("abandoned")));
            assertTrue(trials.stream().anyMatch(t -> t.state() == TrialState.FAIL && t.failReason().startsWith("interrupted")));
        }
        assertEquals(referenceTrials, afterFirst + (beforeResume - afterFirst - 1) + (calls.get() - beforeResume),
                "every individual evaluated to completion exactly once");

        // 5. other settings on the same study are refused with the fix in the message
        try (Storage s = Storage.open(url)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> seedConfig().population(9).storage(s).name("mlp").maximize(counted, 5));
            assertTrue(e.getMessage().contains("use another study name"), e.getMessage());
        }
    }

    @Test
    void failedEvaluationsGetTheWorstFitnessAndTheRunGoesOn() {
        EvolutionRun run = seedConfig().seed(3).maximize(g -> {
            if (g.get(0) > 12) throw new IllegalStateException("diverged");
            return g.get(0) > 11 ? Double.NaN : accuracy(g);
        }, 3);
        assertTrue(run.isComplete());
        List<FrozenTrial> failed = run.study().trials(java.util.EnumSet.of(TrialState.FAIL));
        assertFalse(failed.isEmpty(), "some individuals have x0 > 11");
        for (FrozenTrial t : failed) assertTrue((Double) t.params().get("x0") > 11, t.toString());
        assertTrue(failed.stream().anyMatch(t -> t.failReason().equals("IllegalStateException: diverged")));
        assertTrue(Double.isFinite(run.best().value()) && run.best().gene(0) <= 11);
        assertEquals(run.study().bestValue(), run.best().value(), 0.0);
    }

    @Test
    void aReservedIndividualWhoseTrialWasNeverCreatedIsProposedAgain() throws Exception {
        GaSampler sampler = seedConfig().sampler(2);
        Study study = Study.builder("stale").maximize().sampler(sampler).create();
        Thread dead = new Thread(() -> sampler.beforeTrial(study)); // reserves individual 0, then its thread ends
        dead.start();
        dead.join();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
            sampler.beforeTrial(study); // reserves individual 1 on this thread without creating a trial
            study.optimize(t -> accuracy(List.of(t.suggestFloat("x0", 5, 15), t.suggestFloat("x1", -5, 15), t.suggestFloat("x2", -10, 15),
                    t.suggestFloat("x3", -20, 15), t.suggestFloat("x4", -3, -1), t.suggestFloat("x5", 0, 1.999))), 200);
        });
        String expected = seedConfig().maximize(EvolutionTest::accuracy, 2).logbook().toString();
        assertEquals(expected, sampler.engine(study).logbook().toString(), "the same run as without the stale reservations");
    }

    @Test
    void parallelEvaluationGivesTheSameRun() {
        String one = seedConfig().population(12).maximize(EvolutionTest::sines, 4).logbook().toString();
        String two = seedConfig().population(12).jobs(2).maximize(EvolutionTest::sines, 4).logbook().toString();
        assertEquals(one, two);
        Algorithms.Toolbox tb = new Algorithms.Toolbox(Genome.bounded(LOW, HIGH), tournament(2), sbxBounded(10), polynomialBounded(10, 1.0 / 6),
                x -> new double[]{x[0] + x[1]}, new double[]{-1}, Rng.python(3));
        Engine a = Algorithms.eaSimple(tb, 10, 0.8, 0.2, 5, Statistics.fitness().register("min"), 1, 1);
        tb = new Algorithms.Toolbox(tb.genome(), tb.select(), tb.mate(), tb.mutate(), tb.evaluate(), tb.weights(), Rng.python(3));
        Engine b = Algorithms.eaSimple(tb, 10, 0.8, 0.2, 5, Statistics.fitness().register("min"), 1, 2);
        assertEquals(a.logbook().toString(), b.logbook().toString());
        assertTrue(a.hallOfFame().get(0).value() < 5 - 5 + 6, "minimizes x0 + x1: " + a.hallOfFame().get(0));
    }

    @Test
    void gaSamplerDrivesAPlainStudyOverAMixedSpace() {
        Space space = Space.of(Real.logUniform("lr", 1e-4, 1e-1), Int.of("units", 4, 64),
                Categorical.of("act", "relu", "tanh", "sigmoid"), Real.uniform("x", -2, 2));
        assertTrue(Samplers.NAMES.contains("ga"));
        Study study = Study.builder("cli").minimize().sampler(Samplers.byName("ga", space, 11L)).create();
        study.optimize(t -> {
            double lr = t.suggestFloat("lr", 1e-4, 1e-1, true);
            int units = t.suggestInt("units", 4, 64);
            String act = t.suggestCategorical("act", "relu", "tanh", "sigmoid");
            double x = t.suggestFloat("x", -2, 2);
            return Math.pow(Math.log10(lr) + 2, 2) + Math.abs(units - 32) / 32.0 + ("tanh".equals(act) ? 0 : 0.5) + x * x;
        }, 120);
        List<FrozenTrial> trials = study.trials();
        assertEquals(120, trials.size());
        Genome genome = Genome.of(space);
        int lastGen = 0;
        for (FrozenTrial t : trials) {
            int gen = ((Number) t.systemAttrs().get(GaSampler.GENERATION)).intValue();
            assertTrue(gen >= lastGen, "generations in order");
            lastGen = gen;
            assertEquals(genome.decode(GaSampler.genesOf(t.systemAttrs())), t.params(), "params are the decoded genes");
        }
        assertTrue(lastGen >= 5, "the budget spans several generations: " + lastGen);
        List<Double> firstGen = new ArrayList<>();
        for (FrozenTrial t : trials.subList(0, 20)) firstGen.add(t.value());
        assertTrue(study.bestValue() < firstGen.stream().mapToDouble(d -> d).min().orElseThrow(), "evolution improves on generation 0");
    }

    @Test
    void muPlusLambdaWithNsga2OnTwoObjectives() {
        EvolutionRun run = Evolution.bounded(new double[]{0, 0, 0}, new double[]{1, 1, 1}).population(12).muPlusLambda(12)
                .select(Operators.nsga2()).mate(sbxBounded(15), 0.6).mutate(polynomialBounded(20, 1.0 / 3), 0.3).hallOfFame(0).seed(2)
                .optimize(g -> new double[]{g.get(0), 1 + 9 * (g.get(1) + g.get(2)) / 2 * (1 - Math.sqrt(g.get(0) / (1 + 9 * (g.get(1) + g.get(2)) / 2)))},
                        6, Direction.MINIMIZE, Direction.MINIMIZE);
        assertEquals(12, run.population().size());
        assertEquals(7, run.logbook().size());
        assertEquals(2, run.study().directions().size());
        assertTrue(run.study().bestTrials().size() >= 2, "a front of trade-offs");
    }
}
