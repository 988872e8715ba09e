package org.tunebook.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values are CPython 3.11's own outputs for the same seeds. */
class PythonRandomTest {

    @Test
    void reproducesCPythonRandom() {
        Rng r = Rng.python(42);
        assertEquals(0.6394267984578837, r.random());
        assertEquals(0.025010755222666936, r.random());
        assertEquals(0.27502931836911926, r.random());
        assertEquals(0.5043802970418443, Rng.python((1L << 40) + 5).random(), "seeds wider than 32 bits use two key words");
        assertEquals(0.23796462709189137, Rng.python(-3).random(), "Python seeds with |seed|");
    }

    @Test
    void reproducesRandintAndGauss() {
        Rng r = Rng.python(42);
        int[] got = new int[5];
        for (int i = 0; i < 5; i++) got[i] = r.randint(1, 10);
        assertEquals("[2, 1, 5, 4, 4]", java.util.Arrays.toString(got));
        Rng g = Rng.python(0);
        assertEquals(0.8444218515250481, g.random());
        assertEquals(0.05219198828260849, g.gauss(0, 1), 0.0);
        assertEquals(-1.0434089742005737, g.gauss(0, 1), 1e-15, "the cached second deviate");
    }

    @Test
    void randbelowStaysInRange() {
        Rng r = Rng.python(7);
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) counts[r.randbelow(3)]++;
        for (int c : counts) assertTrue(c > 850 && c < 1150, "roughly uniform: " + java.util.Arrays.toString(counts));
    }
}
