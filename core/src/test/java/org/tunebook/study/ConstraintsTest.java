package org.tunebook.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.sampler.RandomSampler;

/** Constraint values set by the objective (Optuna 5's trial.set_constraint) and what they change in a study. */
class ConstraintsTest {

    @Test
    void badConstraintValuesNameTheConstraintAndTheFix() {
        Study s = Study.builder("bad").create();
        Trial t = s.ask();
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> t.setConstraint("latency", Double.NaN));
        assertTrue(nan.getMessage().contains("constraint 'latency'") && nan.getMessage().contains("finite number"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.setConstraint(" ", 1));
        t.setConstraint("latency", -3);
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> t.setConstraint("latency", 5));
        assertTrue(twice.getMessage().contains("already set to -3.0"), twice.getMessage());
        assertEquals(Map.of("latency", -3.0), t.constraints());
    }

    @Test
    void theBestTrialIsTheBestFeasibleOne(@TempDir Path dir) {
        String url = "sqlite:" + dir.resolve("c.db");
        Study s = Study.builder("best").storage(url).sampler(new RandomSampler(1L)).create();
        s.optimize(t -> {
            double x = t.suggestFloat("x", -10, 10);
            t.setConstraint("x>=2", 2 - x);     // feasible when x >= 2
            return x * x;                        // unconstrained minimum at 0: infeasible
        }, 60);
        FrozenTrial best = s.bestTrial();
        assertTrue(best.isFeasible(), best.constraints().toString());
        double bestX = (Double) best.params().get("x");
        assertTrue(bestX >= 2, "best feasible x: " + bestX);
        for (FrozenTrial t : s.completeTrials()) {
            if (t.isFeasible()) assertTrue(t.value() >= best.value());
        }
        assertTrue(s.completeTrials().stream().anyMatch(t -> !t.isFeasible() && t.value() < best.value()),
                "some infeasible trial has a better value (else the test shows nothing)");
        // constraints are stored with the trial: a reopened study sees them
        Study again = Study.builder("best").storage(url).loadIfExists().create();
        assertEquals(best.number(), again.bestTrial().number());
        assertEquals(2 - bestX, again.bestTrial().constraints().get("x>=2"), 1e-12);
    }

    @Test
    void withoutAFeasibleTrialThereIsNoBestAndTheErrorSaysWhy() {
        Study s = Study.builder("none").create();
        s.optimize(t -> {
            t.setConstraint("never", 1);
            return t.suggestFloat("x", 0, 1);
        }, 3);
        assertTrue(s.bestTrialIfAny().isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class, s::bestTrial);
        assertTrue(e.getMessage().contains("no feasible COMPLETE trial"), e.getMessage());
        assertFalse(s.completeTrials().get(0).isFeasible());
        assertEquals(1.0, Constraints.violation(s.completeTrials().get(0).constraints()));
    }

    @Test
    void theParetoFrontOfAConstrainedStudyHoldsFeasibleTrialsOnly() {
        Study s = Study.builder("front").directions(Direction.MINIMIZE, Direction.MINIMIZE).create();
        double[][] rows = {{0, 0, 1}, {1, 0.2, 0}, {0.2, 1, 0}, {0.5, 0.5, 0}, {0.9, 0.9, 0}};
        for (double[] r : rows) {
            Trial t = s.ask();
            t.setConstraint("c", r[2]);
            s.tell(t, r[0], r[1]);
        }
        assertEquals(List.of(1, 2, 3), s.bestTrials().stream().map(FrozenTrial::number).sorted().toList());
    }

    @Test
    void theOlderListFormatCountsAsNumberedConstraints() {
        Study s = Study.builder("list").create();
        Trial t = s.ask();
        t.setSystemAttr(Constraints.KEY, List.of(-1.0, 0.5));
        FrozenTrial done = s.tell(t, 1.0);
        assertEquals(Map.of("0", -1.0, "1", 0.5), done.constraints());
        assertFalse(done.isFeasible());
    }
}
