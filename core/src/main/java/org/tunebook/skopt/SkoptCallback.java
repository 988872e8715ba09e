package org.tunebook.skopt;

/**
 * Called after every evaluation of {@link Skopt#gpMinimize} with the result so far (scikit-optimize's
 * {@code callback(res)}); returning true stops the run, as in scikit-optimize.
 */
@FunctionalInterface
public interface SkoptCallback {
    boolean afterCall(OptimizeResult resultSoFar);

    /** Called once when the run starts (stoppers start their clocks here). */
    default void onStart() {
    }
}
