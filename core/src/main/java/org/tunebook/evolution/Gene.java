package org.tunebook.evolution;

import java.util.List;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;

/**
 * One gene: a real in [{@link #low}, {@link #high}] that decodes to a parameter value of a {@link Distribution}.
 * <ul>
 * <li>real: the gene is the value;</li>
 * <li>log-real: the gene is log10 of the value (as the seed's learning-rate gene, decoded by 10^x);</li>
 * <li>index (integers, stepped reals, categories): the gene lies in [-0.5, n - 0.5] and rounds to the index of
 *     one of the n values, so a uniform gene gives every value the same probability.</li>
 * </ul>
 */
public record Gene(String name, Kind kind, double low, double high, Distribution distribution) {

    public enum Kind { REAL, LOG, INDEX }

    public Gene {
        if (!(low < high)) throw new IllegalArgumentException("gene '" + name + "': low (" + low + ") must be less than high (" + high + ")");
    }

    /** A gene for a distribution of a search space. */
    public static Gene of(String name, Distribution d) {
        if (d instanceof FloatDistribution f) {
            if (f.step() != null) return new Gene(name, Kind.INDEX, -0.5, f.gridSize() - 0.5, d);
            if (f.log()) return new Gene(name, Kind.LOG, Math.log10(f.low()), Math.log10(f.high()), d);
            return new Gene(name, Kind.REAL, f.low(), f.high(), d);
        }
        if (d instanceof IntDistribution i) {
            if (i.log()) return new Gene(name, Kind.LOG, Math.log10(i.low()), Math.log10(i.high()), d);
            return new Gene(name, Kind.INDEX, -0.5, i.size() - 0.5, d);
        }
        CategoricalDistribution c = (CategoricalDistribution) d;
        if (c.choices().size() < 2) {
            throw new IllegalArgumentException("gene '" + name + "': a categorical gene needs at least two choices, got " + c.choices());
        }
        return new Gene(name, Kind.INDEX, -0.5, c.choices().size() - 0.5, d);
    }

    /** A plain bounded real gene (the seed's genes). */
    public static Gene real(String name, double low, double high) {
        return new Gene(name, Kind.REAL, low, high, FloatDistribution.uniform(low, high));
    }

    /** The internal value (categorical index) of the distribution that a gene value decodes to. */
    public double toInternal(double gene) {
        double g = Math.min(high, Math.max(low, gene));
        Distribution d = distribution;
        return switch (kind) {
            case REAL -> g;
            case LOG -> d instanceof IntDistribution i
                    ? Math.min(i.high(), Math.max(i.low(), Math.rint(Math.pow(10, g))))
                    : Math.min(((FloatDistribution) d).high(), Math.max(((FloatDistribution) d).low(), Math.pow(10, g)));
            case INDEX -> {
                long k = Math.min(Math.round(high - 0.5), Math.max(0, (long) Math.rint(g)));
                if (d instanceof IntDistribution i) yield i.low() + k * (double) i.step();
                if (d instanceof FloatDistribution f) yield (double) f.toExternal(f.low() + k * f.step());
                yield k;
            }
        };
    }

    /** The external parameter value a gene value decodes to. */
    public Object decode(double gene) {
        return distribution.toExternal(toInternal(gene));
    }

    /** A gene value that decodes to the given external value (for seeding a population with known points). */
    public double encode(Object external) {
        double v = distribution.toInternal(external);
        return switch (kind) {
            case REAL -> v;
            case LOG -> Math.log10(v);
            case INDEX -> {
                if (distribution instanceof IntDistribution i) yield (v - i.low()) / i.step();
                if (distribution instanceof FloatDistribution f) yield Math.rint((v - f.low()) / f.step());
                yield v;
            }
        };
    }

    /** The choices of a categorical gene, else empty. */
    public List<Object> choices() {
        return distribution instanceof CategoricalDistribution c ? c.choices() : List.of();
    }
}
