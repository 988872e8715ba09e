package org.tunebook.evolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A genome (real-valued genes; integers and categories are encoded as reals, see {@link Genome}) and its
 * fitness. As in DEAP, the fitness is "invalid" until the individual is evaluated and becomes invalid again
 * when a variation operator touches it; comparisons use the weighted values (+1 maximize, -1 minimize),
 * lexicographically.
 */
public final class Individual {
    final double[] genes;
    private double[] values;
    private double[] wvalues;
    private int trialNumber = -1;

    public Individual(double[] genes) {
        this.genes = genes.clone();
    }

    private Individual(Individual o) {
        this.genes = o.genes.clone();
        this.values = o.values;
        this.wvalues = o.wvalues;
        this.trialNumber = o.trialNumber;
    }

    /** A deep copy with the same fitness (DEAP's toolbox.clone). */
    public Individual copy() {
        return new Individual(this);
    }

    /** A copy of the genes. */
    public double[] genes() {
        return genes.clone();
    }

    public int size() {
        return genes.length;
    }

    public double gene(int i) {
        return genes[i];
    }

    /** Whether the fitness is known. */
    public boolean isValid() {
        return values != null;
    }

    /** Sets the fitness: one value per objective, weighted by +1 (maximize) or -1 (minimize). */
    public void setFitness(double[] values, double[] weights) {
        if (values.length != weights.length) {
            throw new IllegalArgumentException("the fitness has " + values.length + " values but there are " + weights.length
                    + " objectives: return one value per direction");
        }
        this.values = values.clone();
        this.wvalues = new double[values.length];
        for (int i = 0; i < values.length; i++) wvalues[i] = values[i] * weights[i];
    }

    /** Forgets the fitness (DEAP's {@code del ind.fitness.values}). */
    public void invalidate() {
        values = null;
        wvalues = null;
        trialNumber = -1;
    }

    /** The objective values; throws if the individual has not been evaluated. */
    public List<Double> values() {
        checkValid();
        List<Double> l = new ArrayList<>(values.length);
        for (double v : values) l.add(v);
        return l;
    }

    /** The first (or only) objective value. */
    public double value() {
        checkValid();
        return values[0];
    }

    double value(int objective) {
        checkValid();
        return values[objective];
    }

    double[] wvalues() {
        checkValid();
        return wvalues;
    }

    /** The number of the study trial that evaluated this genome, or -1. */
    public int trialNumber() {
        return trialNumber;
    }

    void setTrialNumber(int n) {
        this.trialNumber = n;
    }

    private void checkValid() {
        if (values == null) throw new IllegalStateException("this individual has not been evaluated yet: its fitness is invalid");
    }

    /** DEAP's fitness order: lexicographic comparison of weighted values (greater is better). */
    public static int compareFitness(Individual a, Individual b) {
        double[] x = a.wvalues(), y = b.wvalues();
        for (int i = 0; i < x.length; i++) {
            int c = Double.compare(x[i], y[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    /** DEAP's Fitness.dominates on weighted values: not worse in any objective and better in one. */
    public static boolean dominates(Individual a, Individual b) {
        double[] x = a.wvalues(), y = b.wvalues();
        boolean better = false;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > y[i]) better = true;
            else if (x[i] < y[i]) return false;
        }
        return better;
    }

    /** Same genes (DEAP's default HallOfFame similarity, list equality). */
    public boolean sameGenes(Individual o) {
        return Arrays.equals(genes, o.genes);
    }

    @Override
    public String toString() {
        return Arrays.toString(genes) + (values == null ? " (not evaluated)" : " fitness=" + Arrays.toString(values));
    }
}
