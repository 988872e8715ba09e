package org.tunebook.plots;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.knowm.xchart.internal.chartpart.Chart;
import org.tunebook.kernel.Bundle;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A finished plot: one XChart chart, or a grid of charts (a matrix such as plot_objective) drawn into one image.
 * Save it as PNG (the default in notebooks: exported notebooks and GitHub show it), SVG, or HTML; plots that
 * have an interactive (Plotly) version give it with {@link #interactive()}.
 */
public final class Plot {
    private static final int TITLE_BAND = 34;

    private final String kind;
    private final String title;
    private final int rows;
    private final int cols;
    private final List<Chart<?, ?>> cells; // row-major, null for an empty cell
    private final Supplier<InteractivePlot> interactive;
    private final String description;

    private Plot(String kind, String title, int rows, int cols, List<Chart<?, ?>> cells, Supplier<InteractivePlot> interactive,
                 String description) {
        this.kind = kind;
        this.title = title;
        this.rows = rows;
        this.cols = cols;
        this.cells = Collections.unmodifiableList(new ArrayList<>(cells));
        this.interactive = interactive;
        this.description = description;
    }

    static Plot single(String kind, Chart<?, ?> chart, Supplier<InteractivePlot> interactive, String description) {
        return new Plot(kind, null, 1, 1, List.of(chart), interactive, description);
    }

    /** A grid of charts; {@code title} (may be null) is drawn above the grid. */
    static Plot grid(String kind, String title, int rows, int cols, List<Chart<?, ?>> cells, Supplier<InteractivePlot> interactive,
                     String description) {
        if (cells.size() != rows * cols) throw new IllegalArgumentException(rows + "x" + cols + " grid needs " + rows * cols + " cells");
        return new Plot(kind, title, rows, cols, cells, interactive, description);
    }

    /** The kind of plot, e.g. "history" or "objective". */
    public String kind() {
        return kind;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The only chart of a single plot; for a grid, use {@link #charts()} or {@link #cell(int, int)}. */
    public Chart<?, ?> chart() {
        if (rows * cols != 1) {
            throw new IllegalStateException("this " + kind + " plot is a " + rows + "x" + cols + " grid of charts: use charts() or cell(row, col)");
        }
        return cells.get(0);
    }

    /** Every chart of the plot, row by row (empty cells skipped). */
    public List<Chart<?, ?>> charts() {
        return cells.stream().filter(Objects::nonNull).toList();
    }

    /** The chart at a grid cell, or null for an empty cell. */
    public Chart<?, ?> cell(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + col + ") is outside the " + rows + "x" + cols + " grid");
        }
        return cells.get(row * cols + col);
    }

    public int width() {
        return colWidth() * cols;
    }

    public int height() {
        return rowHeight() * rows + (title == null ? 0 : TITLE_BAND);
    }

    private int colWidth() {
        return cells.stream().filter(Objects::nonNull).mapToInt(Chart::getWidth).max().orElse(Style.WIDTH);
    }

    private int rowHeight() {
        return cells.stream().filter(Objects::nonNull).mapToInt(Chart::getHeight).max().orElse(Style.HEIGHT);
    }

    /** Paints the whole plot at its own size. */
    public void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        int top = 0;
        if (title != null) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, (width() - fm.stringWidth(title)) / 2, 22);
            top = TITLE_BAND;
        }
        int cw = colWidth();
        int rh = rowHeight();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Chart<?, ?> chart = cells.get(r * cols + c);
                if (chart == null) continue;
                AffineTransform saved = g.getTransform();
                g.translate(c * cw, top + r * rh);
                g.setClip(0, 0, chart.getWidth(), chart.getHeight());
                chart.paint(g, chart.getWidth(), chart.getHeight());
                g.setClip(null);
                g.setTransform(saved);
            }
        }
    }

    /** The plot as an RGB image. */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    public byte[] toPngBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(toImage(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the " + kind + " plot as PNG", e);
        }
        return out.toByteArray();
    }

    /** Writes a PNG file (parent folders are created) and returns its path. */
    public Path savePng(Path file) {
        return write(file, toPngBytes(), "PNG");
    }

    public Path savePng(String file) {
        return savePng(Path.of(file));
    }

    /** The plot as an SVG document (text drawn as shapes: larger than the PNG, but scalable). */
    public String toSvg() {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g);
        Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width(), height()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            doc.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the " + kind + " plot as SVG", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public Path saveSvg(Path file) {
        return write(file, toSvg().getBytes(StandardCharsets.UTF_8), "SVG");
    }

    public Path saveSvg(String file) {
        return saveSvg(Path.of(file));
    }

    /** Whether {@link #interactive()} gives a Plotly version of this plot. */
    public boolean hasInteractive() {
        return interactive != null;
    }

    /** The interactive (Plotly) version: history, slice, contour and parallel coordinates have one. */
    public InteractivePlot interactive() {
        if (interactive == null) {
            throw new UnsupportedOperationException("the " + kind + " plot has no interactive version (history, slice, contour and "
                    + "parallelCoordinates do): use savePng / saveSvg, or saveHtml for a page with the image");
        }
        return interactive.get();
    }

    /** An HTML fragment: the PNG as an inline image. */
    public String toHtml() {
        return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(toPngBytes()) + "\" width=\"" + width()
                + "\" alt=\"" + Html.escape(toString()) + "\"/>";
    }

    /**
     * Writes a standalone HTML page: the interactive version with plotly.js embedded (works offline) when this
     * plot has one, else the PNG inline.
     */
    public Path saveHtml(Path file) {
        if (interactive != null) return interactive().saveHtml(file);
        String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + Html.escape(toString()) + "</title></head>\n<body>\n"
                + toHtml() + "\n</body></html>\n";
        return write(file, page.getBytes(StandardCharsets.UTF_8), "HTML");
    }

    public Path saveHtml(String file) {
        return saveHtml(Path.of(file));
    }

    /** A display bundle for the notebook: image/png, text/html (the same image) and text/plain. */
    public Bundle bundle() {
        byte[] png = toPngBytes();
        String b64 = Base64.getEncoder().encodeToString(png);
        return Bundle.builder().put(Bundle.PNG, b64)
                .html("<img src=\"data:image/png;base64," + b64 + "\" width=\"" + width() + "\" alt=\"" + Html.escape(toString()) + "\"/>")
                .text(toString()).build();
    }

    static Path write(Path file, byte[] bytes, String what) {
        if (file == null) throw new IllegalArgumentException("the " + what + " file path is null: pass where to write it");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description + " (" + width() + "x" + height() + (rows * cols > 1 ? ", " + rows + "x" + cols + " grid" : "") + ")";
    }
}
