package org.tunebook.plots;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** scikit-optimize's plot_objective and plot_evaluations, drawn with XChart. */
final class SkoptPlots {
    static final int N_POINTS = 40;
    static final int N_SAMPLES = 250;

    private SkoptPlots() {
    }

    /** A unit value snapped to what the dimension can take (integers, steps, categorical choices). */
    static double snap(Param p, double u) {
        return p.unit(p.externalOfUnit(u));
    }

    static int cellSize(int d) {
        return d == 1 ? Style.WIDTH : Math.max(200, 880 / d);
    }

    /**
     * Partial dependence, as skopt computes it: for each grid value of one (or two) dimensions, the surrogate's
     * mean averaged over {@code nSamples} random points of the space (drawn once, uniformly in unit coordinates and
     * snapped to valid values) with that dimension set to the grid value.
     */
    static Plot objective(SurrogateResult r, int nPoints, int nSamples, long seed) {
        if (nPoints < 2 || nSamples < 1) {
            throw new IllegalArgumentException("plot_objective needs nPoints >= 2 and nSamples >= 1, got " + nPoints + " and " + nSamples);
        }
        List<Param> ps = r.params();
        int d = ps.size();
        Surrogate s = r.surrogate();
        if (s == null) throw new IllegalArgumentException("the result has no fitted model: plot_objective needs the surrogate (models[-1])");
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] samples = new double[nSamples][d];
        for (double[] row : samples) for (int j = 0; j < d; j++) row[j] = snap(ps.get(j), rng.nextDouble());
        List<Object> min = r.x();
        double[] minU = r.toUnit(min);
        int cell = cellSize(d);
        double[] grid = new double[nPoints];
        for (int g = 0; g < nPoints; g++) grid[g] = g / (double) (nPoints - 1);
        double[] point = new double[d];
        List<Chart<?, ?>> cells = new ArrayList<>();
        for (int row = 0; row < d; row++) {
            for (int col = 0; col < d; col++) {
                if (col > row) {
                    cells.add(null);
                    continue;
                }
                if (col == row) {
                    Param p = ps.get(row);
                    double[] us = p.categorical() ? categoricalUnits(p) : grid;
                    double[] xs = new double[us.length];
                    double[] ys = new double[us.length];
                    for (int g = 0; g < us.length; g++) {
                        double u = snap(p, us[g]);
                        double sum = 0;
                        for (double[] smp : samples) {
                            System.arraycopy(smp, 0, point, 0, d);
                            point[row] = u;
                            sum += s.predict(point);
                        }
                        xs[g] = p.coordOfUnit(us[g]);
                        ys[g] = sum / nSamples;
                    }
                    cells.add(diagonal(p, xs, ys, p.coord(min.get(row)), cell, d, row, col));
                    continue;
                }
                Param px = ps.get(col);
                Param py = ps.get(row);
                double[][] field = new double[nPoints][nPoints];
                for (int iy = 0; iy < nPoints; iy++) {
                    double uy = snap(py, grid[iy]);
                    for (int ix = 0; ix < nPoints; ix++) {
                        double ux = snap(px, grid[ix]);
                        double sum = 0;
                        for (double[] smp : samples) {
                            System.arraycopy(smp, 0, point, 0, d);
                            point[col] = ux;
                            point[row] = uy;
                            sum += s.predict(point);
                        }
                        field[iy][ix] = sum / nSamples;
                    }
                }
                ContourChart c = new ContourChart(cell, cell, px, py, field, 10, false, null);
                Style.apply(c, cell);
                c.setXAxisTitle(px.axisTitle());
                c.setYAxisTitle(py.axisTitle());
                c.getStyler().setChartTitleVisible(false);
                c.getStyler().setLegendVisible(false);
                c.getStyler().setPlotGridLinesVisible(false);
                c.getStyler().setMarkerSize(4);
                StudyPlots.styleParamAxis(c, px, true);
                StudyPlots.styleParamAxis(c, py, false);
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (List<Object> x : r.xIters()) {
                    xs.add(px.coord(x.get(col)));
                    ys.add(py.coord(x.get(row)));
                }
                XYSeries pts = c.addSeries("evaluations", xs, ys);
                pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                pts.setMarker(SeriesMarkers.CIRCLE);
                pts.setMarkerColor(new Color(0, 0, 0, 190));
                XYSeries star = c.addSeries("minimum", new double[]{px.coord(min.get(col))}, new double[]{py.coord(min.get(row))});
                star.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                star.setMarker(Style.STAR);
                star.setMarkerColor(Style.RED);
                c.getStyler().setXAxisTitleVisible(row == d - 1);
                c.getStyler().setYAxisTitleVisible(col == 0);
                cells.add(c);
            }
        }
        String desc = "Partial dependence of the surrogate (plot_objective) over " + ps.stream().map(Param::name).toList() + ": "
                + nPoints + " points per axis averaged over " + nSamples + " random samples; red star at " + min;
        if (d == 1) return Plot.single("objective", cells.get(0), null, desc);
        return Plot.grid("objective", "Partial dependence of the surrogate's mean (red star and dashed lines: the minimum)", d, d, cells, null, desc);
    }

    static double[] categoricalUnits(Param p) {
        double[] us = new double[p.size()];
        for (int i = 0; i < us.length; i++) us[i] = p.size() == 1 ? 0 : i / (double) (p.size() - 1);
        return us;
    }

    private static LabelledXYChart diagonal(Param p, double[] xs, double[] ys, double minCoord, int cell, int d, int row, int col) {
        LabelledXYChart c = Style.xy(cell, cell, d == 1 ? "Partial dependence of the objective" : "", p.axisTitle(), "Partial dependence");
        Style.apply(c, cell);
        StudyPlots.styleParamAxis(c, p, true);
        c.getStyler().setLegendVisible(false);
        XYSeries s = c.addSeries("partial dependence", xs, ys);
        s.setLineColor(Style.BLUE);
        s.setLineWidth(2f);
        s.setMarker(p.categorical() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setMarkerColor(Style.BLUE);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double y : ys) {
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        if (!(hi > lo)) {
            hi = lo + 1e-9 + Math.abs(lo) * 1e-6;
        }
        XYSeries m = c.addSeries("minimum", new double[]{minCoord, minCoord}, new double[]{lo, hi});
        if (!p.categorical() && !p.log()) Style.naturalXTicks(c, xs[0], xs[xs.length - 1]);
        m.setLineColor(Style.RED);
        m.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{5f, 4f}, 0f));
        m.setMarker(SeriesMarkers.NONE);
        c.getStyler().setXAxisTitleVisible(row == d - 1);
        c.getStyler().setYAxisTitleVisible(col == 0);
        return c;
    }

    // ------------------------------------------------------------------ plot_evaluations

    static Plot evaluations(List<Param> ps, List<List<Object>> xIters, double[] funcVals, int bins) {
        int d = ps.size();
        int n = xIters.size();
        if (n == 0) throw new IllegalArgumentException("no evaluated point to plot: run at least one call");
        int best = 0;
        for (int i = 1; i < n; i++) if (funcVals[i] < funcVals[best]) best = i;
        int cell = cellSize(d);
        List<Chart<?, ?>> cells = new ArrayList<>();
        for (int row = 0; row < d; row++) {
            for (int col = 0; col < d; col++) {
                if (col > row) {
                    cells.add(null);
                    continue;
                }
                if (col == row) {
                    cells.add(histogram(ps.get(row), xIters, row, bins, cell, d));
                    continue;
                }
                Param px = ps.get(col);
                Param py = ps.get(row);
                LabelledXYChart c = Style.xy(cell, cell, "", px.axisTitle(), py.axisTitle());
                Style.apply(c, cell);
                c.getStyler().setMarkerSize(cell >= 400 ? 6 : 4);
                StudyPlots.styleParamAxis(c, px, true);
                StudyPlots.styleParamAxis(c, py, false);
                int bands = Math.min(StudyPlots.BANDS, n);
                for (int b = 0; b < bands; b++) {
                    List<Double> xs = new ArrayList<>();
                    List<Double> ys = new ArrayList<>();
                    for (int i = b * n / bands; i < (b + 1) * n / bands; i++) {
                        List<Object> x = xIters.get(i);
                        if (x.get(col) == null || x.get(row) == null) continue;
                        xs.add(px.coord(x.get(col)) + (px.categorical() ? StudyPlots.jitter(i) : 0));
                        ys.add(py.coord(x.get(row)) + (py.categorical() ? StudyPlots.jitter(i + 7) : 0));
                    }
                    if (xs.isEmpty()) continue;
                    XYSeries s = c.addSeries("calls " + (b * n / bands + 1) + "\u2013" + ((b + 1) * n / bands), xs, ys);
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    s.setMarker(SeriesMarkers.CIRCLE);
                    s.setMarkerColor(Style.alpha(Style.scale(bands == 1 ? 0.5 : b / (double) (bands - 1)), 210));
                }
                List<Object> bx = xIters.get(best);
                if (bx.get(col) != null && bx.get(row) != null) {
                    XYSeries star = c.addSeries("best", new double[]{px.coord(bx.get(col))}, new double[]{py.coord(bx.get(row))});
                    star.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    star.setMarker(Style.STAR);
                    star.setMarkerColor(Style.RED);
                }
                c.getStyler().setLegendVisible(false);
                c.getStyler().setXAxisTitleVisible(row == d - 1);
                c.getStyler().setYAxisTitleVisible(col == 0);
                cells.add(c);
            }
        }
        String desc = "Evaluations (plot_evaluations) of " + n + " points over " + ps.stream().map(Param::name).toList()
                + ": histograms on the diagonal, pairs coloured by order (dark = early, yellow = late), red star at the best";
        if (d == 1) return Plot.single("evaluations", cells.get(0), null, desc);
        return Plot.grid("evaluations", "Evaluations: " + n + " points (colour: order, dark = early; red star: best)", d, d, cells, null, desc);
    }

    /** Counts per bin as a polygon of bars; log-spaced bins for log parameters, one bar per choice for categoricals. */
    static LabelledXYChart histogram(Param p, List<List<Object>> xIters, int index, int bins, int cell, int d) {
        LabelledXYChart c = Style.xy(cell, cell, d == 1 ? "Evaluations of " + p.name() : "", p.axisTitle(), "Number of samples");
        Style.apply(c, cell);
        StudyPlots.styleParamAxis(c, p, true);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setYAxisMin(0.0);
        double[] edges;
        if (p.categorical()) {
            edges = new double[p.size() + 1];
            for (int i = 0; i <= p.size(); i++) edges[i] = i - 0.5;
        } else {
            int k = p.integer() ? (int) Math.min(bins, p.high() - p.low() + 1) : bins;
            edges = new double[k + 1];
            for (int i = 0; i <= k; i++) edges[i] = p.coordOfUnit(i / (double) k);
        }
        int[] counts = new int[edges.length - 1];
        for (List<Object> x : xIters) {
            Object v = x.get(index);
            if (v == null) continue;
            double u = p.categorical() ? p.coord(v) : p.unit(v);
            int b = p.categorical() ? (int) Math.rint(u) : (int) Math.min(counts.length - 1, Math.floor(u * counts.length));
            counts[Math.max(0, b)]++;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        int max = 1;
        for (int b = 0; b < counts.length; b++) {
            double gap = p.categorical() ? 0.1 : 0;
            xs.add(edges[b] + gap);
            ys.add(0.0);
            xs.add(edges[b] + gap);
            ys.add((double) counts[b]);
            xs.add(edges[b + 1] - gap);
            ys.add((double) counts[b]);
            xs.add(edges[b + 1] - gap);
            ys.add(0.0);
            max = Math.max(max, counts[b]);
        }
        XYSeries s = c.addSeries("count", xs, ys);
        Style.naturalXTicks(c, edges[0], edges[edges.length - 1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(Style.alpha(Style.BLUE, 200));
        s.setLineColor(Color.WHITE);
        s.setLineWidth(0.8f);
        s.setMarker(SeriesMarkers.NONE);
        c.getStyler().setYAxisMax(max * 1.08);
        c.getStyler().setXAxisTitleVisible(true);
        return c;
    }
}
