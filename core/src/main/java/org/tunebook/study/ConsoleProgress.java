package org.tunebook.study;

import java.io.PrintStream;
import java.time.Duration;

/** A progress line per finished trial on a console: number, state, value and best so far. */
public final class ConsoleProgress implements StudyListener {
    private final PrintStream out;
    private Integer planned;
    private long startNanos;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onStart(Study study, Integer plannedTrials, Duration timeout) {
        planned = plannedTrials;
        startNanos = System.nanoTime();
    }

    @Override
    public void onTrialFinished(Study study, FrozenTrial t) {
        StringBuilder b = new StringBuilder("[tunebook] trial ").append(t.number());
        if (planned != null) b.append(" (").append(t.number() + 1).append('/').append(planned).append(')');
        b.append(' ').append(t.state());
        if (t.hasValue()) b.append(" value=").append(t.values().size() == 1 ? t.values().get(0) : t.values());
        if (t.failReason() != null) b.append(" reason=").append(t.failReason());
        b.append(" params=").append(t.params());
        if (study.directions().size() == 1) {
            study.bestTrialIfAny().ifPresent(best -> b.append(" | best=").append(best.value()).append(" (#").append(best.number()).append(')'));
        }
        b.append(String.format(" | %.1fs", (System.nanoTime() - startNanos) / 1e9));
        out.println(b);
    }
}
