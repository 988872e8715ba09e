package org.tunebook.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tunebook.sampler.nsga.NsgaIISampler;
import org.tunebook.sampler.tpe.TpeSampler;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Objective;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

/** Optuna's constraints_func for TpeSampler and NsgaIISampler: values stored with each trial, infeasible ranked last. */
class ConstraintsFunctionTest {

    /** Minimise x^2 + y^2 subject to x + y >= 1 (c = 1 - x - y <= 0): the constrained optimum is 0.5 at (0.5, 0.5). */
    private static final Objective SPHERE = t -> {
        double x = t.suggestFloat("x", -3, 3), y = t.suggestFloat("y", -3, 3);
        return x * x + y * y;
    };
    private static final Function<FrozenTrial, double[]> HALF_PLANE =
            t -> new double[]{1 - (Double) t.params().get("x") - (Double) t.params().get("y")};

    private static double bestFeasible(Study s) {
        return s.completeTrials().stream().filter(FrozenTrial::isFeasible).mapToDouble(FrozenTrial::value).min().orElse(Double.NaN);
    }

    @Test
    void tpeStoresConstraintsAndSearchesTheFeasibleRegion() {
        long feasibleWith = 0, feasibleWithout = 0;
        for (int seed = 0; seed < 3; seed++) {
            Study with = Study.builder("c").minimize().sampler(TpeSampler.builder().seed(seed).constraintsFunc(HALF_PLANE).build()).create();
            Study without = Study.builder("c").minimize().sampler(TpeSampler.seeded(seed)).create();
            with.optimize(SPHERE, 60);
            without.optimize(SPHERE, 60);
            for (FrozenTrial t : with.trials()) {
                assertEquals(TrialState.COMPLETE, t.state(), t.toString());
                assertArrayEquals(HALF_PLANE.apply(t), ConstraintsFunction.of(t), 0, t.toString());
            }
            assertTrue(ConstraintsFunction.of(without.trials().get(0)).length == 0, "no constraints stored without a function");
            feasibleWith += with.trials().subList(30, 60).stream().filter(FrozenTrial::isFeasible).count();
            feasibleWithout += without.trials().subList(30, 60).stream()
                    .filter(t -> HALF_PLANE.apply(t)[0] <= 0).count();
            assertTrue(bestFeasible(with) < 1.0, "best feasible value " + bestFeasible(with)); // optimum 0.5
        }
        // without constraints TPE homes in on the infeasible (0, 0); with them it stays on the feasible side
        assertTrue(feasibleWith >= 45 && feasibleWith > feasibleWithout + 20,
                "late feasible trials: " + feasibleWith + "/90 with constraints, " + feasibleWithout + "/90 without");
    }

    @Test
    void aBrokenConstraintsFunctionFailsTheTrialWithTheFix() {
        Study s = Study.builder("c").minimize().sampler(TpeSampler.builder().seed(1)
                .constraintsFunc(t -> (Double) t.params().get("x") > 0 ? new double[]{Double.NaN} : new double[]{0}).build()).create();
        s.optimize(SPHERE, 20);
        List<FrozenTrial> failed = s.trials(java.util.Set.of(TrialState.FAIL));
        assertTrue(!failed.isEmpty() && failed.size() < 20, s.describeCounts());
        assertTrue(failed.get(0).failReason().contains("constraint values must be finite"), failed.get(0).failReason());
        assertEquals(20 - failed.size(), s.completeTrials().size(), s.describeCounts());
    }

    @Test
    void nsgaKeepsMoreOfItsTrialsFeasible() {
        // f1 = x, f2 = 1 - sqrt(x) + y on [0, 1]^2: every x is on the unconstrained front; the constraint x <= 0.6 cuts it
        long with = 0, without = 0;
        for (int seed = 0; seed < 3; seed++) {
            for (boolean constrained : new boolean[]{true, false}) {
                NsgaIISampler.Builder b = NsgaIISampler.builder().populationSize(10).seed(seed);
                if (constrained) b.constraintsFunc(t -> new double[]{(Double) t.params().get("x") - 0.6});
                Study s = Study.builder("n").directions(Direction.MINIMIZE, Direction.MINIMIZE).sampler(b.build()).create();
                s.optimizeMulti(t -> {
                    double x = t.suggestFloat("x", 0, 1), y = t.suggestFloat("y", 0, 1);
                    return new double[]{x, 1 - Math.sqrt(x) + y};
                }, 200);
                assertEquals(200, s.completeTrials().size(), s.describeCounts());
                long late = s.trials().subList(150, 200).stream().filter(t -> (Double) t.params().get("x") <= 0.6).count();
                if (constrained) with += late;
                else without += late;
            }
        }
        assertTrue(with >= 110 && with > without + 10, "feasible trials among the last 50 of 3 seeds: " + with + "/150 with constraints, "
                + without + "/150 without");
    }
}
