package org.tunebook.study;

import java.util.ArrayList;
import java.util.List;

/** Non-dominated trials of a multi-objective study. */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** Trials not dominated by any other (with ties in every objective all kept), in input order. */
    public static List<FrozenTrial> of(List<FrozenTrial> trials, List<Direction> directions) {
        List<FrozenTrial> front = new ArrayList<>();
        for (FrozenTrial a : trials) {
            boolean dominated = false;
            for (FrozenTrial b : trials) {
                if (a != b && dominates(b.values(), a.values(), directions)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) front.add(a);
        }
        return front;
    }

    /** Whether {@code a} is at least as good as {@code b} in every objective and better in one. */
    public static boolean dominates(List<Double> a, List<Double> b, List<Direction> directions) {
        boolean better = false;
        for (int i = 0; i < directions.size(); i++) {
            Direction d = directions.get(i);
            if (d.isBetter(b.get(i), a.get(i))) return false;
            if (d.isBetter(a.get(i), b.get(i))) better = true;
        }
        return better;
    }
}
