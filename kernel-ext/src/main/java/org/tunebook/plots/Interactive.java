package org.tunebook.plots;

import org.tunebook.study.FrozenTrial;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ContourTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plotly figures (tablesaw-jsplot) for the interactive versions of history, slice, contour and parallel coordinates. */
final class Interactive {
    private Interactive() {
    }

    /** tablesaw-jsplot writes strings into single-quoted JavaScript literals without escaping them. */
    static String safe(String s) {
        return s.replace("\\", "/").replace("'", "\u2019").replace("\n", " ").replace("<", "\u2039").replace(">", "\u203a");
    }

    static String hover(FrozenTrial t, double value) {
        StringBuilder b = new StringBuilder("trial #" + t.number() + "<br>value " + Style.num(value));
        for (Map.Entry<String, Object> e : t.params().entrySet()) {
            Object v = e.getValue();
            b.append("<br>").append(safe(e.getKey())).append(" = ").append(v instanceof Double d ? Style.num(d) : safe(String.valueOf(v)));
        }
        return b.toString().replace("'", "\u2019");
    }

    static Axis.AxisBuilder axis(String title) {
        return Axis.builder().title(safe(title)).showLine(true).lineColor("#888").gridColor("#e5e5e5").zeroLineColor("#ccc");
    }

    static Layout.LayoutBuilder layout(String title, int w, int h) {
        return Layout.builder().title(safe(title)).width(w).height(h).plotBgColor("#ffffff").paperBgColor("#ffffff");
    }

    static InteractivePlot history(StudyView v, int objective, List<FrozenTrial> ts, double[] x, double[] y, double[] best, boolean logY, String desc) {
        String[] text = new String[ts.size()];
        for (int i = 0; i < ts.size(); i++) text[i] = hover(ts.get(i), y[i]);
        ScatterTrace pts = ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.MARKERS).name("Objective value").text(text)
                .marker(Marker.builder().color("#1f77b4").size(7).build()).build();
        ScatterTrace line = ScatterTrace.builder(x, best).mode(ScatterTrace.Mode.LINE).name("Best value")
                .line(Line.builder().color("#d62728").width(2).shape(Line.Shape.HV).build()).build();
        Layout layout = layout("Optimization history: " + v.name, Style.WIDTH, Style.HEIGHT)
                .xAxis(axis("Trial").build())
                .yAxis(axis(v.objectiveLabel(objective)).type(logY ? Axis.Type.LOG : Axis.Type.LINEAR).build()).build();
        Figure f = new Figure(layout, pts, line);
        return new InteractivePlot("history", List.of(f), InteractivePlot.sizes(1, Style.WIDTH, Style.HEIGHT),
                () -> StudyPlots.history(v, objective).toPngBytes(), desc);
    }

    static InteractivePlot slice(StudyView v, List<Param> params, int objective, List<FrozenTrial> ts, boolean logY, String desc) {
        List<Figure> figs = new ArrayList<>();
        int w = Style.WIDTH;
        int h = 400;
        for (Param p : params) {
            List<FrozenTrial> with = StudyView.with(ts, p);
            double[] ys = with.stream().mapToDouble(t -> StudyView.value(t, objective)).toArray();
            double[] color = with.stream().mapToDouble(FrozenTrial::number).toArray();
            String[] text = new String[with.size()];
            for (int i = 0; i < with.size(); i++) text[i] = hover(with.get(i), ys[i]);
            ScatterTrace.ScatterBuilder b;
            if (p.categorical()) {
                StringColumn xs = StringColumn.create(p.name());
                for (FrozenTrial t : with) xs.append(safe(String.valueOf(t.params().get(p.name()))));
                b = ScatterTrace.builder(xs, DoubleColumn.create("value", ys));
            } else {
                double[] xs = with.stream().mapToDouble(t -> p.coord(t.params().get(p.name()))).toArray();
                b = ScatterTrace.builder(xs, ys);
            }
            ScatterTrace tr = b.mode(ScatterTrace.Mode.MARKERS).name(safe(p.name())).text(text)
                    .marker(Marker.builder().color(color).colorScale(Marker.Palette.VIRIDIS).showScale(true).size(7)
                            .colorBar(tech.tablesaw.plotly.components.ColorBar.builder().build()).build()).build();
            Axis.Type xt = p.categorical() ? Axis.Type.CATEGORY : p.log() ? Axis.Type.LOG : Axis.Type.LINEAR;
            Layout layout = layout("Slice plot: " + v.name + " \u2013 " + p.name() + " (colour: trial number)", w, h)
                    .xAxis(axis(p.axisTitle()).type(xt).build())
                    .yAxis(axis(v.objectiveLabel(objective)).type(logY ? Axis.Type.LOG : Axis.Type.LINEAR).build()).build();
            figs.add(new Figure(layout, tr));
        }
        return new InteractivePlot("slice", figs, InteractivePlot.sizes(figs.size(), w, h),
                () -> StudyPlots.slice(v, params, objective).toPngBytes(), desc);
    }

    static InteractivePlot contour(StudyView v, List<Param> params, int objective, List<FrozenTrial> ts, String desc) {
        List<Figure> figs = new ArrayList<>();
        int w = 700;
        int h = 560;
        for (int r = 1; r < params.size(); r++) {
            for (int c = 0; c < r; c++) {
                Param px = params.get(c);
                Param py = params.get(r);
                List<FrozenTrial> with = StudyView.with(StudyView.with(ts, px), py);
                if (with.isEmpty()) continue;
                double[][] field = StudyPlots.contourField(ts, px, py, objective);
                int n = field.length;
                Object[] gx = new Object[n];
                Object[] gy = new Object[n];
                for (int i = 0; i < n; i++) {
                    gx[i] = px.coordOfUnit(i / (double) (n - 1));
                    gy[i] = py.coordOfUnit(i / (double) (n - 1));
                }
                ContourTrace ct = ContourTrace.builder(gx, gy, field).build();
                double[] xs = with.stream().mapToDouble(t -> px.coord(t.params().get(px.name()))).toArray();
                double[] ys = with.stream().mapToDouble(t -> py.coord(t.params().get(py.name()))).toArray();
                String[] text = new String[with.size()];
                for (int i = 0; i < with.size(); i++) text[i] = hover(with.get(i), StudyView.value(with.get(i), objective));
                ScatterTrace pts = ScatterTrace.builder(xs, ys).mode(ScatterTrace.Mode.MARKERS).name("trials").text(text)
                        .marker(Marker.builder().color("#000000").size(5).build()).showLegend(false).build();
                Layout layout = layout("Contour: " + v.name + " \u2013 " + v.objectiveLabel(objective) + " (inverse-distance interpolation)", w, h)
                        .xAxis(axis(px.axisTitle() + (px.categorical() ? " " + px.choices() : "")).type(px.log() ? Axis.Type.LOG : Axis.Type.LINEAR).build())
                        .yAxis(axis(py.axisTitle() + (py.categorical() ? " " + py.choices() : "")).type(py.log() ? Axis.Type.LOG : Axis.Type.LINEAR).build())
                        .build();
                figs.add(new Figure(layout, ct, pts));
            }
        }
        return new InteractivePlot("contour", figs, InteractivePlot.sizes(figs.size(), w, h),
                () -> StudyPlots.contour(v, params, objective).toPngBytes(), desc);
    }

    static InteractivePlot parallel(StudyView v, List<Param> params, int objective, List<FrozenTrial> ts, String desc) {
        StringBuilder b = new StringBuilder("{type: 'parcoords', line: {color: ");
        double[] z = ts.stream().mapToDouble(t -> StudyView.value(t, objective)).toArray();
        array(b, z);
        b.append(", colorscale: 'Viridis', showscale: true").append(v.directions.get(objective) == org.tunebook.study.Direction.MINIMIZE ? ", reversescale: true" : "")
                .append("}, dimensions: [");
        b.append("{label: ").append(Html.jsString(v.directions.size() == 1 ? "objective" : "objective " + objective)).append(", values: ");
        array(b, z);
        b.append("}");
        for (Param p : params) {
            double[] vals = new double[ts.size()];
            for (int i = 0; i < ts.size(); i++) {
                Object o = ts.get(i).params().get(p.name());
                vals[i] = o == null ? Double.NaN : p.log() ? Math.log10(p.coord(o)) : p.coord(o);
            }
            b.append(", {label: ").append(Html.jsString(p.name() + (p.log() ? " (log10)" : ""))).append(", values: ");
            array(b, vals);
            if (p.categorical()) {
                b.append(", tickvals: [");
                for (int i = 0; i < p.size(); i++) b.append(i == 0 ? "" : ", ").append(i);
                b.append("], ticktext: [");
                for (int i = 0; i < p.size(); i++) b.append(i == 0 ? "" : ", ").append(Html.jsString(String.valueOf(p.choices().get(i))));
                b.append("]");
            } else {
                double lo = p.log() ? Math.log10(p.low()) : p.low();
                double hi = p.log() ? Math.log10(p.high()) : p.high();
                b.append(", range: [").append(num(lo)).append(", ").append(num(hi)).append("]");
            }
            b.append("}");
        }
        b.append("]}");
        Trace trace = new RawTrace("parcoords", b.toString());
        Layout layout = layout("Parallel coordinates: " + v.name, Math.max(Style.WIDTH, 150 * (params.size() + 1)), Style.HEIGHT).build();
        Figure f = new Figure(layout, trace);
        return new InteractivePlot("parallel", List.of(f), InteractivePlot.sizes(1, Math.max(Style.WIDTH, 150 * (params.size() + 1)), Style.HEIGHT),
                () -> StudyPlots.parallel(v, params, objective).toPngBytes(), desc);
    }

    static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    static void array(StringBuilder b, double[] v) {
        b.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) b.append(',');
            b.append(num(v[i]));
        }
        b.append(']');
    }

    /** A trace whose JavaScript object literal is written directly (tablesaw-jsplot has no parcoords trace). */
    static final class RawTrace implements Trace {
        private final String name;
        private final String object;

        RawTrace(String name, String object) {
            this.name = name;
            this.object = object;
        }

        @Override
        public String asJavascript(int i) {
            return "var trace" + i + " = " + object + ";\n";
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public HoverLabel hoverLabel() {
            return null;
        }

        @Override
        public boolean showLegend() {
            return false;
        }
    }
}
