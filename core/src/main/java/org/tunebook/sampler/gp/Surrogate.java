package org.tunebook.sampler.gp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunebook.space.Distribution;

/**
 * A fitted surrogate model over named parameters: the GP and the unit-cube encoding it was fitted in.
 * Predicts the objective (in the study's own direction and units) at configurations given by their external
 * values, which is what partial-dependence plots ({@code plot_objective}) need.
 */
public final class Surrogate {
    /** Posterior mean and standard deviation of the objective at a point. */
    public record Prediction(double mean, double std) {
    }

    private final UnitCube cube;
    private final GaussianProcess gp;
    private final boolean negated;

    Surrogate(UnitCube cube, GaussianProcess gp, boolean negated) {
        this.cube = cube;
        this.gp = gp;
        this.negated = negated;
    }

    /** Parameter names in the order {@link #predict(List)} expects. */
    public List<String> names() {
        return cube.names();
    }

    /** Name to distribution, in order. */
    public Map<String, Distribution> space() {
        Map<String, Distribution> m = new LinkedHashMap<>();
        for (int i = 0; i < cube.names().size(); i++) m.put(cube.names().get(i), cube.distributions().get(i));
        return m;
    }

    /** The prediction at a configuration given as external values in {@link #names()} order. */
    public Prediction predict(List<?> values) {
        if (values.size() != cube.parameters()) {
            throw new IllegalArgumentException("the surrogate takes " + cube.parameters() + " values " + cube.names() + ", got " + values);
        }
        double[] internal = new double[values.size()];
        for (int i = 0; i < internal.length; i++) {
            Distribution d = cube.distributions().get(i);
            try {
                internal[i] = d.toInternal(values.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter '" + cube.names().get(i) + "': " + e.getMessage(), e);
            }
        }
        double[] p = gp.predict(cube.encode(internal));
        return new Prediction(negated ? -p[0] : p[0], p[1]);
    }

    /** The prediction at named external values. */
    public Prediction predict(Map<String, ?> params) {
        List<Object> values = new ArrayList<>();
        for (String n : cube.names()) {
            if (!params.containsKey(n)) throw new IllegalArgumentException("parameter '" + n + "' is missing from " + params);
            values.add(params.get(n));
        }
        return predict(values);
    }

    /** The underlying GP (inputs in the unit cube, targets as minimized: negated for a maximized study). */
    public GaussianProcess gp() {
        return gp;
    }

    /** The encoding of configurations into the GP's unit cube. */
    public UnitCube cube() {
        return cube;
    }

    /** Number of observations the model was fitted on. */
    public int observations() {
        return gp.size();
    }

    @Override
    public String toString() {
        return "Surrogate" + cube.names() + " " + gp;
    }
}
