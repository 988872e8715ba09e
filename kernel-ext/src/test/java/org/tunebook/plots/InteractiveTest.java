package org.tunebook.plots;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.kernel.Bundle;
import org.tunebook.study.Study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Plotly versions: no CDN, valid JavaScript, the PNG as fallback, plotly.js embedded in standalone pages. */
class InteractiveTest {
    static Study random;
    static Study grid;

    @BeforeAll
    static void studies() {
        random = Fixtures.random(60, 7L);
        grid = Fixtures.grid();
    }

    static List<InteractivePlot> all() {
        return List.of(Plots.history(random).interactive(), Plots.slice(random).interactive(), Plots.contour(random, "x", "lr").interactive(),
                Plots.contour(grid).interactive(), Plots.parallelCoordinates(random).interactive(), Plots.slice(grid).interactive());
    }

    @Test
    void figuresNeverLoadFromANetwork() {
        for (InteractivePlot p : all()) {
            String html = p.toHtml();
            assertFalse(html.contains("http://") || html.contains("https://") || html.contains("cdn."), p + " refers to a network address");
            assertTrue(html.contains("Plotly.newPlot"), p.toString());
        }
        assertEquals(4, Plots.slice(random).interactive().figures().size());
        assertEquals(6, Plots.contour(grid).interactive().figures().size());
    }

    /** Every script is valid JavaScript (checked with node when it is installed, as on the CI machines). */
    @Test
    void scriptsAreValidJavaScript(@TempDir Path dir) throws Exception {
        Pattern script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
        int checked = 0;
        for (InteractivePlot p : all()) {
            Matcher m = script.matcher(p.toHtml());
            while (m.find()) {
                Path js = dir.resolve("s" + (checked++) + ".js");
                Files.writeString(js, m.group(1));
                Process proc;
                try {
                    proc = new ProcessBuilder("node", "--check", js.toString()).redirectErrorStream(true).start();
                } catch (java.io.IOException noNode) {
                    org.junit.jupiter.api.Assumptions.abort("node is not installed: scripts/setup.d installs it with npm");
                    return;
                }
                assertTrue(proc.waitFor(60, TimeUnit.SECONDS));
                String out = new String(proc.getInputStream().readAllBytes());
                assertEquals(0, proc.exitValue(), p + ": " + out);
            }
        }
        assertTrue(checked >= 6);
    }

    @Test
    void notebookBundleKeepsThePngAsFallback() {
        Bundle b = Plots.contour(random, "x", "lr").interactive().bundle();
        assertTrue(b.has(Bundle.PNG));
        String html = b.get(Bundle.HTML);
        assertTrue(html.contains("tunebook-fallback") && html.contains("data:image/png;base64,"));
        assertTrue(html.contains("PlotlyJs.bundle()"), "tells how to load plotly.js when it is missing");
    }

    /** Needs the local plotly.js that scripts/setup.d/40-plotly.sh fetches from npm. */
    @Test
    void standalonePageEmbedsPlotlyJs(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PlotlyJs.available(),
                "plotly.js " + PlotlyJs.VERSION + " is not fetched: run scripts/setup.d/40-plotly.sh");
        Path file = Plots.history(random).saveHtml(dir.resolve("history.html"));
        String page = Files.readString(file);
        assertTrue(page.length() > 3_000_000, "plotly.js is embedded");
        assertFalse(page.contains("<script src="), "no external script");
        assertTrue(page.contains("window.define = undefined"));
        Bundle loader = PlotlyJs.bundle();
        assertTrue(loader.get(Bundle.HTML).contains(PlotlyJs.VERSION));
    }
}
