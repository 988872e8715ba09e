package org.tunebook.plots;

import org.knowm.xchart.XYChart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * An XY chart whose x and/or y axis can be categorical: the categories sit at 0, 1, ..., k-1 and their names are
 * drawn as tick labels. (XChart's own tick-label callbacks place ticks at the data values, which with jittered
 * points gives no usable labels, so the chart reserves the label band with blank labels and draws the names itself.)
 */
public class LabelledXYChart extends XYChart {
    private static final Color LABEL = new Color(40, 40, 40);
    private List<String> xCategories;
    private List<String> yCategories;

    public LabelledXYChart(int width, int height) {
        super(width, height);
    }

    /** Names for x = 0, 1, ..., k-1; the axis shows them instead of numbers. */
    public void setXCategories(List<String> names) {
        this.xCategories = List.copyOf(names);
        getStyler().setXAxisMin(-0.5);
        getStyler().setXAxisMax(names.size() - 0.5);
        getStyler().setxAxisTickLabelsFormattingFunction(x -> "Mg");
        getStyler().setXAxisTickLabelsColor(new Color(0, 0, 0, 0));
        getStyler().setPlotGridVerticalLinesVisible(false);
    }

    public void setYCategories(List<String> names) {
        this.yCategories = List.copyOf(names);
        getStyler().setYAxisMin(-0.5);
        getStyler().setYAxisMax(names.size() - 0.5);
        // XChart cannot reserve room for custom y labels (it drops repeated labels), so the names are drawn inside
        // the plot area, on a light box, at the left edge
        getStyler().setYAxisTicksVisible(false);
        getStyler().setPlotGridHorizontalLinesVisible(false);
    }

    public List<String> xCategories() {
        return xCategories == null ? List.of() : xCategories;
    }

    public List<String> yCategories() {
        return yCategories == null ? List.of() : yCategories;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        super.paint(g, width, height);
        if (xCategories == null && yCategories == null) return;
        Rectangle2D area = plot.getBounds();
        Font f = getStyler().getAxisTickLabelsFont();
        g.setFont(f);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(LABEL);
        int pad = getStyler().getAxisTickPadding();
        if (xCategories != null && getStyler().isXAxisTicksVisible()) {
            double slot = area.getWidth() / Math.max(1, xCategories.size());
            for (int i = 0; i < xCategories.size(); i++) {
                String s = fit(xCategories.get(i), fm, slot - 4);
                double sx = getScreenXFromChart(i);
                g.drawLine((int) sx, (int) area.getMaxY(), (int) sx, (int) area.getMaxY() + 3);
                g.drawString(s, (float) (sx - fm.stringWidth(s) / 2.0), (float) (area.getMaxY() + pad + fm.getAscent() + 1));
            }
        }
        if (yCategories != null) {
            for (int i = 0; i < yCategories.size(); i++) {
                String s = fit(yCategories.get(i), fm, area.getWidth() / 2);
                double sy = getScreenYFromChart(i);
                int tw = fm.stringWidth(s);
                int x0 = (int) area.getX() + 4;
                int yTop = (int) Math.round(sy - fm.getAscent() / 2.0 - 2);
                g.setColor(new Color(255, 255, 255, 200));
                g.fillRoundRect(x0 - 2, yTop, tw + 4, fm.getAscent() + 4, 4, 4);
                g.setColor(LABEL);
                g.drawLine((int) area.getX(), (int) sy, (int) area.getX() + 3, (int) sy);
                g.drawString(s, x0, (float) (sy + fm.getAscent() / 2.0 - 1));
            }
        }
    }

    private static String fit(String s, FontMetrics fm, double w) {
        if (fm.stringWidth(s) <= w || s.length() <= 2) return s;
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "\u2026") > w) t = t.substring(0, t.length() - 1);
        return t + "\u2026";
    }
}
