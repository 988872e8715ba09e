package org.tunebook.sampler.nsga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.moo.Hypervolume;
import org.tunebook.sampler.Samplers;
import org.tunebook.storage.Storage;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.MultiObjective;
import org.tunebook.study.Study;

class NsgaIISamplerTest {

    /** ZDT1 with n variables: f1 = x1, f2 = g (1 - sqrt(x1 / g)), g = 1 + 9 mean(x2..xn); front at g = 1. */
    static MultiObjective zdt1(int n) {
        return t -> {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = t.suggestFloat("x" + i, 0, 1);
            double s = 0;
            for (int i = 1; i < n; i++) s += x[i];
            double g = 1 + 9 * s / (n - 1);
            return new double[]{x[0], g * (1 - Math.sqrt(x[0] / g))};
        };
    }

    private static Study study(String name, NsgaIISampler s) {
        return Study.builder(name).directions(Direction.MINIMIZE, Direction.MINIMIZE).sampler(s).create();
    }

    private static double hvUpTo(Study s, int generation) {
        List<FrozenTrial> upTo = s.completeTrials().stream()
                .filter(t -> NsgaIISampler.generationOf(t) != null && NsgaIISampler.generationOf(t) <= generation).toList();
        return Hypervolume.ofTrials(upTo, s.directions(), new double[]{1.1, 1.1 * 10});
    }

    @Test
    void improvesHypervolumeOnZdt1OverGenerations() {
        Study s = study("zdt1", NsgaIISampler.builder().populationSize(20).seed(3).build());
        s.optimizeMulti(zdt1(8), 400);
        Map<Integer, Integer> sizes = new TreeMap<>();
        for (FrozenTrial t : s.completeTrials()) sizes.merge(NsgaIISampler.generationOf(t), 1, Integer::sum);
        assertEquals(20, sizes.size(), sizes.toString());
        for (int n : sizes.values()) assertEquals(20, n, "one population per generation: " + sizes);
        double hv0 = hvUpTo(s, 0), hv5 = hvUpTo(s, 5), hv19 = hvUpTo(s, 19);
        assertTrue(hv5 > hv0 && hv19 > hv5 * 1.02, "hypervolume by generation: " + hv0 + " " + hv5 + " " + hv19);
        // the elite of the last generation is much closer to the true front (g = 1) than the random first one
        double meanG0 = meanG(NsgaIISampler.generation(s, 0)), meanG19 = meanG(NsgaIISampler.generation(s, 19));
        assertTrue(meanG19 < meanG0 - 1.0, "mean g of generation 0: " + meanG0 + ", generation 19: " + meanG19);
    }

    private static double meanG(List<FrozenTrial> ts) {
        double sum = 0;
        for (FrozenTrial t : ts) {
            double f1 = t.values().get(0), f2 = t.values().get(1);
            // solve f2 = g (1 - sqrt(f1/g)) for g: g - sqrt(f1 g) - f2 = 0 -> sqrt(g) = (sqrt(f1) + sqrt(f1 + 4 f2)) / 2
            double r = (Math.sqrt(f1) + Math.sqrt(f1 + 4 * f2)) / 2;
            sum += r * r;
        }
        return sum / ts.size();
    }

    @Test
    void reproducibleBySeed() {
        Study a = study("a", NsgaIISampler.builder().populationSize(10).seed(9).build());
        Study b = study("b", NsgaIISampler.builder().populationSize(10).seed(9).build());
        Study c = study("c", NsgaIISampler.builder().populationSize(10).seed(10).build());
        for (Study s : List.of(a, b, c)) s.optimizeMulti(zdt1(4), 60);
        assertEquals(a.trials().stream().map(FrozenTrial::params).toList(), b.trials().stream().map(FrozenTrial::params).toList());
        assertNotEquals(a.trials().stream().map(FrozenTrial::params).toList(), c.trials().stream().map(FrozenTrial::params).toList());
    }

    @Test
    void resumedStudyContinuesTheSameEvolution(@TempDir Path dir) {
        Path db = dir.resolve("nsga.db");
        Study first = Study.builder("evo").directions(Direction.MINIMIZE, Direction.MINIMIZE).storage(Storage.sqlite(db))
                .sampler(NsgaIISampler.builder().populationSize(10).seed(1).build()).create();
        first.optimizeMulti(zdt1(4), 35);
        // a new process: a fresh sampler instance on the same storage
        Study again = Study.builder("evo").storage(Storage.sqlite(db))
                .sampler(NsgaIISampler.builder().populationSize(10).seed(2).build()).load();
        again.optimizeMulti(zdt1(4), 25);
        Map<Integer, Integer> sizes = new TreeMap<>();
        for (FrozenTrial t : again.completeTrials()) sizes.merge(NsgaIISampler.generationOf(t), 1, Integer::sum);
        assertEquals(Map.of(0, 10, 1, 10, 2, 10, 3, 10, 4, 10, 5, 10), sizes);
        // parents of generation 4 were chosen by the first process and reused by the second
        assertTrue(again.systemAttrs().containsKey(NsgaIISampler.PARENTS_KEY_PREFIX + "3"));
        assertTrue(again.systemAttrs().containsKey(NsgaIISampler.PARENTS_KEY_PREFIX + "5"));
        assertEquals(10, ((List<?>) again.systemAttrs().get(NsgaIISampler.PARENTS_KEY_PREFIX + "5")).size());
    }

    @Test
    void parallelWorkersShareGenerations() {
        Study s = study("par", NsgaIISampler.builder().populationSize(10).seed(4).build());
        s.optimizeMulti(zdt1(4), org.tunebook.study.OptimizeOptions.trials(60).withJobs(2));
        assertEquals(60, s.completeTrials().size(), s.describeCounts());
        int maxGen = s.completeTrials().stream().mapToInt(NsgaIISampler::generationOf).max().orElseThrow();
        assertTrue(maxGen >= 4 && maxGen <= 6, "60 trials in populations of 10 make about 6 generations: " + maxGen);
    }

    @Test
    void sbxAndPolynomialMutationStayInRangeAndOnGrids() {
        NsgaIISampler sampler = NsgaIISampler.builder().populationSize(8).crossover(NsgaIISampler.Crossover.SBX)
                .mutation(NsgaIISampler.Mutation.POLYNOMIAL).mutationProb(0.5).seed(5).build();
        Study s = study("sbx", sampler);
        s.optimizeMulti(t -> {
            double a = t.suggestFloat("a", -2, 2);
            int k = t.suggestInt("k", 0, 10, 2);
            double q = t.suggestFloat("q", 0, 1, 0.25);
            String c = t.suggestCategorical("c", "u", "v");
            return new double[]{a * a + k + q + (c.equals("u") ? 0 : 1), (a - 1) * (a - 1) + (10 - k) + (1 - q)};
        }, 80);
        assertEquals(80, s.completeTrials().size(), s.describeCounts());
        for (FrozenTrial t : s.trials()) {
            int k = (Integer) t.params().get("k");
            double q = (Double) t.params().get("q");
            assertEquals(0, k % 2, t.toString());
            assertEquals(0, (q * 4) % 1, 1e-9, t.toString());
        }
    }

    @Test
    void registeredByName() {
        assertTrue(Samplers.byName("nsga2", null, 1L) instanceof NsgaIISampler);
        assertTrue(Samplers.NAMES.contains("nsga2"));
    }
}
