package org.tunebook.study;

import java.util.Optional;
import java.util.function.Function;

/**
 * Process-wide hooks set by integrations: the notebook extension installs its live progress display here,
 * so every optimize() in a notebook shows progress without user code.
 */
public final class StudyHooks {
    private static volatile Function<Study, StudyListener> progressFactory;

    private StudyHooks() {
    }

    /** Installs (or, with null, removes) the factory of the default progress display. */
    public static void setProgressFactory(Function<Study, StudyListener> factory) {
        progressFactory = factory;
    }

    public static Optional<Function<Study, StudyListener>> progressFactory() {
        return Optional.ofNullable(progressFactory);
    }
}
