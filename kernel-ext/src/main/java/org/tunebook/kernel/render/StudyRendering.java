package org.tunebook.kernel.render;

import org.knowm.xchart.XYChart;
import org.tunebook.kernel.Bundle;
import org.tunebook.kernel.plot.ConvergenceChart;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A study's summary: name, directions, storage, sampler, trials by state, best value and parameters,
 * and a small convergence chart (PNG, also inside the HTML).
 */
public final class StudyRendering {
    static final int CHART_WIDTH = 480;
    static final int CHART_HEIGHT = 220;
    /** The summary's chart thins its value dots to this many (the best line keeps every change). */
    static final int MAX_DOTS = 300;

    private StudyRendering() {
    }

    public static Bundle bundle(Study study) {
        List<FrozenTrial> trials = study.trials();
        StringBuilder html = new StringBuilder(1024);
        html.append("<div class=\"tunebook-study\" style=\"font:12px sans-serif\">");
        html.append("<table style=\"border-collapse:collapse\">");
        row(html, "study", "<b>" + Html.escape(study.name()) + "</b>");
        row(html, "direction", Html.escape(study.isMultiObjective() ? study.directions().toString()
                : study.direction().name().toLowerCase()));
        row(html, "trials", trials.size() + " (" + Html.escape(study.describeCounts()) + ")");
        row(html, "sampler", Html.escape(study.sampler().name()));
        row(html, "storage", Html.escape(study.storage().url()));
        Bundle.Builder b = Bundle.builder();
        if (!study.isMultiObjective()) {
            var best = study.bestTrialIfAny();
            if (best.isPresent()) {
                row(html, "best value", "<b>" + best.get().value() + "</b> (trial #" + best.get().number() + ")");
                row(html, "best params", params(best.get().params()));
            }
            XYChart chart = ConvergenceChart.of("", study.direction(), trials, CHART_WIDTH, CHART_HEIGHT, MAX_DOTS);
            html.append("</table>");
            if (chart != null) {
                String png = Base64.getEncoder().encodeToString(Charts.png(chart));
                b.put(Bundle.PNG, png);
                html.append("<img alt=\"convergence\" src=\"data:image/png;base64,").append(png).append("\"/>");
            }
        } else {
            html.append("</table>");
            html.append("<div>").append(study.bestTrials().size()).append(" trials on the Pareto front</div>");
        }
        html.append("</div>");
        return b.html(html.toString()).text(study.toString()).build();
    }

    public static Bundle bundle(FrozenTrial t) {
        StringBuilder html = new StringBuilder(512);
        html.append("<table class=\"tunebook-trial\" style=\"border-collapse:collapse;font:12px sans-serif\">");
        row(html, "trial", "<b>#" + t.number() + "</b> " + t.state());
        if (t.hasValue()) {
            row(html, t.values().size() == 1 ? "value" : "values",
                    "<b>" + Html.escape(t.values().size() == 1 ? String.valueOf(t.values().get(0)) : t.values().toString()) + "</b>");
        }
        row(html, "params", params(t.params()));
        if (!t.intermediateValues().isEmpty()) {
            row(html, "intermediate", t.intermediateValues().size() + " values, last at step " + t.lastStep());
        }
        if (t.duration() != null) {
            row(html, "duration", String.format(java.util.Locale.ROOT, "%.3fs", t.duration().toNanos() / 1e9));
        }
        if (!t.userAttrs().isEmpty()) {
            row(html, "user attrs", Html.escape(t.userAttrs().toString()));
        }
        if (t.failReason() != null) {
            row(html, "fail reason", Html.escape(t.failReason()));
        }
        html.append("</table>");
        return Bundle.builder().html(html.toString()).text(t.toString()).build();
    }

    private static String params(Map<String, Object> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append("<code>").append(Html.escape(k))
                .append("</code>=").append(Html.escape(String.valueOf(v))));
        return b.toString();
    }

    private static void row(StringBuilder html, String key, String valueHtml) {
        html.append("<tr><td style=\"color:#666;padding:1px 10px 1px 0;text-align:left\">").append(key)
                .append("</td><td style=\"text-align:left\">").append(valueHtml).append("</td></tr>");
    }
}
