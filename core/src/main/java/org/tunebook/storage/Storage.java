package org.tunebook.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tunebook.space.Distribution;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.TrialState;

/**
 * Where studies and trials live. Implementations are safe for use by several threads; the JDBC ones
 * also by several processes sharing one database. Every write is durable when the call returns, so a
 * process killed at any moment loses no finished trial.
 */
public interface Storage extends AutoCloseable {

    /** Creates a study; throws {@link DuplicateStudyException} if the name is taken. */
    StudyInfo createStudy(String name, List<Direction> directions);

    Optional<StudyInfo> findStudy(String name);

    List<StudyInfo> studies();

    void deleteStudy(long studyId);

    void setStudyAttr(long studyId, boolean user, String key, Object jsonValue);

    Map<String, Object> studyAttrs(long studyId, boolean user);

    /** Creates a RUNNING trial with the next number; {@code systemAttrs} are stored with it. */
    FrozenTrial createTrial(long studyId, Map<String, Object> systemAttrs);

    /** Creates a WAITING trial (an enqueued point) whose fixed parameters are stored in its system attrs. */
    FrozenTrial createWaitingTrial(long studyId, Map<String, Object> systemAttrs);

    /** Atomically turns the oldest WAITING trial of a study into a RUNNING one, if there is any. */
    Optional<FrozenTrial> popWaitingTrial(long studyId);

    /**
     * {@link #createTrial(long, Map)} whose first {@link #heartbeat} is part of the creation when {@code heartbeat}
     * is true, so a worker killed at any moment never leaves a RUNNING trial that no one can fail.
     */
    default FrozenTrial createTrial(long studyId, Map<String, Object> systemAttrs, boolean heartbeat) {
        FrozenTrial t = createTrial(studyId, systemAttrs);
        if (heartbeat) heartbeat(t.trialId());
        return t;
    }

    /** {@link #popWaitingTrial(long)} with its first heartbeat, as {@link #createTrial(long, Map, boolean)}. */
    default Optional<FrozenTrial> popWaitingTrial(long studyId, boolean heartbeat) {
        Optional<FrozenTrial> t = popWaitingTrial(studyId);
        if (heartbeat) t.ifPresent(x -> heartbeat(x.trialId()));
        return t;
    }

    void setTrialParam(long trialId, String name, Distribution distribution, double internalValue);

    void setTrialIntermediateValue(long trialId, int step, double value);

    void setTrialAttr(long trialId, boolean user, String key, Object jsonValue);

    /**
     * Finishes a RUNNING trial. Returns the finished trial; throws IllegalStateException if it was
     * already finished (by another worker, or the heartbeat reaper).
     */
    FrozenTrial finishTrial(long trialId, TrialState state, double[] values, String failReason);

    FrozenTrial trial(long trialId);

    /**
     * The study's trials in the given states, ordered by number. The built-in storages answer an unmodifiable
     * {@link org.tunebook.study.TrialList}; {@code Study.trials} gives users a copy of their own.
     */
    List<FrozenTrial> trials(long studyId, Set<TrialState> states);

    /** Number of trials in the given states. */
    int countTrials(long studyId, Set<TrialState> states);

    /**
     * Claims a key for a study once: true for the first caller across all threads and processes sharing
     * this storage, false for every later one. Grid points are handed out this way.
     */
    boolean tryClaim(long studyId, String key);

    /**
     * Records that a RUNNING trial's worker is alive. A trial gets heartbeats only from workers that send them
     * (see {@code Study.Builder.heartbeat}); only such trials can be failed by {@link #failStaleTrials}.
     */
    default void heartbeat(long trialId) {
    }

    /**
     * Fails the RUNNING trials of a study whose worker sent a heartbeat once but none within {@code grace}
     * (the worker died): each becomes FAIL with the reason "worker died (no heartbeat for Ns)". Across all
     * processes sharing the storage, each such trial is returned to exactly one caller. Storages that live
     * in one process only (memory) have no other worker to outlive and return an empty list.
     */
    default List<FrozenTrial> failStaleTrials(long studyId, java.time.Duration grace) {
        return List.of();
    }

    /** A URL that {@link #open(String)} understands and that names this storage. */
    String url();

    @Override
    void close();

    static Storage inMemory() {
        return new InMemoryStorage();
    }

    /** An SQLite file, created if missing (parent directories too). */
    static Storage sqlite(String path) {
        return JdbcStorage.sqlite(Path.of(path));
    }

    static Storage sqlite(Path path) {
        return JdbcStorage.sqlite(path);
    }

    /**
     * Opens a storage by URL: {@code memory}, {@code sqlite:PATH} (also {@code sqlite:///PATH} as in Optuna),
     * or a {@code jdbc:} URL of a supported database.
     */
    static Storage open(String url) {
        return Storages.open(url);
    }
}
