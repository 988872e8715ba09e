package org.tunebook.study;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tunebook.space.Distribution;

/**
 * An immutable snapshot of a trial as stored: what samplers, pruners, tables and plots read.
 *
 * @param number     0-based number of the trial within its study
 * @param trialId    the storage's identifier of the trial
 * @param values     objective values (one per direction) of a COMPLETE trial, the last intermediate value of a
 *                   PRUNED one (if any), otherwise empty
 * @param params     parameter values as the objective saw them, in suggestion order
 * @param failReason why a FAIL trial failed, else null
 */
public record FrozenTrial(int number, long trialId, TrialState state, List<Double> values,
                          Map<String, Object> params, Map<String, Distribution> distributions,
                          Map<String, Object> userAttrs, Map<String, Object> systemAttrs,
                          SortedMap<Integer, Double> intermediateValues,
                          Instant datetimeStart, Instant datetimeComplete, String failReason) {

    public FrozenTrial {
        values = values == null ? List.of() : List.copyOf(values);
        params = frozen(params);
        distributions = frozen(distributions);
        userAttrs = frozen(userAttrs);
        systemAttrs = frozen(systemAttrs);
        intermediateValues = intermediateValues.isEmpty() ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
    }

    /** An unmodifiable copy in the same order; the shared empty map for an empty one (most trials have no attributes). */
    private static <K, V> Map<K, V> frozen(Map<K, V> m) {
        return m.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The single objective value; throws when the trial has none or several. */
    public double value() {
        if (values.size() != 1) {
            throw new IllegalStateException(values.isEmpty()
                    ? "trial #" + number + " (" + state + ") has no value"
                    : "trial #" + number + " has " + values.size() + " values: use values()");
        }
        return values.get(0);
    }

    /** Whether the trial has objective values. */
    public boolean hasValue() {
        return !values.isEmpty();
    }

    /**
     * The trial's constraint values by name ({@link Trial#setConstraint}; a list stored under the system attribute
     * {@value Constraints#KEY} counts as names "0", "1", ...): feasible when every value is {@code <= 0}.
     * Empty when the trial has none.
     */
    public Map<String, Double> constraints() {
        return Constraints.of(systemAttrs);
    }

    /** Whether every constraint value is {@code <= 0} (true without constraints). */
    public boolean isFeasible() {
        return Constraints.violation(constraints()) == 0;
    }

    /** The internal (sampler-side) value of a parameter: the number itself, or the index of a categorical choice. */
    public double internalParam(String name) {
        Distribution d = distributions.get(name);
        if (d == null) throw new IllegalArgumentException("trial #" + number + " has no parameter '" + name + "'");
        return d.toInternal(params.get(name));
    }

    /** Wall-clock duration of a finished trial, or null. */
    public Duration duration() {
        return datetimeStart == null || datetimeComplete == null ? null : Duration.between(datetimeStart, datetimeComplete);
    }

    /** The step of the last reported intermediate value, or -1. */
    public int lastStep() {
        return intermediateValues.isEmpty() ? -1 : intermediateValues.lastKey();
    }

    @Override
    public String toString() {
        return "Trial #" + number + " " + state + (values.isEmpty() ? "" : " value=" + (values.size() == 1 ? values.get(0) : values))
                + " params=" + params + (failReason == null ? "" : " reason=" + failReason);
    }
}
