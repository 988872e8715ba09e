package org.tunebook.evolution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The best individuals ever seen, best first, as copies; no two with the same genes (DEAP's HallOfFame with
 * its default similarity). An individual enters when the hall is not full or when it is better than the
 * worst member; among equal fitnesses the newer one is placed first, as DEAP does.
 */
public final class HallOfFame {
    private final int maxsize;
    private final List<Individual> items = new ArrayList<>();

    public HallOfFame(int maxsize) {
        if (maxsize < 0) throw new IllegalArgumentException("hall of fame size must be >= 0, got " + maxsize);
        this.maxsize = maxsize;
    }

    /** Offers every individual of a population (evaluated) in order. */
    public void update(List<Individual> population) {
        for (Individual ind : population) {
            if (items.isEmpty() && maxsize != 0) {
                insert(population.get(0));
                continue;
            }
            if (maxsize == 0) continue;
            if (Individual.compareFitness(ind, items.get(items.size() - 1)) > 0 || items.size() < maxsize) {
                boolean similar = false;
                for (Individual h : items) {
                    if (ind.sameGenes(h)) {
                        similar = true;
                        break;
                    }
                }
                if (!similar) {
                    if (items.size() >= maxsize) items.remove(items.size() - 1);
                    insert(ind);
                }
            }
        }
    }

    private void insert(Individual ind) {
        int pos = 0;
        while (pos < items.size() && Individual.compareFitness(items.get(pos), ind) > 0) pos++;
        items.add(pos, ind.copy());
    }

    /** The members, best first (copies owned by the hall: do not modify). */
    public List<Individual> items() {
        return Collections.unmodifiableList(items);
    }

    public Individual get(int i) {
        return items.get(i);
    }

    public int size() {
        return items.size();
    }

    public int maxsize() {
        return maxsize;
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
