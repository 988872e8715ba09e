package org.tunebook.sampler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Dimension;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;
import org.tunebook.space.Space;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;

/**
 * Every combination of the given values exactly once, in a fixed order (the first parameter varies
 * slowest, as itertools.product and scikit-learn's ParameterGrid). Grid points are claimed through the
 * storage, so parallel jobs and processes sharing a study never evaluate one point twice; when all are
 * claimed the study stops.
 */
public final class GridSampler implements Sampler {
    private final List<String> names;
    private final List<List<Object>> values;
    private final int size;
    private final AtomicInteger hint = new AtomicInteger();

    /** @param grid parameter name to the values to try, in order (a LinkedHashMap or SortedMap keeps its order; other maps are taken in name order) */
    public GridSampler(Map<String, ? extends List<?>> grid) {
        if (grid == null || grid.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one parameter with values: e.g. Map.of(\"lr\", List.of(0.01, 0.1))");
        }
        List<String> ns = new ArrayList<>();
        List<List<Object>> vs = new ArrayList<>();
        long total = 1;
        // Map.of and HashMap iterate in an order that can differ between JVMs: processes sharing a study
        // must number grid points alike, so such maps are taken in name order.
        Map<String, ? extends List<?>> ordered = grid instanceof LinkedHashMap<?, ?> || grid instanceof java.util.SortedMap<?, ?>
                ? grid : new java.util.TreeMap<>(grid);
        for (Map.Entry<String, ? extends List<?>> e : ordered.entrySet()) {
            Dimension.checkName(e.getKey());
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' has no grid values: list at least one");
            }
            ns.add(e.getKey());
            vs.add(Collections.unmodifiableList(new ArrayList<>(e.getValue())));
            total *= e.getValue().size();
            if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("the grid has more than 2^31 points: use random search");
        }
        this.names = List.copyOf(ns);
        this.values = List.copyOf(vs);
        this.size = (int) total;
    }

    /**
     * A grid from a space whose dimensions are all finite: categoricals, int ranges and stepped real ranges.
     */
    public static GridSampler of(Space space) {
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        for (Dimension d : space) grid.put(d.name(), valuesOf(d));
        return new GridSampler(grid);
    }

    private static List<Object> valuesOf(Dimension dim) {
        Distribution d = dim.distribution();
        List<Object> out = new ArrayList<>();
        if (d instanceof CategoricalDistribution c) {
            out.addAll(c.choices());
        } else if (d instanceof IntDistribution i && !i.log()) {
            for (long v = i.low(); v <= i.high(); v += i.step()) out.add((int) v);
        } else if (d instanceof FloatDistribution f && f.step() != null) {
            for (long k = 0; k < f.gridSize(); k++) out.add(f.toExternal(f.low() + k * f.step()));
        } else {
            throw new IllegalArgumentException("parameter '" + dim.name() + "' = " + d.spec()
                    + " has no finite set of values for a grid: use cat(...), int(lo,hi) or real(lo,hi,step=S)");
        }
        if (out.size() > 100_000) {
            throw new IllegalArgumentException("parameter '" + dim.name() + "' has " + out.size() + " grid values: use a coarser step");
        }
        return out;
    }

    /** Number of grid points. */
    public int size() {
        return size;
    }

    /** The parameters of grid point {@code index}. */
    public Map<String, Object> point(int index) {
        Map<String, Object> p = new LinkedHashMap<>();
        int rest = index;
        for (int k = names.size() - 1; k >= 0; k--) {
            List<Object> vs = values.get(k);
            p.put(names.get(k), vs.get(rest % vs.size()));
            rest /= vs.size();
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String n : names) ordered.put(n, p.get(n));
        return ordered;
    }

    @Override
    public TrialPlan beforeTrial(Study study) {
        for (int i = hint.get(); i < size; i++) {
            if (study.tryClaim("grid:" + i)) {
                hint.accumulateAndGet(i + 1, Math::max);
                return TrialPlan.fixed(point(i), Map.of("grid_id", i));
            }
        }
        hint.set(size);
        return TrialPlan.stop();
    }

    @Override
    public double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        throw new IllegalArgumentException("parameter '" + name + "' is not in the grid " + names
                + ": add its values to the grid, or do not suggest it");
    }

    @Override
    public String name() {
        return "grid(" + size + " points)";
    }
}
