package org.tunebook.plots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small random forest for regression (Breiman): each tree grows on a bootstrap sample, splitting at every node
 * on the best of {@code mtry} randomly chosen features by variance reduction, down to {@code minLeaf} samples or
 * {@code maxDepth}. Each tree remembers its out-of-bag rows for permutation importance.
 */
final class RegressionForest {
    /** One tree in flat arrays; feature -1 marks a leaf holding {@code value}. */
    static final class Tree {
        final int[] feature;
        final double[] threshold;
        final int[] left;
        final int[] right;
        final double[] value;
        final int[] outOfBag;

        Tree(List<double[]> nodes, int[] outOfBag) {
            int n = nodes.size();
            feature = new int[n];
            threshold = new double[n];
            left = new int[n];
            right = new int[n];
            value = new double[n];
            for (int i = 0; i < n; i++) {
                double[] d = nodes.get(i);
                feature[i] = (int) d[0];
                threshold[i] = d[1];
                left[i] = (int) d[2];
                right[i] = (int) d[3];
                value[i] = d[4];
            }
            this.outOfBag = outOfBag;
        }

        double predict(double[] x) {
            int i = 0;
            while (feature[i] >= 0) i = x[feature[i]] <= threshold[i] ? left[i] : right[i];
            return value[i];
        }
    }

    final List<Tree> trees;
    final int features;

    private RegressionForest(List<Tree> trees, int features) {
        this.trees = trees;
        this.features = features;
    }

    static RegressionForest fit(double[][] x, double[] y, int nTrees, int maxDepth, int minLeaf, int mtry, long seed) {
        int n = y.length;
        int d = x[0].length;
        SplittableRandom rng = new SplittableRandom(seed);
        List<Tree> trees = new ArrayList<>();
        for (int t = 0; t < nTrees; t++) {
            int[] sample = new int[n];
            boolean[] inBag = new boolean[n];
            for (int i = 0; i < n; i++) {
                sample[i] = rng.nextInt(n);
                inBag[sample[i]] = true;
            }
            int oobCount = 0;
            for (boolean b : inBag) if (!b) oobCount++;
            int[] oob = new int[oobCount];
            for (int i = 0, k = 0; i < n; i++) if (!inBag[i]) oob[k++] = i;
            List<double[]> nodes = new ArrayList<>();
            grow(x, y, sample, 0, n, 0, maxDepth, minLeaf, Math.max(1, Math.min(d, mtry)), rng.split(), nodes);
            trees.add(new Tree(nodes, oob));
        }
        return new RegressionForest(trees, d);
    }

    /** Grows the subtree over rows idx[from, to) and returns its node index. */
    private static int grow(double[][] x, double[] y, int[] idx, int from, int to, int depth, int maxDepth, int minLeaf, int mtry,
                            SplittableRandom rng, List<double[]> nodes) {
        int n = to - from;
        double sum = 0;
        double sumSq = 0;
        for (int i = from; i < to; i++) {
            sum += y[idx[i]];
            sumSq += y[idx[i]] * y[idx[i]];
        }
        double mean = sum / n;
        int me = nodes.size();
        nodes.add(new double[]{-1, 0, -1, -1, mean});
        double sse = sumSq - sum * sum / n;
        if (depth >= maxDepth || n < 2 * minLeaf || sse <= 1e-12 * Math.max(1, Math.abs(sumSq))) return me;
        int d = x[0].length;
        int[] feats = new int[d];
        for (int i = 0; i < d; i++) feats[i] = i;
        for (int i = 0; i < mtry; i++) {
            int j = i + rng.nextInt(d - i);
            int tmp = feats[i];
            feats[i] = feats[j];
            feats[j] = tmp;
        }
        int bestF = -1;
        double bestT = 0;
        double bestGain = 1e-12;
        Integer[] order = new Integer[n];
        double[] keys = new double[n];
        for (int fi = 0; fi < mtry; fi++) {
            int f = feats[fi];
            for (int i = 0; i < n; i++) order[i] = idx[from + i];
            Arrays.sort(order, (a, b) -> Double.compare(x[a][f], x[b][f]));
            for (int i = 0; i < n; i++) keys[i] = x[order[i]][f];
            if (keys[0] == keys[n - 1]) continue;
            double ls = 0;
            double lsq = 0;
            for (int i = 0; i < n - 1; i++) {
                double v = y[order[i]];
                ls += v;
                lsq += v * v;
                int nl = i + 1;
                int nr = n - nl;
                if (nl < minLeaf || nr < minLeaf || keys[i] == keys[i + 1]) continue;
                double rs = sum - ls;
                double rsq = sumSq - lsq;
                double child = (lsq - ls * ls / nl) + (rsq - rs * rs / nr);
                double gain = sse - child;
                if (gain > bestGain) {
                    bestGain = gain;
                    bestF = f;
                    bestT = (keys[i] + keys[i + 1]) / 2;
                }
            }
        }
        if (bestF < 0) return me;
        // partition idx[from, to) by the split
        int i = from;
        int j = to - 1;
        while (i <= j) {
            if (x[idx[i]][bestF] <= bestT) i++;
            else {
                int tmp = idx[i];
                idx[i] = idx[j];
                idx[j] = tmp;
                j--;
            }
        }
        int l = grow(x, y, idx, from, i, depth + 1, maxDepth, minLeaf, mtry, rng, nodes);
        int r = grow(x, y, idx, i, to, depth + 1, maxDepth, minLeaf, mtry, rng, nodes);
        double[] node = nodes.get(me);
        node[0] = bestF;
        node[1] = bestT;
        node[2] = l;
        node[3] = r;
        return me;
    }

    double predict(double[] x) {
        double s = 0;
        for (Tree t : trees) s += t.predict(x);
        return s / trees.size();
    }

    /**
     * Out-of-bag permutation importance: for every tree and feature, the increase of the tree's mean squared error on
     * its out-of-bag rows when that feature's values are shuffled among those rows; averaged over trees.
     */
    double[] permutationImportance(double[][] x, double[] y, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] imp = new double[features];
        int used = 0;
        double[] row = new double[features];
        for (Tree t : trees) {
            int[] oob = t.outOfBag;
            if (oob.length < 2) continue;
            used++;
            double base = 0;
            for (int r : oob) {
                double e = t.predict(x[r]) - y[r];
                base += e * e;
            }
            base /= oob.length;
            int[] perm = new int[oob.length];
            for (int f = 0; f < features; f++) {
                for (int i = 0; i < oob.length; i++) perm[i] = oob[i];
                for (int i = perm.length - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int tmp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tmp;
                }
                double err = 0;
                for (int i = 0; i < oob.length; i++) {
                    System.arraycopy(x[oob[i]], 0, row, 0, features);
                    row[f] = x[perm[i]][f];
                    double e = t.predict(row) - y[oob[i]];
                    err += e * e;
                }
                imp[f] += err / oob.length - base;
            }
        }
        if (used > 0) for (int f = 0; f < features; f++) imp[f] /= used;
        return imp;
    }
}
