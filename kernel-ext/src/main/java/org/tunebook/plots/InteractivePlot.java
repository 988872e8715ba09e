package org.tunebook.plots;

import org.tunebook.kernel.Bundle;
import tech.tablesaw.plotly.components.Figure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Plotly (tablesaw-jsplot) version of a plot: one or more figures. plotly.js comes from the local copy
 * ({@link PlotlyJs}), never from a CDN.
 * <ul>
 * <li>{@link #saveHtml(Path)} writes a standalone page with plotly.js embedded: it opens offline.</li>
 * <li>{@link #bundle()} is for notebooks: the figures plus the static PNG as a fallback inside the same HTML
 * (shown when scripts do not run, e.g. an untrusted notebook or GitHub) and as image/png. Load plotly.js once per
 * notebook with {@code display(PlotlyJs.bundle())}.</li>
 * </ul>
 */
public final class InteractivePlot {
    private final String kind;
    private final List<Figure> figures;
    private final List<int[]> sizes;
    private final Supplier<byte[]> fallbackPng;
    private final String description;

    InteractivePlot(String kind, List<Figure> figures, List<int[]> sizes, Supplier<byte[]> fallbackPng, String description) {
        this.kind = kind;
        this.figures = List.copyOf(figures);
        this.sizes = List.copyOf(sizes);
        this.fallbackPng = fallbackPng;
        this.description = description;
    }

    public String kind() {
        return kind;
    }

    /** The tablesaw-jsplot figures (one per panel). */
    public List<Figure> figures() {
        return figures;
    }

    /** The JavaScript that draws figure {@code i} into the element with id {@code divId} (needs window.Plotly). */
    String figureScript(int i, String divId) {
        String js = figures.get(i).asJavascript(divId).trim();
        if (js.startsWith("<script>")) js = js.substring("<script>".length());
        if (js.endsWith("</script>")) js = js.substring(0, js.length() - "</script>".length());
        return js;
    }

    /**
     * HTML elements and scripts for the figures. The scripts wait (up to 20 s) for window.Plotly; {@code fallback}
     * (HTML, may be empty) stays visible until the figures are drawn, and for good when plotly.js never loads.
     */
    String fragment(String fallback) {
        // tablesaw-jsplot turns the element id into a JavaScript variable name: letters, digits and underscores only
        String id = "tunebook_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        StringBuilder b = new StringBuilder();
        b.append("<div id=\"").append(id).append("\">\n");
        b.append("<div class=\"tunebook-fallback\">").append(fallback).append("</div>\n");
        for (int i = 0; i < figures.size(); i++) {
            int[] wh = sizes.get(i);
            b.append("<div id=\"").append(id).append('_').append(i).append("\" style=\"display:none;width:").append(wh[0])
                    .append("px;height:").append(wh[1]).append("px\"></div>\n");
        }
        b.append("</div>\n<script>\n(function () {\n");
        b.append("  var root = document.getElementById(").append(Html.jsString(id)).append(");\n");
        b.append("  var figures = [\n");
        for (int i = 0; i < figures.size(); i++) {
            b.append("    function () {\n").append(figureScript(i, id + "_" + i)).append("\n    },\n");
        }
        b.append("  ];\n");
        b.append("  function draw() {\n");
        b.append("    var fb = root.querySelector('.tunebook-fallback'); if (fb) fb.style.display = 'none';\n");
        b.append("    for (var i = 0; i < figures.length; i++) {\n");
        b.append("      document.getElementById(").append(Html.jsString(id + "_")).append(" + i).style.display = 'block';\n");
        b.append("      figures[i]();\n    }\n  }\n");
        b.append("  if (window.Plotly) { draw(); return; }\n");
        b.append("  var tries = 0, timer = setInterval(function () {\n");
        b.append("    if (window.Plotly) { clearInterval(timer); draw(); }\n");
        b.append("    else if (++tries > 200) { clearInterval(timer); var n = document.createElement('div'); n.style.color = '#a00';\n");
        b.append("      n.textContent = 'plotly.js ").append(PlotlyJs.VERSION)
                .append(" is not loaded: run display(PlotlyJs.bundle()) once in this notebook (the image above is the static version)';\n");
        b.append("      root.appendChild(n); }\n  }, 100);\n");
        b.append("})();\n</script>\n");
        return b.toString();
    }

    /** An HTML fragment for a page or notebook that already loaded plotly.js (see {@link PlotlyJs#bundle()}). */
    public String toHtml() {
        return fragment("");
    }

    /** A standalone HTML page with plotly.js embedded: no network needed to open it. */
    public String toStandaloneHtml() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Html.escape(description) + "</title>\n"
                + PlotlyJs.scriptTags(PlotlyJs.source()) + "</head>\n<body>\n" + fragment("") + "</body>\n</html>\n";
    }

    public Path saveHtml(Path file) {
        return Plot.write(file, toStandaloneHtml().getBytes(StandardCharsets.UTF_8), "HTML");
    }

    public Path saveHtml(String file) {
        return saveHtml(Path.of(file));
    }

    /** Notebook display: the figures with the static PNG as fallback, image/png, and text/plain. */
    public Bundle bundle() {
        String b64 = Base64.getEncoder().encodeToString(fallbackPng.get());
        String img = "<img src=\"data:image/png;base64," + b64 + "\" alt=\"" + Html.escape(description) + "\"/>";
        return Bundle.builder().html(fragment(img)).put(Bundle.PNG, b64).text(toString()).build();
    }

    @Override
    public String toString() {
        return description + " (interactive, " + figures.size() + " figure" + (figures.size() == 1 ? "" : "s") + ")";
    }

    static List<int[]> sizes(int n, int w, int h) {
        List<int[]> s = new ArrayList<>();
        for (int i = 0; i < n; i++) s.add(new int[]{w, h});
        return s;
    }
}
