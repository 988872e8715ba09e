package org.tunebook.study;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Constrained optimization as Optuna 5 has it: a trial carries named constraint values, set in the objective
 * with {@link Trial#setConstraint}; it is feasible when every value is {@code <= 0}, and its violation is the
 * sum of the positive values. When any trial of a study has constraints, {@link Study#bestTrial()} and
 * {@link Study#bestTrials()} choose among the feasible trials only, and the NSGA-II sampler ranks feasible
 * trials before infeasible ones (then by violation).
 */
public final class Constraints {
    /** System attribute holding a list of constraint values (Optuna's older {@code constraints_func} format). */
    public static final String KEY = "constraints";
    /** Prefix of the system attribute of one named constraint value ({@code constraints:NAME}). */
    public static final String PREFIX = KEY + ":";

    private Constraints() {
    }

    /** The constraint values in a trial's system attributes, by name, in the order they were stored. */
    static Map<String, Double> of(Map<String, Object> systemAttrs) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (systemAttrs.get(KEY) instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Number n) out.put(Integer.toString(i), n.doubleValue());
            }
        }
        for (Map.Entry<String, Object> e : systemAttrs.entrySet()) {
            if (e.getKey().startsWith(PREFIX) && e.getValue() instanceof Number n) {
                out.put(e.getKey().substring(PREFIX.length()), n.doubleValue());
            }
        }
        return out;
    }

    /** The sum of the positive constraint values: 0 for a feasible trial. */
    public static double violation(Map<String, Double> constraints) {
        double sum = 0;
        for (double v : constraints.values()) if (v > 0) sum += v;
        return sum;
    }

    /** Whether any of the trials has constraint values (the study is then a constrained one). */
    public static boolean anyConstrained(Collection<FrozenTrial> trials) {
        for (FrozenTrial t : trials) if (!t.constraints().isEmpty()) return true;
        return false;
    }
}
