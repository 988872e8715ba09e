package org.tunebook.plots;

import org.tunebook.study.Study;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Tunebook's plots: Optuna's study visualisations, scikit-optimize's result plots and DEAP-style logbook curves.
 * Every method returns a {@link Plot} (XChart charts; PNG by default, SVG and HTML on request); history, slice,
 * contour and parallel coordinates also have an interactive Plotly version ({@link Plot#interactive()}).
 * <pre>{@code
 * Plots.history(study).savePng("history.png");
 * Plots.contour(study, "x", "y").interactive().saveHtml("contour.html");   // plotly.js embedded: opens offline
 * Plots.objective(result);                                                 // skopt's plot_objective
 * }</pre>
 */
public final class Plots {
    private Plots() {
    }

    // ------------------------------------------------------------------ convergence

    /** skopt's plot_convergence for one study: the best value after n calls. */
    public static Plot convergence(Study study) {
        return Convergence.builder().add(study.name(), study).plot();
    }

    /** Several studies: each is its own curve (label = study name). Use {@link Convergence} to group runs. */
    public static Plot convergence(Study... studies) {
        Convergence c = Convergence.builder();
        for (Study s : studies) c.add(s.name(), s);
        return c.plot();
    }

    /** Groups of runs (label to studies), each drawn as faint runs, their mean and their min-max band. */
    public static Plot convergence(Map<String, List<Study>> groups) {
        Convergence c = Convergence.builder();
        groups.forEach((label, runs) -> c.add(label, runs.toArray(new Study[0])));
        return c.plot();
    }

    /** skopt's plot_convergence for a surrogate-model result (its func_vals, minimized). */
    public static Plot convergence(SurrogateResult result) {
        return Convergence.builder().add("gp_minimize", result.funcVals()).plot();
    }

    // ------------------------------------------------------------------ Optuna's plots

    /** Every objective value by trial number, and the best value so far (Optuna's plot_optimization_history). */
    public static Plot history(Study study) {
        StudyView v = StudyView.of(study);
        v.direction("history");
        return StudyPlots.history(v, 0);
    }

    /** The history of one objective of a multi-objective study. */
    public static Plot history(Study study, int objective) {
        return StudyPlots.history(StudyView.of(study), objective);
    }

    /** The objective value against each parameter (log axes for log parameters, names for categoricals). */
    public static Plot slice(Study study, String... params) {
        StudyView v = StudyView.of(study);
        return StudyPlots.slice(v, pick(v, params), 0);
    }

    /** A filled contour of the objective over two parameters, interpolated from the trials (inverse distance). */
    public static Plot contour(Study study, String x, String y) {
        StudyView v = StudyView.of(study);
        return StudyPlots.contour(v, List.of(v.param(x), v.param(y)), 0);
    }

    /** Contours for every pair of the given parameters (all of them when none is given), as a lower-triangle matrix. */
    public static Plot contour(Study study, String... params) {
        StudyView v = StudyView.of(study);
        return StudyPlots.contour(v, pick(v, params), 0);
    }

    /** One line per trial across the objective and each parameter (Optuna's plot_parallel_coordinate). */
    public static Plot parallelCoordinates(Study study, String... params) {
        StudyView v = StudyView.of(study);
        return StudyPlots.parallel(v, pick(v, params), 0);
    }

    /** Parameter importance: permutation importance on a random forest (see {@link ParamImportance}). */
    public static Plot importance(Study study) {
        StudyView v = StudyView.of(study);
        if (v.directions.size() == 1) v.direction("importance");
        return StudyPlots.importance(v, 0, ParamImportance.evaluate(v, 0, 0L));
    }

    /** Importance for one objective of a multi-objective study. */
    public static Plot importance(Study study, int objective) {
        StudyView v = StudyView.of(study);
        return StudyPlots.importance(v, objective, ParamImportance.evaluate(v, objective, 0L));
    }

    /** Learning curves: the intermediate values reported by complete and pruned trials. */
    public static Plot intermediateValues(Study study) {
        return StudyPlots.intermediate(StudyView.of(study));
    }

    /** The Pareto front of a multi-objective study (pairs of objectives as a matrix for three or more). */
    public static Plot paretoFront(Study study, String... objectiveNames) {
        return StudyPlots.pareto(StudyView.of(study), Arrays.asList(objectiveNames));
    }

    // ------------------------------------------------------------------ scikit-optimize's plots

    /** skopt's plot_objective: partial dependence of the surrogate's mean (40 points per axis, 250 samples). */
    public static Plot objective(SurrogateResult result) {
        return SkoptPlots.objective(result, SkoptPlots.N_POINTS, SkoptPlots.N_SAMPLES, 0L);
    }

    /** plot_objective with fewer points per axis / random samples for a quicker picture. */
    public static Plot objective(SurrogateResult result, int nPoints, int nSamples) {
        return SkoptPlots.objective(result, nPoints, nSamples, 0L);
    }

    /** skopt's plot_evaluations: histograms of the evaluated points and their pairs coloured by order. */
    public static Plot evaluations(SurrogateResult result) {
        return SkoptPlots.evaluations(result.params(), result.xIters(), result.funcVals(), 20);
    }

    /** plot_evaluations for a study's complete trials. */
    public static Plot evaluations(Study study) {
        StudyView v = StudyView.of(study);
        if (v.directions.size() == 1) v.direction("evaluations");
        var ts = v.requireComplete("an evaluations plot", 1);
        List<List<Object>> xs = new ArrayList<>();
        double[] ys = new double[ts.size()];
        for (int i = 0; i < ts.size(); i++) {
            List<Object> x = new ArrayList<>();
            for (Param p : v.params) x.add(ts.get(i).params().get(p.name()));
            xs.add(x);
            double y = ts.get(i).value();
            ys[i] = v.directions.get(0) == org.tunebook.study.Direction.MAXIMIZE ? -y : y;
        }
        return SkoptPlots.evaluations(v.params, xs, ys, 20);
    }

    // ------------------------------------------------------------------ DEAP-style logbook

    /** Fitness statistics by generation from a logbook table (columns gen and any of max, avg, min, std, nevals). */
    public static Plot logbook(Table logbook) {
        return LogbookPlot.of(logbook);
    }

    /** The same from DEAP-shaped records: one map per generation with "gen" and the statistics. */
    public static Plot logbook(List<? extends Map<String, ?>> records) {
        return LogbookPlot.of(records);
    }

    // ------------------------------------------------------------------ helpers

    static List<Param> pick(StudyView v, String... names) {
        if (names == null || names.length == 0) return v.params;
        List<Param> ps = new ArrayList<>();
        for (String n : names) ps.add(v.param(n));
        return ps;
    }
}
