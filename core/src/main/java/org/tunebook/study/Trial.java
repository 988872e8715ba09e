package org.tunebook.study;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Dimension;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;
import org.tunebook.space.Space;
import org.tunebook.util.Json;

/**
 * A running trial, handed to the objective: it suggests parameter values (define-by-run, so the objective
 * may branch on earlier values), reports intermediate values for pruning, and stores user attributes.
 * Every suggestion is written to the storage at once. A trial is used by one thread.
 */
public final class Trial {
    private final Study study;
    private final long trialId;
    private final int number;
    private final Map<String, Object> fixedParams;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Distribution> distributions = new LinkedHashMap<>();
    private final Map<String, Object> userAttrs = new LinkedHashMap<>();
    private final Map<String, Object> systemAttrs;
    private final TreeMap<Integer, Double> intermediate = new TreeMap<>();
    private final FrozenTrial created;
    private Map<String, Distribution> relativeSpace = Map.of();
    private Map<String, Double> relativeParams = Map.of();
    private boolean finished;

    Trial(Study study, FrozenTrial created, Map<String, Object> fixedParams) {
        this.study = study;
        this.created = created;
        this.trialId = created.trialId();
        this.number = created.number();
        this.fixedParams = fixedParams;
        this.systemAttrs = new LinkedHashMap<>(created.systemAttrs());
    }

    void setRelative(Map<String, Distribution> space, Map<String, Double> values) {
        this.relativeSpace = space;
        this.relativeParams = values;
    }

    /** 0-based number of this trial in its study. */
    public int number() {
        return number;
    }

    public long trialId() {
        return trialId;
    }

    public Study study() {
        return study;
    }

    /** Parameters suggested so far, in order. */
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    public Map<String, Object> userAttrs() {
        return Collections.unmodifiableMap(userAttrs);
    }

    // ------------------------------------------------------------ suggestions

    /** A real value, uniform in [low, high]. */
    public double suggestFloat(String name, double low, double high) {
        return (Double) suggest(name, Dimension.named(name, () -> FloatDistribution.uniform(low, high)));
    }

    /** A real value in [low, high], log-uniform when {@code log}. */
    public double suggestFloat(String name, double low, double high, boolean log) {
        return (Double) suggest(name, Dimension.named(name, () -> new FloatDistribution(low, high, log, null)));
    }

    /** A real value among low, low + step, ..., high. */
    public double suggestFloat(String name, double low, double high, double step) {
        return (Double) suggest(name, Dimension.named(name, () -> FloatDistribution.stepped(low, high, step)));
    }

    /** Log-uniform real (Optuna's suggest_loguniform). */
    public double suggestLogFloat(String name, double low, double high) {
        return suggestFloat(name, low, high, true);
    }

    /** Optuna's suggest_discrete_uniform. */
    public double suggestDiscreteUniform(String name, double low, double high, double q) {
        return suggestFloat(name, low, high, q);
    }

    /** An integer, uniform in [low, high] (both inclusive). */
    public int suggestInt(String name, int low, int high) {
        return (Integer) suggest(name, Dimension.named(name, () -> IntDistribution.uniform(low, high)));
    }

    /** An integer in [low, high], log-uniform when {@code log}. */
    public int suggestInt(String name, int low, int high, boolean log) {
        return (Integer) suggest(name, Dimension.named(name, () -> new IntDistribution(low, high, log, 1)));
    }

    /** An integer among low, low + step, ..., high. */
    public int suggestInt(String name, int low, int high, int step) {
        return (Integer) suggest(name, Dimension.named(name, () -> IntDistribution.stepped(low, high, step)));
    }

    /** One of the choices (strings, numbers, booleans or enum constants). */
    @SafeVarargs
    @SuppressWarnings("unchecked")
    public final <T> T suggestCategorical(String name, T... choices) {
        if (choices == null || choices.length == 0) {
            throw new IllegalArgumentException("parameter '" + name + "': a categorical needs at least one choice: list the values");
        }
        return (T) choiceOf(suggest(name, Dimension.named(name, () -> new CategoricalDistribution(Arrays.asList((Object[]) choices)))), choices);
    }

    @SuppressWarnings("unchecked")
    public <T> T suggestCategorical(String name, List<T> choices) {
        return (T) suggestCategorical(name, choices.toArray());
    }

    /** Returns the caller's own object for a choice (an enum stays an enum even after a round trip through storage). */
    private static Object choiceOf(Object value, Object[] choices) {
        CategoricalDistribution d = new CategoricalDistribution(Arrays.asList(choices));
        return choices[d.indexOf(value)];
    }

    /** Suggests every dimension of a define-and-run space; returns name to value in order. */
    public Map<String, Object> suggestAll(Space space) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Dimension d : space) out.put(d.name(), suggest(d.name(), d.distribution()));
        return out;
    }

    /**
     * Suggests a value for a parameter of any distribution. Asking again for a name already suggested in this
     * trial returns the same value (the distribution must be the same).
     */
    public Object suggest(String name, Distribution distribution) {
        Dimension.checkName(name);
        checkOpen();
        Distribution prior = distributions.get(name);
        if (prior != null) {
            if (!prior.equals(distribution)) {
                throw new IllegalArgumentException("parameter '" + name + "' was already suggested in this trial as " + prior.spec()
                        + ", now as " + distribution.spec() + ": use the same range, or another name");
            }
            return params.get(name);
        }
        study.checkCompatible(name, distribution);
        double internal;
        if (fixedParams.containsKey(name)) {
            Object v = fixedParams.get(name);
            try {
                internal = distribution.toInternal(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter '" + name + "': the fixed value " + v + " (enqueued or grid point) is not in "
                        + distribution.spec() + ": change the fixed value or the range", e);
            }
        } else if (relativeParams.containsKey(name) && distribution.equals(relativeSpace.get(name))) {
            internal = relativeParams.get(name);
        } else if (distribution.isSingle()) {
            internal = 0;
        } else {
            internal = study.sampler().sampleIndependent(study, snapshot(), name, distribution);
        }
        if (Double.isNaN(internal) || distribution instanceof CategoricalDistribution && !distribution.contains(internal)) {
            throw new IllegalStateException("sampler " + study.sampler().name() + " proposed " + internal + " outside " + distribution.spec()
                    + " for '" + name + "' (a bug in the sampler)");
        }
        Object external = distribution.toExternal(internal);
        study.storage().setTrialParam(trialId, name, distribution, distribution.toInternal(external));
        distributions.put(name, distribution);
        params.put(name, external);
        return external;
    }

    // ------------------------------------------------------------ pruning and attributes

    /** Reports an intermediate objective value at a step (epoch, iteration); a repeated step keeps the first value. */
    public void report(double value, int step) {
        checkOpen();
        if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
        if (intermediate.containsKey(step)) return;
        study.storage().setTrialIntermediateValue(trialId, step, value);
        intermediate.put(step, value);
    }

    /** Whether the study's pruner wants this trial stopped; if so, throw {@link TrialPruned}. */
    public boolean shouldPrune() {
        checkOpen();
        if (study.directions().size() > 1) {
            throw new IllegalStateException("pruning is not supported in multi-objective studies: do not call shouldPrune()");
        }
        return study.pruner().prune(study, snapshot());
    }

    /** Stores a JSON-like value (String, number, boolean, List, Map) with the trial. */
    public void setUserAttr(String key, Object value) {
        checkOpen();
        Json.checkJsonLike(value, "user attribute '" + key + "'");
        study.storage().setTrialAttr(trialId, true, key, value);
        userAttrs.put(key, value);
    }

    /**
     * Sets a constraint value of this trial, as Optuna's {@code trial.set_constraint}: the trial is feasible when
     * every constraint value is {@code <= 0} (e.g. {@code setConstraint("latency", ms - 50)} for "at most 50 ms").
     * In a study with constraints the best trial(s) are chosen among the feasible ones and NSGA-II prefers
     * feasible trials. A name is set once; setting it again is an error.
     */
    public void setConstraint(String name, double value) {
        checkOpen();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("constraint name must be a non-blank string, e.g. setConstraint(\"latency\", ms - 50)");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("constraint '" + name + "' of trial #" + number + " is " + value
                    + ": a constraint value must be a finite number (<= 0 means satisfied)");
        }
        String key = Constraints.PREFIX + name;
        if (systemAttrs.containsKey(key)) {
            throw new IllegalStateException("constraint '" + name + "' of trial #" + number + " is already set to "
                    + systemAttrs.get(key) + ": set each constraint once");
        }
        setSystemAttr(key, value);
    }

    /** The constraint values set so far. */
    public Map<String, Double> constraints() {
        return Constraints.of(systemAttrs);
    }

    /** For samplers: stores an attribute that is not shown to users by default. */
    public void setSystemAttr(String key, Object value) {
        checkOpen();
        study.storage().setTrialAttr(trialId, false, key, value);
        systemAttrs.put(key, value);
    }

    /** The trial as it stands, as samplers and pruners see it. */
    public FrozenTrial snapshot() {
        return new FrozenTrial(number, trialId, TrialState.RUNNING, List.of(), params, distributions, userAttrs, systemAttrs,
                intermediate, created.datetimeStart(), null, null);
    }

    /** The last reported intermediate value, or null. */
    Double lastIntermediate() {
        return intermediate.isEmpty() ? null : intermediate.lastEntry().getValue();
    }

    boolean isFinished() {
        return finished;
    }

    void markFinished() {
        finished = true;
    }

    private void checkOpen() {
        if (finished) throw new IllegalStateException("trial #" + number + " is already finished: it cannot be changed");
    }

    @Override
    public String toString() {
        return "Trial #" + number + " " + params;
    }
}
