package org.tunebook.sampler.tpe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tunebook.space.Distribution;
import org.tunebook.study.FrozenTrial;

/** Search spaces inferred from finished trials of a define-by-run study. */
public final class SearchSpaces {
    private SearchSpaces() {
    }

    /**
     * The parameters every given trial has, with the same distribution, sorted by name (single-valued
     * distributions left out: there is nothing to sample).
     */
    public static Map<String, Distribution> intersection(List<FrozenTrial> trials) {
        Map<String, Distribution> space = null;
        for (FrozenTrial t : trials) {
            if (space == null) {
                space = new TreeMap<>(t.distributions());
            } else {
                space.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
            }
            if (space.isEmpty()) break;
        }
        if (space == null) return Map.of();
        space.values().removeIf(Distribution::isSingle);
        return new LinkedHashMap<>(space);
    }

    /**
     * {@link #intersection} kept up to date as trials finish: each finished trial is folded in once (the
     * intersection only shrinks), so a proposal costs a pass over trial numbers instead of over every parameter.
     */
    public static final class IncrementalIntersection {
        private final java.util.BitSet folded = new java.util.BitSet();
        private TreeMap<String, Distribution> space; // null until the first trial

        /** The intersection over every trial given so far (and before), singles left out. */
        public synchronized Map<String, Distribution> update(List<FrozenTrial> finished) {
            for (FrozenTrial t : finished) fold(t);
            return current();
        }

        /**
         * {@link #update(List)} with the finished trials of {@code trials} other than {@code excludeTrialId}, read
         * through the list's arrays: a trial folded before is not read again.
         */
        public synchronized Map<String, Distribution> update(org.tunebook.study.TrialList trials, long excludeTrialId) {
            for (int i = 0; i < trials.size(); i++) {
                if (folded.get(trials.number(i)) || trials.state(i) == org.tunebook.study.TrialState.RUNNING
                        || trials.trialId(i) == excludeTrialId) continue;
                fold(trials.get(i));
            }
            return current();
        }

        private void fold(FrozenTrial t) {
            if (folded.get(t.number())) return;
            folded.set(t.number());
            if (space == null) {
                space = new TreeMap<>(t.distributions());
            } else {
                space.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
            }
        }

        private Map<String, Distribution> current() {
            Map<String, Distribution> out = new LinkedHashMap<>();
            if (space != null) space.forEach((name, d) -> {
                if (!d.isSingle()) out.put(name, d);
            });
            return out;
        }
    }

    /**
     * Groups of parameters that always occur together: each trial's parameter set splits every known group into
     * the part it has and the part it lacks, and its new parameters form a group of their own. For seed 001's
     * space this gives {model_type}, the SVM group, the logistic-regression group and the tree group.
     * Names are sorted within a group; a parameter whose distribution changes between trials is dropped.
     */
    public static List<Map<String, Distribution>> groups(List<FrozenTrial> trials) {
        List<Set<String>> groups = new ArrayList<>();
        Map<String, Distribution> known = new LinkedHashMap<>();
        Set<String> conflicting = new LinkedHashSet<>();
        for (FrozenTrial t : trials) {
            Set<String> keys = new LinkedHashSet<>();
            for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
                if (e.getValue().isSingle()) continue;
                Distribution prior = known.putIfAbsent(e.getKey(), e.getValue());
                if (prior != null && !prior.equals(e.getValue())) conflicting.add(e.getKey());
                keys.add(e.getKey());
            }
            List<Set<String>> next = new ArrayList<>();
            Set<String> fresh = new LinkedHashSet<>(keys);
            for (Set<String> g : groups) {
                Set<String> in = new LinkedHashSet<>(g);
                in.retainAll(keys);
                Set<String> out = new LinkedHashSet<>(g);
                out.removeAll(keys);
                if (!in.isEmpty()) next.add(in);
                if (!out.isEmpty()) next.add(out);
                fresh.removeAll(g);
            }
            if (!fresh.isEmpty()) next.add(fresh);
            groups = next;
        }
        List<Map<String, Distribution>> out = new ArrayList<>();
        for (Set<String> g : groups) {
            Map<String, Distribution> m = new TreeMap<>();
            for (String name : g) if (!conflicting.contains(name)) m.put(name, known.get(name));
            if (!m.isEmpty()) out.add(new LinkedHashMap<>(m));
        }
        return out;
    }
}
