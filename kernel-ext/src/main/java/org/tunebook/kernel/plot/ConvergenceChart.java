package org.tunebook.kernel.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;

/**
 * The convergence chart of one single-objective run: each finished trial's value (dots) and the best
 * value so far (a step line), against the trial number. Used by the live progress and the study summary.
 */
public final class ConvergenceChart {
    private ConvergenceChart() {
    }

    /** Builds the chart from trials with a value, every one drawn; null when there are none. */
    public static XYChart of(String title, Direction direction, List<FrozenTrial> trials, int width, int height) {
        return of(title, direction, trials, width, height, 0);
    }

    /**
     * Builds the chart from trials with a value; null when there are none. With {@code maxDots > 0} the
     * value dots are evenly thinned to at most that many; the best-so-far line keeps every change.
     */
    public static XYChart of(String title, Direction direction, List<FrozenTrial> trials, int width, int height, int maxDots) {
        int n = 0;
        for (FrozenTrial t : trials) {
            if (t.values().size() == 1 && Double.isFinite(t.values().get(0))) n++;
        }
        if (n == 0) {
            return null;
        }
        int stride = maxDots > 0 ? (n + maxDots - 1) / maxDots : 1;
        double[] x = new double[(n + stride - 1) / stride];
        double[] y = new double[x.length];
        double[] bx = new double[n + 1];
        double[] by = new double[n + 1];
        int changes = 0;
        double b = direction.worst();
        int i = 0;
        double lastX = 0;
        for (FrozenTrial t : trials) {
            if (t.values().size() != 1 || !Double.isFinite(t.values().get(0))) continue;
            double v = t.values().get(0);
            if (changes == 0 || direction.isBetter(v, b)) {
                b = v;
                bx[changes] = t.number();
                by[changes] = v;
                changes++;
            }
            if (i % stride == 0) {
                x[i / stride] = t.number();
                y[i / stride] = v;
            }
            lastX = t.number();
            i++;
        }
        bx[changes] = lastX;
        by[changes] = b;
        return of(title, x, y, Arrays.copyOf(bx, changes + 1), Arrays.copyOf(by, changes + 1), width, height);
    }

    /** Builds the chart from parallel arrays: trial numbers, values and best-so-far values. */
    public static XYChart of(String title, double[] x, double[] values, double[] best, int width, int height) {
        return of(title, x, values, x, best, width, height);
    }

    /**
     * Builds the chart from the value points (x, values) and the best-so-far step line (bestX, best),
     * which may have fewer points (only where the best changed, and the last trial).
     */
    public static XYChart of(String title, double[] x, double[] values, double[] bestX, double[] best, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("trial").yAxisTitle("objective value").build();
        XYStyler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setChartTitleVisible(title != null && !title.isEmpty());
        s.setPlotGridLinesVisible(true);
        s.setChartBackgroundColor(Color.WHITE);
        s.setAntiAlias(true);
        s.setMarkerSize(4);
        XYSeries dots = chart.addSeries("value", x, values);
        dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dots.setMarker(SeriesMarkers.CIRCLE);
        dots.setMarkerColor(new Color(70, 130, 180, 150));
        XYSeries line = chart.addSeries("best so far", bestX, best);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(214, 39, 40));
        return chart;
    }
}
