package org.tunebook.plots;

import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;

import java.util.List;

/**
 * A parameter as plots see it: a name and its distribution, with two numeric views of a value.
 * <ul>
 * <li>the <em>coordinate</em>: what an axis shows (the number itself, the index of a categorical choice);</li>
 * <li>the <em>unit</em> value in [0, 1]: scikit-optimize's normalisation — linear ranges scaled to [0, 1],
 * log ranges in log10 then scaled, a categorical with k choices as index / (k - 1) (one ordinal dimension).</li>
 * </ul>
 */
public record Param(String name, Distribution distribution) {

    public boolean categorical() {
        return distribution instanceof CategoricalDistribution;
    }

    public boolean log() {
        return (distribution instanceof FloatDistribution f && f.log()) || (distribution instanceof IntDistribution i && i.log());
    }

    public boolean integer() {
        return distribution instanceof IntDistribution;
    }

    public List<Object> choices() {
        return distribution instanceof CategoricalDistribution c ? c.choices() : List.of();
    }

    /** Number of categorical choices (0 for numeric parameters). */
    public int size() {
        return choices().size();
    }

    public double low() {
        if (distribution instanceof FloatDistribution f) return f.low();
        if (distribution instanceof IntDistribution i) return i.low();
        return 0;
    }

    public double high() {
        if (distribution instanceof FloatDistribution f) return f.high();
        if (distribution instanceof IntDistribution i) return i.high();
        return Math.max(0, size() - 1);
    }

    /** The axis coordinate of an external value. */
    public double coord(Object external) {
        if (external == null && !categorical()) return Double.NaN;
        return distribution.toInternal(external);
    }

    /** The unit value of an axis coordinate. */
    public double unitOfCoord(double c) {
        if (categorical()) return size() <= 1 ? 0 : c / (size() - 1);
        if (log()) return (Math.log10(c) - Math.log10(low())) / (Math.log10(high()) - Math.log10(low()));
        return (c - low()) / (high() - low());
    }

    public double unit(Object external) {
        return unitOfCoord(coord(external));
    }

    /** The axis coordinate of a unit value (not rounded to integers or choices). */
    public double coordOfUnit(double u) {
        if (categorical()) return u * Math.max(0, size() - 1);
        if (log()) return Math.pow(10, Math.log10(low()) + u * (Math.log10(high()) - Math.log10(low())));
        return low() + u * (high() - low());
    }

    /** The external value nearest to a unit value (rounded to integers, steps and choices). */
    public Object externalOfUnit(double u) {
        return distribution.toExternal(coordOfUnit(Math.max(0, Math.min(1, u))));
    }

    /** A tick label for an axis coordinate: the choice's name for categoricals, a short number otherwise. */
    public String label(double c) {
        if (categorical()) {
            int i = (int) Math.rint(c);
            if (Math.abs(c - i) > 1e-6 || i < 0 || i >= size()) return " "; // XChart cannot draw an empty label
            return String.valueOf(choices().get(i));
        }
        return Style.num(c);
    }

    /** Axis title: the name, with the scale when it is not linear. */
    public String axisTitle() {
        return name + (log() ? " (log)" : "");
    }
}
