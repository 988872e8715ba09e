package org.tunebook.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The minima the benchmarks measure regret against are where the formulas say. */
class FunctionsTest {
    @Test
    void knownMinima() {
        assertEquals(Functions.BRANIN.minimum(), Functions.branin(Math.PI, 2.275), 1e-6);
        assertEquals(Functions.BRANIN.minimum(), Functions.branin(-Math.PI, 12.275), 1e-6);
        assertEquals(Functions.HARTMANN6.minimum(), Functions.hartmann6(new double[]{0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573}), 1e-5);
        assertEquals(0, Functions.rosenbrock(new double[]{1, 1, 1, 1}), 1e-12);
        assertEquals(0, Functions.ackley(new double[5]), 1e-12);
        assertEquals(0, Functions.MIXED.apply(Map.of("x", 1.0, "lr", 0.01, "units", 7, "act", "b")), 1e-12);
    }
}
