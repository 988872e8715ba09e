package org.tunebook.plots;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.Locale;
import java.util.function.Function;

/** Shared look of every Tunebook plot: sizes for an ~800 px notebook column, fonts, colours, markers. */
final class Style {
    /** Width and height of a single plot: readable in a notebook column without scaling. */
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    static final Color BLUE = new Color(31, 119, 180);
    static final Color ORANGE = new Color(255, 127, 14);
    static final Color GREEN = new Color(44, 160, 44);
    static final Color RED = new Color(214, 39, 40);
    static final Color PURPLE = new Color(148, 103, 189);
    static final Color BROWN = new Color(140, 86, 75);
    static final Color PINK = new Color(227, 119, 194);
    static final Color GREY = new Color(127, 127, 127);
    static final Color OLIVE = new Color(188, 189, 34);
    static final Color CYAN = new Color(23, 190, 207);
    static final Color[] CYCLE = {BLUE, ORANGE, GREEN, RED, PURPLE, BROWN, PINK, GREY, OLIVE, CYAN};

    /** Anchors of a perceptually ordered dark-blue to yellow scale (close to matplotlib's viridis). */
    private static final int[][] SCALE = {
            {68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142}, {38, 130, 142},
            {31, 158, 137}, {53, 183, 121}, {109, 205, 89}, {180, 222, 44}, {253, 231, 37}};

    private Style() {
    }

    /** An XY chart with Tunebook's defaults: white background, light grid, legend inside the top right corner. */
    static LabelledXYChart xy(int width, int height, String title, String xTitle, String yTitle) {
        LabelledXYChart c = new LabelledXYChart(width, height);
        c.setTitle(title == null ? "" : title);
        c.setXAxisTitle(xTitle);
        c.setYAxisTitle(yTitle);
        apply(c, width);
        c.getStyler().setMarkerSize(6);
        c.getStyler().setChartTitleVisible(title != null && !title.isEmpty());
        return c;
    }

    /** Fonts and colours scaled to the chart width (panels of a matrix get smaller fonts). */
    static void apply(Chart<? extends AxesChartStyler, ?> c, int width) {
        AxesChartStyler s = c.getStyler();
        float k = width >= 600 ? 1f : Math.max(0.72f, width / 600f);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(16 * k)));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(14 * k)));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(12 * k)));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(12 * k)));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(150, 150, 150));
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleBoxVisible(false);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 215));
        s.setLegendBorderColor(new Color(200, 200, 200));
        s.setSeriesColors(CYCLE);
        s.setChartPadding(width >= 600 ? 10 : 4);
        s.setAxisTitlePadding(width >= 600 ? 8 : 4);
        s.setAntiAlias(true);
    }

    /**
     * XChart puts x ticks only at data values when the series' distinct x values are equally spaced (histogram
     * edges, trial numbers), which gives labels such as 10.4545 and, for a thousand trials, a quadratic search
     * for the tick step; one invisible point off that spacing restores
     * round tick values.
     */
    static void naturalXTicks(org.knowm.xchart.XYChart c, double lo, double hi) {
        if (hi - lo < 30 && c.getSeriesMap().values().stream().allMatch(q -> q.getXData().length < 30)) return; // few values: ticks at them read well
        double y = c.getSeriesMap().values().stream().findFirst().map(s -> s.getYData()[0]).orElse(0.0);
        org.knowm.xchart.XYSeries s = c.addSeries("\u200b", new double[]{lo + 0.0123456 * (hi - lo)}, new double[]{y});
        s.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /** The colour at {@code t} in [0, 1] on the dark-blue to yellow scale. */
    static Color scale(double t) {
        if (Double.isNaN(t)) return GREY;
        t = Math.max(0, Math.min(1, t));
        double p = t * (SCALE.length - 1);
        int i = Math.min(SCALE.length - 2, (int) Math.floor(p));
        double f = p - i;
        int[] a = SCALE[i];
        int[] b = SCALE[i + 1];
        return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
                (int) Math.round(a[2] + f * (b[2] - a[2])));
    }

    static int scaleRgb(double t) {
        return scale(t).getRGB();
    }

    static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Short numbers for ticks and legends: 3 significant digits, scientific outside [1e-3, 1e5). */
    static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) return String.format(Locale.ROOT, "%.2e", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    static final Function<Double, String> NUM = Style::num;

    /** A five-pointed star, skopt's mark for the minimum. */
    static final Marker STAR = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            double r = size * 1.1;
            double ri = r * 0.45;
            Path2D.Double p = new Path2D.Double();
            for (int i = 0; i < 10; i++) {
                double rr = i % 2 == 0 ? r : ri;
                double a = -Math.PI / 2 + i * Math.PI / 5;
                double px = x + rr * Math.cos(a);
                double py = y + rr * Math.sin(a);
                if (i == 0) p.moveTo(px, py);
                else p.lineTo(px, py);
            }
            p.closePath();
            g.setStroke(new BasicStroke(1f));
            g.fill(p);
        }
    };
}
