package org.tunebook.evolution;

/** A single-objective fitness of a genome (the seed's {@code getAccuracy(individual)}). */
@FunctionalInterface
public interface Fitness {
    double evaluate(Genes genes) throws Exception;
}
