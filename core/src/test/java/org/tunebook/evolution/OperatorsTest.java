package org.tunebook.evolution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operators against DEAP's formulas on scripted random numbers; the expected values are worked out here from
 * the published formulas (Deb's bounded SBX and polynomial mutation), independently of the implementation.
 */
class OperatorsTest {
    private static final double[] MAX = {1.0};

    private static Individual ind(double v, double... genes) {
        Individual i = new Individual(genes.length == 0 ? new double[]{v} : genes);
        i.setFitness(new double[]{v}, MAX);
        return i;
    }

    @Test
    void sbxBoundedMatchesTheFormula() {
        // gene 0: crossed (u=0.3 <= 0.5), spread u=0.25, children not swapped (u=0.7 > 0.5)
        // gene 1: skipped (u=0.9 > 0.5)
        double[] a = {2.0, 1.0}, b = {6.0, 3.0};
        double[] low = {0.0, 0.0}, up = {10.0, 10.0};
        ScriptedRng rng = new ScriptedRng().uniforms(0.3, 0.25, 0.7, 0.9);
        Operators.cxSimulatedBinaryBounded(a, b, 10.0, low, up, rng);
        assertTrue(rng.exhausted());
        // by hand: x1=2, x2=6, eta=10, u=0.25
        // child 1: beta = 1 + 2*(2-0)/4 = 2, alpha = 2 - 2^-11; u <= 1/alpha, so beta_q = (u*alpha)^(1/11)
        double alpha1 = 2 - 1 / 2048.0;
        double bq1 = Math.exp(Math.log(0.25 * alpha1) / 11);
        double c1 = (8 - bq1 * 4) / 2;
        // child 2: beta = 1 + 2*(10-6)/4 = 3, alpha = 2 - 3^-11
        double alpha2 = 2 - 1 / 177147.0;
        double bq2 = Math.exp(Math.log(0.25 * alpha2) / 11);
        double c2 = (8 + bq2 * 4) / 2;
        assertEquals(c1, a[0], 1e-12);
        assertEquals(c2, b[0], 1e-12);
        assertEquals(1.0, a[1]);
        assertEquals(3.0, b[1]);
        assertTrue(c1 > 2.0 && c1 < 4.0 && c2 > 4.0 && c2 < 6.0, "u < 0.5 contracts the children towards the mean");
    }

    @Test
    void sbxBoundedSwapsAndUsesTheOtherBranch() {
        double[] a = {6.0}, b = {2.0};
        ScriptedRng rng = new ScriptedRng().uniforms(0.5, 0.9999, 0.2);
        Operators.cxSimulatedBinaryBounded(a, b, 10.0, new double[]{0}, new double[]{10}, rng);
        // u=0.9999 > 1/alpha: beta_q = (1/(2 - u*alpha))^(1/11); the last draw 0.2 <= 0.5 swaps: a gets child 2
        double alpha1 = 2 - 1 / 2048.0, alpha2 = 2 - 1 / 177147.0;
        double c1 = (8 - Math.pow(1 / (2 - 0.9999 * alpha1), 1 / 11.0) * 4) / 2;
        double c2 = (8 + Math.pow(1 / (2 - 0.9999 * alpha2), 1 / 11.0) * 4) / 2;
        assertEquals(c2, a[0], 1e-12);
        assertEquals(c1, b[0], 1e-12);
    }

    @Test
    void sbxBoundedLeavesEqualGenesAndDrawsNothingMore() {
        double[] a = {3.0}, b = {3.0};
        ScriptedRng rng = new ScriptedRng().uniforms(0.1);
        Operators.cxSimulatedBinaryBounded(a, b, 10.0, new double[]{0}, new double[]{10}, rng);
        assertTrue(rng.exhausted());
        assertEquals(3.0, a[0]);
    }

    @Test
    void polynomialBoundedMatchesTheFormula() {
        double[] x = {2.5, 7.0};
        // gene 0 mutated (u=0.1 <= indpb 0.5) with u=0.3 (< 0.5, downward); gene 1 mutated with u=0.8 (upward)
        ScriptedRng rng = new ScriptedRng().uniforms(0.1, 0.3, 0.5, 0.8);
        Operators.mutPolynomialBounded(x, 10.0, new double[]{0, 0}, new double[]{10, 10}, 0.5, rng);
        assertTrue(rng.exhausted());
        double d1 = 0.25; // (2.5 - 0) / 10
        double dq0 = Math.pow(2 * 0.3 + (1 - 0.6) * Math.pow(1 - d1, 11), 1 / 11.0) - 1;
        assertEquals(2.5 + dq0 * 10, x[0], 1e-12);
        double d2 = 0.3; // (10 - 7) / 10
        double dq1 = 1 - Math.pow(2 * 0.2 + 2 * 0.3 * Math.pow(1 - d2, 11), 1 / 11.0);
        assertEquals(7.0 + dq1 * 10, x[1], 1e-12);
        assertTrue(dq0 < 0 && dq1 > 0);
    }

    @Test
    void polynomialBoundedSkipsGenesAboveIndpb() {
        double[] x = {2.5};
        ScriptedRng rng = new ScriptedRng().uniforms(0.6);
        Operators.mutPolynomialBounded(x, 10.0, new double[]{0}, new double[]{10}, 0.5, rng);
        assertEquals(2.5, x[0]);
        assertTrue(rng.exhausted());
    }

    @Test
    void boundedOperatorsStayInBounds() {
        double[] low = {5, -5, -10, -20, -3, 0}, up = {15, 15, 15, 15, -1, 1.999};
        Rng rng = Rng.python(3);
        for (int t = 0; t < 2000; t++) {
            double[] a = new double[6], b = new double[6];
            for (int i = 0; i < 6; i++) {
                // parents at and near the bounds too
                a[i] = t % 5 == 0 ? low[i] : rng.uniform(low[i], up[i]);
                b[i] = t % 7 == 0 ? up[i] : rng.uniform(low[i], up[i]);
            }
            double eta = t % 2 == 0 ? 0.5 : 20;
            Operators.cxSimulatedBinaryBounded(a, b, eta, low, up, rng);
            Operators.mutPolynomialBounded(a, eta, low, up, 1.0, rng);
            for (int i = 0; i < 6; i++) {
                assertTrue(a[i] >= low[i] && a[i] <= up[i], "gene " + i + " = " + a[i]);
                assertTrue(b[i] >= low[i] && b[i] <= up[i], "gene " + i + " = " + b[i]);
            }
        }
    }

    @Test
    void blendUniformTwoPoint() {
        double[] a = {0, 0}, b = {10, 20};
        Operators.cxBlend(a, b, 0.5, new ScriptedRng().uniforms(0.25, 1.0));
        // gamma = 2u - 0.5: 0 then 1.5
        assertArrayEquals(new double[]{0, 30}, a, 1e-12);
        assertArrayEquals(new double[]{10, -10}, b, 1e-12);

        double[] c = {1, 2, 3}, d = {4, 5, 6};
        Operators.cxUniform(c, d, 0.5, new ScriptedRng().uniforms(0.4, 0.5, 0.0));
        assertArrayEquals(new double[]{4, 2, 6}, c);
        assertArrayEquals(new double[]{1, 5, 3}, d);

        double[] e = {1, 2, 3, 4, 5}, f = {6, 7, 8, 9, 10};
        // randint(1, 5) = 1 + 3 = 4 and randint(1, 4) = 1 + 0 = 1 < 4: the points swap to [1, 4)
        Operators.cxTwoPoint(e, f, new ScriptedRng().ints(3, 0));
        assertArrayEquals(new double[]{1, 7, 8, 9, 5}, e);
        assertArrayEquals(new double[]{6, 2, 3, 4, 10}, f);
        double[] g = {1, 2, 3, 4, 5}, h = {6, 7, 8, 9, 10};
        // randint(1, 5) = 2, randint(1, 4) = 2 >= 2 becomes 3: swaps [2, 3)
        Operators.cxTwoPoint(g, h, new ScriptedRng().ints(1, 1));
        assertArrayEquals(new double[]{1, 2, 8, 4, 5}, g);
    }

    @Test
    void gaussianAndUniformInt() {
        double[] x = {1, 1, 1};
        Operators.mutGaussian(x, 0.5, 2.0, 0.3, new ScriptedRng().uniforms(0.1, 0.3, 0.29).normals(1.5, -1.0));
        // gene 1 is not mutated: DEAP uses u < indpb here
        assertArrayEquals(new double[]{1 + 0.5 + 3.0, 1, 1 + 0.5 - 2.0}, x, 1e-12);
        double[] y = {0, 0};
        Operators.mutUniformInt(y, new int[]{2, 2}, new int[]{5, 5}, 0.5, new ScriptedRng().uniforms(0.2, 0.7).ints(3));
        assertArrayEquals(new double[]{5, 0}, y);
        double[] z = {0.0, 1.0};
        Operators.uniformInt(1.0).mutate(z, new double[]{-0.5, -0.5}, new double[]{2.5, 2.5}, new ScriptedRng().uniforms(0, 0).ints(2, 0));
        assertArrayEquals(new double[]{2, 0}, z, "index genes of [-0.5, 2.5] mutate among 0, 1, 2");
    }

    @Test
    void tournamentTakesTheFirstBestOfDrawsWithReplacement() {
        Individual a = ind(1), b = ind(5), c = ind(3), d = ind(5);
        List<Individual> pop = List.of(a, b, c, d);
        List<Individual> got = Operators.selTournament(pop, 3, 2, new ScriptedRng().ints(0, 2, 3, 1, 0, 0));
        assertSame(c, got.get(0));
        assertSame(d, got.get(1), "ties keep the first drawn");
        assertSame(a, got.get(2), "the same individual can be drawn twice");
        Individual m = new Individual(new double[]{0});
        m.setFitness(new double[]{1}, new double[]{-1});
        Individual n = new Individual(new double[]{0});
        n.setFitness(new double[]{2}, new double[]{-1});
        assertSame(m, Operators.selTournament(List.of(m, n), 1, 2, new ScriptedRng().ints(1, 0)).get(0), "minimization picks the lower value");
    }

    @Test
    void bestIsStableAndRouletteIsProportional() {
        Individual a = ind(1), b = ind(5), c = ind(3), d = ind(5);
        assertEquals(List.of(b, d, c), Operators.selBest(List.of(a, b, c, d), 3));
        // sorted b(5) d(5) c(3) a(1), total 14: u*14 = 4.9 -> b; 5.6 -> d; 13.5 -> a
        List<Individual> got = Operators.selRoulette(List.of(a, b, c, d), 3, new ScriptedRng().uniforms(0.35, 0.4, 13.5 / 14));
        assertEquals(List.of(b, d, a), got);
        Individual neg = ind(-1);
        assertThrows(IllegalArgumentException.class, () -> Operators.selRoulette(List.of(a, neg), 1, Rng.python(1)));
    }

    @Test
    void nsga2TakesFrontsThenCrowding() {
        double[] min2 = {-1, -1};
        double[][] pts = {{1, 5}, {2, 3}, {3, 2.5}, {5, 1}, {2, 4}, {6, 6}, {4, 4}};
        List<Individual> pop = new java.util.ArrayList<>();
        for (double[] p : pts) {
            Individual i = new Individual(p.clone());
            i.setFitness(p, min2);
            pop.add(i);
        }
        List<List<Individual>> fronts = Operators.sortNondominated(pop, pop.size());
        assertEquals(List.of(pop.get(0), pop.get(1), pop.get(2), pop.get(3)), fronts.get(0));
        assertEquals(List.of(pop.get(4)), fronts.get(1));
        assertEquals(List.of(pop.get(6)), fronts.get(2), "(2,4) dominates (4,4)");
        assertEquals(List.of(pop.get(5)), fronts.get(3));
        // crowding of the first front: extremes infinite; (2,3): ((3-1)/(2*4)) + ((5-2.5)/(2*4)) = 0.5625;
        // (3,2.5): ((5-2)/8) + ((3-1)/8) = 0.625
        double[] cd = Operators.crowdingDistances(fronts.get(0));
        assertEquals(Double.POSITIVE_INFINITY, cd[0]);
        assertEquals(0.5625, cd[1], 1e-12);
        assertEquals(0.625, cd[2], 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, cd[3]);
        List<Individual> sel = Operators.selNSGA2(pop, 3);
        assertEquals(List.of(pop.get(0), pop.get(3), pop.get(2)), sel, "front 1 cut to the two extremes and the most isolated");
    }
}
