package org.tunebook.skopt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunebook.space.Space;

/**
 * A point of a search space as the objective of {@link Skopt#gpMinimize} receives it: values in dimension
 * order (scikit-optimize's list {@code x}) that can also be read by name, as {@code use_named_args} allows:
 * {@code x.get(0)}, {@code x.getDouble("learning_rate")}, {@code x.getInt("num_layers")},
 * {@code x.getString("activation")}.
 */
public final class Point {
    private final Space space;
    private final List<Object> values;

    Point(Space space, List<Object> values) {
        this.space = space;
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** A point from named values (as a trial's params). */
    static Point of(Space space, Map<String, Object> params) {
        return new Point(space, space.toPoint(params));
    }

    public int size() {
        return values.size();
    }

    /** The value of dimension {@code i} (Double, Integer or the categorical choice). */
    public Object get(int i) {
        if (i < 0 || i >= values.size()) {
            throw new IndexOutOfBoundsException("dimension index " + i + " is outside 0.." + (values.size() - 1) + " of " + space.names());
        }
        return values.get(i);
    }

    /** The value of the dimension named {@code name}. */
    public Object get(String name) {
        int i = space.names().indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no dimension '" + name + "' in this point: the dimensions are " + space.names());
        return values.get(i);
    }

    public double getDouble(int i) {
        return number(get(i), i).doubleValue();
    }

    public double getDouble(String name) {
        return number(get(name), name).doubleValue();
    }

    public int getInt(int i) {
        return integer(get(i), i);
    }

    public int getInt(String name) {
        return integer(get(name), name);
    }

    public String getString(int i) {
        return String.valueOf(get(i));
    }

    public String getString(String name) {
        return String.valueOf(get(name));
    }

    public boolean getBoolean(String name) {
        Object v = get(name);
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException("dimension '" + name + "' is " + v + ", not a boolean: use get(\"" + name + "\")");
    }

    private static Number number(Object v, Object dim) {
        if (v instanceof Number n) return n;
        throw new IllegalArgumentException("dimension " + quote(dim) + " is " + v + ", not a number: use getString(" + quote(dim) + ")");
    }

    private static int integer(Object v, Object dim) {
        Number n = number(v, dim);
        double d = n.doubleValue();
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException("dimension " + quote(dim) + " is " + v + ", not an integer: use getDouble(" + quote(dim) + ")");
        }
        return (int) d;
    }

    private static String quote(Object dim) {
        return dim instanceof String s ? "\"" + s + "\"" : String.valueOf(dim);
    }

    /** The values in dimension order (unmodifiable). */
    public List<Object> values() {
        return values;
    }

    /** Name to value, in dimension order. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) m.put(space.get(i).name(), values.get(i));
        return Collections.unmodifiableMap(m);
    }

    public Space space() {
        return space;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Point p && p.values.equals(values) && p.space.names().equals(space.names());
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
