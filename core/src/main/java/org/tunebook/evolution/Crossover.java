package org.tunebook.evolution;

/** Mates two genomes in place; {@code low} / {@code up} are the genes' bounds. */
@FunctionalInterface
public interface Crossover {
    void mate(double[] a, double[] b, double[] low, double[] up, Rng rng);
}
