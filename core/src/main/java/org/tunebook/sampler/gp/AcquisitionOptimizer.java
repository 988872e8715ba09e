package org.tunebook.sampler.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Maximizes an acquisition over a {@link UnitCube}: scores many random configurations plus perturbations of
 * the best observed ones, then refines the best few by a pattern search (continuous coordinates by shrinking
 * steps, integer coordinates by one grid step, categoricals by trying every other choice), the analogue of
 * scikit-optimize's "lbfgs" acquisition optimizer for mixed spaces. Every scored point is projected onto a real
 * configuration, and configurations in the excluded set (evaluated or pending) are never returned.
 */
final class AcquisitionOptimizer {

    /** How hard to search. */
    record Settings(int randomCandidates, int localCandidates, int refineStarts, int maxRefineEvaluations) {
        static Settings defaults() {
            return new Settings(2000, 500, 5, 300);
        }
    }

    /** A proposal: the projected unit point, its acquisition score, and the model's mean there. */
    record Proposal(double[] u, double score, double mean) {
    }

    private final UnitCube cube;
    private final GaussianProcess model;
    private final double best;
    private final double xi;
    private final double kappa;
    private final Set<String> excluded;
    private final Settings settings;

    AcquisitionOptimizer(UnitCube cube, GaussianProcess model, double best, double xi, double kappa, Set<String> excluded,
                         Settings settings) {
        this.cube = cube;
        this.model = model;
        this.best = best;
        this.xi = xi;
        this.kappa = kappa;
        this.excluded = excluded;
        this.settings = settings;
    }

    /**
     * The best configuration for each acquisition in {@code acqs} (EI, PI or LCB), or null entries when every
     * candidate is excluded.
     *
     * @param incumbents unit points of the best observations, best first (centres of the local candidates)
     */
    Proposal[] optimize(List<Acquisition> acqs, List<double[]> incumbents, SplittableRandom rng) {
        List<double[]> cands = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < settings.randomCandidates(); i++) add(cube.random(rng), cands, seen);
        if (!incumbents.isEmpty()) {
            int[] vars = cube.variableParameters();
            double[] scales = {0.2, 0.05, 0.01};
            for (int i = 0; i < settings.localCandidates(); i++) {
                double[] c = incumbents.get(i % Math.min(incumbents.size(), 5)).clone();
                double scale = scales[rng.nextInt(scales.length)];
                boolean changed = false;
                for (int p : vars) {
                    if (cube.isContinuous(p)) {
                        c[cube.offset(p)] += scale * rng.nextGaussian();
                        changed = true;
                    } else if (rng.nextInt(vars.length) == 0) {
                        List<double[]> nb = cube.discreteNeighbours(c, p);
                        if (!nb.isEmpty()) {
                            c = nb.get(rng.nextInt(nb.size()));
                            changed = true;
                        }
                    }
                }
                if (!changed && vars.length > 0) {
                    int p = vars[rng.nextInt(vars.length)];
                    List<double[]> nb = cube.discreteNeighbours(c, p);
                    if (!nb.isEmpty()) c = nb.get(rng.nextInt(nb.size()));
                }
                cube.project(c);
                add(c, cands, seen);
            }
        }
        int m = cands.size();
        double[] mu = new double[m], sd = new double[m];
        model.predict(cands.toArray(new double[0][]), mu, sd);
        Proposal[] out = new Proposal[acqs.size()];
        for (int a = 0; a < acqs.size(); a++) {
            Acquisition acq = acqs.get(a);
            Integer[] order = new Integer[m];
            double[] score = new double[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
                score[i] = acq.score(mu[i], sd[i], best, xi, kappa);
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingDouble(i -> mu[i]));
            Proposal top = null;
            for (int k = 0; k < Math.min(settings.refineStarts(), m); k++) {
                int i = order[k];
                Proposal p = refine(acq, cands.get(i), score[i], mu[i]);
                if (top == null || p.score() > top.score() || p.score() == top.score() && p.mean() < top.mean()) top = p;
            }
            out[a] = top;
        }
        return out;
    }

    private void add(double[] u, List<double[]> cands, Set<String> seen) {
        String k = cube.key(u);
        if (!excluded.contains(k) && seen.add(k)) cands.add(u);
    }

    /**
     * Pattern search from a start point: each round polls every continuous coordinate at +-step and, after a move,
     * every discrete neighbour, scores the polls in one batch and moves to the best improving one; the step grows
     * after a move and halves after a failed round.
     */
    private Proposal refine(Acquisition acq, double[] start, double startScore, double startMean) {
        double[] cur = start.clone();
        double cs = startScore, cm = startMean;
        int[] vars = cube.variableParameters();
        int evals = 0;
        double step = 0.05;
        boolean discreteDone = false;
        while (step > 1e-4 && evals < settings.maxRefineEvaluations()) {
            List<double[]> polls = new ArrayList<>();
            for (int p : vars) {
                if (cube.isContinuous(p)) {
                    int o = cube.offset(p);
                    for (int sgn = -1; sgn <= 1; sgn += 2) {
                        double[] t = cur.clone();
                        t[o] = Math.min(1, Math.max(0, t[o] + sgn * step));
                        if (t[o] != cur[o] && !excluded.contains(cube.key(t))) polls.add(t);
                    }
                } else if (!discreteDone) {
                    for (double[] t : cube.discreteNeighbours(cur, p)) if (!excluded.contains(cube.key(t))) polls.add(t);
                }
            }
            boolean improved = false;
            if (!polls.isEmpty()) {
                double[][] batch = polls.toArray(new double[0][]);
                double[] mu = new double[batch.length], sd = new double[batch.length];
                model.predict(batch, mu, sd);
                evals += batch.length;
                int bestPoll = -1;
                for (int i = 0; i < batch.length; i++) {
                    double v = acq.score(mu[i], sd[i], best, xi, kappa);
                    if (v > cs) {
                        cs = v;
                        cm = mu[i];
                        bestPoll = i;
                    }
                }
                if (bestPoll >= 0) {
                    cur = batch[bestPoll];
                    improved = true;
                }
            }
            if (improved) {
                discreteDone = false;
                step = Math.min(0.2, step * 1.5);
            } else {
                discreteDone = true;
                step *= 0.5;
            }
        }
        return new Proposal(cur, cs, cm);
    }
}
