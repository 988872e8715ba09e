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

    private ChartWarmUp() {
    }

    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Charts.png(ConvergenceChart.of("", new double[]{0, 1}, new double[]{1, 0}, new double[]{1, 0},
                        NotebookProgress.CHART_WIDTH, NotebookProgress.CHART_HEIGHT));
            } catch (RuntimeException | LinkageError ignored) {
                // only a warm-up: the real chart reports its own problems
            }
        }, "tunebook-chart-warmup");
        t.setDaemon(true);
        t.start();
    }
}
