package org.tunebook.dl4j.train;

import java.util.Locale;

/** Whether a monitored quantity should go down or up; AUTO means MAX for names containing "acc", else MIN (Keras). */
public enum Mode {
    MIN, MAX, AUTO;

    /** The concrete mode for {@code monitor}. */
    public Mode resolve(String monitor) {
        if (this != AUTO) {
            return this;
        }
        return monitor.toLowerCase(Locale.ROOT).contains("acc") ? MAX : MIN;
    }

    /** Whether {@code current} beats {@code best} by more than {@code minDelta} (this mode must be MIN or MAX). */
    boolean improves(double current, double best, double minDelta) {
        if (Double.isNaN(current)) {
            return false;
        }
        return this == MAX ? current > best + minDelta : current < best - minDelta;
    }

    /** The worst possible value: the starting "best". */
    double worst() {
        return this == MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
}
