package org.tunebook.pruner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.CRC32;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

/**
 * Hyperband (Li et al. 2018) as Optuna's HyperbandPruner: several successive-halving brackets with
 * increasingly late first rungs; each trial is assigned to a bracket by a hash of the study name and its
 * number (so every worker agrees), in proportion to the brackets' budgets, and competes only with the trials
 * of its bracket.
 */
public final class HyperbandPruner implements Pruner {
    private final int minResource;
    private final Integer maxResourceGiven; // null: "auto", the longest COMPLETE trial's last step + 1
    private final int reductionFactor;
    private final int bootstrapCount;
    private volatile Brackets brackets;

    private record Brackets(List<SuccessiveHalvingPruner> pruners, int[] budgets, int total) {
    }

    /** Optuna's defaults: min resource 1, max resource auto, reduction factor 3. */
    public HyperbandPruner() {
        this(1, null, 3, 0);
    }

    /**
     * @param minResource     steps of the first rung of the most aggressive bracket (>= 1)
     * @param maxResource     the longest a trial runs, in steps; null for "auto"
     * @param reductionFactor >= 2
     * @param bootstrapCount  see {@link SuccessiveHalvingPruner}; needs an explicit maxResource
     */
    public HyperbandPruner(int minResource, Integer maxResource, int reductionFactor, int bootstrapCount) {
        if (minResource < 1) throw new IllegalArgumentException("minResource must be >= 1, got " + minResource);
        if (maxResource != null && maxResource < minResource) {
            throw new IllegalArgumentException("maxResource (" + maxResource + ") must be >= minResource (" + minResource + ")");
        }
        if (reductionFactor < 2) throw new IllegalArgumentException("reductionFactor must be >= 2, got " + reductionFactor);
        if (bootstrapCount > 0 && maxResource == null) {
            throw new IllegalArgumentException("bootstrapCount > 0 needs an explicit maxResource: give maxResource or set bootstrapCount to 0");
        }
        this.minResource = minResource;
        this.maxResourceGiven = maxResource;
        this.reductionFactor = reductionFactor;
        this.bootstrapCount = bootstrapCount;
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        Brackets b = brackets(study);
        if (b == null) return false;
        int id = bracketOf(study.name(), trial.number(), b);
        SuccessiveHalvingPruner sha = b.pruners.get(id);
        return sha.prune(study, trial, () -> {
            List<FrozenTrial> mine = new ArrayList<>();
            for (FrozenTrial t : study.trials()) if (bracketOf(study.name(), t.number(), b) == id) mine.add(t);
            return mine;
        });
    }

    /** The number of brackets, once known (0 before the max resource is known). */
    public int nBrackets(Study study) {
        Brackets b = brackets(study);
        return b == null ? 0 : b.pruners.size();
    }

    /** The bracket a trial number belongs to in a study (-1 before the max resource is known). */
    public int bracketOf(Study study, int trialNumber) {
        Brackets b = brackets(study);
        return b == null ? -1 : bracketOf(study.name(), trialNumber, b);
    }

    private Brackets brackets(Study study) {
        Brackets b = brackets;
        if (b != null) return b;
        synchronized (this) {
            if (brackets != null) return brackets;
            int max;
            if (maxResourceGiven != null) {
                max = maxResourceGiven;
            } else {
                int last = -1;
                for (FrozenTrial t : study.trials(EnumSet.of(TrialState.COMPLETE))) last = Math.max(last, t.lastStep());
                if (last < 0) return null;
                max = last + 1;
            }
            int n = (int) Math.floor(Math.log((double) max / minResource) / Math.log(reductionFactor)) + 1;
            n = Math.max(n, 1);
            List<SuccessiveHalvingPruner> pruners = new ArrayList<>();
            int[] budgets = new int[n];
            int total = 0;
            for (int id = 0; id < n; id++) {
                int s = n - 1 - id;
                budgets[id] = (int) Math.ceil(n * Math.pow(reductionFactor, s) / (s + 1));
                total += budgets[id];
                pruners.add(new SuccessiveHalvingPruner(minResource, reductionFactor, id, bootstrapCount));
            }
            brackets = new Brackets(pruners, budgets, total);
            return brackets;
        }
    }

    private static int bracketOf(String studyName, int number, Brackets b) {
        CRC32 crc = new CRC32();
        crc.update((studyName + "_" + number).getBytes(StandardCharsets.UTF_8));
        long n = crc.getValue() % b.total;
        for (int id = 0; id < b.budgets.length; id++) {
            n -= b.budgets[id];
            if (n < 0) return id;
        }
        return b.budgets.length - 1;
    }

    @Override
    public String toString() {
        return "hyperband(minResource=" + minResource + ", maxResource=" + (maxResourceGiven == null ? "auto" : maxResourceGiven)
                + ", reductionFactor=" + reductionFactor + ")";
    }
}
