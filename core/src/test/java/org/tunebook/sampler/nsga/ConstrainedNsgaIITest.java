package org.tunebook.sampler.nsga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.MultiObjective;
import org.tunebook.study.Study;

/**
 * NSGA-II with constraints set by the objective ({@code Trial.setConstraint}): minimize (x, y) on [0, 1]^2 subject
 * to x + y >= 1. The unconstrained front is the corner (0, 0), which is infeasible; the constrained front is the
 * segment x + y = 1.
 */
class ConstrainedNsgaIITest {

    private static MultiObjective corner(boolean constrained) {
        return t -> {
            double x = t.suggestFloat("x", 0, 1), y = t.suggestFloat("y", 0, 1);
            if (constrained) t.setConstraint("x+y>=1", 1 - x - y);
            return new double[]{x, y};
        };
    }

    private static Study run(boolean constrained) {
        Study s = Study.builder(constrained ? "constrained" : "free").directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(NsgaIISampler.builder().populationSize(20).seed(11).build()).create();
        s.optimizeMulti(corner(constrained), 400);
        return s;
    }

    private static double feasibleShare(List<FrozenTrial> trials) {
        return trials.stream().filter(t -> t.params().get("x") instanceof Double x && t.params().get("y") instanceof Double y
                && x + y >= 1).count() / (double) trials.size();
    }

    @Test
    void theEvolutionMovesIntoTheFeasibleRegionAndAlongItsFront() {
        Study s = run(true);
        double first = feasibleShare(NsgaIISampler.generation(s, 0));
        double last = feasibleShare(NsgaIISampler.generation(s, 19));
        assertTrue(first > 0.2 && first < 0.8, "generation 0 is random: half of it feasible, got " + first);
        // children come from feasible parents but the default mutation redraws a parameter with probability 1/2,
        // so about half of them stay feasible; without constraints the share falls to about 0.1 (the control test)
        assertTrue(last >= 0.45, "generation 19 should stay largely feasible, got a share of " + last);
        List<FrozenTrial> front = s.bestTrials();
        assertTrue(front.size() >= 10, "a spread front, got " + front.size());
        double meanSum = 0;
        for (FrozenTrial t : front) {
            assertTrue(t.isFeasible(), "only feasible trials on the front: " + t.constraints());
            meanSum += (t.values().get(0) + t.values().get(1)) / front.size();
        }
        assertTrue(meanSum < 1.1, "front points lie near x + y = 1: mean x + y = " + meanSum);
    }

    @Test
    void withoutConstraintsTheSameRunGoesToTheInfeasibleCorner() {
        // the control: the same sampler and seed without constraints leaves the region x + y >= 1
        Study s = run(false);
        double last = feasibleShare(NsgaIISampler.generation(s, 19));
        assertTrue(last < 0.3, "without constraints generation 19 leaves x + y >= 1, got a feasible share of " + last);
    }

    @Test
    void eliteRanksFeasibleTrialsFirstThenByViolation() {
        Study s = Study.builder("ranks").directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(NsgaIISampler.builder().populationSize(3).seed(1).build()).create();
        // (values, violation): an infeasible trial with the best values must still rank after every feasible one
        double[][] rows = {{0.0, 0.0, 0.5}, {0.9, 0.9, 0.0}, {0.1, 0.1, 0.2}, {0.5, 0.6, 0.0}, {0.2, 0.2, 0.1}};
        for (double[] r : rows) {
            var t = s.ask();
            t.setConstraint("c", r[2]);
            s.tell(t, r[0], r[1]);
        }
        List<FrozenTrial> elite = NsgaIISampler.builder().populationSize(3).build().elite(s.completeTrials(), s);
        assertEquals(List.of(3, 1, 4), elite.stream().map(FrozenTrial::number).toList(),
                "feasible #3 (dominates #1), feasible #1, then the least violating #4");
        assertFalse(s.completeTrials().get(0).isFeasible());
    }
}
