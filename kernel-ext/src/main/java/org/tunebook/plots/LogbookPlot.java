package org.tunebook.plots;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DEAP-style logbook curves: max, avg and min fitness by generation (avg +/- std as a band when present). */
final class LogbookPlot {
    static final List<String> STATS = List.of("max", "avg", "min");

    private LogbookPlot() {
    }

    static Plot of(Table t) {
        if (t == null) throw new IllegalArgumentException("logbook table is null");
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (Column<?> c : t.columns()) {
            double[] v = new double[t.rowCount()];
            boolean numeric = true;
            for (int i = 0; i < t.rowCount(); i++) {
                Object o = c.get(i);
                if (o instanceof Number n) v[i] = n.doubleValue();
                else if (o == null) v[i] = Double.NaN;
                else {
                    numeric = false;
                    break;
                }
            }
            if (numeric) cols.put(c.name().toLowerCase(), v);
        }
        return of(cols, t.name());
    }

    static Plot of(List<? extends Map<String, ?>> records) {
        if (records == null || records.isEmpty()) throw new IllegalArgumentException("the logbook has no record: run at least one generation");
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            for (Map.Entry<String, ?> e : records.get(i).entrySet()) {
                if (!(e.getValue() instanceof Number n)) continue;
                double[] col = cols.computeIfAbsent(e.getKey().toLowerCase(), k -> {
                    double[] a = new double[records.size()];
                    java.util.Arrays.fill(a, Double.NaN);
                    return a;
                });
                col[i] = n.doubleValue();
            }
        }
        return of(cols, null);
    }

    static Plot of(Map<String, double[]> cols, String name) {
        double[] gen = cols.get("gen");
        if (gen == null) {
            throw new IllegalArgumentException("the logbook has no numeric 'gen' column (it has " + cols.keySet() + "): name the generation column gen");
        }
        List<String> present = STATS.stream().filter(cols::containsKey).toList();
        if (present.isEmpty()) {
            throw new IllegalArgumentException("the logbook has none of the statistics " + STATS + " (it has " + cols.keySet()
                    + "): register them with the statistics object, e.g. stats.register(\"max\", ...)");
        }
        String title = "Fitness by generation" + (name == null || name.isBlank() ? "" : ": " + name);
        LabelledXYChart c = Style.xy(Style.WIDTH, Style.HEIGHT, title, "Generation", "Fitness");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        double[] avg = cols.get("avg");
        double[] std = cols.get("std");
        if (avg != null && std != null) {
            int n = gen.length;
            double[] bx = new double[2 * n];
            double[] by = new double[2 * n];
            for (int i = 0; i < n; i++) {
                bx[i] = gen[i];
                by[i] = avg[i] + std[i];
                bx[2 * n - 1 - i] = gen[i];
                by[2 * n - 1 - i] = avg[i] - std[i];
            }
            XYSeries band = c.addSeries("avg \u00b1 std", bx, by);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(Style.alpha(Style.GREEN, 40));
            band.setLineColor(Style.alpha(Style.GREEN, 0));
            band.setMarker(SeriesMarkers.NONE);
        }
        Map<String, Color> colors = Map.of("max", Style.BLUE, "avg", Style.GREEN, "min", Style.ORANGE);
        List<String> desc = new ArrayList<>();
        for (String s : present) {
            XYSeries se = c.addSeries(s, gen, cols.get(s));
            se.setLineColor(colors.get(s));
            se.setMarkerColor(colors.get(s));
            se.setMarker(gen.length <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            se.setLineWidth(2f);
            double[] v = cols.get(s);
            desc.add(s + " " + Style.num(v[0]) + " -> " + Style.num(v[v.length - 1]));
        }
        Style.naturalXTicks(c, gen[0], gen[gen.length - 1] + 1);
        double[] nevals = cols.get("nevals");
        if (nevals != null) {
            double total = 0;
            for (double e : nevals) if (!Double.isNaN(e)) total += e;
            desc.add((long) total + " evaluations");
        }
        return Plot.single("logbook", c, null, "Logbook over " + gen.length + " generations: " + String.join(", ", desc));
    }
}
