package org.tunebook.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.TrialList;
import org.tunebook.study.TrialState;

/**
 * The history a TPE sampler keeps between proposals must give exactly what a fresh one gives for the same trial
 * list: with trials finishing out of order (parallel workers, other processes), with RUNNING trials that publish
 * their joint values, and with a stale list that still shows RUNNING a trial the history has already folded.
 */
class TpeHistoryTest {

    private static final List<String> NAMES = List.of("c", "k", "lr", "x");
    private static final List<Distribution> DISTS = List.of(new CategoricalDistribution(List.of("a", "b", "c")),
            new IntDistribution(1, 5, false, 1), FloatDistribution.logUniform(1e-4, 1), FloatDistribution.uniform(0, 1));

    /** One trial's life: created at {@code number}, finished at {@code end} (a time step) as {@code state}. */
    private record Life(int number, int end, TrialState state, double value, Map<String, Object> params, boolean publishes) {
    }

    private static List<Life> lives(long seed, int n) {
        Random r = new Random(seed);
        List<Life> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            TrialState state = u < 0.08 ? TrialState.PRUNED : u < 0.12 ? TrialState.FAIL : TrialState.COMPLETE;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("c", List.of("a", "b", "c").get(r.nextInt(3)));
            if (r.nextDouble() > 0.1) p.put("k", 1 + r.nextInt(5)); // some trials lack k: no row
            p.put("lr", Math.pow(10, -4 * r.nextDouble()));
            p.put("x", r.nextInt(10) == 0 ? 0.5 : r.nextDouble()); // exact ties too
            double value = r.nextInt(8) == 0 ? 1.0 : r.nextGaussian(); // tied values too
            out.add(new Life(i, i + 1 + r.nextInt(6), state, value, p, r.nextBoolean()));
        }
        return out;
    }

    /** The trial list a sampler reads at time {@code now}: COMPLETE, PRUNED and RUNNING trials created before it. */
    private static List<FrozenTrial> listAt(List<Life> lives, int now) {
        List<FrozenTrial> out = new ArrayList<>();
        for (Life l : lives) {
            if (l.number >= now) break;
            boolean done = l.end <= now;
            TrialState state = done ? l.state : TrialState.RUNNING;
            if (state == TrialState.FAIL) continue;
            Map<String, Object> params = new LinkedHashMap<>();
            Map<String, Distribution> dists = new LinkedHashMap<>();
            Map<String, Object> sys = new LinkedHashMap<>();
            if (done) {
                l.params.forEach((name, v) -> {
                    params.put(name, v);
                    dists.put(name, DISTS.get(NAMES.indexOf(name)));
                });
            } else if (l.publishes) { // a RUNNING trial of another worker with its jointly sampled values
                Map<String, Object> relative = new LinkedHashMap<>();
                l.params.forEach((name, v) -> relative.put(name, DISTS.get(NAMES.indexOf(name)).toInternal(v)));
                sys.put(TpeSampler.RELATIVE_PARAMS_KEY, relative);
            }
            TreeMap<Integer, Double> inter = new TreeMap<>();
            if (state == TrialState.PRUNED) {
                inter.put(0, l.value + 1);
                if (l.number % 2 == 0) inter.put(1, l.value);
            }
            List<Double> values = state == TrialState.COMPLETE ? List.of(l.value) : state == TrialState.PRUNED ? List.of(l.value) : List.of();
            out.add(new FrozenTrial(l.number, 1000 + l.number, state, values, params, dists, Map.of(), sys, inter,
                    Instant.EPOCH, done ? Instant.EPOCH : null, null));
        }
        return out;
    }

    private static void assertSame(TpeHistory.Groups want, TpeHistory.Groups got, String where) {
        assertEquals(want.nBelow, got.nBelow, where);
        assertEquals(want.nAbove, got.nAbove, where);
        for (int j = 0; j < NAMES.size(); j++) {
            assertArrayEquals(slice(want.below[j], want.nBelow), slice(got.below[j], got.nBelow), where + " below " + NAMES.get(j));
            assertArrayEquals(slice(want.above[j], want.nAbove), slice(got.above[j], got.nAbove), where + " above " + NAMES.get(j));
            assertArrayEquals(want.aboveOrder[j], got.aboveOrder[j], where + " order " + NAMES.get(j));
        }
    }

    private static double[] slice(double[] a, int n) {
        double[] out = new double[n];
        System.arraycopy(a, 0, out, 0, n);
        return out;
    }

    @Test
    void incrementalHistoryEqualsAFreshOneForEveryList() {
        for (Direction direction : Direction.values()) {
            List<Life> lives = lives(direction.ordinal() + 3, 150);
            TpeHistory kept = new TpeHistory("kept");
            int checked = 0;
            for (int now = 2; now <= 150; now++) {
                List<FrozenTrial> list = listAt(lives, now);
                FrozenTrial current = list.get(list.size() - 1); // the newest trial is the one being sampled
                if (current.state() != TrialState.RUNNING) continue;
                for (List<FrozenTrial> l : List.of(list, listAt(lives, Math.max(2, now - 6)))) { // then a stale list
                    FrozenTrial cur = l.get(l.size() - 1);
                    TpeHistory.Groups got = kept.groups(TrialList.of(l), cur, NAMES, DISTS, List.of(direction), TpeSampler::defaultGamma);
                    TpeHistory.Groups want = new TpeHistory("fresh").groups(TrialList.of(l), cur, NAMES, DISTS, List.of(direction), TpeSampler::defaultGamma);
                    assertSame(want, got, direction + " at " + now + " (list of " + l.size() + ")");
                    for (int j = 1; j < NAMES.size(); j++) { // the walk over folded lists is an argsort of g's column
                        assertArrayEquals(ParzenEstimator.argsort(want.above[j], want.nAbove), got.aboveOrder[j], "order " + NAMES.get(j));
                    }
                    checked++;
                }
            }
            assertTrue(checked > 100, "lists checked: " + checked);
        }
    }

    @Test
    void infeasibleTrialsGoBelowOnlyAfterEveryFeasibleOne() {
        // values 0..19, the five best infeasible (violations 5..1): gamma(20) = 2 takes the best feasible, #5 and #6;
        // with only three feasible trials left, gamma fills up with the least violating infeasible ones
        for (int feasible : new int[]{15, 1}) {
            List<FrozenTrial> list = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                boolean bad = i < 20 - feasible;
                Map<String, Object> sys = bad ? Map.of(org.tunebook.sampler.ConstraintsFunction.KEY, List.of(20.0 - i - feasible, -1.0)) : Map.of();
                list.add(new FrozenTrial(i, 1000 + i, TrialState.COMPLETE, List.of((double) i), Map.of("x", 0.05 * i),
                        Map.of("x", DISTS.get(3)), Map.of(), sys, new TreeMap<>(), Instant.EPOCH, Instant.EPOCH, null));
            }
            FrozenTrial current = new FrozenTrial(20, 1020, TrialState.RUNNING, List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                    new TreeMap<>(), Instant.EPOCH, null, null);
            list.add(current);
            TpeHistory.Groups g = new TpeHistory("c").groups(TrialList.of(list), current, List.of("x"), List.of(DISTS.get(3)),
                    List.of(Direction.MINIMIZE), n -> 3);
            assertArrayEquals(feasible == 15 ? new int[]{5, 6, 7} : new int[]{17, 18, 19}, g.belowNumbers, "feasible " + feasible);
        }
    }

    @Test
    void insertionPointOrdersByValueThenNumber() {
        double[] v = new double[9];
        int[] num = new int[9];
        int size = 0;
        double[][] items = {{3, 0}, {-1, 1}, {2, 2}, {-1, 3}, {0, 4}, {2, 5}, {-0.0, 6}, {1e-300, 7}, {-5, 8}};
        List<double[]> shuffled = new ArrayList<>(List.of(items));
        Collections.shuffle(shuffled, new Random(1));
        for (double[] it : shuffled) {
            int at = TpeHistory.insertionPoint(v, num, size, it[0], (int) it[1]);
            System.arraycopy(v, at, v, at + 1, size - at);
            System.arraycopy(num, at, num, at + 1, size - at);
            v[at] = it[0];
            num[at] = (int) it[1];
            size++;
        }
        // -0.0 and 0.0 tie, so the earlier number comes first (as ParzenEstimator.argsort orders them)
        assertArrayEquals(new int[]{8, 1, 3, 4, 6, 7, 2, 5, 0}, num);
    }
}
