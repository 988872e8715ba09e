package org.tunebook.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.tunebook.space.Distribution;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.TrialList;
import org.tunebook.study.TrialState;
import org.tunebook.util.Json;

/** Keeps everything in this JVM: fast, lost when the JVM ends. Thread-safe. */
public final class InMemoryStorage implements Storage {

    private static final class MutableTrial {
        final long trialId;
        final long studyId;
        final int number;
        TrialState state;
        double[] values;
        final Map<String, Object> params = new LinkedHashMap<>();
        final Map<String, Distribution> distributions = new LinkedHashMap<>();
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();
        final TreeMap<Integer, Double> intermediate = new TreeMap<>();
        Instant start;
        Instant complete;
        String failReason;
        FrozenTrial frozen; // cached once finished: finished trials never change

        MutableTrial(long trialId, long studyId, int number, TrialState state) {
            this.trialId = trialId;
            this.studyId = studyId;
            this.number = number;
            this.state = state;
        }

        FrozenTrial freeze() {
            if (frozen != null) return frozen;
            List<Double> vs = new ArrayList<>();
            if (values != null) for (double v : values) vs.add(v);
            FrozenTrial f = new FrozenTrial(number, trialId, state, vs, params, distributions, userAttrs, systemAttrs,
                    intermediate, start, complete, failReason);
            if (state.isFinished()) frozen = f;
            return f;
        }
    }

    /**
     * {@code waiting}: the WAITING trials in number order, so that taking one does not scan every trial.
     * {@code index}: each trial's id, state and (once finished) frozen copy by number, so that listing the trials
     * reads three arrays rather than every trial object.
     */
    private record MutableStudy(StudyInfo info, List<MutableTrial> trials, Map<String, Object> userAttrs,
                                Map<String, Object> systemAttrs, Set<String> claims, java.util.ArrayDeque<MutableTrial> waiting,
                                Index index) {
    }

    private static final class Index {
        long[] ids = new long[16];
        TrialState[] states = new TrialState[16];
        FrozenTrial[] finished = new FrozenTrial[16];

        void set(MutableTrial t) {
            int n = t.number;
            if (n >= ids.length) {
                int cap = Math.max(2 * ids.length, n + 1);
                ids = java.util.Arrays.copyOf(ids, cap);
                states = java.util.Arrays.copyOf(states, cap);
                finished = java.util.Arrays.copyOf(finished, cap);
            }
            ids[n] = t.trialId;
            states[n] = t.state;
            finished[n] = t.state.isFinished() ? t.freeze() : null;
        }
    }

    private final Map<Long, MutableStudy> studies = new LinkedHashMap<>();
    private final Map<Long, MutableTrial> trials = new HashMap<>();
    private long nextStudyId = 1;
    private long nextTrialId = 1;

    @Override
    public synchronized StudyInfo createStudy(String name, List<Direction> directions) {
        if (findStudy(name).isPresent()) throw new DuplicateStudyException(name, url());
        StudyInfo info = new StudyInfo(nextStudyId++, name, directions, Instant.now());
        studies.put(info.studyId(), new MutableStudy(info, new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new HashSet<>(), new java.util.ArrayDeque<>(), new Index()));
        return info;
    }

    @Override
    public synchronized Optional<StudyInfo> findStudy(String name) {
        return studies.values().stream().map(MutableStudy::info).filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public synchronized List<StudyInfo> studies() {
        return studies.values().stream().map(MutableStudy::info).toList();
    }

    @Override
    public synchronized void deleteStudy(long studyId) {
        MutableStudy s = study(studyId);
        for (MutableTrial t : s.trials) trials.remove(t.trialId);
        studies.remove(studyId);
    }

    @Override
    public synchronized void setStudyAttr(long studyId, boolean user, String key, Object jsonValue) {
        Json.checkJsonLike(jsonValue, "attribute '" + key + "'");
        MutableStudy s = study(studyId);
        (user ? s.userAttrs : s.systemAttrs).put(key, Json.read(Json.write(jsonValue)));
    }

    @Override
    public synchronized Map<String, Object> studyAttrs(long studyId, boolean user) {
        MutableStudy s = study(studyId);
        return new LinkedHashMap<>(user ? s.userAttrs : s.systemAttrs);
    }

    @Override
    public synchronized FrozenTrial createTrial(long studyId, Map<String, Object> systemAttrs) {
        return newTrial(studyId, TrialState.RUNNING, systemAttrs).freeze();
    }

    @Override
    public synchronized FrozenTrial createWaitingTrial(long studyId, Map<String, Object> systemAttrs) {
        return newTrial(studyId, TrialState.WAITING, systemAttrs).freeze();
    }

    private MutableTrial newTrial(long studyId, TrialState state, Map<String, Object> systemAttrs) {
        MutableStudy s = study(studyId);
        MutableTrial t = new MutableTrial(nextTrialId++, studyId, s.trials.size(), state);
        if (state == TrialState.RUNNING) t.start = Instant.now();
        for (Map.Entry<String, Object> e : systemAttrs.entrySet()) {
            t.systemAttrs.put(e.getKey(), Json.read(Json.write(e.getValue())));
        }
        s.trials.add(t);
        s.index.set(t);
        if (state == TrialState.WAITING) s.waiting.addLast(t);
        trials.put(t.trialId, t);
        return t;
    }

    @Override
    public synchronized Optional<FrozenTrial> popWaitingTrial(long studyId) {
        MutableTrial t = study(studyId).waiting.pollFirst();
        if (t == null) return Optional.empty();
        t.state = TrialState.RUNNING;
        t.start = Instant.now();
        study(studyId).index.set(t);
        return Optional.of(t.freeze());
    }

    @Override
    public synchronized void setTrialParam(long trialId, String name, Distribution distribution, double internalValue) {
        MutableTrial t = running(trialId);
        t.distributions.put(name, distribution);
        t.params.put(name, distribution.toExternal(internalValue));
    }

    @Override
    public synchronized void setTrialIntermediateValue(long trialId, int step, double value) {
        running(trialId).intermediate.put(step, value);
    }

    @Override
    public synchronized void setTrialAttr(long trialId, boolean user, String key, Object jsonValue) {
        Json.checkJsonLike(jsonValue, "attribute '" + key + "'");
        MutableTrial t = running(trialId);
        (user ? t.userAttrs : t.systemAttrs).put(key, Json.copy(jsonValue));
    }

    @Override
    public synchronized FrozenTrial finishTrial(long trialId, TrialState state, double[] values, String failReason) {
        if (!state.isFinished()) throw new IllegalArgumentException("finishTrial needs COMPLETE, PRUNED or FAIL, got " + state);
        MutableTrial t = running(trialId);
        t.state = state;
        t.values = values == null ? null : values.clone();
        t.failReason = failReason;
        t.complete = Instant.now();
        study(t.studyId).index.set(t);
        return t.freeze();
    }

    @Override
    public synchronized FrozenTrial trial(long trialId) {
        return trialOf(trialId).freeze();
    }

    @Override
    public synchronized List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        MutableStudy s = study(studyId);
        Index ix = s.index;
        int n = s.trials.size();
        TrialList.Builder out = TrialList.builder(n);
        for (int i = 0; i < n; i++) {
            TrialState st = ix.states[i];
            if (!states.contains(st)) continue;
            FrozenTrial f = ix.finished[i];
            out.add(f != null ? f : s.trials.get(i).freeze(), i, ix.ids[i], st);
        }
        return out.build();
    }

    @Override
    public synchronized int countTrials(long studyId, Set<TrialState> states) {
        MutableStudy s = study(studyId);
        int n = 0;
        for (int i = 0; i < s.trials.size(); i++) if (states.contains(s.index.states[i])) n++;
        return n;
    }

    @Override
    public synchronized boolean tryClaim(long studyId, String key) {
        return study(studyId).claims.add(key);
    }

    @Override
    public String url() {
        return "memory";
    }

    @Override
    public void close() {
        // nothing to release
    }

    private MutableStudy study(long studyId) {
        MutableStudy s = studies.get(studyId);
        if (s == null) throw new IllegalArgumentException("no study with id " + studyId + " in " + url());
        return s;
    }

    private MutableTrial trialOf(long trialId) {
        MutableTrial t = trials.get(trialId);
        if (t == null) throw new IllegalArgumentException("no trial with id " + trialId + " in " + url());
        return t;
    }

    private MutableTrial running(long trialId) {
        MutableTrial t = trialOf(trialId);
        if (t.state != TrialState.RUNNING) {
            throw new IllegalStateException("trial #" + t.number + " is " + t.state + ": only a RUNNING trial can be changed");
        }
        return t;
    }
}
