package org.tunebook.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

/**
 * Constraint values of a trial, as Optuna's {@code constraints_func}: a value {@code <= 0} means the constraint is
 * satisfied, so a trial is feasible when every value is {@code <= 0}. Samplers with a constraints function compute
 * the values when a trial finishes (COMPLETE or PRUNED) and store them with it (system attribute
 * {@value #KEY}, as Optuna does), so every worker sharing the study sees them.
 */
public final class Constraints {
    /** System attribute holding a trial's constraint values (a list of numbers). */
    public static final String KEY = "constraints";

    private Constraints() {
    }

    /** The stored constraint values of a trial; empty if it has none (a trial without constraints counts as feasible). */
    public static double[] of(FrozenTrial t) {
        if (!(t.systemAttrs().get(KEY) instanceof List<?> l)) return new double[0];
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = l.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
        return out;
    }

    /** Whether the trial has stored constraint values. */
    public static boolean has(FrozenTrial t) {
        return t.systemAttrs().get(KEY) instanceof List<?>;
    }

    /** The sum of the violated constraints' values (those {@code > 0}); 0 for a feasible trial. */
    public static double violation(FrozenTrial t) {
        double sum = 0;
        for (double v : of(t)) if (v > 0) sum += v;
        return sum;
    }

    public static boolean isFeasible(FrozenTrial t) {
        return violation(t) <= 0;
    }

    /**
     * Evaluates {@code constraintsFunc} on a finishing trial (still RUNNING in the storage) and stores its values, for
     * COMPLETE and PRUNED trials only. Throws with a message naming the fix when the function returns null or NaN.
     */
    public static void evaluateAndStore(Study study, FrozenTrial trial, TrialState state, Function<FrozenTrial, double[]> constraintsFunc) {
        if (constraintsFunc == null || state != TrialState.COMPLETE && state != TrialState.PRUNED) return;
        double[] c = constraintsFunc.apply(trial);
        if (c == null) {
            throw new IllegalArgumentException("the constraints function returned null for trial #" + trial.number()
                    + ": return one value per constraint (<= 0 when satisfied)");
        }
        List<Double> values = new ArrayList<>(c.length);
        for (double v : c) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("the constraints function returned " + v + " for trial #" + trial.number()
                        + ": constraint values must be finite numbers (<= 0 when satisfied)");
            }
            values.add(v);
        }
        study.storage().setTrialAttr(trial.trialId(), false, KEY, values);
    }
}
