package org.tunebook.skopt;

import java.time.Duration;

/**
 * Stops before a time budget runs out: after each call, when the time left is less than the longest call so
 * far (scikit-optimize's {@code DeadlineStopper(total_time)}). The clock starts when the run starts.
 */
public final class DeadlineStopper implements SkoptCallback {
    private final long budgetNanos;
    private long start = -1;
    private long last;
    private long longest;

    public DeadlineStopper(Duration total) {
        if (total == null || total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException("the deadline must be a positive duration, e.g. Duration.ofMinutes(30); got " + total);
        }
        this.budgetNanos = total.toNanos();
    }

    @Override
    public void onStart() {
        start = System.nanoTime();
        last = start;
        longest = 0;
    }

    @Override
    public boolean afterCall(OptimizeResult r) {
        long now = System.nanoTime();
        if (start < 0) {
            onStart();
            return false;
        }
        longest = Math.max(longest, now - last);
        last = now;
        return budgetNanos - (now - start) <= longest;
    }

    @Override
    public String toString() {
        return "DeadlineStopper(" + Duration.ofNanos(budgetNanos) + ")";
    }
}
