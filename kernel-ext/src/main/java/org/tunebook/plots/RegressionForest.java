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
        // every feature's rows in increasing order, once; each tree keeps its bootstrap rows in these orders
        int[][] order = new int[d][];
        for (int f = 0; f < d; f++) {
            final int ff = f;
            order[f] = java.util.stream.IntStream.range(0, n).boxed().sorted((a, b) -> Double.compare(x[a][ff], x[b][ff]))
                    .mapToInt(Integer::intValue).toArray();
        }
        List<Tree> trees = new ArrayList<>();
        for (int t = 0; t < nTrees; t++) {
            int[] count = new int[n];
            for (int i = 0; i < n; i++) count[rng.nextInt(n)]++;
            int oobCount = 0;
            for (int c : count) if (c == 0) oobCount++;
            int[] oob = new int[oobCount];
            for (int i = 0, k = 0; i < n; i++) if (count[i] == 0) oob[k++] = i;
            int[][] sorted = new int[d][n];
            for (int f = 0; f < d; f++) {
                int k = 0;
                for (int r : order[f]) for (int c = 0; c < count[r]; c++) sorted[f][k++] = r;
            }
            List<double[]> nodes = new ArrayList<>();
            new Grower(x, y, sorted, maxDepth, minLeaf, Math.max(1, Math.min(d, mtry)), rng.split(), nodes).grow(0, n, 0);
            trees.add(new Tree(nodes, oob));
        }
        return new RegressionForest(trees, d);
    }

    /** Grows one tree over rows kept sorted by every feature (CART with presorting: O(n d) per level). */
    private static final class Grower {
        final double[][] x;
        final double[] y;
        final int[][] sorted;
        final int maxDepth;
        final int minLeaf;
        final int mtry;
        final SplittableRandom rng;
        final List<double[]> nodes;
        final int[] buffer;
        final boolean[] left;

        Grower(double[][] x, double[] y, int[][] sorted, int maxDepth, int minLeaf, int mtry, SplittableRandom rng, List<double[]> nodes) {
            this.x = x;
            this.y = y;
            this.sorted = sorted;
            this.maxDepth = maxDepth;
            this.minLeaf = minLeaf;
            this.mtry = mtry;
            this.rng = rng;
            this.nodes = nodes;
            this.buffer = new int[sorted[0].length];
            this.left = new boolean[y.length];
        }

        int grow(int from, int to, int depth) {
            int n = to - from;
            int d = sorted.length;
            int[] rows = sorted[0];
            double sum = 0;
            double sumSq = 0;
            for (int i = from; i < to; i++) {
                double v = y[rows[i]];
                sum += v;
                sumSq += v * v;
            }
            int me = nodes.size();
            nodes.add(new double[]{-1, 0, -1, -1, sum / n});
            double sse = sumSq - sum * sum / n;
            if (depth >= maxDepth || n < 2 * minLeaf || sse <= 1e-12 * Math.max(1, Math.abs(sumSq))) return me;
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
            for (int fi = 0; fi < mtry; fi++) {
                int f = feats[fi];
                int[] s = sorted[f];
                if (x[s[from]][f] == x[s[to - 1]][f]) continue;
                double ls = 0;
                double lsq = 0;
                for (int i = from; i < to - 1; i++) {
                    double v = y[s[i]];
                    ls += v;
                    lsq += v * v;
                    int nl = i + 1 - from;
                    int nr = n - nl;
                    double a = x[s[i]][f];
                    double b = x[s[i + 1]][f];
                    if (nl < minLeaf || nr < minLeaf || a == b) continue;
                    double rs = sum - ls;
                    double rsq = sumSq - lsq;
                    double gain = sse - (lsq - ls * ls / nl) - (rsq - rs * rs / nr);
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestF = f;
                        bestT = (a + b) / 2;
                    }
                }
            }
            if (bestF < 0) return me;
            for (int i = from; i < to; i++) {
                int r = sorted[bestF][i];
                left[r] = x[r][bestF] <= bestT;
            }
            int mid = from;
            for (int f = 0; f < d; f++) { // stable partition keeps every feature's order
                int[] s = sorted[f];
                int l = from;
                int k = 0;
                for (int i = from; i < to; i++) {
                    if (left[s[i]]) s[l++] = s[i];
                    else buffer[k++] = s[i];
                }
                System.arraycopy(buffer, 0, s, l, k);
                mid = l;
            }
            int l = grow(from, mid, depth + 1);
            int r = grow(mid, to, depth + 1);
            double[] node = nodes.get(me);
            node[0] = bestF;
            node[1] = bestT;
            node[2] = l;
            node[3] = r;
            return me;
        }
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
