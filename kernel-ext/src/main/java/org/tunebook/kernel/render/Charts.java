package org.tunebook.kernel.render;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.tunebook.kernel.Bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** XChart charts as display bundles: PNG (the default; exported notebooks and GitHub show it), HTML, text. */
public final class Charts {
    private Charts() {
    }

    /** The chart drawn as PNG bytes at its own width and height. */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart '" + chart.getTitle() + "' as PNG", e);
        }
    }

    public static Bundle bundle(Chart<?, ?> chart) {
        String base64 = Base64.getEncoder().encodeToString(png(chart));
        String text = describe(chart);
        String html = "<img src=\"data:image/png;base64," + base64 + "\" width=\"" + chart.getWidth()
                + "\" alt=\"" + Html.escape(text) + "\"/>";
        return Bundle.builder().put(Bundle.PNG, base64).html(html).text(text).build();
    }

    static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "untitled" : chart.getTitle();
        int series = chart.getSeriesMap().size();
        return chart.getClass().getSimpleName() + " '" + title + "' (" + series + " series"
                + ", " + chart.getWidth() + "x" + chart.getHeight() + ")";
    }
}
