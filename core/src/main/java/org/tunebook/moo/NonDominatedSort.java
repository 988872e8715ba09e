package org.tunebook.moo;

import java.util.ArrayList;
import java.util.List;

/** Fast non-dominated sorting (Deb et al. 2002) of loss vectors: every objective is minimised. */
public final class NonDominatedSort {
    private NonDominatedSort() {
    }

    /** Whether {@code a} is no worse than {@code b} in every objective and better in one (minimisation). */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) return false;
            if (a[i] < b[i]) better = true;
        }
        return better;
    }

    /** The front index of each point: 0 for the non-dominated ones, 1 for those dominated only by front 0, ... */
    public static int[] ranks(double[][] losses) {
        int n = losses.length;
        int[] rank = new int[n];
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) dominates.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(losses[i], losses[j])) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                } else if (dominates(losses[j], losses[i])) {
                    dominates.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < n; i++) if (dominatedBy[i] == 0) front.add(i);
        int r = 0;
        while (!front.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int i : front) {
                rank[i] = r;
                for (int j : dominates.get(i)) if (--dominatedBy[j] == 0) next.add(j);
            }
            front = next;
            r++;
        }
        return rank;
    }

    /** Indices of the non-dominated points (duplicates all kept), in input order. */
    public static List<Integer> front(double[][] losses) {
        int[] r = ranks(losses);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < r.length; i++) if (r[i] == 0) out.add(i);
        return out;
    }
}
