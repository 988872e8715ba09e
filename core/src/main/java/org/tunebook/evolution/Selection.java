package org.tunebook.evolution;

import java.util.List;

/** Chooses k individuals from a population (evaluated); may return the same individual several times. */
@FunctionalInterface
public interface Selection {
    List<Individual> select(List<Individual> population, int k, Rng rng);
}
