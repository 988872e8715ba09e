package org.tunebook.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.space.Categorical;
import org.tunebook.space.Int;
import org.tunebook.space.Real;
import org.tunebook.space.Space;
import tech.tablesaw.api.Table;

class StudyTest {

    private static Study study(long seed) {
        return Study.builder("s").minimize().sampler(new RandomSampler(seed)).create();
    }

    @Test
    void optimizesAndReportsTheBestTrial() {
        Study s = study(1);
        s.optimize(t -> {
            double x = t.suggestFloat("x", -10, 10);
            return (x - 2) * (x - 2);
        }, 200);
        assertEquals(200, s.trials().size());
        assertTrue(s.bestValue() < 0.05, "random search on 200 points finds (x-2)^2 < 0.05: " + s.bestValue());
        assertEquals(s.bestTrial().params(), s.bestParams());
        for (FrozenTrial t : s.trials()) assertTrue(s.bestValue() <= t.value());
    }

    @Test
    void sameSeedSameTrials() {
        Objective f = t -> t.suggestFloat("x", 1e-3, 1, true) + t.suggestInt("n", 1, 100, true) + (double) t.suggestCategorical("c", 1, 2, 3).hashCode();
        Study a = study(42), b = study(42), c = study(43);
        a.optimize(f, 30);
        b.optimize(f, 30);
        c.optimize(f, 30);
        assertEquals(30, a.completeTrials().size());
        List<Map<String, Object>> pa = a.trials().stream().map(FrozenTrial::params).toList();
        assertEquals(pa, b.trials().stream().map(FrozenTrial::params).toList());
        assertFalse(pa.equals(c.trials().stream().map(FrozenTrial::params).toList()));
    }

    @Test
    void exceptionsAndNaNsFailOnlyTheirTrial() {
        Study s = study(3);
        s.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            if (t.number() == 1) throw new IllegalStateException("boom");
            if (t.number() == 2) return Double.NaN;
            if (t.number() == 3) return Double.POSITIVE_INFINITY;
            return x;
        }, OptimizeOptions.trials(6).withLogFailures(false));
        List<FrozenTrial> ts = s.trials();
        assertEquals(6, ts.size());
        assertEquals(TrialState.FAIL, ts.get(1).state());
        assertEquals("IllegalStateException: boom", ts.get(1).failReason());
        assertEquals("the objective returned NaN: return a finite number", ts.get(2).failReason());
        assertEquals("the objective returned Infinity: return a finite number", ts.get(3).failReason());
        assertEquals(3, s.completeTrials().size());
        assertEquals(1, ts.get(1).params().size(), "the failed trial keeps its parameters");
    }

    @Test
    void uncaughtExceptionsStopAfterStoringTheFailure() {
        Study s = study(3);
        ObjectiveException e = assertThrows(ObjectiveException.class, () -> s.optimize(t -> {
            t.suggestFloat("x", 0, 1);
            if (t.number() == 2) throw new java.io.IOException("disk full");
            return 1;
        }, OptimizeOptions.trials(10).withCatchExceptions(false).withLogFailures(false)));
        assertEquals("trial #2 failed: java.io.IOException: disk full", e.getMessage());
        assertEquals(3, s.trials().size());
        assertEquals(TrialState.FAIL, s.trials().get(2).state());
    }

    @Test
    void interruptEndsTheStudyCleanlyKeepingFinishedTrials() throws Exception {
        for (int jobs : new int[]{1, 2}) {
            Study s = study(5);
            CountDownLatch fourDone = new CountDownLatch(4);
            Thread runner = new Thread(() -> s.optimize(t -> {
                t.suggestFloat("x", 0, 1);
                if (fourDone.getCount() == 0) Thread.sleep(60_000); // interrupted here
                fourDone.countDown();
                return t.number();
            }, OptimizeOptions.trials(1000).withJobs(jobs)));
            runner.start();
            assertTrue(fourDone.await(20, TimeUnit.SECONDS));
            Thread.sleep(100);
            runner.interrupt();
            runner.join(20_000);
            assertFalse(runner.isAlive(), "optimize() returned after the interrupt");
            List<FrozenTrial> all = s.trials();
            assertTrue(s.completeTrials().size() >= 4, "jobs=" + jobs + ": " + s.describeCounts());
            assertTrue(all.stream().anyMatch(t -> t.state() == TrialState.FAIL && t.failReason().startsWith("interrupted")),
                    "jobs=" + jobs + ": the running trial is FAIL: " + all);
            assertEquals(0, s.trials(EnumSet.of(TrialState.RUNNING)).size(), "no trial left RUNNING");
            assertTrue(all.size() < 50);
        }
    }

    @Test
    void enqueuedPointsComeFirstAndMissingParamsAreSampled() {
        Study s = study(7);
        s.enqueueTrial(Map.of("x", 0.25));
        s.enqueueTrial(Map.of("x", 0.5, "act", "tanh"));
        s.optimize(t -> t.suggestFloat("x", 0, 1) + (t.suggestCategorical("act", "relu", "tanh").equals("relu") ? 0 : 1), 4);
        List<FrozenTrial> ts = s.trials();
        assertEquals(0.25, ts.get(0).params().get("x"));
        assertEquals(0.5, ts.get(1).params().get("x"));
        assertEquals("tanh", ts.get(1).params().get("act"));
        assertEquals(1.5, ts.get(1).value());
    }

    @Test
    void enqueuedValueOutsideTheRangeFailsThatTrialWithAClearReason() {
        Study s = study(7);
        s.enqueueTrial(Map.of("x", 5.0));
        s.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(2).withLogFailures(false));
        assertEquals("IllegalArgumentException: parameter 'x': the fixed value 5.0 (enqueued or grid point) is not in real(0.0,1.0): "
                + "change the fixed value or the range", s.trials().get(0).failReason());
        assertEquals(TrialState.COMPLETE, s.trials().get(1).state());
    }

    @Test
    void askAndTell() {
        Study s = Study.builder("at").maximize().sampler(new RandomSampler(1L)).create();
        Space space = Space.of(Real.logUniform("lr", 1e-4, 1e-1), Int.of("layers", 1, 5), Categorical.of("act", "relu", "tanh"));
        for (int i = 0; i < 5; i++) {
            Trial t = s.ask(space);
            assertEquals(3, t.params().size());
            s.tell(t, (double) (int) t.params().get("layers"));
        }
        Trial pruned = s.ask();
        pruned.suggestFloat("lr", 1e-4, 1e-1, true);
        pruned.report(0.5, 0);
        pruned.report(0.7, 1);
        FrozenTrial p = s.tell(pruned, TrialState.PRUNED);
        assertEquals(0.7, p.value());
        assertEquals(Map.of(0, 0.5, 1, 0.7), p.intermediateValues());
        assertThrows(IllegalStateException.class, () -> s.tell(pruned, 1.0));
        assertEquals(5, s.completeTrials().size());
        assertEquals(s.completeTrials().stream().mapToDouble(FrozenTrial::value).max().orElseThrow(), s.bestValue());
    }

    @Test
    void conditionalDefineByRunSpace() {
        Study s = study(11);
        s.optimize(t -> {
            String type = t.suggestCategorical("model_type", "logistic-regression", "decision-tree", "svm");
            switch (type) {
                case "logistic-regression" -> t.suggestFloat("C", 0.01, 10, true);
                case "decision-tree" -> t.suggestInt("max_depth", 2, 32);
                default -> t.suggestCategorical("kernel", "linear", "rbf");
            }
            return 1;
        }, 40);
        for (FrozenTrial t : s.trials()) {
            assertEquals(2, t.params().size());
            String type = (String) t.params().get("model_type");
            assertTrue(t.params().containsKey(switch (type) {
                case "logistic-regression" -> "C";
                case "decision-tree" -> "max_depth";
                default -> "kernel";
            }));
        }
        Table table = s.trialsTable();
        assertEquals(40, table.rowCount());
        assertTrue(table.columnNames().containsAll(List.of("number", "value", "datetime_start", "datetime_complete", "duration",
                "params_model_type", "params_C", "params_max_depth", "params_kernel", "state")));
        int missingC = table.doubleColumn("params_C").countMissing();
        assertEquals(40 - s.trials().stream().filter(t -> t.params().containsKey("C")).count(), missingC);
    }

    @Test
    void oneNameWithTwoDistributionsIsAnError() {
        Study s = study(1);
        Trial t = s.ask();
        t.suggestFloat("x", 0, 1);
        assertEquals(0.0 + (double) t.params().get("x"), t.suggestFloat("x", 0, 1), "asking again returns the same value");
        assertEquals("parameter 'x' was already suggested in this trial as real(0.0,1.0), now as int(0,1): use the same range, or another name",
                assertThrows(IllegalArgumentException.class, () -> t.suggestInt("x", 0, 1)).getMessage());
        s.tell(t, 1.0);
        Trial u = s.ask();
        assertEquals("parameter 'x' is real(0.0,1.0) in earlier trials of study 's' but cat(a,b) now: keep one kind of distribution per name, or use another name",
                assertThrows(IllegalArgumentException.class, () -> u.suggestCategorical("x", "a", "b")).getMessage());
    }

    @Test
    void userAttributesPrunedTrialsAndCallbacks() {
        Study s = study(2);
        List<Integer> seen = new ArrayList<>();
        s.optimize(t -> {
            t.setUserAttr("note", "n" + t.number());
            t.setUserAttr("size", t.number() * 10);
            for (int step = 0; step < 3; step++) {
                t.report(step * 0.1, step);
                if (t.number() % 2 == 1 && step == 1) throw new TrialPruned();
            }
            return t.suggestFloat("x", 0, 1);
        }, OptimizeOptions.trials(100).withCallback((study, trial) -> {
            seen.add(trial.number());
            if (seen.size() == 6) study.stop();
        }));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), seen);
        FrozenTrial odd = s.trials().get(1);
        assertEquals(TrialState.PRUNED, odd.state());
        assertEquals(0.1, odd.value());
        assertEquals(Map.of("note", "n1", "size", 10), odd.userAttrs());
        Table table = s.trialsTable();
        assertEquals(50.0, table.doubleColumn("user_attrs_size").get(5));
        assertEquals("PRUNED", table.stringColumn("state").get(3));
        assertThrows(IllegalArgumentException.class, () -> s.ask().setUserAttr("bad", new Object()));
    }

    @Test
    void timeoutEndsTheRun() {
        Study s = study(2);
        long start = System.nanoTime();
        s.optimize(t -> {
            Thread.sleep(20);
            return t.suggestFloat("x", 0, 1);
        }, null, Duration.ofMillis(300), 1);
        assertTrue(s.trials().size() >= 2 && s.trials().size() < 60, s.describeCounts());
        assertTrue(System.nanoTime() - start < 5e9);
    }

    @Test
    void multiObjectiveParetoFront() {
        Study s = Study.builder("mo").directions(Direction.MINIMIZE, Direction.MINIMIZE).sampler(new RandomSampler(9L)).create();
        s.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            return new double[]{x, (1 - x) * (1 - x)};
        }, 50);
        List<FrozenTrial> front = s.bestTrials();
        assertEquals(50, front.size(), "x -> (x, (1-x)^2) has no dominated point");
        assertThrows(IllegalStateException.class, s::bestTrial);
        assertThrows(IllegalStateException.class, () -> s.optimize(t -> 1, 1));
        s.optimizeMulti(t -> new double[]{1}, OptimizeOptions.trials(1).withLogFailures(false));
        assertEquals("the objective returned 1 values but study 'mo' has 2 directions", s.trials().get(50).failReason());
        Table table = s.trialsTable();
        assertTrue(table.columnNames().containsAll(List.of("values_0", "values_1")));
    }

    @Test
    void sqliteStudiesResumeWhereTheyStopped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String url = "sqlite:" + dir.resolve("resume.db");
        Objective f = t -> Math.abs(t.suggestFloat("x", -1, 1));
        Study first = Study.builder("resume").minimize().storage(url).sampler(new RandomSampler(1L)).create();
        first.optimize(f, 7);
        first.storage().close();
        assertEquals("study 'resume' already exists in " + url + ": load it (loadIfExists) to resume it, or choose another name",
                assertThrows(IllegalStateException.class, () -> Study.builder("resume").storage(url).create()).getMessage());
        Study again = Study.builder("resume").minimize().storage(url).sampler(new RandomSampler(2L)).loadIfExists().create();
        again.optimize(f, 5);
        assertEquals(12, again.trials().size());
        assertEquals(java.util.stream.IntStream.range(0, 12).boxed().toList(), again.trials().stream().map(FrozenTrial::number).toList());
        Study loaded = Studies.load("resume", again.storage());
        assertEquals(again.bestValue(), loaded.bestValue());
        assertEquals(Direction.MINIMIZE, loaded.direction());
        assertThrows(IllegalArgumentException.class, () -> Study.builder("resume").maximize().storage(again.storage()).loadIfExists().create());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Studies.load("nope", again.storage())).getMessage()
                .startsWith("no study 'nope' in " + url + ": known studies are [resume]"));
        again.storage().close();
    }

    @Test
    void aBrokenListenerNeverEndsTheStudy() {
        Study s = study(4);
        StudyListener broken = new StudyListener() {
            @Override
            public void onTrialFinished(Study study, FrozenTrial trial) {
                if (trial.number() == 1) throw new NoSuchMethodError("DisplayData.setDisplayId");
                if (trial.number() == 2) throw new IllegalStateException("display closed");
            }
        };
        s.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(5).withListener(broken));
        assertEquals(5, s.completeTrials().size());
    }

    @Test
    void badOptionsAreClearErrors() {
        assertEquals("nJobs must be >= 1 (or -1 for one job per core), got 0",
                assertThrows(IllegalArgumentException.class, () -> OptimizeOptions.trials(1).withJobs(0)).getMessage());
        assertEquals("nTrials must be >= 0, got -3",
                assertThrows(IllegalArgumentException.class, () -> OptimizeOptions.trials(-3)).getMessage());
        Study s = study(1);
        assertEquals("study 's' has no COMPLETE trial yet (no trials)", assertThrows(IllegalStateException.class, s::bestTrial).getMessage());
        assertNull(s.bestTrialIfAny().orElse(null));
    }
}
