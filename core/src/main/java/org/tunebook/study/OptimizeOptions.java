package org.tunebook.study;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long optimize() runs and what it reports: a trial budget and/or a timeout, parallel jobs,
 * callbacks, listeners and live progress. Immutable; each {@code with...} returns a copy.
 */
public final class OptimizeOptions {
    final Integer nTrials;
    final Duration timeout;
    final int nJobs;
    final List<StudyCallback> callbacks;
    final List<StudyListener> listeners;
    final Boolean showProgress;
    final boolean catchExceptions;
    final boolean logFailures;

    private OptimizeOptions(Integer nTrials, Duration timeout, int nJobs, List<StudyCallback> callbacks, List<StudyListener> listeners,
                            Boolean showProgress, boolean catchExceptions, boolean logFailures) {
        if (nTrials != null && nTrials < 0) throw new IllegalArgumentException("nTrials must be >= 0, got " + nTrials);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (nJobs < 1) {
            throw new IllegalArgumentException("nJobs must be >= 1 (or -1 for one job per core), got " + nJobs);
        }
        this.nTrials = nTrials;
        this.timeout = timeout;
        this.nJobs = nJobs;
        this.callbacks = List.copyOf(callbacks);
        this.listeners = List.copyOf(listeners);
        this.showProgress = showProgress;
        this.catchExceptions = catchExceptions;
        this.logFailures = logFailures;
    }

    /** No budget: runs until stop(), an exhausted grid, or a timeout set later. */
    public static OptimizeOptions defaults() {
        return new OptimizeOptions(null, null, 1, List.of(), List.of(), null, true, true);
    }

    public static OptimizeOptions trials(int nTrials) {
        return defaults().withTrials(nTrials);
    }

    public static OptimizeOptions timeout(Duration timeout) {
        return defaults().withTimeout(timeout);
    }

    public OptimizeOptions withTrials(Integer n) {
        return new OptimizeOptions(n, timeout, nJobs, callbacks, listeners, showProgress, catchExceptions, logFailures);
    }

    public OptimizeOptions withTimeout(Duration t) {
        return new OptimizeOptions(nTrials, t, nJobs, callbacks, listeners, showProgress, catchExceptions, logFailures);
    }

    /** Parallel jobs (threads); -1 means one per available core. */
    public OptimizeOptions withJobs(int jobs) {
        int n = jobs == -1 ? Runtime.getRuntime().availableProcessors() : jobs;
        return new OptimizeOptions(nTrials, timeout, n, callbacks, listeners, showProgress, catchExceptions, logFailures);
    }

    public OptimizeOptions withCallback(StudyCallback cb) {
        List<StudyCallback> c = new ArrayList<>(callbacks);
        c.add(cb);
        return new OptimizeOptions(nTrials, timeout, nJobs, c, listeners, showProgress, catchExceptions, logFailures);
    }

    public OptimizeOptions withListener(StudyListener l) {
        List<StudyListener> c = new ArrayList<>(listeners);
        c.add(l);
        return new OptimizeOptions(nTrials, timeout, nJobs, callbacks, c, showProgress, catchExceptions, logFailures);
    }

    /**
     * Live progress: true forces it (a console line outside a notebook), false turns it off; by default it is
     * shown when a notebook integration has installed a progress display ({@link StudyHooks}).
     */
    public OptimizeOptions withProgress(boolean show) {
        return new OptimizeOptions(nTrials, timeout, nJobs, callbacks, listeners, show, catchExceptions, logFailures);
    }

    /**
     * Whether an exception thrown by the objective only fails its trial (true, the default, as Optuna's
     * {@code catch=(Exception,)}) or, after the trial is stored as FAIL, also ends optimize() by rethrowing.
     */
    public OptimizeOptions withCatchExceptions(boolean c) {
        return new OptimizeOptions(nTrials, timeout, nJobs, callbacks, listeners, showProgress, c, logFailures);
    }

    /** Whether failed trials are reported on standard error (default true). */
    public OptimizeOptions withLogFailures(boolean log) {
        return new OptimizeOptions(nTrials, timeout, nJobs, callbacks, listeners, showProgress, catchExceptions, log);
    }

    public Integer nTrials() {
        return nTrials;
    }

    public Duration timeout() {
        return timeout;
    }

    public int nJobs() {
        return nJobs;
    }
}
