package org.tunebook.plots;

import org.tunebook.space.Dimension;
import org.tunebook.space.Space;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;

import java.util.ArrayList;
import java.util.List;

/**
 * What scikit-optimize's plot_objective and plot_evaluations need from an optimization result: the search space,
 * the evaluated points in order, their (minimized) objective values, and the last fitted surrogate model.
 * Adapt a GP result with {@link #of(Space, List, double[], Surrogate)}.
 */
public interface SurrogateResult {
    /** The dimensions, in the order of the points' coordinates. */
    List<Param> params();

    /** Evaluated points (skopt's x_iters): external values in {@link #params()} order. */
    List<List<Object>> xIters();

    /** Objective values of the points (skopt's func_vals), minimized: negate a maximized objective. */
    double[] funcVals();

    /** The model of the objective fitted last (skopt's models[-1]). */
    Surrogate surrogate();

    /** The point marked with a red star: by default the best evaluated point (skopt's result.x). */
    default List<Object> x() {
        double[] f = funcVals();
        int best = 0;
        for (int i = 1; i < f.length; i++) if (f[i] < f[best]) best = i;
        return xIters().get(best);
    }

    /** Unit coordinates of a point (the normalisation of {@link Param}). */
    default double[] toUnit(List<Object> x) {
        List<Param> ps = params();
        double[] u = new double[ps.size()];
        for (int i = 0; i < u.length; i++) u[i] = ps.get(i).unit(x.get(i));
        return u;
    }

    static List<Param> params(Space space) {
        List<Param> ps = new ArrayList<>();
        for (Dimension d : space) ps.add(new Param(d.name(), d.distribution()));
        return ps;
    }

    /** A result from its parts (for an adapter of a GP result: {@code of(r.space(), r.xIters(), r.funcVals(), unit -> model.mean(unit))}). */
    static SurrogateResult of(Space space, List<? extends List<?>> xIters, double[] funcVals, Surrogate surrogate) {
        return of(params(space), xIters, funcVals, surrogate);
    }

    static SurrogateResult of(List<Param> params, List<? extends List<?>> xIters, double[] funcVals, Surrogate surrogate) {
        if (xIters.size() != funcVals.length) {
            throw new IllegalArgumentException("xIters has " + xIters.size() + " points but funcVals has " + funcVals.length + " values: give one value per point");
        }
        if (xIters.isEmpty()) throw new IllegalArgumentException("the result has no evaluated point: run at least one call");
        List<List<Object>> xs = new ArrayList<>();
        for (List<?> x : xIters) {
            if (x.size() != params.size()) {
                throw new IllegalArgumentException("point " + x + " has " + x.size() + " values but the space has " + params.size()
                        + " dimensions " + params.stream().map(Param::name).toList());
            }
            xs.add(new ArrayList<>(x));
        }
        List<Param> ps = List.copyOf(params);
        double[] f = funcVals.clone();
        return new SurrogateResult() {
            public List<Param> params() {
                return ps;
            }

            public List<List<Object>> xIters() {
                return xs;
            }

            public double[] funcVals() {
                return f;
            }

            public Surrogate surrogate() {
                return surrogate;
            }
        };
    }

    /**
     * A study's complete trials with a random-forest surrogate fitted to them (like skopt's forest_minimize result):
     * plot_objective for any study whose trials share one set of parameters. Maximized objectives are negated.
     */
    static SurrogateResult fromStudy(Study study) {
        StudyView v = StudyView.of(study);
        Direction d = v.direction("objective");
        List<FrozenTrial> ts = v.requireComplete("a surrogate fit", 4);
        List<Param> ps = v.params;
        List<List<Object>> xs = new ArrayList<>();
        List<Double> fs = new ArrayList<>();
        for (FrozenTrial t : ts) {
            if (!t.params().keySet().containsAll(ps.stream().map(Param::name).toList())) continue;
            List<Object> x = new ArrayList<>();
            for (Param p : ps) x.add(t.params().get(p.name()));
            xs.add(x);
            fs.add(d == Direction.MAXIMIZE ? -t.value() : t.value());
        }
        if (xs.size() < 4) {
            throw new IllegalArgumentException("study '" + study.name() + "' has " + xs.size() + " complete trials with every parameter "
                    + ps.stream().map(Param::name).toList() + ": a surrogate needs at least 4");
        }
        double[] f = fs.stream().mapToDouble(Double::doubleValue).toArray();
        double[][] u = new double[xs.size()][ps.size()];
        for (int i = 0; i < xs.size(); i++) for (int j = 0; j < ps.size(); j++) u[i][j] = ps.get(j).unit(xs.get(i).get(j));
        RegressionForest forest = RegressionForest.fit(u, f, 32, 10, 2, ps.size(), 0L);
        return of(ps, xs, f, forest::predict);
    }
}
