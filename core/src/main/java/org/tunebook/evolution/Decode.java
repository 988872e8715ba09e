package org.tunebook.evolution;

import java.util.ArrayList;
import java.util.List;

/**
 * Helpers to turn bounded real genes into model settings, as the seed's {@code convertParams} does with
 * Python's {@code round}, {@code floor} and {@code numpy.power(10, x)}.
 */
public final class Decode {
    private Decode() {
    }

    /** Python's {@code round(x)}: to the nearest integer, halves to even. */
    public static int round(double x) {
        return (int) Math.rint(x);
    }

    /** {@code math.floor(x)} as an int. */
    public static int floor(double x) {
        return (int) Math.floor(x);
    }

    /** {@code 10^x} (a learning rate from a log10 gene). */
    public static double pow10(double x) {
        return Math.pow(10, x);
    }

    /** {@code choices[floor(x)]}, x clamped to the valid indices (the seed's {@code ['sgd', 'adam'][floor(x)]}). */
    @SafeVarargs
    public static <T> T choice(double x, T... choices) {
        if (choices.length == 0) throw new IllegalArgumentException("choice needs at least one option");
        int i = Math.max(0, Math.min(choices.length - 1, floor(x)));
        return choices[i];
    }

    /**
     * Hidden layer sizes from layer genes, the seed's rule: the first gene always gives a layer (rounded); each
     * next gene adds a layer while it rounds to a positive size, and the first non-positive one ends the list.
     */
    public static List<Integer> layerSizes(double... genes) {
        if (genes.length == 0) throw new IllegalArgumentException("layerSizes needs at least one gene");
        List<Integer> sizes = new ArrayList<>();
        sizes.add(round(genes[0]));
        for (int i = 1; i < genes.length; i++) {
            if (round(genes[i]) <= 0) break;
            sizes.add(round(genes[i]));
        }
        return sizes;
    }
}
