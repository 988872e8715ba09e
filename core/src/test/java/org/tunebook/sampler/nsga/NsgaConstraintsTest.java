package org.tunebook.sampler.nsga;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tunebook.sampler.ConstraintsFunction;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.TrialState;

class NsgaConstraintsTest {

    private static FrozenTrial trial(int number, double f1, double f2, Double constraint) {
        Map<String, Object> sys = constraint == null ? Map.of() : Map.of(ConstraintsFunction.KEY, List.of(constraint, -1.0));
        return new FrozenTrial(number, number + 1, TrialState.COMPLETE, List.of(f1, f2), Map.of(), Map.of(), Map.of(), sys,
                new TreeMap<>(), Instant.EPOCH, Instant.EPOCH, null);
    }

    @Test
    void feasibleFirstThenOneRankPerViolation() {
        List<FrozenTrial> pool = new ArrayList<>(List.of(trial(0, 0, 0, 1.0), trial(1, 1, 1, 0.5), trial(2, 2, 2, -1.0),
                trial(3, 3, 0, 0.0), trial(4, 0, 3, null), trial(5, 5, 5, 0.5), trial(6, 4, 4, -0.5)));
        double[][] loss = new double[pool.size()][];
        for (int i = 0; i < loss.length; i++) loss[i] = new double[]{pool.get(i).values().get(0), pool.get(i).values().get(1)};
        // feasible: #2, #3, #4 (no constraints counts as feasible) non-dominated, #6 dominated by #2;
        // infeasible after them: violation 0.5 (#1, #5), then 1.0 (#0), whatever their objectives
        assertArrayEquals(new int[]{3, 2, 0, 0, 0, 2, 1}, NsgaIISampler.constrainedRanks(pool, loss));
        List<Direction> min = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
        assertTrue(NsgaIISampler.constrainedDominates(pool.get(6), pool.get(0), min), "feasible beats infeasible");
        assertFalse(NsgaIISampler.constrainedDominates(pool.get(0), pool.get(6), min), "infeasible never beats feasible");
        assertTrue(NsgaIISampler.constrainedDominates(pool.get(1), pool.get(0), min), "less violation wins");
        assertTrue(NsgaIISampler.constrainedDominates(pool.get(2), pool.get(6), min), "feasible pair: plain domination");
        assertFalse(NsgaIISampler.constrainedDominates(pool.get(3), pool.get(4), min), "feasible pair, neither dominates");
    }
}
