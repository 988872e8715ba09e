package org.tunebook.skopt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunebook.sampler.gp.Surrogate;
import org.tunebook.space.Space;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

/**
 * The outcome of {@link Skopt#gpMinimize}, shaped like scikit-optimize's {@code OptimizeResult}:
 * {@code x} and {@code fun} (the best point and value), {@code xIters} and {@code funcVals} (every evaluation in
 * order: what {@code plot_convergence} and {@code plot_evaluations} need), {@code space}, {@code models} (the
 * fitted surrogates, the last one on all evaluations: what {@code plot_objective}'s partial dependence needs),
 * the study's trials, and {@link #sorted()} for the {@code sorted(zip(func_vals, x_iters))} table.
 * Values are minimized, as in scikit-optimize. Failed evaluations are in {@link #trials()} only.
 */
public final class OptimizeResult {
    private final Space space;
    private final List<List<Object>> xIters;
    private final double[] funcVals;
    private final List<Surrogate> models;
    private final List<FrozenTrial> trials;
    private final Study study;
    private final Map<String, Object> specs;

    OptimizeResult(Space space, Study study, List<FrozenTrial> trials, List<Surrogate> models, Map<String, Object> specs) {
        this.space = space;
        this.study = study;
        this.trials = List.copyOf(trials);
        this.models = List.copyOf(models);
        this.specs = Collections.unmodifiableMap(new LinkedHashMap<>(specs));
        List<List<Object>> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() != TrialState.COMPLETE || !t.params().keySet().containsAll(space.names())) continue;
            xs.add(Collections.unmodifiableList(space.toPoint(t.params())));
            ys.add(t.value());
        }
        this.xIters = Collections.unmodifiableList(xs);
        this.funcVals = ys.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The best point found (the earliest among equal values), in dimension order. */
    public List<Object> x() {
        return xIters.get(bestIndex());
    }

    /** The best point with access by name. */
    public Point xPoint() {
        return new Point(space, x());
    }

    /** The best value found. */
    public double fun() {
        return funcVals[bestIndex()];
    }

    private int bestIndex() {
        if (funcVals.length == 0) {
            throw new IllegalStateException("no evaluation completed (" + study.describeCounts() + "): see trials() for the failures");
        }
        int b = 0;
        for (int i = 1; i < funcVals.length; i++) if (funcVals[i] < funcVals[b]) b = i;
        return b;
    }

    /** Every evaluated point, in evaluation order. */
    public List<List<Object>> xIters() {
        return xIters;
    }

    /** The value of every evaluation, in order (a copy). */
    public double[] funcVals() {
        return funcVals.clone();
    }

    /** The best value after each evaluation (the curve of plot_convergence). */
    public double[] bestSoFar() {
        double[] b = new double[funcVals.length];
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < b.length; i++) b[i] = m = Math.min(m, funcVals[i]);
        return b;
    }

    public Space space() {
        return space;
    }

    /** The fitted surrogates, oldest first; the last is fitted on every evaluation (empty if none was fitted). */
    public List<Surrogate> models() {
        return models;
    }

    /** Every trial of the study (also failed ones), in order. */
    public List<FrozenTrial> trials() {
        return trials;
    }

    /** The study the run was stored in. */
    public Study study() {
        return study;
    }

    /** The call's settings (scikit-optimize's {@code specs}): "function" and "args". */
    public Map<String, Object> specs() {
        return specs;
    }

    /** {@code sorted(zip(func_vals, x_iters))}: evaluations best first (ties in evaluation order). */
    public List<Evaluation> sorted() {
        List<Evaluation> out = new ArrayList<>();
        for (int i = 0; i < funcVals.length; i++) out.add(new Evaluation(funcVals[i], xIters.get(i)));
        out.sort(Comparator.comparingDouble(Evaluation::funcVal));
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        if (funcVals.length == 0) return "OptimizeResult(no evaluation completed)";
        return "OptimizeResult(fun=" + fun() + ", x=" + x() + ", " + funcVals.length + " evaluations, " + models.size() + " models)";
    }
}
