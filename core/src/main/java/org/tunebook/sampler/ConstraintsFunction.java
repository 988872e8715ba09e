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
 * {@value #KEY}, as Optuna does), so every worker sharing the study sees them. Values set by the objective with
 * {@link org.tunebook.study.Trial#setConstraint} count the same way (see {@link org.tunebook.study.Constraints}).
 */
public final class ConstraintsFunction {
    /** System attribute holding a trial's constraint values (a list of numbers). */
    public static final String KEY = org.tunebook.study.Constraints.KEY;

    private ConstraintsFunction() {
    }

    /**
     * The constraint values of a trial, from a constraints function ({@value #KEY}) or set by the objective
     * ({@link org.tunebook.study.Trial#setConstraint}); empty if it has none (a trial without constraints counts as
     * feasible).
     */
    public static double[] of(FrozenTrial t) {
        return t.constraints().values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The sum of the violated constraints' values (those {@code > 0}); 0 for a feasible trial. */
    public static double violation(FrozenTrial t) {
        return org.tunebook.study.Constraints.violation(t.constraints());
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
