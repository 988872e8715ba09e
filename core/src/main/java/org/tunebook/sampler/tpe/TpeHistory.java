package org.tunebook.sampler.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.TrialList;
import org.tunebook.study.TrialState;

/**
 * What a TPE sampler keeps about one study between proposals. Finished trials never change, so each one is
 * folded in once, when a proposal first sees it finished in the storage's trial list: its objective key goes into
 * an ordered list (the below/above split), and for each search space in use its row of internal values goes into
 * per-parameter ascending lists (the kernels' neighbours). A proposal then costs passes over the trial list and
 * over those ordered lists instead of sorting every observation again.
 * <p>
 * The trial list of each proposal stays the authority: trials that other workers or processes finished are folded
 * when a list first shows them finished, and entries of trials that a (staler) list still shows RUNNING are skipped.
 * Not thread-safe: callers synchronize on the instance.
 */
final class TpeHistory {

    final Object key;
    final SearchSpaces.IncrementalIntersection intersection = new SearchSpaces.IncrementalIntersection();

    // single objective: COMPLETE trials with a value, ascending by (key, number); key = value, negated to maximize
    private final BitSet splitFolded = new BitSet();
    private double[] splitKeys = new double[64];
    private int[] splitNumbers = new int[64];
    private int splitSize;

    private final Map<List<Object>, SpaceRows> spaces = new HashMap<>();

    // finished trials' summed constraint violations (0: feasible), by number; NaN until folded
    private double[] violationByNumber = new double[0];

    private double violation(FrozenTrial t) {
        int number = t.number();
        if (number >= violationByNumber.length) {
            int old = violationByNumber.length;
            violationByNumber = Arrays.copyOf(violationByNumber, Math.max(2 * old, number + 64));
            Arrays.fill(violationByNumber, old, violationByNumber.length, Double.NaN);
        }
        double v = violationByNumber[number];
        if (Double.isNaN(v)) {
            v = org.tunebook.sampler.ConstraintsFunction.violation(t);
            violationByNumber[number] = v;
        }
        return v;
    }

    // what a finished trial is for the split, by number (finished trials never change): read once per trial, so a
    // proposal does not reach into every trial's values and attributes again
    private static final byte UNSEEN = 0, INFEASIBLE = 1, COMPLETE = 2, PRUNED = 3, OTHER = 4;
    private byte[] classByNumber = new byte[0];

    private byte classify(FrozenTrial t, TrialState s, List<Direction> directions) {
        int number = t.number();
        if (number >= classByNumber.length) classByNumber = Arrays.copyOf(classByNumber, Math.max(2 * classByNumber.length, number + 64));
        byte c = classByNumber[number];
        if (c != UNSEEN) return c;
        if (violation(t) > 0) { // infeasible (Optuna: whatever the state), ranked after every feasible trial
            c = INFEASIBLE;
        } else if (s == TrialState.COMPLETE && t.values().size() == directions.size()) {
            c = COMPLETE;
            if (directions.size() == 1) foldSplit(t, directions.get(0));
        } else if (s == TrialState.PRUNED) {
            c = PRUNED;
        } else {
            c = OTHER;
        }
        classByNumber[number] = c;
        return c;
    }

    TpeHistory(Object key) {
        this.key = key;
    }

    /**
     * The observations of one proposal as columns, kernels in trial-number order: l's in internal values, g's in
     * kernel space (logarithms for numerical log ranges).
     */
    static final class Groups {
        final double[][] below; // [parameter][kernel]
        final double[][] above;
        final int nBelow, nAbove;
        final int[][] aboveOrder; // per numerical parameter: the above kernels by ascending kernel-space value; null else
        final int[] belowNumbers, aboveNumbers; // the trial of each kernel

        Groups(double[][] below, int nBelow, double[][] above, int nAbove, int[][] aboveOrder, int[] belowNumbers, int[] aboveNumbers) {
            this.below = below;
            this.nBelow = nBelow;
            this.above = above;
            this.nAbove = nAbove;
            this.aboveOrder = aboveOrder;
            this.belowNumbers = belowNumbers;
            this.aboveNumbers = aboveNumbers;
        }
    }

    /** Internal rows of the finished trials for one search space, and each numerical parameter's ascending order. */
    private static final class SpaceRows {
        final List<String> names;
        final List<Distribution> dists;
        final boolean[] numeric;
        final boolean[] log;
        final BitSet folded = new BitSet();
        double[][] rowByNumber = new double[64][]; // internal values; null: folded without a row (or not folded)
        double[][] muByNumber; // [parameter][number]: the rows in kernel space (logarithms for log ranges)
        double[][] sortedMu; // [parameter][i], kernel-space values (log for log ranges)
        int[][] sortedNumber;
        int size;

        SpaceRows(List<String> names, List<Distribution> dists) {
            this.names = names;
            this.dists = dists;
            int d = dists.size();
            numeric = new boolean[d];
            log = new boolean[d];
            muByNumber = new double[d][64];
            sortedMu = new double[d][];
            sortedNumber = new int[d][];
            for (int j = 0; j < d; j++) {
                Distribution dist = dists.get(j);
                numeric[j] = !(dist instanceof CategoricalDistribution);
                log[j] = dist instanceof FloatDistribution f ? f.log() : dist instanceof IntDistribution i && i.log();
                if (numeric[j]) {
                    sortedMu[j] = new double[64];
                    sortedNumber[j] = new int[64];
                }
            }
        }

        void fold(FrozenTrial t) {
            int number = t.number();
            if (folded.get(number)) return;
            folded.set(number);
            double[] row = TpeSampler.row(t, names, dists);
            if (row == null) return;
            if (number >= rowByNumber.length) {
                rowByNumber = Arrays.copyOf(rowByNumber, Math.max(2 * rowByNumber.length, number + 1));
                for (int j = 0; j < muByNumber.length; j++) muByNumber[j] = Arrays.copyOf(muByNumber[j], rowByNumber.length);
            }
            rowByNumber[number] = row;
            double[] muRow = kernelSpace(row);
            for (int j = 0; j < row.length; j++) muByNumber[j][number] = muRow[j];
            for (int j = 0; j < row.length; j++) {
                if (!numeric[j]) continue;
                if (size == sortedMu[j].length) {
                    sortedMu[j] = Arrays.copyOf(sortedMu[j], 2 * size);
                    sortedNumber[j] = Arrays.copyOf(sortedNumber[j], 2 * size);
                }
                double v = muRow[j];
                int at = insertionPoint(sortedMu[j], sortedNumber[j], size, v, number);
                System.arraycopy(sortedMu[j], at, sortedMu[j], at + 1, size - at);
                System.arraycopy(sortedNumber[j], at, sortedNumber[j], at + 1, size - at);
                sortedMu[j][at] = v;
                sortedNumber[j][at] = number;
            }
            size++;
        }

        double[] row(int number) {
            return number < rowByNumber.length ? rowByNumber[number] : null;
        }

        double[] kernelSpace(double[] row) {
            double[] out = row.clone();
            for (int j = 0; j < out.length; j++) if (log[j]) out[j] = Math.log(out[j]);
            return out;
        }
    }

    /**
     * Where (v, number) goes in a list ascending by value, then by number. Values compare with {@code <}, so
     * -0.0 and 0.0 tie (as in {@link ParzenEstimator#argsort}).
     */
    static int insertionPoint(double[] mu, int[] numbers, int size, double v, int number) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double m = mu[mid];
            boolean before = m < v || !(v < m) && numbers[mid] < number;
            if (before) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private void foldSplit(FrozenTrial t, Direction d) {
        int number = t.number();
        if (splitFolded.get(number)) return;
        splitFolded.set(number);
        if (splitSize == splitKeys.length) {
            splitKeys = Arrays.copyOf(splitKeys, 2 * splitSize);
            splitNumbers = Arrays.copyOf(splitNumbers, 2 * splitSize);
        }
        double v = t.values().get(0);
        double key = d == Direction.MINIMIZE ? v : -v;
        int at = insertionPoint(splitKeys, splitNumbers, splitSize, key, number);
        System.arraycopy(splitKeys, at, splitKeys, at + 1, splitSize - at);
        System.arraycopy(splitNumbers, at, splitNumbers, at + 1, splitSize - at);
        splitKeys[at] = key;
        splitNumbers[at] = number;
        splitSize++;
    }

    private SpaceRows rows(List<String> names, List<Distribution> dists) {
        List<Object> k = new ArrayList<>(names);
        k.addAll(dists);
        SpaceRows r = spaces.get(k);
        if (r == null) {
            if (spaces.size() >= 64) spaces.clear(); // a define-by-run study with ever new spaces: start over
            r = new SpaceRows(names, dists);
            spaces.put(k, r);
        }
        return r;
    }

    /** The trials of one proposal by number: 0 absent, 1 finished (above), 2 running (above), 3 below. */
    private static final byte ABSENT = 0, FINISHED = 1, RUNNING_ABOVE = 2, BELOW = 3;

    /** One proposal's split: each trial number's kind, and the RUNNING trials of other workers by number. */
    private record Split(byte[] kind, int maxNumber, Map<Integer, FrozenTrial> running) {
    }

    /**
     * Splits {@code trials} (COMPLETE, PRUNED and, with the constant liar, RUNNING trials in number order; not
     * {@code current}) into below and above as {@link TpeSampler} defines them, and returns both groups' rows.
     *
     * @param gamma number of below trials for a number of finished trials
     */
    Groups groups(TrialList trials, FrozenTrial current, List<String> names, List<Distribution> dists,
                  List<Direction> directions, java.util.function.IntUnaryOperator gamma) {
        SpaceRows space = rows(names, dists);
        Split split = split(trials, current, space, directions, gamma);
        return groupRows(split, space, names, dists, trials.size());
    }

    /**
     * Which trials are below: the best {@code gamma(finished)} COMPLETE feasible ones (by value, or by non-dominated
     * fronts for several objectives), then pruned ones by the step they reached, then the least infeasible ones.
     * Numbers, ids and states come from the list's arrays: a trial object is read only when it is new to this
     * history or needed in a list below.
     */
    private Split split(TrialList trials, FrozenTrial current, SpaceRows space, List<Direction> directions,
                        java.util.function.IntUnaryOperator gamma) {
        boolean multi = directions.size() > 1;
        int size = trials.size();
        int maxNumber = 0;
        for (int i = 0; i < size; i++) maxNumber = Math.max(maxNumber, trials.number(i)); // number order, unless a storage is not
        byte[] kind = new byte[maxNumber + 1];
        int nFinished = 0, nCompleteHere = 0;
        List<FrozenTrial> completeList = multi ? new ArrayList<>() : null;
        List<FrozenTrial> pruned = new ArrayList<>();
        List<FrozenTrial> infeasible = new ArrayList<>();
        Map<Integer, FrozenTrial> running = null;
        long currentId = current.trialId();
        for (int i = 0; i < size; i++) {
            if (trials.trialId(i) == currentId) continue;
            TrialState s = trials.state(i);
            int number = trials.number(i);
            if (s == TrialState.RUNNING) {
                kind[number] = RUNNING_ABOVE;
                if (running == null) running = new HashMap<>();
                running.put(number, trials.get(i));
                continue;
            }
            if (s != TrialState.COMPLETE && s != TrialState.PRUNED) continue;
            kind[number] = FINISHED;
            nFinished++;
            if (!space.folded.get(number)) space.fold(trials.get(i));
            byte c = number < classByNumber.length ? classByNumber[number] : UNSEEN;
            if (c == UNSEEN) c = classify(trials.get(i), s, directions);
            switch (c) {
                case INFEASIBLE -> infeasible.add(trials.get(i));
                case COMPLETE -> {
                    nCompleteHere++;
                    if (multi) completeList.add(trials.get(i));
                }
                case PRUNED -> pruned.add(trials.get(i));
                default -> {
                }
            }
        }
        int nBelow = gamma.applyAsInt(nFinished);
        int k = Math.max(0, Math.min(nBelow, nCompleteHere));
        if (multi) {
            // pruning is single-objective only: stray PRUNED trials stay in "above"
            for (FrozenTrial t : TpeSampler.splitMultiObjective(completeList, directions, k)) kind[t.number()] = BELOW;
        } else {
            int taken = 0;
            for (int i = 0; i < splitSize && taken < k; i++) {
                int number = splitNumbers[i];
                if (number <= maxNumber && kind[number] == FINISHED) {
                    kind[number] = BELOW;
                    taken++;
                }
            }
            int kPruned = Math.max(0, Math.min(nBelow - k, pruned.size()));
            if (kPruned > 0) {
                pruned.sort(TpeSampler.prunedOrder(directions.get(0)));
                for (FrozenTrial t : pruned.subList(0, kPruned)) kind[t.number()] = BELOW;
            }
            k += kPruned;
        }
        int kInfeasible = Math.max(0, Math.min(nBelow - k, infeasible.size()));
        if (kInfeasible > 0) { // the least violating ones (a stable sort: ties to the earlier trial)
            infeasible.sort(java.util.Comparator.comparingDouble(this::violation));
            for (FrozenTrial t : infeasible.subList(0, kInfeasible)) kind[t.number()] = BELOW;
        }
        return new Split(kind, maxNumber, running);
    }

    /** Both groups' rows in trial order (the list's order), and the above kernels' order per numerical parameter. */
    private static Groups groupRows(Split split, SpaceRows space, List<String> names, List<Distribution> dists, int listSize) {
        byte[] kind = split.kind();
        int maxNumber = split.maxNumber();
        int d = names.size();
        int[] aboveIndex = new int[maxNumber + 1];
        int[] aboveNumbers = new int[listSize];
        List<double[]> belowRows = new ArrayList<>();
        List<Integer> belowNumbers = new ArrayList<>();
        int nAbove = 0;
        double[][] aboveCols = new double[d][listSize];
        List<double[]> runningRows = new ArrayList<>();
        List<Integer> runningIndex = new ArrayList<>();
        for (int number = 0; number <= maxNumber; number++) {
            byte kd = kind[number];
            if (kd == BELOW) {
                double[] row = space.row(number);
                if (row != null) {
                    belowRows.add(row);
                    belowNumbers.add(number);
                }
                continue;
            }
            if (kd == FINISHED) {
                if (space.row(number) == null) continue;
                for (int j = 0; j < d; j++) aboveCols[j][nAbove] = space.muByNumber[j][number];
            } else if (kd == RUNNING_ABOVE) {
                double[] row = TpeSampler.row(split.running().get(number), names, dists);
                if (row == null) continue;
                row = space.kernelSpace(row);
                runningRows.add(row);
                runningIndex.add(nAbove);
                for (int j = 0; j < d; j++) aboveCols[j][nAbove] = row[j];
            } else {
                continue;
            }
            aboveIndex[number] = nAbove;
            aboveNumbers[nAbove] = number;
            nAbove++;
        }
        double[][] belowCols = new double[d][belowRows.size()];
        for (int i = 0; i < belowRows.size(); i++) {
            double[] row = belowRows.get(i);
            for (int j = 0; j < d; j++) belowCols[j][i] = row[j];
        }
        int[][] aboveOrder = new int[d][];
        for (int j = 0; j < d; j++) {
            if (space.numeric[j]) aboveOrder[j] = aboveOrder(space, j, split, aboveIndex, nAbove, runningRows, runningIndex);
        }
        return new Groups(belowCols, belowRows.size(), aboveCols, nAbove, aboveOrder,
                belowNumbers.stream().mapToInt(Integer::intValue).toArray(), Arrays.copyOf(aboveNumbers, nAbove));
    }

    /**
     * The above kernels by ascending value of parameter {@code j}: the finished ones from the folded sorted list,
     * merged with the (few) running ones.
     */
    private static int[] aboveOrder(SpaceRows space, int j, Split split, int[] aboveIndex, int nAbove,
                                    List<double[]> runningRows, List<Integer> runningIndex) {
        byte[] kind = split.kind();
        int maxNumber = split.maxNumber();
        int[] order = new int[nAbove];
        int nRun = runningRows.size();
        double[] runMu = new double[nRun];
        int[] runIdx = new int[nRun];
        for (int r = 0; r < nRun; r++) {
            double v = runningRows.get(r)[j];
            int idx = runningIndex.get(r);
            int at = insertionPoint(runMu, runIdx, r, v, idx);
            System.arraycopy(runMu, at, runMu, at + 1, r - at);
            System.arraycopy(runIdx, at, runIdx, at + 1, r - at);
            runMu[at] = v;
            runIdx[at] = idx;
        }
        double[] mu = space.sortedMu[j];
        int[] num = space.sortedNumber[j];
        int o = 0, r = 0;
        for (int i = 0; i < space.size; i++) {
            int number = num[i];
            if (number > maxNumber || kind[number] != FINISHED || space.rowByNumber[number] == null) continue;
            int idx = aboveIndex[number];
            double v = mu[i];
            // running kernels that sort before this one: smaller value, or the same value and an earlier kernel
            while (r < nRun && (runMu[r] < v || !(v < runMu[r]) && runIdx[r] < idx)) order[o++] = runIdx[r++];
            order[o++] = idx;
        }
        while (r < nRun) order[o++] = runIdx[r++];
        if (o != nAbove) throw new IllegalStateException("TPE history out of step: " + o + " ordered kernels for " + nAbove);
        return order;
    }
}
