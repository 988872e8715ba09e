package org.tunebook.moo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.ParetoFront;
import org.tunebook.study.Study;
import org.tunebook.study.Trial;

class HypervolumeTest {

    @Test
    void twoDimensionalByHand() {
        // union of [1,3]x[2,3] and [2,3]x[1,3]: 2 + 2 - 1
        assertEquals(3.0, Hypervolume.of(new double[][]{{1, 2}, {2, 1}}, new double[]{3, 3}), 1e-12);
        // a dominated point and a point beyond the reference add nothing
        assertEquals(3.0, Hypervolume.of(new double[][]{{1, 2}, {2, 1}, {2.5, 2.5}, {0, 4}}, new double[]{3, 3}), 1e-12);
        assertEquals(0.0, Hypervolume.of(new double[0][], new double[]{1, 1}));
    }

    @Test
    void knownFrontsOfZdt1AndZdt2() {
        // the true fronts f2 = 1 - sqrt(f1) and f2 = 1 - f1^2 on [0,1] dominate 2/3 and 1/3 of the unit square
        int n = 2001;
        double[][] zdt1 = new double[n][], zdt2 = new double[n][];
        for (int i = 0; i < n; i++) {
            double f1 = i / (n - 1.0);
            zdt1[i] = new double[]{f1, 1 - Math.sqrt(f1)};
            zdt2[i] = new double[]{f1, 1 - f1 * f1};
        }
        assertEquals(2.0 / 3, Hypervolume.of(zdt1, new double[]{1, 1}), 1e-3);
        assertEquals(1.0 / 3, Hypervolume.of(zdt2, new double[]{1, 1}), 1e-3);
    }

    @Test
    void wfgMatchesInclusionExclusionIn3And4Dimensions() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int m = 3; m <= 4; m++) {
            for (int rep = 0; rep < 20; rep++) {
                int n = 1 + rng.nextInt(8);
                double[][] pts = new double[n][m];
                for (double[] p : pts) for (int d = 0; d < m; d++) p[d] = rng.nextDouble();
                double[] ref = new double[m];
                java.util.Arrays.fill(ref, 1.0);
                assertEquals(inclusionExclusion(pts, ref), Hypervolume.of(pts, ref), 1e-12, "m=" + m + " n=" + n);
            }
        }
        // points on the simplex x+y+z = 1 (a known 3-D front): volume dominated within the unit cube
        assertEquals(0.125, Hypervolume.of(new double[][]{{0.5, 0.5, 0.5}}, new double[]{1, 1, 1}), 1e-12);
    }

    /** HV = sum over non-empty subsets S of (-1)^(|S|+1) vol(box of the componentwise max of S). */
    private static double inclusionExclusion(double[][] pts, double[] ref) {
        int n = pts.length, m = ref.length;
        double total = 0;
        for (int mask = 1; mask < 1 << n; mask++) {
            double[] corner = new double[m];
            java.util.Arrays.fill(corner, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                if ((mask & 1 << i) == 0) continue;
                for (int d = 0; d < m; d++) corner[d] = Math.max(corner[d], pts[i][d]);
            }
            double v = 1;
            for (int d = 0; d < m; d++) v *= Math.max(0, ref[d] - corner[d]);
            total += Integer.bitCount(mask) % 2 == 1 ? v : -v;
        }
        return total;
    }

    @Test
    void nonDominatedRanks() {
        double[][] pts = {{1, 4}, {2, 2}, {4, 1}, {3, 3}, {5, 5}, {2, 2}};
        assertArrayEquals(new int[]{0, 0, 0, 1, 2, 0}, NonDominatedSort.ranks(pts));
        assertEquals(List.of(0, 1, 2, 5), NonDominatedSort.front(pts));
    }

    @Test
    void paretoFrontAndHypervolumeOfAStudyWithMixedDirections() {
        // maximise accuracy, minimise latency: the known front is {(0.9, 10), (0.95, 20), (0.99, 50)}
        Study s = Study.builder("mixed").directions(Direction.MAXIMIZE, Direction.MINIMIZE).create();
        double[][] results = {{0.9, 10}, {0.95, 20}, {0.99, 50}, {0.85, 15}, {0.94, 30}, {0.9, 60}};
        for (double[] r : results) {
            Trial t = s.ask();
            s.tell(t, r);
        }
        List<FrozenTrial> front = ParetoFront.of(s.completeTrials(), s.directions());
        assertEquals(List.of(0, 1, 2), front.stream().map(FrozenTrial::number).toList());
        // reference (0.8, 100) in objective units: boxes 0.1 x 90 + 0.05 x 80 + 0.04 x 50 stacked
        double expected = 0.1 * 90 + (0.95 - 0.9) * 80 + (0.99 - 0.95) * 50;
        assertEquals(expected, Hypervolume.ofTrials(s.trials(), s.directions(), new double[]{0.8, 100}), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Hypervolume.ofTrials(s.trials(), s.directions(), new double[]{1}));
    }
}
