package org.tunebook.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The numerical helpers of TPE against commons-math3 and brute force. */
class TruncNormTest {
    private static final NormalDistribution N = new NormalDistribution(0, 1);

    @Test
    void logMassMatchesCommonsMathInTheBodyAndStaysFiniteInTheTails() {
        double[][] intervals = {{-1, 1}, {-3, 0.5}, {0.2, 0.9}, {-2.5, -2.4}, {1, 4}, {-50, 50}, {3, 3.0005}, {-0.3, 7}};
        for (double[] ab : intervals) {
            double exact = Math.log(N.cumulativeProbability(ab[1]) - N.cumulativeProbability(ab[0]));
            assertEquals(exact, TruncNorm.logMass(ab[0], ab[1]), 1e-6 * Math.max(1, Math.abs(exact)), ab[0] + ".." + ab[1]);
        }
        // far tails: log P(40 < Z < 41) ~ -800 - log(40) - log(sqrt(2 pi)); no underflow to -infinity
        double tail = TruncNorm.logMass(40, 41);
        assertEquals(-0.5 * 40 * 40 - Math.log(40) - TruncNorm.LOG_SQRT_2PI, tail, 0.01);
        assertEquals(tail, TruncNorm.logMass(-41, -40), 1e-9);
        assertEquals(Double.NEGATIVE_INFINITY, TruncNorm.logMass(1, 1));
    }

    @Test
    void samplesStayInsideAndFollowTheTruncatedShape() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] intervals = {{-1, 2}, {0, 0.1}, {2, 6}, {-8, -7.5}, {30, 31}};
        for (double[] ab : intervals) {
            double sum = 0;
            int n = 4000;
            for (int i = 0; i < n; i++) {
                double z = TruncNorm.sample(ab[0], ab[1], rng);
                assertTrue(z >= ab[0] && z <= ab[1], z + " outside " + ab[0] + ".." + ab[1]);
                sum += z;
            }
            // mean of a truncated standard normal: (phi(a) - phi(b)) / (Phi(b) - Phi(a)), computed in log space
            double la = -0.5 * ab[0] * ab[0], lb = -0.5 * ab[1] * ab[1];
            double mass = TruncNorm.logMass(ab[0], ab[1]) + TruncNorm.LOG_SQRT_2PI;
            double mean = Math.exp(la - mass) - Math.exp(lb - mass);
            double width = ab[1] - ab[0];
            assertEquals(mean, sum / n, 0.05 * Math.min(1, width) + 0.01, ab[0] + ".." + ab[1]);
        }
    }

    @Test
    void argsortIsAStableSort() {
        double[] v = {3, -1, 2, -1, 0, 2, -0.0, 1e-300, -5};
        assertArrayEquals(new int[]{8, 1, 3, 4, 6, 7, 2, 5, 0}, ParzenEstimator.argsort(v, v.length));
    }
}
