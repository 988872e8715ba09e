package org.tunebook.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunebook.space.Categorical;
import org.tunebook.space.Int;
import org.tunebook.space.Real;
import org.tunebook.space.Space;
import tech.tablesaw.api.Table;

/** Hall of fame, statistics, logbook, genome decoding. */
class RecordsTest {

    private static Individual ind(double v, double g) {
        Individual i = new Individual(new double[]{g});
        i.setFitness(new double[]{v}, new double[]{1});
        return i;
    }

    @Test
    void hallOfFameKeepsTheBestDistinctCopiesNewestFirstAmongEquals() {
        HallOfFame hof = new HallOfFame(2);
        Individual a = ind(1, 10), b = ind(3, 11), c = ind(3, 12), dup = ind(3, 11), d = ind(2, 13);
        hof.update(List.of(a, b));
        assertEquals(List.of(3.0, 1.0), List.of(hof.get(0).value(), hof.get(1).value()));
        assertNotSame(b, hof.get(0), "members are copies");
        hof.update(List.of(dup, c, d));
        assertEquals(12.0, hof.get(0).gene(0), "an equal newcomer goes before the older equal member");
        assertEquals(11.0, hof.get(1).gene(0));
        assertEquals(2, hof.size());
    }

    @Test
    void statisticsFollowNumpy() {
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) v[i] = 0.1 * (i + 1);
        // numpy.mean(v) sums in pairwise blocks of 8; the result is 1.05 exactly as numpy prints it
        assertEquals(1.05, Statistics.mean(v), 1e-15);
        double var = 0;
        for (double x : v) var += (x - 1.05) * (x - 1.05);
        assertEquals(Math.sqrt(var / 20), Statistics.std(v), 1e-12);
        assertEquals(0.1, Statistics.min(v), 0);
        assertEquals(2.0, Statistics.max(v), 1e-15);
        // numpy sums 0.1 + 0.2 + ... in 8 partial sums: not the left-to-right order
        double[] w = {1e16, 1, -1e16, 1, 1, 1, 1, 1, 1, 1};
        double seq = 0;
        for (double x : w) seq += x;
        double pairwise = ((1e16 + 1) + (-1e16 + 1)) + ((1 + 1) + (1 + 1)) + 1 + 1;
        assertEquals(pairwise, Statistics.pairwiseSum(w, 0, w.length), 0);
        assertTrue(seq != pairwise, "the check above distinguishes the two orders");
        Statistics s = Statistics.fitness().register("max", "avg");
        assertEquals(List.of("max", "avg"), s.fields());
        assertEquals(Map.of("max", 3.0, "avg", 2.0), s.compile(List.of(ind(1, 0), ind(2, 0), ind(3, 0))));
    }

    @Test
    void logbookPrintsLikeDeap() {
        Logbook lb = new Logbook(List.of("max", "avg"));
        double[] avg = {0.7859371428571428, 0.9277571428571428, 0.9322628571428571, 0.9337904761904762};
        int[] nevals = {7, 2, 4, 2};
        for (int g = 0; g < 4; g++) {
            Map<String, Double> st = new LinkedHashMap<>();
            st.put("max", 0.9345285714285714);
            st.put("avg", avg[g]);
            lb.record(g, nevals[g], st);
        }
        // the seed's printed logbook
        String expected = "gen\tnevals\tmax     \tavg     \n"
                + "0  \t7     \t0.934529\t0.785937\n"
                + "1  \t2     \t0.934529\t0.927757\n"
                + "2  \t4     \t0.934529\t0.932263\n"
                + "3  \t2     \t0.934529\t0.93379 ";
        assertEquals(expected, lb.toString());
        Table t = lb.toTable();
        assertEquals(List.of("gen", "nevals", "max", "avg"), t.columnNames());
        assertEquals(4, t.rowCount());
        assertEquals(4, t.intColumn("nevals").getInt(2));
        assertEquals(List.of(7, 2, 4, 2), lb.select("nevals"));
        assertEquals("1.23457e+06", Logbook.format(1234567.0));
        assertEquals("0.0001234", Logbook.format(0.0001234));
        assertEquals("1.234e-05", Logbook.format(0.00001234));
        assertEquals("100", Logbook.format(100.0));
        assertEquals("-inf", Logbook.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void genesDecodeEveryValueWithEqualChance() {
        Space space = Space.of(Real.logUniform("lr", 1e-4, 1e-1), Int.of("layers", 1, 3),
                Categorical.of("solver", "sgd", "adam"), Real.uniform("dropout", 0, 0.5));
        Genome g = Genome.of(space);
        assertEquals(-4.0, g.gene(0).low(), 1e-12);
        assertEquals(-1.0, g.gene(0).high(), 1e-12);
        assertEquals(1e-4, (Double) g.gene(0).decode(-4.0), 1e-18);
        assertEquals(1e-2, (Double) g.gene(0).decode(-2.0), 1e-15);
        int[] layers = new int[4];
        int[] solver = new int[2];
        Rng rng = Rng.python(1);
        for (int i = 0; i < 6000; i++) {
            layers[(Integer) g.gene(1).decode(rng.uniform(g.gene(1).low(), g.gene(1).high()))]++;
            solver["sgd".equals(g.gene(2).decode(rng.uniform(g.gene(2).low(), g.gene(2).high()))) ? 0 : 1]++;
        }
        assertEquals(0, layers[0]);
        for (int k = 1; k <= 3; k++) assertTrue(Math.abs(layers[k] - 2000) < 150, "layers " + java.util.Arrays.toString(layers));
        assertTrue(Math.abs(solver[0] - 3000) < 200, "solver " + java.util.Arrays.toString(solver));
        for (Object v : List.of(1, 2, 3)) assertEquals(v, g.gene(1).decode(g.gene(1).encode(v)));
        assertEquals("adam", g.gene(2).decode(g.gene(2).encode("adam")));
        assertEquals(Map.of("lr", 1e-3, "layers", 2, "solver", "adam", "dropout", 0.25).keySet(),
                g.decode(new double[]{-3, 1, 1, 0.25}).keySet());
    }

    @Test
    void decodeHelpersFollowTheSeed() {
        // the seed's convertParams: (13,) when the second layer gene rounds to <= 0; Python's round halves to even
        assertEquals(List.of(13), Decode.layerSizes(12.7, -0.4, 14, 3));
        assertEquals(List.of(13, 2, 14), Decode.layerSizes(12.7, 2.2, 14, -3));
        assertEquals(List.of(12), Decode.layerSizes(12.5, 0.5, 9, 9), "round(0.5) = 0 ends the list");
        assertEquals("sgd", Decode.choice(0.999, "sgd", "adam"));
        assertEquals("adam", Decode.choice(1.999, "sgd", "adam"));
        assertEquals(0.01, Decode.pow10(-2), 1e-15);
    }
}
