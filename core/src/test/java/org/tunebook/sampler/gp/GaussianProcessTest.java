package org.tunebook.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;

class GaussianProcessTest {

    private static final double[][] X3 = {{0.0, 0.0}, {0.5, 1.0}, {1.0, 0.25}};
    private static final double[] Y3 = {1.0, -1.0, 0.5};

    @Test
    void posteriorMeanVarianceAndLikelihoodMatchAHandComputedCase() {
        // amplitude 2, length scales (0.5, 2), noise 1e-3, no standardization; reference values computed with
        // numpy from k = a (1 + s + s^2/3) exp(-s), s = sqrt(5) r: mean = k*^T K^-1 y, var = a - k*^T K^-1 k*
        var h = new GaussianProcess.Hyperparameters(2.0, new double[]{0.5, 2.0}, 1e-3);
        GaussianProcess gp = GaussianProcess.condition(X3, Y3, h, 0.0, 1.0);
        double[] p = gp.predict(new double[]{0.25, 0.5});
        assertEquals(-0.08766458267248156, p[0], 1e-10);
        assertEquals(Math.sqrt(0.26307058756648516), p[1], 1e-10);
        assertEquals(-4.892326989676897, gp.logMarginalLikelihood(), 1e-9);
        // at an observed point the noise-free posterior nearly interpolates
        double[] at = gp.predict(X3[1]);
        assertEquals(-1.0, at[0], 2e-3);
        assertTrue(at[1] < 0.05, "std at an observation: " + at[1]);
        // standardization only rescales the posterior
        GaussianProcess scaled = GaussianProcess.condition(X3, new double[]{13, 9, 12}, h, 11.0, 2.0);
        double[] ps = scaled.predict(new double[]{0.25, 0.5});
        assertEquals(11 + 2 * -0.08766458267248156, ps[0], 1e-9);
        assertEquals(2 * Math.sqrt(0.26307058756648516), ps[1], 1e-9);
    }

    @Test
    void fitReachesAtLeastScikitLearnsLogMarginalLikelihood() {
        double[][] x = {{0.5488135039273248, 0.7151893663724195}, {0.6027633760716439, 0.5448831829968969}, {0.4236547993389047, 0.6458941130666561},
                {0.4375872112626925, 0.8917730007820798}, {0.9636627605010293, 0.3834415188257777}, {0.7917250380826646, 0.5288949197529045},
                {0.5680445610939323, 0.925596638292661}, {0.07103605819788694, 0.08712929970154071}, {0.02021839744032572, 0.832619845547938},
                {0.7781567509498505, 0.8700121482468192}, {0.978618342232764, 0.7991585642167236}, {0.46147936225293185, 0.7805291762864555},
                {0.11827442586893322, 0.6399210213275238}, {0.1433532874090464, 0.9446689170495839}, {0.5218483217500717, 0.4146619399905236},
                {0.26455561210462697, 0.7742336894342167}, {0.45615033221654855, 0.5684339488686485}, {0.018789800436355142, 0.6176354970758771},
                {0.6120957227224214, 0.6169339968747569}, {0.9437480785146242, 0.6818202991034834}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.sin(6 * x[i][0]) + x[i][1] * x[i][1];
        GaussianProcess gp = GaussianProcess.fit(x, y, GaussianProcess.FitSettings.defaults(), null, new SplittableRandom(1));
        // scikit-learn 1.x, same kernel, bounds and normalize_y, 5 restarts: lml 8.9494
        assertTrue(gp.logMarginalLikelihood() > 8.9494 - 1e-3, gp.toString());
        double[] p = gp.predict(new double[]{0.3, 0.3});
        assertEquals(Math.sin(1.8) + 0.09, p[0], 0.05, "the fitted GP predicts a smooth function between observations");
        var h = gp.hyperparameters();
        assertTrue(h.noise() >= GaussianProcess.NOISE_LOW && h.amplitude() <= GaussianProcess.AMPLITUDE_HIGH);
    }

    @Test
    void choleskyFallsBackToJitterOnDuplicatedInputs() {
        double[][] x = {{0.2}, {0.2}, {0.7}};
        var h = new GaussianProcess.Hyperparameters(1, new double[]{0.3}, 0.0);
        GaussianProcess gp = GaussianProcess.condition(x, new double[]{1, 1, 0}, h, 0, 1);
        assertEquals(1.0, gp.predict(new double[]{0.2})[0], 1e-3);
    }

    @Test
    void acquisitionFormulas() {
        NormalDistribution n = new NormalDistribution();
        double mu = 0.3, sigma = 0.5, best = 0.1, xi = 0.01;
        double z = (best - xi - mu) / sigma;
        assertEquals((best - xi - mu) * n.cumulativeProbability(z) + sigma * n.density(z),
                Acquisition.expectedImprovement(mu, sigma, best, xi), 1e-7);
        assertEquals(n.cumulativeProbability(z), Acquisition.probabilityOfImprovement(mu, sigma, best, xi), 1e-7);
        assertEquals(mu - 1.96 * sigma, Acquisition.lowerConfidenceBound(mu, sigma, 1.96), 1e-15);
        // a mean far below the best: EI tends to the plain improvement, PI to 1
        assertEquals(best - xi - (-5.0), Acquisition.expectedImprovement(-5, 0.1, best, xi), 1e-9);
        assertEquals(1.0, Acquisition.probabilityOfImprovement(-5, 0.1, best, xi), 1e-9);
        assertEquals(0.0, Acquisition.expectedImprovement(0, 0, best, xi));
        for (double t : new double[]{-8, -3, -1, 0, 0.5, 2, 6}) {
            assertEquals(n.cumulativeProbability(t), Acquisition.cdf(t), 1.5e-7 * Math.max(1e-3, n.cumulativeProbability(t)) + 1e-12);
        }
        assertEquals(Acquisition.GP_HEDGE, Acquisition.parse("gp_hedge"));
        assertEquals(Acquisition.EI, Acquisition.parse("ei"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Acquisition.parse("UCB"));
        assertTrue(e.getMessage().contains("acqFunc 'UCB'") && e.getMessage().contains("EI, PI, LCB or gp_hedge"), e.getMessage());
    }

    private static UnitCube mixedCube() {
        Map<String, Distribution> m = new LinkedHashMap<>();
        m.put("lr", FloatDistribution.logUniform(1e-4, 1e-1));
        m.put("layers", IntDistribution.uniform(3, 10));
        m.put("units", IntDistribution.logUniform(8, 512));
        m.put("act", CategoricalDistribution.of("sigmoid", "tanh", "relu"));
        m.put("opt", CategoricalDistribution.of("adam", "sgd"));
        m.put("drop", FloatDistribution.stepped(0.0, 0.5, 0.1));
        return new UnitCube(m);
    }

    @Test
    void unitCubeRoundTripsAndOneHotEncodesCategoricals() {
        UnitCube cube = mixedCube();
        assertEquals(1 + 1 + 1 + 3 + 1 + 1, cube.columns());
        double[] v = {1e-3, 7, 64, 2, 1, 0.3};
        double[] u = cube.encode(v);
        assertEquals(1.0 / 3.0, u[0], 1e-12, "log10 1e-3 is a third of the way from 1e-4 to 1e-1");
        assertEquals(4.0 / 7.0, u[1], 1e-12);
        assertArrayEquals(new double[]{0, 0, 1}, new double[]{u[3], u[4], u[5]});
        assertArrayEquals(v, cube.decode(u), 1e-12);
        // a point between two configurations projects onto one of them
        double[] w = u.clone();
        w[1] += 0.3 / 7;
        w[3] = 0.6;
        w[5] = 0.5;
        cube.project(w);
        double[] back = cube.decode(w);
        assertEquals(7, back[1]);
        assertEquals(0, back[3], "argmax of the one-hot block");
        assertArrayEquals(cube.encode(back), w, 1e-12);
    }

    @Test
    void randomDrawsGiveEndValuesOfAnIntegerTheirFullShare() {
        Map<String, Distribution> m = new LinkedHashMap<>();
        m.put("k", IntDistribution.uniform(0, 2));
        UnitCube cube = new UnitCube(m);
        SplittableRandom rng = new SplittableRandom(3);
        int[] counts = new int[3];
        for (int i = 0; i < 30_000; i++) counts[(int) cube.decode(cube.random(rng))[0]]++;
        for (int c : counts) assertEquals(10_000, c, 500, "each of 0, 1, 2 about a third: " + java.util.Arrays.toString(counts));
    }

    @Test
    void acquisitionOptimizerNeverReturnsAnExcludedConfiguration() {
        Map<String, Distribution> m = new LinkedHashMap<>();
        m.put("a", IntDistribution.uniform(0, 3));
        m.put("b", CategoricalDistribution.of("x", "y", "z"));
        UnitCube cube = new UnitCube(m);
        // 12 configurations; exclude 11 of them: the only free one must come back, whatever the model says
        Set<String> excluded = new HashSet<>();
        double[] free = cube.encode(new double[]{2, 1});
        double[][] x = new double[11][];
        double[] y = new double[11];
        int k = 0;
        for (int a = 0; a <= 3; a++) {
            for (int b = 0; b < 3; b++) {
                double[] u = cube.encode(new double[]{a, b});
                if (cube.key(u).equals(cube.key(free))) continue;
                excluded.add(cube.key(u));
                x[k] = u;
                y[k++] = (a - 1) * (a - 1) + b;
            }
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, GaussianProcess.FitSettings.defaults(), null, new SplittableRandom(0));
        var opt = new AcquisitionOptimizer(cube, gp, 0, 0.01, 1.96, excluded, AcquisitionOptimizer.Settings.defaults());
        var props = opt.optimize(List.of(Acquisition.EI, Acquisition.LCB, Acquisition.PI), List.of(x[0]), new SplittableRandom(1));
        for (var p : props) assertArrayEquals(new double[]{2, 1}, cube.decode(p.u()));
        excluded.add(cube.key(free));
        var none = new AcquisitionOptimizer(cube, gp, 0, 0.01, 1.96, excluded, AcquisitionOptimizer.Settings.defaults())
                .optimize(List.of(Acquisition.EI), List.of(x[0]), new SplittableRandom(1));
        assertEquals(null, none[0], "an exhausted space has no proposal");
    }

    @Test
    void initialDesignsAreSeededAndSpaceFilling() {
        double[][] a = InitialPoints.LHS.design(10, 3, new SplittableRandom(5));
        double[][] b = InitialPoints.LHS.design(10, 3, new SplittableRandom(5));
        for (int i = 0; i < 10; i++) assertArrayEquals(a[i], b[i]);
        for (int j = 0; j < 3; j++) {
            boolean[] strata = new boolean[10];
            for (double[] row : a) strata[(int) (row[j] * 10)] = true;
            for (boolean s : strata) assertTrue(s, "one LHS point per tenth in every coordinate");
        }
        for (InitialPoints g : InitialPoints.values()) {
            double[][] d = g.design(16, 4, new SplittableRandom(9));
            for (double[] row : d) for (double t : row) assertTrue(t >= 0 && t < 1, g + " point in [0,1): " + t);
            assertFalse(java.util.Arrays.equals(d[0], g.design(16, 4, new SplittableRandom(10))[0]), g + " depends on the seed");
        }
        double[][] s = InitialPoints.SOBOL.design(8, 1, new SplittableRandom(0));
        Set<Integer> eighths = new HashSet<>();
        for (double[] row : s) eighths.add((int) (row[0] * 8));
        assertEquals(8, eighths.size(), "8 shifted Sobol' points fill the 8 eighths of [0,1)");
        assertNotEquals(InitialPoints.parse("halton"), InitialPoints.parse("sobol"));
        assertThrows(IllegalArgumentException.class, () -> InitialPoints.parse("grid"));
    }
}
