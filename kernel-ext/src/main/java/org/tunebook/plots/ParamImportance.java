package org.tunebook.plots;

import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyperparameter importance by <b>permutation on a random-forest surrogate</b>.
 * <ol>
 * <li>Features: every parameter of the study's COMPLETE trials in scikit-optimize's unit scale (log parameters in
 * log10, a categorical as index / (k - 1)); a trial without a parameter (conditional spaces) gets -0.5 there, so a
 * tree can split on "absent". Target: the objective value.</li>
 * <li>Surrogate: a regression forest of {@value #TREES} trees (bootstrap samples; at each node the best split by
 * variance reduction among ceil(d / 2) random features, or all features when d &lt;= 3; leaves of at least 2
 * trials; depth at most {@value #DEPTH}), seeded, so the result is deterministic.</li>
 * <li>Importance of a parameter: the mean, over trees, of the increase in the tree's squared error on its
 * out-of-bag trials when that parameter's column is shuffled among them (Breiman's permutation importance).
 * Negative means are set to 0, and the importances are divided by their sum, so they add up to 1.</li>
 * </ol>
 * Unlike Optuna's default (fANOVA, a variance decomposition over the forest's partitions), this measures how much
 * the forest's predictions rely on a parameter; both rank dominant parameters alike on typical studies.
 */
public final class ParamImportance {
    static final int TREES = 32;
    static final int DEPTH = 10;

    /** @param importances parameter name to share of importance (sums to 1, or all 0), most important first */
    public record Result(Map<String, Double> importances, String method, int trials) {
    }

    private ParamImportance() {
    }

    public static Result evaluate(Study study) {
        return evaluate(StudyView.of(study), 0, 0L);
    }

    public static Result evaluate(Study study, int objective, long seed) {
        return evaluate(StudyView.of(study), objective, seed);
    }

    static Result evaluate(StudyView v, int objective, long seed) {
        StudyPlots.checkObjective(v, objective);
        List<FrozenTrial> ts = v.requireComplete("parameter importance", 4);
        List<Param> ps = v.params;
        if (ps.isEmpty()) throw new IllegalArgumentException("study '" + v.name + "' has no parameters to rank");
        int n = ts.size();
        int d = ps.size();
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            FrozenTrial t = ts.get(i);
            for (int j = 0; j < d; j++) {
                Object val = t.params().get(ps.get(j).name());
                x[i][j] = val == null ? -0.5 : ps.get(j).unit(val);
            }
            y[i] = StudyView.value(t, objective);
        }
        int mtry = d <= 3 ? d : (d + 1) / 2;
        RegressionForest f = RegressionForest.fit(x, y, TREES, DEPTH, 2, mtry, seed);
        double[] imp = f.permutationImportance(x, y, seed + 1);
        double sum = 0;
        for (int j = 0; j < d; j++) {
            imp[j] = Math.max(0, imp[j]);
            sum += imp[j];
        }
        List<Map.Entry<String, Double>> es = new ArrayList<>();
        for (int j = 0; j < d; j++) es.add(Map.entry(ps.get(j).name(), sum > 0 ? imp[j] / sum : 0.0));
        es.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        Map<String, Double> m = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : es) m.put(e.getKey(), e.getValue());
        return new Result(m, "permutation importance on a random forest of " + TREES + " trees, " + n + " trials", n);
    }
}
