package org.tunebook.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.StudyListener;
import org.tunebook.study.TrialState;

/** One line per finished trial: number, state, value or fail reason, parameters, best so far, run progress. */
final class Progress implements StudyListener {
    private final PrintStream out;
    private Integer planned;
    private long startNanos;
    private int finished;
    private FrozenTrial best;
    private Direction direction;

    Progress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onStart(Study study, Integer plannedTrials, Duration timeout) {
        planned = plannedTrials;
        startNanos = System.nanoTime();
        direction = study.direction();
        best = study.bestTrialIfAny().orElse(null);
        int earlier = study.trials().size();
        out.println("[tunebook] study '" + study.name() + "' (" + direction.name().toLowerCase(java.util.Locale.ROOT) + ") in " + study.storage().url()
                + " with " + study.sampler().name() + (earlier > 0 ? ": resuming after " + earlier + " trials" : ""));
        out.flush();
    }

    @Override
    public void onTrialFinished(Study study, FrozenTrial t) {
        finished++;
        if (t.state() == TrialState.COMPLETE && (best == null || direction.isBetter(t.value(), best.value()))) best = t;
        StringBuilder b = new StringBuilder("[tunebook] trial ").append(t.number()).append(' ').append(t.state());
        if (t.state() == TrialState.COMPLETE) b.append(" value=").append(t.value());
        b.append(' ').append(params(t.params()));
        if (t.failReason() != null) b.append(" reason: ").append(t.failReason());
        b.append(" | best=");
        if (best == null) b.append("none yet");
        else b.append(best.value()).append(" (trial ").append(best.number()).append(')');
        b.append(" | ").append(finished);
        if (planned != null) b.append('/').append(planned);
        b.append(String.format(" in %.1fs", (System.nanoTime() - startNanos) / 1e9));
        out.println(b);
        out.flush();
    }

    static String params(Map<String, Object> params) {
        StringJoiner j = new StringJoiner(" ");
        params.forEach((k, v) -> j.add(k + "=" + CommandObjective.format(v)));
        return j.toString();
    }
}
