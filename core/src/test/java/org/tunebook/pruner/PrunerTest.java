package org.tunebook.pruner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.storage.Storage;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.Trial;
import org.tunebook.study.TrialPruned;
import org.tunebook.study.TrialState;

/** Pruner decisions on hand-made intermediate curves, driven through real studies with ask / report / tell. */
class PrunerTest {

    private static Study study(String name, Direction d, Pruner p) {
        return Study.builder(name).direction(d).pruner(p).sampler(new RandomSampler(1L)).create();
    }

    /** Completes a trial whose curve is the given values at steps 0, 1, ... */
    private static void complete(Study s, double... curve) {
        Trial t = s.ask();
        for (int i = 0; i < curve.length; i++) t.report(curve[i], i);
        s.tell(t, curve[curve.length - 1]);
    }

    /** A running trial that reported the given values; returns it after asking the pruner at the last step. */
    private static boolean prunesAfter(Study s, double... curve) {
        Trial t = s.ask();
        for (int i = 0; i < curve.length; i++) t.report(curve[i], i);
        boolean decision = t.shouldPrune();
        s.tell(t, TrialState.PRUNED);
        return decision;
    }

    private static Study fiveFlatCurves(Pruner p, Direction d) {
        Study s = study("median", d, p);
        for (int i = 0; i < 5; i++) complete(s, i, i, i, i, i, i, i); // values 0..4 at every step: median 2
        return s;
    }

    @Test
    void medianPrunesTrialsWorseThanTheMedianAtTheirStep() {
        Study s = fiveFlatCurves(new MedianPruner(), Direction.MINIMIZE);
        assertTrue(prunesAfter(s, 3.0));
        assertFalse(prunesAfter(s, 1.0));
        assertFalse(prunesAfter(s, 2.0), "equal to the median is kept");
        // the trial's best value so far counts, not its last one
        assertFalse(prunesAfter(s, 1.0, 10.0));
        assertTrue(prunesAfter(s, 3.0, 2.5));
        assertTrue(prunesAfter(s, Double.NaN), "a NaN curve is pruned");
    }

    @Test
    void medianFollowsTheDirection() {
        Study s = fiveFlatCurves(new MedianPruner(), Direction.MAXIMIZE);
        assertFalse(prunesAfter(s, 3.0));
        assertTrue(prunesAfter(s, 1.0));
    }

    @Test
    void startupWarmupIntervalAndMinTrials() {
        Study few = study("few", Direction.MINIMIZE, new MedianPruner());
        for (int i = 0; i < 4; i++) complete(few, i, i);
        assertFalse(prunesAfter(few, 100.0), "4 COMPLETE trials < 5 startup trials");

        Study warm = fiveFlatCurves(new MedianPruner(5, 2, 1), Direction.MINIMIZE);
        assertFalse(prunesAfter(warm, 9.0));
        assertFalse(prunesAfter(warm, 9.0, 9.0));
        assertTrue(prunesAfter(warm, 9.0, 9.0, 9.0), "step 2 is the first after 2 warm-up steps");

        Study interval = fiveFlatCurves(new MedianPruner(5, 0, 3), Direction.MINIMIZE);
        assertTrue(prunesAfter(interval, 9.0), "step 0 is a pruning step");
        assertFalse(prunesAfter(interval, 9.0, 9.0), "step 1 is not (checks at 0, 3, 6)");
        assertFalse(prunesAfter(interval, 9.0, 9.0, 9.0));
        assertTrue(prunesAfter(interval, 9.0, 9.0, 9.0, 9.0));

        Study minTrials = fiveFlatCurves(new MedianPruner(5, 0, 1, 6), Direction.MINIMIZE);
        assertFalse(prunesAfter(minTrials, 9.0), "only 5 trials reported at step 0, 6 needed");
    }

    @Test
    void intervalChecksSkippedStepsAtTheNextReport() {
        // reports at steps 0 and 4 only: with interval 3, step 4 is the first report at or after pruning step 3
        Study s = fiveFlatCurves(new MedianPruner(5, 0, 3), Direction.MINIMIZE);
        Trial t = s.ask();
        t.report(9.0, 0);
        t.report(9.0, 4);
        assertTrue(t.shouldPrune());
    }

    @Test
    void percentileKeepsTheBestQuarter() {
        Study s = fiveFlatCurves(new PercentilePruner(25.0), Direction.MINIMIZE); // 25th percentile of 0..4 is 1.0
        assertTrue(prunesAfter(s, 1.5));
        assertFalse(prunesAfter(s, 0.5));
        assertEquals(1.0, PercentilePruner.percentile(new double[]{4, 0, 2, 1, 3}, 25));
        assertEquals(2.5, PercentilePruner.percentile(new double[]{0, 1, 4, 5}, 50));
    }

    @Test
    void prunedTrialsKeepTheirCurveInTheStorage(@TempDir Path dir) {
        Study s = Study.builder("curves").minimize().storage(Storage.sqlite(dir.resolve("c.db")))
                .pruner(new MedianPruner(2, 0, 1)).sampler(new RandomSampler(3L)).create();
        s.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            for (int step = 0; step < 10; step++) {
                t.report(x * (10 - step), step);
                if (t.shouldPrune()) throw new TrialPruned();
            }
            return x;
        }, 30);
        List<FrozenTrial> pruned = s.trials(Set.of(TrialState.PRUNED));
        assertFalse(pruned.isEmpty(), s.describeCounts());
        for (FrozenTrial t : pruned) {
            assertFalse(t.intermediateValues().isEmpty());
            assertEquals(t.intermediateValues().get(t.lastStep()), t.value(), "a pruned trial's value is its last report");
        }
    }

    @Test
    void successiveHalvingPromotesTheBestFractionAtEachRung() {
        SuccessiveHalvingPruner sha = new SuccessiveHalvingPruner(1, 2, 0, 0); // rungs end at steps 1, 2, 4, 8...
        Study s = study("sha", Direction.MINIMIZE, sha);
        Trial a = s.ask();
        a.report(5.0, 0);
        assertFalse(a.shouldPrune(), "step 0 < first rung at step 1");
        a.report(5.0, 1);
        assertFalse(a.shouldPrune(), "alone at rung 0: promoted");
        assertEquals(5.0, ((Number) s.storage().trial(a.trialId()).systemAttrs().get("completed_rung_0")).doubleValue());
        s.tell(a, 5.0);

        assertTrue(prunesAfter(s, 7.0, 7.0), "rung 0 values {5, 7}: only the best half (5) goes on");
        assertFalse(prunesAfter(s, 3.0, 3.0), "{5, 7, 3}: 3 is the best");
        // 4 values at rung 0 {5, 7, 3, 4}: the best 2 are promoted, so 4 goes on; with 6.0 instead it would not
        assertFalse(prunesAfter(s, 4.0, 4.0));
        assertTrue(prunesAfter(s, 6.0, 6.0));
        // a trial promoted at rung 0 then judged at rung 1 (step 2) against rung-1 values only
        Trial b = s.ask();
        b.report(1.0, 0);
        b.report(1.0, 1);
        assertFalse(b.shouldPrune());
        b.report(50.0, 2);
        assertFalse(b.shouldPrune(), "first value recorded at rung 1 (trial a never reached step 2)");
        assertTrue(s.storage().trial(b.trialId()).systemAttrs().containsKey("completed_rung_1"));
    }

    @Test
    void successiveHalvingAutoWaitsForACompleteTrial() {
        Study s = study("auto", Direction.MAXIMIZE, new SuccessiveHalvingPruner());
        assertFalse(prunesAfter(s, 0.0, 0.0, 0.0), "no COMPLETE trial yet: min resource unknown");
        complete(s, 1, 2, 3); // completed without asking the pruner: it recorded no rung value
        assertFalse(prunesAfter(s, 0.0, 0.0), "min resource is 1 now; alone at rung 0 (step 1): promoted");
        assertFalse(prunesAfter(s, 5.0, 5.0), "best at rung 0 (maximize)");
        assertTrue(prunesAfter(s, -1.0, -1.0), "rung 0 holds {0, 5, -1}: -1 is not in the best quarter");
        assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalvingPruner(null, 4, 0, 2));
    }

    @Test
    void hyperbandAssignsBracketsLikeOptunaAndPrunesWithinBrackets() {
        HyperbandPruner hb = new HyperbandPruner(1, 9, 3, 0);
        Study s = study("hb", Direction.MINIMIZE, hb);
        assertEquals(3, hb.nBrackets(s));
        // Optuna 5.0.0's assignment for study "hb": crc32("hb_" + number) % 17 over budgets [9, 5, 3]
        int[] optuna = {0, 0, 2, 2, 1, 1, 1, 2, 1, 0, 1, 0, 1, 1, 1, 0, 2, 0, 2, 0};
        List<Integer> ours = new ArrayList<>();
        for (int n = 0; n < optuna.length; n++) ours.add(hb.bracketOf(s, n));
        List<Integer> expected = new ArrayList<>();
        for (int b : optuna) expected.add(b);
        assertEquals(expected, ours);

        // trials 0 and 1 are in bracket 0 (rungs end at 1, 3, 9); 2 and 3 in bracket 2 (first rung at step 9)
        Trial t0 = s.ask();
        t0.report(5.0, 0);
        t0.report(5.0, 1);
        assertFalse(t0.shouldPrune());
        s.tell(t0, 5.0);
        assertTrue(prunesAfter(s, 7.0, 7.0), "trial 1 loses to trial 0 in bracket 0");
        assertFalse(prunesAfter(s, 100.0, 100.0), "trial 2's bracket only judges at step 9");
        assertFalse(prunesAfter(s, 100.0, 100.0), "trial 3 too");
    }

    @Test
    void byName() {
        assertTrue(Pruners.byName("median") instanceof MedianPruner);
        assertTrue(Pruners.byName("Hyperband") instanceof HyperbandPruner);
        assertTrue(Pruners.byName("sha") instanceof SuccessiveHalvingPruner);
        assertEquals(Pruner.none(), Pruners.byName(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pruners.byName("meadian"));
        assertTrue(e.getMessage().contains(Pruners.NAMES), e.getMessage());
    }

    @Test
    void badSettingsNameTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PercentilePruner(120));
        assertTrue(e.getMessage().contains("between 0 and 100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MedianPruner(5, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalvingPruner(1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new HyperbandPruner(1, null, 3, 1));
    }
}
