package org.tunebook.plots;

import org.tunebook.kernel.Bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A local copy of plotly.js (npm {@code plotly.js-dist-min}, pinned to {@link #VERSION}): interactive plots never
 * load it from a CDN, so they work offline and in exported HTML.
 * <p>
 * Where it is looked for, in order: the system property {@code tunebook.plotly.js} (a file), the environment
 * variable {@code TUNEBOOK_PLOTLY_JS} (a file), {@code $TUNEBOOK_DATA/plotly/plotly-VERSION.min.js}, and
 * {@code data-cache/plotly/plotly-VERSION.min.js} in the working folder or any parent (the repository layout,
 * filled by {@code scripts/setup.d/40-plotly.sh}, which runs {@code npm pack plotly.js-dist-min@VERSION}).
 * <p>
 * In a notebook, load it once (the first cell that shows interactive plots): {@code display(PlotlyJs.bundle())};
 * each interactive figure then waits for {@code window.Plotly}. A saved standalone page ({@link InteractivePlot#saveHtml})
 * embeds the library itself.
 */
public final class PlotlyJs {
    /** The pinned plotly.js version (keep equal to scripts/setup.d/40-plotly.sh). */
    public static final String VERSION = "2.35.3";
    public static final String PROPERTY = "tunebook.plotly.js";
    public static final String ENV = "TUNEBOOK_PLOTLY_JS";

    private static volatile String cached;
    private static volatile Path cachedPath;

    private PlotlyJs() {
    }

    static String fileName() {
        return "plotly-" + VERSION + ".min.js";
    }

    /** Where plotly.js would be read from, in the order tried. */
    public static List<Path> candidates() {
        List<Path> c = new ArrayList<>();
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) c.add(Path.of(prop));
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) c.add(Path.of(env));
        String data = System.getenv("TUNEBOOK_DATA");
        if (data != null && !data.isBlank()) c.add(Path.of(data, "plotly", fileName()));
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            c.add(dir.resolve("data-cache").resolve("plotly").resolve(fileName()));
            dir = dir.getParent();
        }
        return c;
    }

    /** The plotly.js file, or an error saying how to get it. */
    public static Path locate() {
        for (Path p : candidates()) {
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalStateException("plotly.js " + VERSION + " not found (looked at " + candidates().get(0) + " ...): run "
                + "scripts/setup.d/40-plotly.sh (npm pack plotly.js-dist-min@" + VERSION + " into $TUNEBOOK_DATA/plotly), or pass "
                + "-D" + PROPERTY + "=/path/to/plotly.min.js, or set " + ENV);
    }

    public static boolean available() {
        for (Path p : candidates()) if (Files.isRegularFile(p)) return true;
        return false;
    }

    /** The library's source (read once per file). */
    public static String source() {
        Path p = locate();
        if (cached == null || !p.equals(cachedPath)) {
            try {
                String s = Files.readString(p, StandardCharsets.UTF_8);
                if (!s.contains("Plotly") && !s.contains("plotly")) {
                    throw new IllegalStateException(p + " does not look like plotly.js: delete it and run scripts/setup.d/40-plotly.sh again");
                }
                cached = s;
                cachedPath = p;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read plotly.js from " + p + ": " + e.getMessage(), e);
            }
        }
        return cached;
    }

    /**
     * Script elements that load plotly.js into {@code window.Plotly}. An AMD loader (the classic Notebook's
     * require.js) is hidden while the library runs, so it registers as a global rather than as a module.
     */
    static String scriptTags(String librarySource) {
        return "<script>window.__tunebookDefine = window.define; window.define = undefined;</script>\n"
                + "<script>" + librarySource.replace("</script", "<\\/script") + "</script>\n"
                + "<script>window.define = window.__tunebookDefine; delete window.__tunebookDefine;</script>\n";
    }

    /** Display this once per notebook (or per HTML export) before interactive plots: it loads plotly.js from the local copy. */
    public static Bundle bundle() {
        String html = scriptTags(source()) + "<div style=\"color:#666\">plotly.js " + VERSION + " loaded for Tunebook's interactive plots</div>";
        return Bundle.builder().html(html).text("plotly.js " + VERSION + " (from " + locate() + ")").build();
    }
}
