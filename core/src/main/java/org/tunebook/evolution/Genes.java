package org.tunebook.evolution;

import java.util.AbstractList;
import java.util.Map;

/**
 * What a fitness function receives: the raw gene values (a read-only {@code List<Double>}, as DEAP passes the
 * individual) and their decoded parameter values.
 */
public final class Genes extends AbstractList<Double> {
    private final Genome genome;
    private final double[] x;

    public Genes(Genome genome, double[] x) {
        if (x.length != genome.size()) {
            throw new IllegalArgumentException("got " + x.length + " gene values for a genome of " + genome.size() + " genes");
        }
        this.genome = genome;
        this.x = x.clone();
    }

    @Override
    public Double get(int index) {
        return x[index];
    }

    /** The raw value of gene i. */
    public double value(int i) {
        return x[i];
    }

    @Override
    public int size() {
        return x.length;
    }

    /** A copy of the raw gene values. */
    public double[] values() {
        return x.clone();
    }

    /** The decoded parameter values by gene name (as stored in the trial). */
    public Map<String, Object> params() {
        return genome.decode(x);
    }

    /** The decoded value of a named gene. */
    public Object param(String name) {
        for (int i = 0; i < x.length; i++) {
            if (genome.gene(i).name().equals(name)) return genome.gene(i).decode(x[i]);
        }
        throw new IllegalArgumentException("no gene '" + name + "' in the genome: the genes are " + genome.space().names());
    }

    public double real(String name) {
        return ((Number) param(name)).doubleValue();
    }

    public int integer(String name) {
        return ((Number) param(name)).intValue();
    }

    public Genome genome() {
        return genome;
    }
}
