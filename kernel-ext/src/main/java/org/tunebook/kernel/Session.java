package org.tunebook.kernel;

import org.tunebook.study.Study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The studies this notebook has seen (run with optimize(), created by {@code %%search}, loaded with
 * {@code %study load}), by name; the last one is the default of {@code %trials} and {@code %plot}.
 */
public final class Session {
    private static final Map<String, Study> STUDIES = new LinkedHashMap<>();
    private static Study current;

    private Session() {
    }

    /** Remembers a study and makes it the current one. */
    public static synchronized void remember(Study study) {
        STUDIES.remove(study.name());
        STUDIES.put(study.name(), study);
        current = study;
    }

    public static synchronized Optional<Study> current() {
        return Optional.ofNullable(current);
    }

    public static synchronized Optional<Study> get(String name) {
        return Optional.ofNullable(STUDIES.get(name));
    }

    public static synchronized List<Study> all() {
        return new ArrayList<>(STUDIES.values());
    }

    /** Forgets every study (a new kernel session). */
    public static synchronized void clear() {
        STUDIES.clear();
        current = null;
    }
}
