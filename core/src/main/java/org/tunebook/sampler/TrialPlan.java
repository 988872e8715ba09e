package org.tunebook.sampler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a sampler decides before a trial is created: sample freely, pin some parameters (a grid point),
 * or stop because the search space is exhausted.
 *
 * @param fixedParams  external values the trial must use when the objective suggests these names
 * @param systemAttrs  attributes stored with the new trial (e.g. the grid index)
 */
public record TrialPlan(boolean exhausted, Map<String, Object> fixedParams, Map<String, Object> systemAttrs) {

    private static final TrialPlan FREE = new TrialPlan(false, Map.of(), Map.of());
    private static final TrialPlan EXHAUSTED = new TrialPlan(true, Map.of(), Map.of());

    public TrialPlan {
        fixedParams = Collections.unmodifiableMap(new LinkedHashMap<>(fixedParams));
        systemAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(systemAttrs));
    }

    public static TrialPlan free() {
        return FREE;
    }

    /** The space is exhausted: the study stops. */
    public static TrialPlan stop() {
        return EXHAUSTED;
    }

    public static TrialPlan fixed(Map<String, Object> params, Map<String, Object> systemAttrs) {
        return new TrialPlan(false, params, systemAttrs);
    }
}
