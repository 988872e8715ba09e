package org.tunebook.kernel.render;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.tunebook.kernel.Bundle;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    @Test
    void chartRendersAsPngHtmlAndText() throws Exception {
        XYChart chart = new XYChartBuilder().width(400).height(250).title("loss").xAxisTitle("trial").yAxisTitle("value").build();
        chart.addSeries("best", new double[]{1, 2, 3}, new double[]{3, 2, 1.5});
        Bundle b = Renderers.bundle(chart);
        assertEquals(java.util.List.of(Bundle.PNG, Bundle.HTML, Bundle.TEXT), java.util.List.copyOf(b.data().keySet()));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b.get(Bundle.PNG))));
        assertEquals(400, img.getWidth());
        assertEquals(250, img.getHeight());
        assertTrue(b.get(Bundle.HTML).startsWith("<img src=\"data:image/png;base64,"));
        assertEquals("XYChart 'loss' (1 series, 400x250)", b.text());
    }

    @Test
    void unknownValuesFallBackToText() {
        assertEquals("42", Renderers.bundle(42).text());
        assertTrue(Renderers.render(42).isEmpty());
    }
}
