package org.tunebook.evolution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tunebook.space.Dimension;
import org.tunebook.space.Distribution;
import org.tunebook.space.Space;

/** The genes of an individual, in order; their bounds are the operators' {@code low} and {@code up}. */
public final class Genome {
    private final List<Gene> genes;
    private final double[] low;
    private final double[] high;
    private final Space space;

    public Genome(List<Gene> genes) {
        if (genes == null || genes.isEmpty()) throw new IllegalArgumentException("a genome needs at least one gene");
        Set<String> names = new HashSet<>();
        for (Gene g : genes) {
            if (!names.add(g.name())) throw new IllegalArgumentException("gene '" + g.name() + "' is defined twice: give each gene its own name");
        }
        this.genes = List.copyOf(genes);
        this.low = new double[genes.size()];
        this.high = new double[genes.size()];
        List<Dimension> dims = new ArrayList<>();
        for (int i = 0; i < genes.size(); i++) {
            low[i] = genes.get(i).low();
            high[i] = genes.get(i).high();
            dims.add(new Dimension(genes.get(i).name(), genes.get(i).distribution()));
        }
        this.space = Space.of(dims);
    }

    /**
     * Bounded real genes named x0, x1, ... (the seed's {@code BOUNDS_LOW} / {@code BOUNDS_HIGH}).
     */
    public static Genome bounded(double[] low, double[] high) {
        if (low == null || high == null || low.length != high.length || low.length == 0) {
            throw new IllegalArgumentException("low and high must be non-empty arrays of the same length, got "
                    + (low == null ? "null" : low.length) + " and " + (high == null ? "null" : high.length) + " bounds");
        }
        List<Gene> gs = new ArrayList<>();
        for (int i = 0; i < low.length; i++) {
            final int k = i;
            gs.add(named("x" + i, () -> Gene.real("x" + k, low[k], high[k])));
        }
        return new Genome(gs);
    }

    /** One gene per dimension of a search space (reals, log-reals, integers, stepped reals, categoricals). */
    public static Genome of(Space space) {
        List<Gene> gs = new ArrayList<>();
        for (Dimension d : space) gs.add(named(d.name(), () -> Gene.of(d.name(), d.distribution())));
        return new Genome(gs);
    }

    private static Gene named(String name, java.util.function.Supplier<Gene> g) {
        try {
            return g.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("gene '") ? e.getMessage() : "gene '" + name + "': " + e.getMessage(), e);
        }
    }

    public int size() {
        return genes.size();
    }

    public Gene gene(int i) {
        return genes.get(i);
    }

    public List<Gene> genes() {
        return Collections.unmodifiableList(genes);
    }

    /** Lower bounds of the genes (a copy). */
    public double[] low() {
        return low.clone();
    }

    /** Upper bounds of the genes (a copy). */
    public double[] high() {
        return high.clone();
    }

    double[] lowRef() {
        return low;
    }

    double[] highRef() {
        return high;
    }

    /** The search space whose parameters the genes decode to (trial params). */
    public Space space() {
        return space;
    }

    /** Parameter name to external value for a genome. */
    public Map<String, Object> decode(double[] x) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < genes.size(); i++) m.put(genes.get(i).name(), genes.get(i).decode(x[i]));
        return m;
    }

    /** Parameter name to internal value (categorical index) for a genome. */
    public Map<String, Double> decodeInternal(double[] x) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < genes.size(); i++) m.put(genes.get(i).name(), genes.get(i).toInternal(x[i]));
        return m;
    }

    /** Distribution of each parameter. */
    public Map<String, Distribution> distributions() {
        return space.distributions();
    }

    /** A short description, for checking that a stored run is resumed with the same genome. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (Gene g : genes) {
            if (b.length() > 0) b.append(' ');
            b.append(g.name()).append('=').append(g.kind()).append('[').append(g.low()).append(',').append(g.high()).append("]:")
                    .append(g.distribution().spec());
        }
        return b.toString();
    }
}
