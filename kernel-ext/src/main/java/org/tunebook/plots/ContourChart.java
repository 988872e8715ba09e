package org.tunebook.plots;


import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * An XY chart with a filled colour field under its series: the field is a grid of values over the unit square
 * of (x parameter, y parameter), sampled bilinearly for every pixel of the plot area and coloured on the
 * dark-blue to yellow scale; {@code levels} > 0 quantises the colours into that many bands (filled contours).
 * Because the axes map the unit square linearly (log axes for log parameters), the field lines up with the
 * points drawn on top. A colour bar is drawn on the right unless disabled.
 */
public final class ContourChart extends LabelledXYChart {
    private final Param xParam;
    private final Param yParam;
    private final double[][] field; // [iy][ix] over unit coordinates, (n x m)
    private final double zMin;
    private final double zMax;
    private final int levels;
    private final boolean colorBar;
    private final String zTitle;
    private static final int BAR = 78;

    ContourChart(int width, int height, Param xParam, Param yParam, double[][] field, int levels, boolean colorBar, String zTitle) {
        super(width, height);
        this.xParam = xParam;
        this.yParam = yParam;
        this.field = field;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : field) for (double v : row) if (!Double.isNaN(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        this.zMin = lo;
        this.zMax = hi;
        this.levels = levels;
        this.colorBar = colorBar;
        this.zTitle = zTitle;
    }

    public double[][] field() {
        return field;
    }

    public double zMin() {
        return zMin;
    }

    public double zMax() {
        return zMax;
    }

    /** Field value at unit coordinates, bilinear between grid nodes. */
    double sample(double ux, double uy) {
        int m = field[0].length;
        int n = field.length;
        double fx = Math.max(0, Math.min(1, ux)) * (m - 1);
        double fy = Math.max(0, Math.min(1, uy)) * (n - 1);
        int x0 = Math.min(m - 2, (int) Math.floor(fx));
        int y0 = Math.min(n - 2, (int) Math.floor(fy));
        if (m == 1 || n == 1) return field[Math.min(n - 1, (int) Math.rint(fy))][Math.min(m - 1, (int) Math.rint(fx))];
        double tx = fx - x0;
        double ty = fy - y0;
        double a = field[y0][x0] * (1 - tx) + field[y0][x0 + 1] * tx;
        double b = field[y0 + 1][x0] * (1 - tx) + field[y0 + 1][x0 + 1] * tx;
        return a * (1 - ty) + b * ty;
    }

    private double t(double z) {
        double t = (z - zMin) / (zMax - zMin);
        if (levels > 0) t = Math.min(levels - 1, Math.floor(t * levels)) / Math.max(1, levels - 1);
        return t;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        int w = colorBar ? width - BAR : width;
        // 1. lay the chart out on a scratch surface to learn where the plot area and the axes are
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = scratch.createGraphics();
        Color bg = getStyler().getPlotBackgroundColor();
        super.paint(sg, w, height);
        sg.dispose();
        Rectangle2D area = plot.getBounds();
        double sx0 = getScreenXFromChart(xParam.coordOfUnit(0));
        double sx1 = getScreenXFromChart(xParam.coordOfUnit(1));
        double sy0 = getScreenYFromChart(yParam.coordOfUnit(0));
        double sy1 = getScreenYFromChart(yParam.coordOfUnit(1));
        // 2. the field, pixel by pixel over the plot area
        int px = (int) Math.floor(area.getX());
        int py = (int) Math.floor(area.getY());
        int pw = Math.max(1, (int) Math.ceil(area.getWidth()));
        int ph = Math.max(1, (int) Math.ceil(area.getHeight()));
        BufferedImage img = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[pw * ph];
        double[] ux = new double[pw];
        for (int i = 0; i < pw; i++) ux[i] = (px + i + 0.5 - sx0) / (sx1 - sx0);
        for (int j = 0; j < ph; j++) {
            double uy = (py + j + 0.5 - sy0) / (sy1 - sy0);
            for (int i = 0; i < pw; i++) rgb[j * pw + i] = Style.scaleRgb(t(sample(ux[i], uy)));
        }
        img.setRGB(0, 0, pw, ph, rgb, 0, pw);
        // 3. background, field, then the chart itself with a transparent plot background on top
        g.setColor(getStyler().getChartBackgroundColor());
        g.fillRect(0, 0, width, height);
        g.drawImage(img, px, py, null);
        getStyler().setPlotBackgroundColor(new Color(0, 0, 0, 0));
        Color chartBg = getStyler().getChartBackgroundColor();
        getStyler().setChartBackgroundColor(new Color(0, 0, 0, 0));
        try {
            super.paint(g, w, height);
        } finally {
            getStyler().setPlotBackgroundColor(bg);
            getStyler().setChartBackgroundColor(chartBg);
        }
        if (colorBar) paintColorBar(g, w, (int) area.getY(), (int) area.getHeight());
        setWidth(width); // XYChart.paint keeps the size it was given: report the full size with the colour bar
        setHeight(height);
    }

    private void paintColorBar(Graphics2D g, int x, int top, int h) {
        int bw = 14;
        int bx = x + 8;
        for (int j = 0; j < h; j++) {
            double t = 1 - (j + 0.5) / h;
            g.setColor(Style.scale(levels > 0 ? t(zMin + t * (zMax - zMin)) : t));
            g.fillRect(bx, top + j, bw, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(bx, top, bw, h);
        Font f = getStyler().getAxisTickLabelsFont();
        g.setFont(f);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.DARK_GRAY);
        int ticks = 5;
        for (int k = 0; k < ticks; k++) {
            double t = k / (double) (ticks - 1);
            int y = (int) Math.round(top + h - t * h);
            g.drawLine(bx + bw, y, bx + bw + 3, y);
            g.drawString(Style.num(zMin + t * (zMax - zMin)), bx + bw + 5, y + fm.getAscent() / 2 - 1);
        }
        if (zTitle != null) {
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(zTitle, -(top + h / 2 + fm.stringWidth(zTitle) / 2), bx + BAR - 12);
            g.setTransform(saved);
        }
    }
}
