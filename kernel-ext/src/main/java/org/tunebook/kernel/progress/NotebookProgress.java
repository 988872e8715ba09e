package org.tunebook.kernel.progress;

import org.knowm.xchart.XYChart;
import org.tunebook.kernel.Bundle;
import org.tunebook.kernel.KernelBridge;
import org.tunebook.kernel.plot.ConvergenceChart;
import org.tunebook.kernel.render.Charts;
import org.tunebook.kernel.render.Html;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.StudyListener;
import org.tunebook.study.TrialState;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Live progress of an optimize() run in a notebook: one display, updated in place
 * (update_display_data), with a progress bar, trials done / total, elapsed and remaining time, the
 * best value so far and a small convergence chart.
 * <p>
 * Throttled so a fast study is not slowed: the text and bar refresh at most every
 * {@link #DEFAULT_INTERVAL_NANOS 0.5 s}; the chart (the costly part, a PNG) is redrawn only while its
 * drawing time stays under ~3% of the run, and always in the final state. Called on the thread that
 * runs optimize() (the cell's thread), as Jupyter drops messages sent after a cell finished.
 * <p>
 * The stop button: both kernels interrupt the cell's thread (Thread.interrupt via Future.cancel), and
 * optimize() stops on it. JJava's output path clears that flag when the interrupt lands while the
 * thread writes output, so the listener also watches the cell it started in: when the kernel has
 * moved on while the study still runs on that cell's thread, it re-raises the interrupt.
 */
public final class NotebookProgress implements StudyListener {
    /** Minimum time between two updates of the display. */
    public static final long DEFAULT_INTERVAL_NANOS = 500_000_000L;
    static final int CHART_WIDTH = 420;
    static final int CHART_HEIGHT = 180;
    /** While running, the chart may take at most this share of the time since it was last drawn. */
    static final double CHART_BUDGET = 0.03;
    /** The final chart is drawn when it costs at most this share of the whole run (else the last one stays). */
    static final double FINAL_CHART_BUDGET = 0.05;
    /** The chart draws at most this many value dots (evenly thinned; the best-so-far line keeps every change). */
    static final int MAX_CHART_POINTS = 120;
    /**
     * System property for the final chart: {@code budget} (default: drawn when it costs at most 5% of the
     * run), {@code always} or {@code never}.
     */
    public static final String FINAL_CHART_PROPERTY = "tunebook.progress.final-chart";
    /** Assumed cost of a chart before one was measured. */
    static final long DEFAULT_CHART_NANOS = 40_000_000L;

    private final KernelBridge kernel;
    private final long intervalNanos;

    private String displayId;
    private String studyName;
    private Direction direction;
    private Integer planned;
    private Duration timeout;
    private long startNanos;
    private long lastUpdateNanos;
    private long lastChartNanos;
    private long chartCostNanos;
    private int updates;
    private final Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    private int finished;
    private double best = Double.NaN;
    private int bestNumber = -1;
    private Map<String, Object> bestParams;
    private double[] xs = new double[64];
    private double[] values = new double[64];
    private int points;
    private double[] bestXs = new double[16];
    private double[] bestValues = new double[16];
    private int bestPoints;
    private String chartBase64;
    private int chartPoints = -1;
    private boolean ended;
    private boolean interrupted;
    private Object cell;
    private boolean onCellThread;
    private boolean orphaned;

    public NotebookProgress(KernelBridge kernel) {
        this(kernel, DEFAULT_INTERVAL_NANOS);
    }

    public NotebookProgress(KernelBridge kernel, long intervalNanos) {
        this.kernel = kernel;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public synchronized void onStart(Study study, Integer plannedTrials, Duration timeout) {
        this.studyName = study.name();
        this.direction = study.directions().size() == 1 ? study.direction() : null;
        this.planned = plannedTrials;
        this.timeout = timeout;
        this.startNanos = System.nanoTime();
        this.lastUpdateNanos = startNanos;
        this.lastChartNanos = startNanos;
        ChartWarmUp.start();
        this.cell = kernel.cellToken();
        this.onCellThread = kernel.isCellThread(Thread.currentThread());
        if (cell != null && !Thread.currentThread().isInterrupted()) {
            displayId = kernel.display(bundle(false));
            updates = 0;
        }
    }

    @Override
    public synchronized void onTrialFinished(Study study, FrozenTrial trial) {
        finished++;
        counts.merge(trial.state(), 1, Integer::sum);
        if (direction != null && trial.state() == TrialState.COMPLETE && trial.values().size() == 1) {
            double v = trial.values().get(0);
            if (Double.isFinite(v)) {
                boolean improved = bestNumber < 0 || direction.isBetter(v, best);
                if (improved) {
                    best = v;
                    bestNumber = trial.number();
                    bestParams = trial.params();
                }
                addPoint(trial.number(), v, improved);
            }
        }
        if (displayId == null || orphaned) {
            return;
        }
        if (onCellThread && kernel.cellToken() != cell) {
            // The kernel gave up on this cell (the stop button) while its thread still runs the study: the
            // interrupt it sent was lost (JJava's output path clears the thread's interrupt flag).
            // Re-raise it so optimize() stops as if it had seen it.
            orphaned = true;
            Thread.currentThread().interrupt();
            return;
        }
        long now = System.nanoTime();
        if (now - lastUpdateNanos >= intervalNanos) {
            update(now, chartAllowed(now));
        }
    }

    @Override
    public synchronized void onEnd(Study study, boolean interrupted) {
        this.ended = true;
        this.interrupted = interrupted;
        if (displayId != null && !orphaned) {
            long now = System.nanoTime();
            String mode = System.getProperty(FINAL_CHART_PROPERTY, "budget");
            boolean draw = switch (mode) {
                case "always" -> true;
                case "never" -> false;
                default -> chartCost() <= FINAL_CHART_BUDGET * (now - startNanos);
            };
            update(now, draw);
        }
    }

    /** How many update_display_data messages were sent (the first display not counted). */
    public synchronized int updates() {
        return updates;
    }

    public synchronized String displayId() {
        return displayId;
    }

    private boolean chartAllowed(long now) {
        if (points == chartPoints) return false;
        return chartCost() <= CHART_BUDGET * (now - lastChartNanos);
    }

    /** The last chart's drawing time, else the warm-up's measurement, else a default. */
    private long chartCost() {
        if (chartCostNanos > 0) return chartCostNanos;
        long warm = ChartWarmUp.warmNanos();
        return warm > 0 ? warm : DEFAULT_CHART_NANOS;
    }

    private void update(long now, boolean redrawChart) {
        if (Thread.currentThread().isInterrupted() || kernel.cellToken() != cell) {
            // interrupted: leave the flag to optimize() (sending output would clear it); or the cell is
            // over: nothing would reach the notebook
            return;
        }
        if (redrawChart && points > 0 && points != chartPoints) {
            long t0 = System.nanoTime();
            XYChart chart = chart();
            chartBase64 = Base64.getEncoder().encodeToString(Charts.png(chart));
            chartPoints = points;
            lastChartNanos = System.nanoTime();
            chartCostNanos = lastChartNanos - t0;
        }
        kernel.updateDisplay(displayId, bundle(ended));
        updates++;
        lastUpdateNanos = System.nanoTime();
    }

    private void addPoint(int number, double v, boolean improved) {
        if (points == xs.length) {
            xs = Arrays.copyOf(xs, points * 2);
            values = Arrays.copyOf(values, points * 2);
        }
        xs[points] = number;
        values[points] = v;
        points++;
        if (improved) {
            if (bestPoints == bestXs.length) {
                bestXs = Arrays.copyOf(bestXs, bestPoints * 2);
                bestValues = Arrays.copyOf(bestValues, bestPoints * 2);
            }
            bestXs[bestPoints] = number;
            bestValues[bestPoints] = v;
            bestPoints++;
        }
    }

    /** The chart of the points so far: dots thinned to MAX_CHART_POINTS, the best line at every change. */
    private XYChart chart() {
        int stride = (points + MAX_CHART_POINTS - 1) / MAX_CHART_POINTS;
        int n = (points + stride - 1) / stride;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0, j = 0; i < points; i += stride, j++) {
            x[j] = xs[i];
            y[j] = values[i];
        }
        double[] bx = Arrays.copyOf(bestXs, bestPoints + 1);
        double[] by = Arrays.copyOf(bestValues, bestPoints + 1);
        bx[bestPoints] = xs[points - 1];
        by[bestPoints] = bestValues[bestPoints - 1];
        return ConvergenceChart.of("", x, y, bx, by, CHART_WIDTH, CHART_HEIGHT);
    }

    Bundle bundle(boolean done) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        Double fraction = fraction(elapsed);
        String remaining = done ? "0s" : remaining(elapsed, fraction);
        String status = done ? (interrupted ? "interrupted" : "done") : "running";
        String total = planned != null ? String.valueOf(planned) : "?";
        StringBuilder text = new StringBuilder("[tunebook] ").append(studyName).append(": ").append(status).append(' ')
                .append(finished).append('/').append(total).append(" trials");
        text.append(" | elapsed ").append(duration(elapsed)).append(" | remaining ").append(remaining);
        if (bestNumber >= 0) {
            text.append(" | best ").append(number(best)).append(" (#").append(bestNumber).append(") ").append(bestParams);
        }
        if (!counts.isEmpty()) {
            text.append(" | ").append(countsText());
        }

        double pct = done && !interrupted ? 100 : fraction == null ? 0 : Math.min(100, 100 * fraction);
        String colour = interrupted ? "#d62728" : done ? "#2ca02c" : "#1f77b4";
        StringBuilder html = new StringBuilder(512);
        html.append("<div class=\"tunebook-progress\" style=\"font:12px sans-serif;max-width:")
                .append(CHART_WIDTH + 20).append("px\">");
        html.append("<div><b>").append(Html.escape(studyName)).append("</b> &middot; ").append(status).append(" &middot; ")
                .append(finished).append(" / ").append(total).append(" trials</div>");
        html.append("<div style=\"background:#eee;border-radius:3px;height:10px;margin:4px 0\">")
                .append("<div style=\"background:").append(colour).append(";height:10px;border-radius:3px;width:")
                .append(String.format(Locale.ROOT, "%.1f", pct)).append("%\"></div></div>");
        html.append("<div>elapsed ").append(duration(elapsed)).append(" &middot; remaining ").append(remaining);
        if (!counts.isEmpty()) {
            html.append(" &middot; ").append(Html.escape(countsText()));
        }
        html.append("</div>");
        if (bestNumber >= 0) {
            html.append("<div>best ").append(direction == Direction.MAXIMIZE ? "(max) " : "(min) ")
                    .append("<b>").append(number(best)).append("</b> at trial #").append(bestNumber).append(" ")
                    .append(Html.escape(String.valueOf(bestParams))).append("</div>");
        }
        Bundle.Builder b = Bundle.builder();
        if (chartBase64 != null) {
            html.append("<img alt=\"convergence\" src=\"data:image/png;base64,").append(chartBase64).append("\"/>");
            if (done && chartPoints < points) {
                html.append("<div style=\"color:#666\">chart of the first ").append(chartPoints).append(" of ").append(points)
                        .append(" values (drawn within the display's time budget): <code>%plot convergence</code> draws all</div>");
            }
            b.put(Bundle.PNG, chartBase64);
        } else if (done && points > 0) {
            html.append("<div style=\"color:#666\">a run this short gets no live chart: <code>%plot convergence</code> draws it</div>");
        }
        html.append("</div>");
        return b.html(html.toString()).text(text.toString()).build();
    }

    private Double fraction(double elapsed) {
        Double byTrials = planned != null && planned > 0 ? (double) finished / planned : null;
        Double byTime = timeout != null ? elapsed / Math.max(1e-9, timeout.toNanos() / 1e9) : null;
        if (byTrials == null) return byTime;
        if (byTime == null) return byTrials;
        return Math.max(byTrials, byTime);
    }

    private String remaining(double elapsed, Double fraction) {
        if (fraction == null || fraction <= 0 || finished == 0) return "?";
        return duration(Math.max(0, elapsed / fraction - elapsed));
    }

    private String countsText() {
        StringBuilder b = new StringBuilder();
        counts.forEach((s, n) -> b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(s));
        return b.toString();
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String duration(double seconds) {
        if (seconds < 60) return String.format(Locale.ROOT, "%.1fs", seconds);
        long s = Math.round(seconds);
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
