package org.tunebook.plots;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * skopt's plot_convergence: the best value found after n calls. Several runs of one method form a group, drawn
 * as faint individual curves, their mean (bold) and their spread (a band from the best to the worst run at
 * each n). Groups are compared on one chart.
 * <pre>{@code
 * Plot p = Convergence.builder().add("random", runs1).add("gp", runs2).trueMinimum(0.397887).plot();
 * }</pre>
 */
public final class Convergence {
    private final Map<String, List<double[]>> groups = new LinkedHashMap<>();
    private Direction direction;
    private Double trueMinimum;
    private String title = "Convergence plot";
    private Boolean logY;
    private int width = Style.WIDTH;
    private int height = Style.HEIGHT;

    private Convergence() {
    }

    public static Convergence builder() {
        return new Convergence();
    }

    /** Objective values of COMPLETE trials in the order they were evaluated (skopt's func_vals). */
    public static double[] values(Study study) {
        List<FrozenTrial> ts = study.trials(EnumSet.of(TrialState.COMPLETE));
        if (study.directions().size() != 1) {
            throw new IllegalArgumentException("study '" + study.name() + "' has " + study.directions().size()
                    + " objectives: a convergence plot needs one; use Plots.paretoFront(study)");
        }
        return ts.stream().mapToDouble(FrozenTrial::value).toArray();
    }

    /** Adds a group of runs (one study per run); their direction must agree with earlier groups. */
    public Convergence add(String label, Study... runs) {
        if (runs == null || runs.length == 0) throw new IllegalArgumentException("group '" + label + "' has no study: pass at least one");
        List<double[]> vs = new ArrayList<>();
        for (Study s : runs) {
            Direction d = s.directions().size() == 1 ? s.direction() : null;
            if (d == null) values(s); // throws with the explanation
            direction(d);
            vs.add(values(s));
        }
        return add(label, vs);
    }

    /** Adds a group of runs given as objective values in evaluation order. */
    public Convergence add(String label, List<double[]> runs) {
        if (label == null || label.isBlank()) throw new IllegalArgumentException("a convergence group needs a label, e.g. \"random\"");
        if (runs == null || runs.isEmpty()) throw new IllegalArgumentException("group '" + label + "' has no run: pass at least one");
        for (double[] r : runs) {
            if (r == null || r.length == 0) {
                throw new IllegalArgumentException("a run of group '" + label + "' has no values: run at least one trial");
            }
        }
        groups.computeIfAbsent(label, k -> new ArrayList<>()).addAll(runs);
        return this;
    }

    public Convergence add(String label, double[] run) {
        return add(label, List.<double[]>of(run));
    }

    /** Minimize (the default, as skopt) or maximize: "best" is the running min or max. */
    public Convergence direction(Direction d) {
        if (d == null) return this;
        if (direction != null && direction != d) {
            throw new IllegalArgumentException("runs to compare must share a direction: got " + direction + " and " + d);
        }
        this.direction = d;
        return this;
    }

    /** Draws a dashed line at the known optimum (skopt's true_minimum). */
    public Convergence trueMinimum(double v) {
        this.trueMinimum = v;
        return this;
    }

    public Convergence title(String t) {
        this.title = t;
        return this;
    }

    /** Log y axis; by default chosen when every value is positive and they span more than three decades. */
    public Convergence logY(boolean b) {
        this.logY = b;
        return this;
    }

    public Convergence size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** Running best of a run. */
    static double[] bestSoFar(double[] values, Direction d) {
        double[] b = new double[values.length];
        double best = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(best) || d.isBetter(values[i], best)) best = values[i];
            b[i] = best;
        }
        return b;
    }

    public Plot plot() {
        if (groups.isEmpty()) throw new IllegalStateException("no run to plot: call add(label, study...) first");
        Direction d = direction == null ? Direction.MINIMIZE : direction;
        String word = d == Direction.MINIMIZE ? "min" : "max";
        LabelledXYChart c = Style.xy(width, height, title, "Number of calls n", word + " f(x) after n calls");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<double[][]> curves = new ArrayList<>();
        for (List<double[]> runs : groups.values()) {
            double[][] best = runs.stream().map(r -> bestSoFar(r, d)).toArray(double[][]::new);
            curves.add(best);
            for (double[] b : best) for (double v : b) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (trueMinimum != null) {
            lo = Math.min(lo, trueMinimum);
            hi = Math.max(hi, trueMinimum);
        }
        boolean log = logY != null ? logY : (lo > 0 && hi / lo > 1e3);
        if (log && !(lo > 0)) {
            throw new IllegalArgumentException("logY needs positive values but the best values reach " + lo + ": call logY(false)");
        }
        c.getStyler().setYAxisLogarithmic(log);
        c.getStyler().setYAxisDecimalPattern(null);
        int maxLen = 0;
        int g = 0;
        StringBuilder desc = new StringBuilder("Convergence plot: ");
        for (Map.Entry<String, List<double[]>> e : groups.entrySet()) {
            Color color = Style.CYCLE[g % Style.CYCLE.length];
            double[][] best = curves.get(g);
            g++;
            String label = e.getKey();
            int n = Arrays.stream(best).mapToInt(b -> b.length).max().orElse(0);
            maxLen = Math.max(maxLen, n);
            if (best.length == 1) {
                XYSeries s = c.addSeries(label, xs(n), best[0]);
                s.setLineColor(color);
                s.setMarkerColor(color);
                s.setMarker(n <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                s.setLineWidth(2f);
                desc.append(label).append(" best ").append(Style.num(best[0][n - 1])).append("; ");
                continue;
            }
            double[] mean = new double[n];
            double[] min = new double[n];
            double[] max = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                int k = 0;
                min[i] = Double.POSITIVE_INFINITY;
                max[i] = Double.NEGATIVE_INFINITY;
                for (double[] b : best) {
                    if (i < b.length) {
                        sum += b[i];
                        k++;
                        min[i] = Math.min(min[i], b[i]);
                        max[i] = Math.max(max[i], b[i]);
                    }
                }
                mean[i] = sum / k;
            }
            double[] bx = new double[2 * n];
            double[] by = new double[2 * n];
            for (int i = 0; i < n; i++) {
                bx[i] = i + 1;
                by[i] = max[i];
                bx[2 * n - 1 - i] = i + 1;
                by[2 * n - 1 - i] = min[i];
            }
            XYSeries band = c.addSeries(label + " range of " + best.length + " runs", bx, by);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(Style.alpha(color, 45));
            band.setLineColor(Style.alpha(color, 0));
            band.setMarker(SeriesMarkers.NONE);
            int r = 0;
            for (double[] b : best) {
                XYSeries s = c.addSeries(label + " run " + (++r), xs(b.length), b);
                s.setLineColor(Style.alpha(color, 70));
                s.setLineWidth(1f);
                s.setMarker(SeriesMarkers.NONE);
                s.setShowInLegend(false);
            }
            XYSeries m = c.addSeries(label + " mean of " + best.length + " runs", xs(n), mean);
            m.setLineColor(color);
            m.setMarkerColor(color);
            m.setMarker(n <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            m.setLineWidth(2.5f);
            desc.append(label).append(" mean best ").append(Style.num(mean[n - 1])).append(" over ").append(best.length).append(" runs; ");
        }
        if (trueMinimum != null) {
            XYSeries t = c.addSeries("true minimum", new double[]{1, Math.max(2, maxLen)}, new double[]{trueMinimum, trueMinimum});
            t.setLineColor(Style.RED);
            t.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            t.setMarker(SeriesMarkers.NONE);
        }
        Style.naturalXTicks(c, 1, Math.max(2, maxLen));
        c.getStyler().setXAxisMin(1.0);
        c.getStyler().setXAxisMax((double) Math.max(2, maxLen));
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        return Plot.single("convergence", c, null, desc.toString().replaceAll("; $", ""));
    }

    private static double[] xs(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i + 1;
        return x;
    }

}
