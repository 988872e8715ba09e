package org.tunebook.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An ordered, define-and-run search space: a list of uniquely named dimensions. */
public final class Space implements Iterable<Dimension> {
    private final List<Dimension> dimensions;
    private final Map<String, Dimension> byName;

    private Space(List<Dimension> dimensions) {
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one dimension");
        }
        Map<String, Dimension> map = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            if (map.put(d.name(), d) != null) {
                throw new IllegalArgumentException("parameter '" + d.name() + "' is defined twice: give each dimension its own name");
            }
        }
        this.dimensions = Collections.unmodifiableList(new ArrayList<>(dimensions));
        this.byName = Collections.unmodifiableMap(map);
    }

    public static Space of(Dimension... dimensions) {
        return new Space(List.of(dimensions));
    }

    public static Space of(List<Dimension> dimensions) {
        return new Space(dimensions);
    }

    /** Parses specifications such as {@code lr=real(1e-4,0.1,log)}; see {@link ParamSpec}. */
    public static Space parse(List<String> specs) {
        List<Dimension> dims = new ArrayList<>();
        for (String s : specs) dims.add(ParamSpec.parse(s));
        return new Space(dims);
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public int size() {
        return dimensions.size();
    }

    public Dimension get(int i) {
        return dimensions.get(i);
    }

    public Dimension get(String name) {
        Dimension d = byName.get(name);
        if (d == null) throw new IllegalArgumentException("no parameter '" + name + "' in " + this);
        return d;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** Name to distribution, in order. */
    public Map<String, Distribution> distributions() {
        Map<String, Distribution> m = new LinkedHashMap<>();
        for (Dimension d : dimensions) m.put(d.name(), d.distribution());
        return m;
    }

    /** Maps a point given as a list in dimension order (skopt's x) to named values, checking each. */
    public Map<String, Object> toParams(List<?> point) {
        if (point.size() != dimensions.size()) {
            throw new IllegalArgumentException("point " + point + " has " + point.size() + " values but the space has "
                    + dimensions.size() + " dimensions " + names());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < point.size(); i++) {
            Dimension d = dimensions.get(i);
            try {
                params.put(d.name(), d.distribution().toExternal(d.distribution().toInternal(point.get(i))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter '" + d.name() + "': " + e.getMessage(), e);
            }
        }
        return params;
    }

    /** The values of named parameters as a list in dimension order. */
    public List<Object> toPoint(Map<String, ?> params) {
        List<Object> point = new ArrayList<>(dimensions.size());
        for (Dimension d : dimensions) {
            if (!params.containsKey(d.name())) {
                throw new IllegalArgumentException("parameter '" + d.name() + "' is missing from " + params);
            }
            point.add(params.get(d.name()));
        }
        return point;
    }

    @Override
    public Iterator<Dimension> iterator() {
        return dimensions.iterator();
    }

    @Override
    public String toString() {
        return "Space" + dimensions;
    }
}
