package org.tunebook.skopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.sampler.Samplers;
import org.tunebook.sampler.gp.Acquisition;
import org.tunebook.sampler.gp.GpSampler;
import org.tunebook.sampler.gp.Surrogate;
import org.tunebook.space.Categorical;
import org.tunebook.space.Int;
import org.tunebook.space.Real;
import org.tunebook.space.Space;
import org.tunebook.storage.Storage;
import org.tunebook.study.ObjectiveException;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

class GpMinimizeTest {
    static final double BRANIN_MIN = 0.397887357729739;
    static final Space BRANIN = Space.of(Real.uniform("x1", -5, 10), Real.uniform("x2", 0, 15));

    static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        double q = x2 - b * x1 * x1 + c * x1 - 6;
        return q * q + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    static double branin(Point x) {
        return branin(x.getDouble(0), x.getDouble("x2"));
    }

    @Test
    void beatsRandomSearchOnBraninAt30Calls() {
        int seeds = 5;
        double[] gp = new double[seeds], rnd = new double[seeds];
        int wins = 0;
        for (int s = 0; s < seeds; s++) {
            OptimizeResult r = Skopt.gpMinimize(GpMinimizeTest::branin, BRANIN,
                    GpOptions.builder().acqFunc("EI").nCalls(30).randomState(100 + s).build());
            assertEquals(30, r.funcVals().length);
            gp[s] = r.fun() - BRANIN_MIN;
            Study random = Study.builder("random").minimize().sampler(new RandomSampler(100L + s)).create();
            random.optimize(t -> branin(t.suggestFloat("x1", -5, 10), t.suggestFloat("x2", 0, 15)), 30);
            rnd[s] = random.bestValue() - BRANIN_MIN;
            if (gp[s] < rnd[s]) wins++;
        }
        Arrays.sort(gp);
        Arrays.sort(rnd);
        System.out.println("Branin regret after 30 calls, GP-EI " + Arrays.toString(gp) + ", random " + Arrays.toString(rnd));
        assertTrue(wins >= 4, "GP-BO beats random search on at least 4 of 5 seeds: gp " + Arrays.toString(gp) + " random " + Arrays.toString(rnd));
        assertTrue(gp[seeds / 2] < 0.2 * rnd[seeds / 2], "median regret of GP-BO is at most a fifth of random search's");
        assertTrue(gp[seeds / 2] < 0.05, "GP-BO gets within 0.05 of Branin's minimum (median over seeds): " + gp[seeds / 2]);
    }

    static final Space MIXED = Space.of(Real.logUniform("learning_rate", 1e-4, 1e-1), Int.of("num_layers", 3, 10),
            Int.of("num_nodes", 10, 300), Categorical.of("activation", "sigmoid", "tanh", "relu"));

    static double mixed(Point x) {
        double lr = Math.log10(x.getDouble("learning_rate"));
        double act = switch (x.getString("activation")) {
            case "relu" -> 0;
            case "tanh" -> 0.3;
            default -> 0.6;
        };
        return (lr + 2.5) * (lr + 2.5) + 0.05 * Math.abs(x.getInt("num_layers") - 5) + Math.abs(x.getInt(2) - 200) / 100.0 + act;
    }

    @Test
    void sameSeedSameRunOtherSeedOtherRun() {
        GpOptions.Builder b = GpOptions.builder().acqFunc("EI").nCalls(14).nInitialPoints(5);
        OptimizeResult a = Skopt.gpMinimize(mixedObjective(), MIXED, b.randomState(7).build());
        OptimizeResult c = Skopt.gpMinimize(mixedObjective(), MIXED, b.randomState(7).build());
        assertEquals(a.xIters(), c.xIters());
        assertTrue(Arrays.equals(a.funcVals(), c.funcVals()));
        OptimizeResult d = Skopt.gpMinimize(mixedObjective(), MIXED, b.randomState(8).build());
        assertNotEquals(a.xIters(), d.xIters());
        // every value is inside its dimension and the types are the user's: Double, Integer, String
        for (List<Object> x : a.xIters()) {
            assertTrue(x.get(0) instanceof Double && x.get(1) instanceof Integer && x.get(2) instanceof Integer && x.get(3) instanceof String, x.toString());
            assertTrue((Double) x.get(0) >= 1e-4 && (Double) x.get(0) <= 1e-1);
        }
        assertEquals(a.xIters().size(), new HashSet<>(a.xIters()).size(), "no point is evaluated twice");
    }

    private static PointObjective mixedObjective() {
        return GpMinimizeTest::mixed;
    }

    @Test
    void clearErrors() {
        PointObjective f = GpMinimizeTest::branin;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Skopt.gpMinimize(f, BRANIN, GpOptions.builder().nCalls(5).build()));
        assertTrue(e.getMessage().contains("nCalls (5) must be >= nInitialPoints (10)") && e.getMessage().contains("raise nCalls"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Skopt.gpMinimize(f, BRANIN, GpOptions.builder().nCalls(10).x0(0.0, 1.0).build()));
        assertTrue(e.getMessage().contains("nInitialPoints (10) + 1 x0 point = 11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Skopt.gpMinimize(f, MIXED, GpOptions.builder().x0(0.5, 3, 16, "relu").build()));
        assertTrue(e.getMessage().contains("dimension 'learning_rate'") && e.getMessage().contains("0.5")
                && e.getMessage().contains("give a value inside the dimension"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Skopt.gpMinimize(f, MIXED, GpOptions.builder().x0(0.01, 3, 16, "elu").build()));
        assertTrue(e.getMessage().contains("dimension 'activation'") && e.getMessage().contains("elu"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Skopt.gpMinimize(f, MIXED, GpOptions.builder().x0(0.01, 3, 16).build()));
        assertTrue(e.getMessage().contains("has 3 values but the space has 4 dimensions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Skopt.gpMinimize(f, BRANIN, GpOptions.builder().y0(1.0).build()));
        assertTrue(e.getMessage().contains("y0 is given without x0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Skopt.gpMinimize(f, BRANIN, GpOptions.builder().x0(List.of(List.of(0.0, 1.0), List.of(1.0, 2.0))).y0(3.0).build()));
        assertTrue(e.getMessage().contains("x0 has 2 points but y0 has 1 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Skopt.gpMinimize(f, BRANIN, GpOptions.builder().nInitialPoints(0).build()));
        assertTrue(e.getMessage().contains("set nInitialPoints > 0 or give x0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GpOptions.builder().acqFunc("UCB"));
        assertTrue(e.getMessage().contains("use EI, PI, LCB or gp_hedge"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GpOptions.builder().initialPointGenerator("grid"));
        assertTrue(e.getMessage().contains("random, lhs, sobol or halton"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GpOptions.builder().noise("poisson"));
        assertTrue(e.getMessage().contains("\"gaussian\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Point(MIXED, List.of(0.01, 3, 16, "relu")).getDouble("activation"));
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GpOptions.builder().kappa(-1));
        assertTrue(e.getMessage().contains("kappa must be a finite number >= 0, got -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GpOptions.builder().candidates(0));
        assertTrue(e.getMessage().contains("candidates must be >= 1"), e.getMessage());
    }

    @Test
    void optionsReachTheSamplerAndTheRecordedSpecs() {
        GpOptions o = GpOptions.builder().acqFunc("LCB").kappa(5).xi(0.2).nInitialPoints(3).initialPointGenerator("lhs")
                .noise(1e-10).randomState(7).build();
        assertEquals("gp(LCB, seed=7)", Skopt.sampler(BRANIN, o).name());
        Map<String, Object> m = o.asMap();
        assertEquals("LCB", m.get("acq_func"));
        assertEquals(5.0, m.get("kappa"));
        assertEquals(0.2, m.get("xi"));
        assertEquals(3, m.get("n_initial_points"));
        assertEquals("lhs", m.get("initial_point_generator"));
        assertEquals(1e-10, m.get("noise"));
        assertEquals(7L, m.get("random_state"));
        Map<String, Object> d = GpOptions.defaults().asMap(); // gp_minimize's defaults
        assertEquals("gp_hedge", d.get("acq_func"));
        assertEquals("gaussian", d.get("noise"));
        assertEquals(10, d.get("n_initial_points"));
        assertEquals(1.96, d.get("kappa"));
        // a built GpOptions does not change when its builder is used again
        GpOptions.Builder b = GpOptions.builder().kappa(1);
        GpOptions first = b.build();
        b.kappa(9);
        assertEquals(1.0, first.asMap().get("kappa"));
    }

    @Test
    void x0IsEvaluatedFirstAndY0IsNotEvaluatedAgain() {
        List<List<Object>> seen = new ArrayList<>();
        PointObjective f = x -> {
            seen.add(x.values());
            return mixed(x);
        };
        OptimizeResult r = Skopt.gpMinimize(f, MIXED, GpOptions.builder().acqFunc("EI").nCalls(12).nInitialPoints(3)
                .x0(List.of(List.of(0.01, 3, 16, "relu"), List.of(0.001, 4, 100, "tanh"))).randomState(1).build());
        assertEquals(List.of(0.01, 3, 16, "relu"), seen.get(0));
        assertEquals(List.of(0.001, 4, 100, "tanh"), seen.get(1));
        assertEquals(12, seen.size());
        assertEquals(12, r.xIters().size());

        seen.clear();
        OptimizeResult r2 = Skopt.gpMinimize(f, MIXED, GpOptions.builder().acqFunc("EI").nCalls(6).nInitialPoints(2)
                .x0(0.01, 3, 16, "relu").y0(0.25).randomState(1).build());
        assertEquals(6, seen.size(), "with y0 every call goes to new points");
        assertFalse(seen.contains(List.of(0.01, 3, 16, "relu")));
        assertEquals(7, r2.xIters().size());
        assertEquals(List.of(0.01, 3, 16, "relu"), r2.xIters().get(0));
        assertEquals(0.25, r2.funcVals()[0]);
    }

    @Test
    void resultHasTheBestPointSortedTableAndUsableModels() {
        OptimizeResult r = Skopt.gpMinimize(GpMinimizeTest::mixed, MIXED,
                GpOptions.builder().acqFunc("EI").nCalls(15).nInitialPoints(5).randomState(3).build());
        List<Evaluation> sorted = r.sorted();
        assertEquals(15, sorted.size());
        assertEquals(r.fun(), sorted.get(0).funcVal());
        assertEquals(r.x(), sorted.get(0).x());
        for (int i = 1; i < sorted.size(); i++) assertTrue(sorted.get(i - 1).funcVal() <= sorted.get(i).funcVal());
        assertEquals(mixed(r.xPoint()), r.fun(), 1e-12);
        double[] best = r.bestSoFar();
        assertEquals(r.fun(), best[best.length - 1]);
        // one model per GP step, and a last one fitted on all 15 evaluations
        assertEquals(15 - 5 + 1, r.models().size());
        Surrogate last = r.models().get(r.models().size() - 1);
        assertEquals(15, last.observations());
        Surrogate.Prediction p = last.predict(r.x());
        assertEquals(r.fun(), p.mean(), 0.1 + 0.5 * Math.abs(r.fun()), "the surrogate nearly interpolates the best evaluation");
        assertEquals("gp_minimize", r.specs().get("function"));
        assertEquals(15, r.trials().size());
        assertTrue(r.toString().startsWith("OptimizeResult(fun="));
    }

    @Test
    void parallelJobsWithConstantLiarNeverProposeAPointTwice() {
        // 5 x 3 = 15 configurations and 15 calls on two threads: each configuration exactly once
        Space small = Space.of(Int.of("a", 0, 4), Categorical.of("b", "x", "y", "z"));
        AtomicInteger calls = new AtomicInteger();
        OptimizeResult r = Skopt.gpMinimize(x -> {
            calls.incrementAndGet();
            Thread.sleep(2);
            return Math.abs(x.getInt("a") - 2) + (x.getString("b").equals("y") ? 0 : 1);
        }, small, GpOptions.builder().acqFunc("EI").nCalls(15).nInitialPoints(4).nJobs(2).randomState(5).build());
        assertEquals(15, calls.get());
        assertEquals(15, new HashSet<>(r.xIters()).size(), "all 15 configurations, none twice: " + r.xIters());
        assertEquals(0.0, r.fun());
        // four workers over ten seeds: a trial finishing while another worker reads the study must still count
        // (the sampler once read COMPLETE and RUNNING trials in two calls and lost such a trial in 2 of 60 runs)
        for (int seed = 0; seed < 10; seed++) {
            OptimizeResult four = Skopt.gpMinimize(x -> {
                Thread.sleep(1);
                return Math.abs(x.getInt("a") - 2) + (x.getString("b").equals("y") ? 0 : 1);
            }, small, GpOptions.builder().acqFunc("EI").nCalls(15).nInitialPoints(4).nJobs(4).randomState(seed).build());
            assertEquals(15, new HashSet<>(four.xIters()).size(), "seed " + seed + ", 4 jobs: " + four.xIters());
        }
    }

    @Test
    void checkpointSaverMakesAnInterruptedRunResumable(@TempDir Path dir) {
        Path ckpt = dir.resolve("run/checkpoint.json");
        AtomicInteger calls = new AtomicInteger();
        PointObjective crashesAtSix = x -> {
            if (calls.incrementAndGet() == 6) throw new IllegalStateException("simulated crash");
            return branin(x);
        };
        GpOptions opts = GpOptions.builder().acqFunc("EI").nCalls(9).nInitialPoints(4).randomState(2)
                .callback(new CheckpointSaver(ckpt)).resumeFrom(ckpt).build();
        assertThrows(ObjectiveException.class, () -> Skopt.gpMinimize(crashesAtSix, BRANIN, opts));
        Checkpoint saved = Checkpoint.load(ckpt);
        assertEquals(5, saved.funcVals().size());
        calls.set(100);
        OptimizeResult r = Skopt.gpMinimize(crashesAtSix, BRANIN, opts);
        assertEquals(104, calls.get(), "only the 4 missing calls are made");
        assertEquals(9, r.funcVals().length);
        assertEquals(saved.xIters(), r.xIters().subList(0, 5));
        assertEquals(9, Checkpoint.load(ckpt).funcVals().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Skopt.gpMinimize(crashesAtSix, MIXED, GpOptions.builder().resumeFrom(ckpt).build()));
        assertTrue(e.getMessage().contains("is for the space"), e.getMessage());
    }

    @Test
    void aRunStoredInSqliteResumesWithItsBudget(@TempDir Path dir) {
        AtomicInteger calls = new AtomicInteger();
        PointObjective f = x -> {
            calls.incrementAndGet();
            return branin(x);
        };
        try (Storage st = Storage.sqlite(dir.resolve("gp.db"))) {
            OptimizeResult r = Skopt.gpMinimize(f, BRANIN, GpOptions.builder().acqFunc("EI").nCalls(7).nInitialPoints(4)
                    .storage(st).studyName("branin").randomState(1).build());
            assertEquals(7, calls.get());
            assertEquals(7, r.study().completeTrials().size());
        }
        try (Storage st = Storage.sqlite(dir.resolve("gp.db"))) {
            OptimizeResult r = Skopt.gpMinimize(f, BRANIN, GpOptions.builder().acqFunc("EI").nCalls(10).nInitialPoints(4)
                    .storage(st).studyName("branin").randomState(1).build());
            assertEquals(10, calls.get(), "the resumed run makes only the 3 calls left of its budget");
            assertEquals(10, r.funcVals().length);
            assertEquals(10, new HashSet<>(r.xIters()).size());
        }
    }

    @Test
    void stoppers() {
        AtomicInteger calls = new AtomicInteger();
        OptimizeResult r = Skopt.gpMinimize(x -> {
            calls.incrementAndGet();
            return 1.0; // flat: the 5 best are equal after 5 calls
        }, BRANIN, GpOptions.builder().nCalls(30).nInitialPoints(3).callback(new DeltaYStopper(0.01)).randomState(0).build());
        assertEquals(5, calls.get());
        assertEquals(5, r.funcVals().length);

        calls.set(0);
        Skopt.gpMinimize(x -> {
            calls.incrementAndGet();
            Thread.sleep(30);
            return branin(x);
        }, BRANIN, GpOptions.builder().nCalls(30).nInitialPoints(3).callback(new DeadlineStopper(Duration.ofMillis(10))).randomState(0).build());
        assertEquals(1, calls.get(), "a 10 ms budget is spent by the first 30 ms call");

        AtomicInteger seen = new AtomicInteger();
        Skopt.gpMinimize(GpMinimizeTest::branin, BRANIN, GpOptions.builder().nCalls(4).nInitialPoints(2).randomState(0)
                .callback(res -> seen.incrementAndGet() == 3).build());
        assertEquals(3, seen.get(), "a callback returning true stops the run");
    }

    @Test
    void gpSamplerByNameInADefineByRunStudyThatMaximizes() {
        Study s = Study.builder("gp").maximize().sampler(Samplers.byName("gp", null, 4L)).create();
        s.optimize(t -> {
            double x = t.suggestFloat("x", -3, 3);
            String kind = t.suggestCategorical("kind", "a", "b");
            return -(x - 1) * (x - 1) + (kind.equals("b") ? 1 : 0);
        }, 22);
        assertTrue(s.bestValue() > 0.95, "finds x near 1 with kind b: " + s.bestTrial());
        assertEquals(22, s.trials(java.util.EnumSet.of(TrialState.COMPLETE)).size());
        assertTrue(Samplers.NAMES.contains("gp"));
        GpSampler hedge = GpSampler.builder().acquisition(Acquisition.GP_HEDGE).nInitialPoints(3).seed(1L).build();
        Study h = Study.builder("hedge").minimize().sampler(hedge).create();
        h.optimize(t -> branin(t.suggestFloat("x1", -5, 10), t.suggestFloat("x2", 0, 15)), 12);
        assertTrue(Arrays.stream(hedge.hedgeGains()).anyMatch(g -> g != 0), "gp_hedge updates its gains");
        assertTrue(h.bestValue() < 10);
    }

    @Test
    void partialDependenceOfTheLastModelPointsAtTheMinimum() {
        OptimizeResult r = Skopt.gpMinimize(GpMinimizeTest::mixed, MIXED,
                GpOptions.builder().acqFunc("EI").nCalls(25).nInitialPoints(8).randomState(11).build());
        Surrogate last = r.models().get(r.models().size() - 1);
        PartialDependence.Curve lr = PartialDependence.of(last, MIXED, 0, 40, 100, 0);
        assertEquals(40, lr.values().size());
        int argmin = 0;
        for (int i = 1; i < lr.mean().length; i++) if (lr.mean()[i] < lr.mean()[argmin]) argmin = i;
        double best = Math.log10((Double) lr.values().get(argmin));
        assertEquals(-2.5, best, 0.75, "the learning rate's partial dependence is lowest near 10^-2.5: " + lr.values().get(argmin));
        PartialDependence.Curve act = PartialDependence.of(last, MIXED, 3, 40, 100, 0);
        assertEquals(List.of("sigmoid", "tanh", "relu"), act.values());
        PartialDependence.Curve layers = PartialDependence.of(last, MIXED, 1, 40, 20, 0);
        assertEquals(8, layers.values().size(), "one grid point per integer 3..10");
        PartialDependence.Surface both = PartialDependence.of(last, MIXED, 0, 2, 10, 20, 0);
        assertEquals(10, both.mean().length);
        assertEquals(10, both.mean()[0].length);
    }
}
