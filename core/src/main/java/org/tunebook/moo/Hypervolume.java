package org.tunebook.moo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.TrialState;

/**
 * The hypervolume (S-metric) of a set of points: the measure of the region they dominate up to a reference
 * point. Exact: a sort-and-sweep for two objectives, the WFG algorithm (While, Bradstreet, Barone 2012:
 * exclusive volumes over limit sets) for more.
 */
public final class Hypervolume {
    private Hypervolume() {
    }

    /**
     * Hypervolume of loss vectors (every objective minimised) with respect to {@code reference}. Points that do
     * not strictly dominate the reference in every objective add nothing.
     */
    public static double of(double[][] losses, double[] reference) {
        int m = reference.length;
        List<double[]> pts = new ArrayList<>();
        for (double[] p : losses) {
            if (p.length != m) {
                throw new IllegalArgumentException("a point has " + p.length + " objectives but the reference point has " + m
                        + ": give one reference value per objective");
            }
            boolean inside = true;
            for (int i = 0; i < m; i++) {
                if (!(p[i] < reference[i])) {
                    inside = false;
                    break;
                }
            }
            if (inside) pts.add(p.clone());
        }
        if (pts.isEmpty()) return 0;
        double[][] front = nonDominated(pts.toArray(new double[0][]));
        if (m == 1) return reference[0] - front[0][0];
        if (m == 2) return twoD(front, reference);
        return wfg(front, reference);
    }

    /**
     * Hypervolume of the COMPLETE trials of a study, with objectives in the study's directions (maximised ones
     * are negated, and so must their reference values be given in the original direction: the reference is in
     * objective units, e.g. (1.1, 1.1) for ZDT problems).
     */
    public static double ofTrials(List<FrozenTrial> trials, List<Direction> directions, double[] reference) {
        if (reference.length != directions.size()) {
            throw new IllegalArgumentException("the reference point has " + reference.length + " values but the study has "
                    + directions.size() + " objectives: give one per objective");
        }
        List<double[]> losses = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() != TrialState.COMPLETE || t.values().size() != directions.size()) continue;
            losses.add(toLoss(t.values(), directions));
        }
        double[] ref = new double[reference.length];
        for (int i = 0; i < ref.length; i++) ref[i] = directions.get(i) == Direction.MAXIMIZE ? -reference[i] : reference[i];
        return of(losses.toArray(new double[0][]), ref);
    }

    /** Objective values as losses: maximised objectives negated. */
    public static double[] toLoss(List<Double> values, List<Direction> directions) {
        double[] l = new double[values.size()];
        for (int i = 0; i < l.length; i++) l[i] = directions.get(i) == Direction.MAXIMIZE ? -values.get(i) : values.get(i);
        return l;
    }

    /** Hypervolume gained by adding {@code p} to {@code set}. */
    public static double contribution(double[][] set, double[] p, double[] reference) {
        double[][] with = Arrays.copyOf(set, set.length + 1);
        with[set.length] = p;
        return of(with, reference) - of(set, reference);
    }

    private static double[][] nonDominated(double[][] pts) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < pts.length; i++) {
            boolean dominated = false;
            for (int j = 0; j < pts.length && !dominated; j++) {
                if (j == i) continue;
                if (NonDominatedSort.dominates(pts[j], pts[i]) || j < i && Arrays.equals(pts[j], pts[i])) dominated = true;
            }
            if (!dominated) out.add(pts[i]);
        }
        return out.toArray(new double[0][]);
    }

    /** Sweep: sorted by the first objective, each point adds the slab up to the previous one's second objective. */
    private static double twoD(double[][] front, double[] ref) {
        double[][] s = front.clone();
        Arrays.sort(s, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double hv = 0, prevY = ref[1];
        for (double[] p : s) {
            if (p[1] < prevY) {
                hv += (ref[0] - p[0]) * (prevY - p[1]);
                prevY = p[1];
            }
        }
        return hv;
    }

    /** WFG on a non-dominated set. */
    private static double wfg(double[][] front, double[] ref) {
        int m = ref.length;
        if (front.length == 0) return 0;
        if (m == 2) return twoD(front, ref);
        if (front.length == 1) return box(front[0], ref);
        double[][] s = front.clone();
        // processing points in descending order of the last objective keeps limit sets small
        Arrays.sort(s, Comparator.<double[]>comparingDouble(p -> -p[m - 1]));
        double hv = 0;
        for (int k = 0; k < s.length; k++) {
            hv += exclusive(s, k, ref);
        }
        return hv;
    }

    private static double exclusive(double[][] s, int k, double[] ref) {
        double incl = box(s[k], ref);
        int rest = s.length - k - 1;
        if (rest == 0) return incl;
        double[][] limit = new double[rest][];
        for (int i = 0; i < rest; i++) {
            double[] q = s[k + 1 + i];
            double[] l = new double[ref.length];
            for (int d = 0; d < ref.length; d++) l[d] = Math.max(s[k][d], q[d]);
            limit[i] = l;
        }
        return incl - wfg(nonDominated(limit), ref);
    }

    private static double box(double[] p, double[] ref) {
        double v = 1;
        for (int d = 0; d < ref.length; d++) v *= ref[d] - p[d];
        return v;
    }
}
