package org.tunebook.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A choice among strings, numbers, booleans (and null). The internal value is the index of the choice.
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

    public CategoricalDistribution {
        if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException("a categorical needs at least one choice: list the values, e.g. cat(relu,tanh)");
        }
        List<Object> copy = new ArrayList<>(choices.size());
        for (Object c : choices) {
            if (c != null && !(c instanceof String || c instanceof Number || c instanceof Boolean || c instanceof Enum<?>)) {
                throw new IllegalArgumentException("categorical choices must be strings, numbers, booleans or enums; got "
                        + c.getClass().getName() + ": pass its name (a String) instead");
            }
            for (Object seen : copy) {
                if (same(seen, c)) {
                    throw new IllegalArgumentException("choice " + c + " is listed twice: list each choice once");
                }
            }
            copy.add(c);
        }
        choices = Collections.unmodifiableList(copy);
    }

    public static CategoricalDistribution of(Object... choices) {
        return new CategoricalDistribution(java.util.Arrays.asList(choices));
    }

    /** Equality of choices; numbers compare by value so that 1 (Integer) and 1.0 (read back from JSON) match. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Enum<?> e && b instanceof String s) return e.name().equals(s);
        if (b instanceof Enum<?> e && a instanceof String s) return e.name().equals(s);
        return Objects.equals(a, b);
    }

    /** Index of a choice, or -1. */
    public int indexOf(Object value) {
        for (int i = 0; i < choices.size(); i++) {
            if (same(choices.get(i), value)) return i;
        }
        return -1;
    }

    @Override
    public double toInternal(Object external) {
        int i = indexOf(external);
        if (i < 0) {
            throw new IllegalArgumentException("value " + external + " is not one of the choices " + choices);
        }
        return i;
    }

    @Override
    public Object toExternal(double internal) {
        int i = (int) Math.rint(internal);
        if (i < 0 || i >= choices.size()) {
            throw new IllegalArgumentException("index " + internal + " is outside the " + choices.size() + " choices " + choices);
        }
        return choices.get(i);
    }

    @Override
    public boolean contains(double internal) {
        return internal == Math.rint(internal) && internal >= 0 && internal < choices.size();
    }

    @Override
    public boolean isSingle() {
        return choices.size() == 1;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CategoricalDistribution other) || other.choices.size() != choices.size()) return false;
        for (int i = 0; i < choices.size(); i++) {
            if (!same(choices.get(i), other.choices.get(i))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        return choices.size();
    }

    @Override
    public String spec() {
        StringBuilder s = new StringBuilder("cat(");
        for (int i = 0; i < choices.size(); i++) {
            if (i > 0) s.append(',');
            s.append(choices.get(i));
        }
        return s.append(')').toString();
    }
}
