package org.tunebook.space;

/**
 * The range a parameter is drawn from. Samplers work on the <em>internal</em> representation
 * (a double: the value itself for numbers, the index of the choice for categoricals); users see
 * the <em>external</em> value (Double, Integer or the categorical choice).
 */
public sealed interface Distribution permits FloatDistribution, IntDistribution, CategoricalDistribution {

    /** Internal representation of an external value; throws if the value is not in this distribution. */
    double toInternal(Object external);

    /** External value of an internal representation (rounded to the grid of int / step distributions). */
    Object toExternal(double internal);

    /** Whether an internal value lies in this distribution. */
    boolean contains(double internal);

    /** True when the distribution holds a single value. */
    boolean isSingle();

    /** The specification in Tunebook's parameter syntax, e.g. {@code real(1e-05,0.1,log)}. */
    String spec();

    /** Whether a distribution of another trial is of the same kind (both float, both int, same choices). */
    default boolean compatibleWith(Distribution other) {
        if (this instanceof CategoricalDistribution a) {
            return other instanceof CategoricalDistribution b && a.equals(b);
        }
        return getClass() == other.getClass();
    }
}
