package org.tunebook.plots;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.ParetoFront;
import org.tunebook.study.TrialState;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The Optuna-style plots of a study, drawn with XChart. */
final class StudyPlots {
    /** Trials are coloured by their number in this many bands (one legend entry each). */
    static final int BANDS = 5;

    private StudyPlots() {
    }

    static boolean autoLog(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return lo > 0 && hi / lo > 1e3;
    }

    // ------------------------------------------------------------------ history

    static Plot history(StudyView v, int objective) {
        Direction d = v.directions.size() == 1 ? v.direction("history") : v.directions.get(checkObjective(v, objective));
        List<FrozenTrial> ts = v.requireComplete("an optimization history", 1);
        double[] x = new double[ts.size()];
        double[] y = new double[ts.size()];
        double[] best = new double[ts.size()];
        double b = Double.NaN;
        for (int i = 0; i < ts.size(); i++) {
            x[i] = ts.get(i).number();
            y[i] = StudyView.value(ts.get(i), objective);
            if (Double.isNaN(b) || d.isBetter(y[i], b)) b = y[i];
            best[i] = b;
        }
        LabelledXYChart c = Style.xy(Style.WIDTH, Style.HEIGHT, "Optimization history: " + v.name, "Trial", v.objectiveLabel(objective));
        boolean log = autoLog(y);
        c.getStyler().setYAxisLogarithmic(log);
        XYSeries pts = c.addSeries("Objective value", x, y);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(Style.alpha(Style.BLUE, ts.size() > 300 ? 110 : 200));
        XYSeries line = c.addSeries("Best value", x, best);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        line.setLineColor(Style.RED);
        line.setLineWidth(2f);
        line.setMarker(SeriesMarkers.NONE);
        Style.naturalXTicks(c, x[0], x[x.length - 1] + 1);
        c.getStyler().setLegendPosition(d == Direction.MINIMIZE ? Styler.LegendPosition.InsideNE : Styler.LegendPosition.InsideSE);
        String desc = "Optimization history of study '" + v.name + "': " + ts.size() + " complete trials, best " + Style.num(b)
                + (log ? " (log y)" : "");
        return Plot.single("history", c, () -> Interactive.history(v, objective, ts, x, y, best, log, desc), desc);
    }

    static int checkObjective(StudyView v, int objective) {
        if (objective < 0 || objective >= v.directions.size()) {
            throw new IllegalArgumentException("objective index " + objective + " is outside 0.." + (v.directions.size() - 1)
                    + " for study '" + v.name + "'");
        }
        return objective;
    }

    static String integerTick(Double x) {
        return Math.abs(x - Math.rint(x)) < 1e-9 ? String.valueOf((long) Math.rint(x)) : " "; // XChart cannot draw an empty label
    }

    // ------------------------------------------------------------------ slice

    /** Deterministic horizontal jitter for points on a categorical axis. */
    static double jitter(int number) {
        return (new SplittableRandom(number * 0x9E3779B97F4A7C15L).nextDouble() - 0.5) * 0.3;
    }

    static Plot slice(StudyView v, List<Param> params, int objective) {
        if (v.directions.size() == 1) v.direction("slice");
        List<FrozenTrial> ts = v.requireComplete("a slice plot", 1);
        if (params.isEmpty()) throw new IllegalArgumentException("study '" + v.name + "' has no parameters to slice");
        int n = params.size();
        int cols = n == 1 ? 1 : n == 2 || n == 4 ? 2 : 3;
        int rows = (n + cols - 1) / cols;
        int cw = n == 1 ? Style.WIDTH : cols == 2 ? 450 : 360;
        int ch = n == 1 ? Style.HEIGHT : 330;
        int maxNumber = ts.stream().mapToInt(FrozenTrial::number).max().orElse(0);
        boolean logY = autoLog(ts.stream().mapToDouble(t -> StudyView.value(t, objective)).toArray());
        List<Chart<?, ?>> cells = new ArrayList<>();
        for (int i = 0; i < rows * cols; i++) {
            if (i >= n) {
                cells.add(null);
                continue;
            }
            Param p = params.get(i);
            LabelledXYChart c = Style.xy(cw, ch, n == 1 ? "Slice plot: " + v.name : "", p.axisTitle(), v.objectiveLabel(objective));
            styleParamAxis(c, p, true);
            c.getStyler().setYAxisLogarithmic(logY);
            c.getStyler().setMarkerSize(n == 1 ? 6 : 5);
            List<FrozenTrial> with = StudyView.with(ts, p);
            addBanded(c, with, maxNumber, t -> p.categorical() ? p.coord(t.params().get(p.name())) + jitter(t.number()) : p.coord(t.params().get(p.name())),
                    t -> StudyView.value(t, objective), i == 0);
            if (i > 0) c.getStyler().setLegendVisible(false);
            c.getStyler().setYAxisTitleVisible(i % cols == 0);
            cells.add(c);
        }
        String desc = "Slice plot of study '" + v.name + "': " + ts.size() + " complete trials over " + params.stream().map(Param::name).toList();
        return Plot.grid("slice", n == 1 ? null : "Slice plot: " + v.name, rows, cols, cells,
                () -> Interactive.slice(v, params, objective, ts, logY, desc), desc);
    }

    interface Coord {
        double of(FrozenTrial t);
    }

    /** Scatter series of trials coloured by trial number in {@link #BANDS} bands. */
    static void addBanded(LabelledXYChart c, List<FrozenTrial> ts, int maxNumber, Coord x, Coord y, boolean legend) {
        int bands = Math.min(BANDS, Math.max(1, maxNumber + 1));
        double per = (maxNumber + 1) / (double) bands;
        for (int b = 0; b < bands; b++) {
            int from = (int) Math.ceil(b * per);
            int to = (int) Math.ceil((b + 1) * per) - 1;
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (FrozenTrial t : ts) {
                if (t.number() >= from && t.number() <= to) {
                    xs.add(x.of(t));
                    ys.add(y.of(t));
                }
            }
            if (xs.isEmpty()) continue;
            XYSeries s = c.addSeries("trials " + from + "\u2013" + to, xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Style.alpha(Style.scale(bands == 1 ? 0.5 : b / (double) (bands - 1)), 200));
            s.setShowInLegend(legend);
        }
    }

    /** Axis scale and labels of a parameter: log for log parameters, choice names for categoricals. */
    static void styleParamAxis(LabelledXYChart c, Param p, boolean xAxis) {
        var s = c.getStyler();
        if (p.categorical()) {
            List<String> names = p.choices().stream().map(String::valueOf).toList();
            if (xAxis) c.setXCategories(names);
            else c.setYCategories(names);
            return;
        }
        if (xAxis) {
            s.setXAxisLogarithmic(p.log());
            s.setXAxisMin(p.low());
            s.setXAxisMax(p.high());
        } else {
            s.setYAxisLogarithmic(p.log());
            s.setYAxisMin(p.low());
            s.setYAxisMax(p.high());
        }
    }

    // ------------------------------------------------------------------ contour

    static final int CONTOUR_GRID = 64;

    /** The IDW field of one objective over the unit square of two parameters (trials having both). */
    static double[][] contourField(List<FrozenTrial> ts, Param px, Param py, int objective) {
        List<FrozenTrial> with = StudyView.with(StudyView.with(ts, px), py);
        double[] ux = new double[with.size()];
        double[] uy = new double[with.size()];
        double[] z = new double[with.size()];
        for (int i = 0; i < with.size(); i++) {
            FrozenTrial t = with.get(i);
            ux[i] = px.unit(t.params().get(px.name()));
            uy[i] = py.unit(t.params().get(py.name()));
            z[i] = StudyView.value(t, objective);
        }
        return Interpolation.idw(ux, uy, z, CONTOUR_GRID);
    }

    static ContourChart contourChart(StudyView v, List<FrozenTrial> ts, Param px, Param py, int objective, int w, int h,
                                     boolean colorBar, String title, FrozenTrial best) {
        List<FrozenTrial> with = StudyView.with(StudyView.with(ts, px), py);
        if (with.isEmpty()) {
            throw new IllegalArgumentException("no complete trial of study '" + v.name + "' has both '" + px.name() + "' and '" + py.name()
                    + "': choose parameters that are suggested together");
        }
        ContourChart c = new ContourChart(w, h, px, py, contourField(ts, px, py, objective), 0, colorBar, colorBar ? v.objectiveLabel(objective) : null);
        c.setTitle(title == null ? "" : title);
        c.setXAxisTitle(px.axisTitle());
        c.setYAxisTitle(py.axisTitle());
        Style.apply(c, w);
        c.getStyler().setChartTitleVisible(title != null && !title.isEmpty());
        c.getStyler().setPlotGridLinesVisible(false);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setMarkerSize(w >= 600 ? 6 : 4);
        styleParamAxis(c, px, true);
        styleParamAxis(c, py, false);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (FrozenTrial t : with) {
            xs.add(px.coord(t.params().get(px.name())) + (px.categorical() ? jitter(t.number()) : 0));
            ys.add(py.coord(t.params().get(py.name())) + (py.categorical() ? jitter(t.number() + 7) : 0));
        }
        XYSeries s = c.addSeries("trials", xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(new Color(0, 0, 0, 170));
        if (best != null && best.params().containsKey(px.name()) && best.params().containsKey(py.name())) {
            XYSeries b = c.addSeries("best trial #" + best.number(), new double[]{px.coord(best.params().get(px.name()))},
                    new double[]{py.coord(best.params().get(py.name()))});
            b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            b.setMarker(Style.STAR);
            b.setMarkerColor(Style.RED);
        }
        return c;
    }

    static FrozenTrial best(StudyView v, List<FrozenTrial> ts, int objective) {
        Direction d = v.directions.get(objective);
        FrozenTrial best = null;
        for (FrozenTrial t : ts) if (best == null || d.isBetter(StudyView.value(t, objective), StudyView.value(best, objective))) best = t;
        return best;
    }

    static Plot contour(StudyView v, List<Param> params, int objective) {
        if (v.directions.size() == 1) v.direction("contour");
        if (params.size() < 2) {
            throw new IllegalArgumentException("a contour plot needs two parameters; study '" + v.name + "' has " + params.stream().map(Param::name).toList()
                    + ": use Plots.slice(study) instead");
        }
        List<FrozenTrial> ts = v.requireComplete("a contour plot", 1);
        FrozenTrial best = best(v, ts, objective);
        if (params.size() == 2) {
            Param px = params.get(0);
            Param py = params.get(1);
            ContourChart c = contourChart(v, ts, px, py, objective, Style.WIDTH, Style.HEIGHT + 60, true,
                    "Contour plot: " + v.name, best);
            String desc = "Contour plot of study '" + v.name + "': " + v.objectiveLabel(objective) + " over " + px.name() + " and " + py.name()
                    + " (inverse-distance interpolation of " + c.getSeriesMap().get("trials").getXData().length + " trials)";
            return Plot.single("contour", c, () -> Interactive.contour(v, List.of(px, py), objective, ts, desc), desc);
        }
        int n = params.size() - 1;
        int cell = Math.max(220, 880 / n);
        List<Chart<?, ?>> cells = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            for (int col = 0; col < n; col++) {
                if (col > r) {
                    cells.add(null);
                    continue;
                }
                Param px = params.get(col);
                Param py = params.get(r + 1);
                ContourChart c = contourChart(v, ts, px, py, objective, cell, cell, false, null, best);
                c.getStyler().setXAxisTitleVisible(r == n - 1);
                c.getStyler().setYAxisTitleVisible(col == 0);
                cells.add(c);
            }
        }
        String desc = "Contour plots of study '" + v.name + "' for every pair of " + params.stream().map(Param::name).toList()
                + " (inverse-distance interpolation; dark = low, yellow = high " + v.objectiveLabel(objective) + ")";
        return Plot.grid("contour", "Contour plots: " + v.name + " (dark = low, yellow = high)", n, n, cells,
                () -> Interactive.contour(v, params, objective, ts, desc), desc);
    }

    // ------------------------------------------------------------------ parallel coordinates

    static Plot parallel(StudyView v, List<Param> params, int objective) {
        if (v.directions.size() == 1) v.direction("parallel coordinate");
        List<FrozenTrial> ts = v.requireComplete("a parallel coordinate plot", 1);
        Direction d = v.directions.get(objective);
        int m = params.size() + 1;
        double[] z = ts.stream().mapToDouble(t -> StudyView.value(t, objective)).toArray();
        double zlo = Double.POSITIVE_INFINITY;
        double zhi = Double.NEGATIVE_INFINITY;
        for (double q : z) {
            zlo = Math.min(zlo, q);
            zhi = Math.max(zhi, q);
        }
        double zspan = zhi > zlo ? zhi - zlo : 1;
        List<String> names = new ArrayList<>();
        names.add(v.directions.size() == 1 ? "objective" : "objective " + objective);
        for (Param p : params) names.add(p.name());
        LabelledXYChart c = Style.xy(Math.max(Style.WIDTH, 150 * m), Style.HEIGHT, "Parallel coordinates: " + v.name, "", "");
        var s = c.getStyler();
        s.setYAxisMin(-0.08);
        s.setYAxisMax(1.08);
        s.setYAxisTicksVisible(false);
        s.setPlotGridLinesVisible(false);
        s.setXAxisTickMarkSpacingHint(40);
        c.setXCategories(names);
        s.setXAxisMin(-0.25);
        s.setXAxisMax(m - 1 + (params.isEmpty() || !params.get(params.size() - 1).categorical() ? 0.25 : 0.45));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        // axes
        List<Double> ax = new ArrayList<>();
        List<Double> ay = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            ax.add((double) k);
            ay.add(0.0);
            ax.add((double) k);
            ay.add(1.0);
            ax.add((double) k);
            ay.add(Double.NaN);
        }
        // trials in bands of objective value, best band drawn last (on top)
        int bands = 6;
        List<List<Double>> bx = new ArrayList<>();
        List<List<Double>> by = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            bx.add(new ArrayList<>());
            by.add(new ArrayList<>());
        }
        for (int i = 0; i < ts.size(); i++) {
            FrozenTrial t = ts.get(i);
            double tz = (z[i] - zlo) / zspan;
            int b = Math.min(bands - 1, (int) Math.floor(tz * bands));
            List<Double> xs = bx.get(b);
            List<Double> ys = by.get(b);
            xs.add(0.0);
            ys.add(tz);
            for (int k = 0; k < params.size(); k++) {
                Param p = params.get(k);
                Object val = t.params().get(p.name());
                xs.add(k + 1.0);
                ys.add(val == null ? Double.NaN : p.unit(val));
            }
            xs.add(Double.NaN);
            ys.add(Double.NaN);
        }
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < bands; b++) order.add(b);
        if (d == Direction.MINIMIZE) order.sort(Comparator.reverseOrder());
        for (int b : order) {
            if (bx.get(b).isEmpty()) continue;
            double from = zlo + b * zspan / bands;
            double to = zlo + (b + 1) * zspan / bands;
            XYSeries se = c.addSeries(Style.num(from) + " \u2013 " + Style.num(to), bx.get(b), by.get(b));
            se.setMarker(SeriesMarkers.NONE);
            se.setLineWidth(1.2f);
            se.setLineColor(Style.alpha(Style.scale(b / (double) (bands - 1)), ts.size() > 300 ? 90 : 170));
        }
        XYSeries axes = c.addSeries("axes", ax, ay);
        axes.setMarker(SeriesMarkers.NONE);
        axes.setLineColor(Color.DARK_GRAY);
        axes.setLineWidth(1.5f);
        axes.setShowInLegend(false);
        FrozenTrial best = best(v, ts, objective);
        List<Double> bxs = new ArrayList<>();
        List<Double> bys = new ArrayList<>();
        bxs.add(0.0);
        bys.add((StudyView.value(best, objective) - zlo) / zspan);
        for (int k = 0; k < params.size(); k++) {
            Object val = best.params().get(params.get(k).name());
            bxs.add(k + 1.0);
            bys.add(val == null ? Double.NaN : params.get(k).unit(val));
        }
        XYSeries bs = c.addSeries("best trial #" + best.number(), bxs, bys);
        bs.setLineColor(Style.RED);
        bs.setMarkerColor(Style.RED);
        bs.setMarker(SeriesMarkers.CIRCLE);
        bs.setLineWidth(2.5f);
        // axis end labels
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        s.setAnnotationTextFont(small);
        s.setAnnotationTextFontColor(Color.DARK_GRAY);
        c.addAnnotation(new AnnotationText(Style.num(zlo), 0, -0.045, false));
        c.addAnnotation(new AnnotationText(Style.num(zhi), 0, 1.045, false));
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            if (p.categorical()) {
                for (int j = 0; j < p.size(); j++) {
                    c.addAnnotation(new AnnotationText(String.valueOf(p.choices().get(j)), k + 1 + 0.2, p.size() == 1 ? 0 : j / (double) (p.size() - 1), false));
                }
            } else {
                c.addAnnotation(new AnnotationText(p.label(p.low()), k + 1, -0.045, false));
                c.addAnnotation(new AnnotationText(p.label(p.high()), k + 1, 1.045, false));
            }
        }
        String desc = "Parallel coordinates of study '" + v.name + "': " + ts.size() + " trials over " + names;
        return Plot.single("parallel", c, () -> Interactive.parallel(v, params, objective, ts, desc), desc);
    }

    // ------------------------------------------------------------------ intermediate values

    static Plot intermediate(StudyView v) {
        List<FrozenTrial> ts = v.all.stream()
                .filter(t -> !t.intermediateValues().isEmpty() && (t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED))
                .toList();
        if (ts.isEmpty()) {
            throw new IllegalArgumentException("no trial of study '" + v.name + "' reported intermediate values: call trial.report(value, step) "
                    + "in the objective (e.g. once per epoch) to get learning curves");
        }
        LabelledXYChart c = Style.xy(Style.WIDTH, Style.HEIGHT, "Intermediate values: " + v.name, "Step", "Intermediate value");
        List<Double> cx = new ArrayList<>();
        List<Double> cy = new ArrayList<>();
        List<Double> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        List<Double> ex = new ArrayList<>();
        List<Double> ey = new ArrayList<>();
        int complete = 0;
        int pruned = 0;
        List<Double> all = new ArrayList<>();
        for (FrozenTrial t : ts) {
            boolean isPruned = t.state() == TrialState.PRUNED;
            if (isPruned) pruned++;
            else complete++;
            List<Double> xs = isPruned ? px : cx;
            List<Double> ys = isPruned ? py : cy;
            for (Map.Entry<Integer, Double> e : t.intermediateValues().entrySet()) {
                xs.add((double) e.getKey());
                ys.add(e.getValue());
                all.add(e.getValue());
            }
            xs.add(Double.NaN);
            ys.add(Double.NaN);
            if (isPruned) {
                ex.add((double) t.intermediateValues().lastKey());
                ey.add(t.intermediateValues().get(t.intermediateValues().lastKey()));
            }
        }
        boolean log = autoLog(all.stream().mapToDouble(Double::doubleValue).toArray());
        c.getStyler().setYAxisLogarithmic(log);
        int alpha = ts.size() > 100 ? 90 : 170;
        if (pruned > 0) {
            XYSeries s = c.addSeries("pruned (" + pruned + ")", px, py);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Style.alpha(Style.ORANGE, alpha));
            s.setLineWidth(1.2f);
            XYSeries e = c.addSeries("pruned at", ex, ey);
            e.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            e.setMarker(SeriesMarkers.CROSS);
            e.setMarkerColor(Style.ORANGE);
            e.setShowInLegend(false);
        }
        if (complete > 0) {
            XYSeries s = c.addSeries("complete (" + complete + ")", cx, cy);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Style.alpha(Style.BLUE, alpha));
            s.setLineWidth(1.5f);
        }
        Style.naturalXTicks(c, 0, Math.max(1, cx.stream().filter(q -> !q.isNaN()).mapToDouble(Double::doubleValue).max().orElse(1)));
        String desc = "Intermediate values of study '" + v.name + "': " + complete + " complete and " + pruned + " pruned trials";
        return Plot.single("intermediate", c, null, desc);
    }

    // ------------------------------------------------------------------ Pareto front

    static Plot pareto(StudyView v, List<String> objectiveNames) {
        if (v.directions.size() < 2) {
            throw new IllegalArgumentException("study '" + v.name + "' has one objective: a Pareto front needs two or more "
                    + "(Study.builder(name).directions(MINIMIZE, MAXIMIZE)); use Plots.history(study) for one");
        }
        List<FrozenTrial> ts = v.requireComplete("a Pareto front plot", 1);
        List<FrozenTrial> front = ParetoFront.of(ts, v.directions);
        int k = v.directions.size();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String n = objectiveNames != null && i < objectiveNames.size() ? objectiveNames.get(i) : "objective " + i;
            names.add(n + " (" + v.directions.get(i).name().toLowerCase() + ")");
        }
        String desc = "Pareto front of study '" + v.name + "': " + front.size() + " of " + ts.size() + " complete trials are non-dominated";
        if (k == 2) {
            return Plot.single("pareto", paretoChart(ts, front, 0, 1, names, Style.WIDTH, Style.HEIGHT, "Pareto front: " + v.name, true), null, desc);
        }
        int n = k - 1;
        int cell = Math.max(260, 880 / n);
        List<Chart<?, ?>> cells = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            for (int col = 0; col < n; col++) {
                if (col > r) {
                    cells.add(null);
                    continue;
                }
                cells.add(paretoChart(ts, front, col, r + 1, names, cell, cell, null, r == 0 && col == 0));
            }
        }
        return Plot.grid("pareto", "Pareto front: " + v.name, n, n, cells, null, desc);
    }

    static LabelledXYChart paretoChart(List<FrozenTrial> ts, List<FrozenTrial> front, int i, int j, List<String> names, int w, int h,
                               String title, boolean legend) {
        LabelledXYChart c = Style.xy(w, h, title, names.get(i), names.get(j));
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (FrozenTrial t : ts) {
            if (front.contains(t)) continue;
            xs.add(t.values().get(i));
            ys.add(t.values().get(j));
        }
        if (!xs.isEmpty()) {
            XYSeries s = c.addSeries("dominated trials", xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Style.alpha(Style.BLUE, 120));
        }
        List<FrozenTrial> sorted = new ArrayList<>(front);
        sorted.sort(Comparator.comparingDouble(t -> t.values().get(i)));
        XYSeries f = c.addSeries("Pareto front (" + front.size() + ")", sorted.stream().map(t -> t.values().get(i)).toList(),
                sorted.stream().map(t -> t.values().get(j)).toList());
        f.setXYSeriesRenderStyle(names.size() == 2 ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
        f.setMarker(SeriesMarkers.DIAMOND);
        f.setMarkerColor(Style.RED);
        f.setLineColor(Style.alpha(Style.RED, 140));
        f.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{4f, 3f}, 0f));
        c.getStyler().setLegendVisible(legend);
        return c;
    }

    // ------------------------------------------------------------------ importance

    static Plot importance(StudyView v, int objective, ParamImportance.Result r) {
        List<Map.Entry<String, Double>> es = new ArrayList<>(r.importances().entrySet());
        int w = Style.WIDTH;
        int h = 420;
        CategoryChart c = new CategoryChartBuilder().width(w).height(h).title("Hyperparameter importance: " + v.name)
                .xAxisTitle("Hyperparameter").yAxisTitle("Importance (share)").build();
        Style.apply(c, w);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setYAxisDecimalPattern("0.00");
        c.getStyler().setAvailableSpaceFill(0.6);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        if (es.size() > 6) c.getStyler().setXAxisLabelRotation(30);
        CategorySeries s = c.addSeries("importance", es.stream().map(Map.Entry::getKey).toList(), es.stream().map(Map.Entry::getValue).toList());
        s.setFillColor(Style.BLUE);
        String desc = "Hyperparameter importance of study '" + v.name + "' (" + r.method() + "): " + r.importances();
        return Plot.single("importance", c, null, desc);
    }
}
