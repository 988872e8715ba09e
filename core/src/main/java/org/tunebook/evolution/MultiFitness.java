package org.tunebook.evolution;

/** A fitness with one value per objective (for NSGA-II and other multi-objective runs). */
@FunctionalInterface
public interface MultiFitness {
    double[] evaluate(Genes genes) throws Exception;
}
