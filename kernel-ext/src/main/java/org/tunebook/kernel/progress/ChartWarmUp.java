package org.tunebook.kernel.progress;

import org.tunebook.kernel.plot.ConvergenceChart;
import org.tunebook.kernel.render.Charts;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Draws one throw-away chart on a daemon thread the first time progress starts, so the class
 * loading and font set-up of the first real chart (~0.5 s cold) does not land on the study's thread.
 */
final class ChartWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Time of a warm render of a progress-sized chart, or -1 until known. */
    private static volatile long warmNanos = -1;

    private ChartWarmUp() {
    }

    /** The measured cost of a warm progress chart, or -1 while unknown. */
    static long warmNanos() {
        return warmNanos;
    }

    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                int n = NotebookProgress.MAX_CHART_POINTS;
                double[] x = new double[n];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = i;
                    y[i] = (i * 7919 % 101) / 10.0;
                }
                for (int round = 0; round < 2; round++) {
                    long t0 = System.nanoTime();
                    Charts.png(ConvergenceChart.of("", x, y, new double[]{0, n - 1}, new double[]{0, 0},
                            NotebookProgress.CHART_WIDTH, NotebookProgress.CHART_HEIGHT));
                    warmNanos = System.nanoTime() - t0;
                }
            } catch (RuntimeException | LinkageError ignored) {
                // only a warm-up: the real chart reports its own problems
            }
        }, "tunebook-chart-warmup");
        t.setDaemon(true);
        t.start();
    }
}
