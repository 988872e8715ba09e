package org.tunebook.evolution;

/** Mutates a genome in place; {@code low} / {@code up} are the genes' bounds. */
@FunctionalInterface
public interface Mutation {
    void mutate(double[] x, double[] low, double[] up, Rng rng);
}
