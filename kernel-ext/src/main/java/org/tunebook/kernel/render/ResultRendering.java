package org.tunebook.kernel.render;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tunebook.evolution.Logbook;
import org.tunebook.kernel.Bundle;
import org.tunebook.kernel.plot.ConvergenceChart;
import org.tunebook.skopt.Evaluation;
import org.tunebook.skopt.OptimizeResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Base64;
import java.util.List;

/** scikit-optimize's OptimizeResult and DEAP's logbook as display bundles. */
public final class ResultRendering {
    static final int CHART_WIDTH = 480;
    static final int CHART_HEIGHT = 220;
    /** How many of the best evaluations the OptimizeResult summary lists. */
    static final int TOP = 10;

    private ResultRendering() {
    }

    /** fun, x by name, the number of evaluations and models, the best evaluations and a convergence chart. */
    public static Bundle bundle(OptimizeResult r) {
        double[] y = r.funcVals();
        StringBuilder html = new StringBuilder(1024);
        html.append("<div class=\"tunebook-optimize-result\" style=\"font:12px sans-serif\">");
        Bundle.Builder b = Bundle.builder();
        if (y.length == 0) {
            html.append("<div>no evaluation completed (").append(Html.escape(r.study().describeCounts())).append(")</div></div>");
            return b.html(html.toString()).text(r.toString()).build();
        }
        List<String> names = r.space().names();
        html.append("<div><b>fun</b> = ").append(r.fun()).append(" &middot; ").append(y.length).append(" evaluations &middot; ")
                .append(r.models().size()).append(" models</div>");
        html.append("<div><b>x</b> = ").append(Html.escape(point(names, r.x()))).append("</div>");
        Table top = Table.create("best " + Math.min(TOP, y.length) + " of " + y.length + " (sorted(zip(func_vals, x_iters)))");
        DoubleColumn f = DoubleColumn.create("func_val");
        top.addColumns(f);
        StringColumn[] cols = new StringColumn[names.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = StringColumn.create(names.get(i));
            top.addColumns(cols[i]);
        }
        List<Evaluation> sorted = r.sorted();
        for (Evaluation e : sorted.subList(0, Math.min(TOP, sorted.size()))) {
            f.append(e.funcVal());
            for (int i = 0; i < cols.length; i++) cols[i].append(String.valueOf(e.x().get(i)));
        }
        html.append(Tables.html(top, TOP));
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) x[i] = i + 1;
        XYChart chart = ConvergenceChart.of("Convergence plot", x, y, r.bestSoFar(), CHART_WIDTH, CHART_HEIGHT);
        chart.setXAxisTitle("number of calls n");
        chart.setYAxisTitle("min f(x) after n calls");
        String png = Base64.getEncoder().encodeToString(Charts.png(chart));
        html.append("<img alt=\"convergence\" src=\"data:image/png;base64,").append(png).append("\"/></div>");
        return b.put(Bundle.PNG, png).html(html.toString()).text(r.toString()).build();
    }

    /** The logbook's table (DEAP's columns) and its statistics against the generation. */
    public static Bundle bundle(Logbook log) {
        Table t = log.toTable();
        StringBuilder html = new StringBuilder(Tables.html(t, Tables.rowLimit()));
        Bundle.Builder b = Bundle.builder();
        if (log.size() > 0 && log.header().contains("gen")) {
            double[] gen = log.column("gen");
            XYChart chart = new XYChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT).title("logbook")
                    .xAxisTitle("generation").yAxisTitle("fitness").build();
            chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
            int series = 0;
            for (String h : log.header()) {
                if (h.equals("gen") || h.equals("nevals")) continue;
                XYSeries s = chart.addSeries(h, gen, log.column(h));
                s.setMarker(SeriesMarkers.NONE);
                series++;
            }
            if (series > 0) {
                String png = Base64.getEncoder().encodeToString(Charts.png(chart));
                b.put(Bundle.PNG, png);
                html.append("<img alt=\"logbook\" src=\"data:image/png;base64,").append(png).append("\"/>");
            }
        }
        return b.html(html.toString()).text(log.toString()).build();
    }

    private static String point(List<String> names, List<Object> x) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < x.size(); i++) {
            if (i > 0) s.append(", ");
            s.append(i < names.size() ? names.get(i) + "=" : "").append(x.get(i));
        }
        return s.append(']').toString();
    }
}
