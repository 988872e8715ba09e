package org.tunebook.study;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.tunebook.pruner.Pruner;
import org.tunebook.sampler.Samplers;
import org.tunebook.sampler.Sampler;
import org.tunebook.sampler.TrialPlan;
import org.tunebook.space.Distribution;
import org.tunebook.space.Space;
import org.tunebook.storage.StudyInfo;
import org.tunebook.storage.Storage;
import tech.tablesaw.api.Table;

/**
 * A named optimization: trials in a storage, a sampler that proposes parameters and a pruner that stops weak
 * trials. Run it with {@link #optimize}, or drive it with {@link #ask()} / {@link #tell}.
 * <p>
 * Failures never lose work: an exception or a NaN from the objective fails only its trial; an interrupt of
 * the calling thread (a notebook's stop button) fails the running trial and ends optimize() normally; every
 * finished trial is in the storage before the next one starts.
 */
public final class Study {
    static final PrintStream ERR = System.err;

    private final Storage storage;
    private final StudyInfo info;
    private final Sampler sampler;
    private final Pruner pruner;
    private final Map<String, Distribution> knownDistributions = new ConcurrentHashMap<>();
    private final AtomicBoolean knownLoaded = new AtomicBoolean();
    private volatile boolean stopRequested;
    // --- heartbeats (distributed studies): null when not configured
    private final Liveness liveness;
    private final Heartbeat heartbeat;

    private Study(Storage storage, StudyInfo info, Sampler sampler, Pruner pruner, Liveness liveness) {
        this.storage = storage;
        this.info = info;
        this.sampler = sampler;
        this.pruner = pruner;
        this.liveness = liveness;
        this.heartbeat = liveness == null ? null : new Heartbeat(storage, liveness.interval, info.name());
    }

    /** Heartbeat settings: see {@link Builder#heartbeat(Duration, Duration)}. */
    private record Liveness(Duration interval, Duration grace, boolean retryFailed) {
    }

    // ------------------------------------------------------------ creation

    /** A builder for a study with this name; see {@link Builder#create()} and {@link Builder#load()}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder for a study with a generated name. */
    public static Builder builder() {
        return new Builder("study-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Settings of a study before it is created or loaded. */
    public static final class Builder {
        private final String name;
        private List<Direction> directions;
        private Storage storage;
        private Sampler sampler;
        private Pruner pruner = Pruner.none();
        private boolean loadIfExists;
        private Duration heartbeatInterval;
        private Duration heartbeatGrace;
        private boolean retryFailedTrials;

        private Builder(String name) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a study needs a non-blank name");
            this.name = name;
        }

        public Builder direction(Direction d) {
            return directions(d);
        }

        /** Several directions make a multi-objective study. */
        public Builder directions(Direction... ds) {
            if (ds == null || ds.length == 0) throw new IllegalArgumentException("give at least one direction");
            this.directions = List.of(ds);
            return this;
        }

        public Builder minimize() {
            return direction(Direction.MINIMIZE);
        }

        public Builder maximize() {
            return direction(Direction.MAXIMIZE);
        }

        public Builder storage(Storage s) {
            this.storage = s;
            return this;
        }

        /** Storage by URL: {@code memory}, {@code sqlite:PATH}, {@code jdbc:postgresql://...}. */
        public Builder storage(String url) {
            this.storage = Storage.open(url);
            return this;
        }

        public Builder sqlite(Path file) {
            this.storage = Storage.sqlite(file);
            return this;
        }

        public Builder sampler(Sampler s) {
            this.sampler = s;
            return this;
        }

        public Builder pruner(Pruner p) {
            this.pruner = p == null ? Pruner.none() : p;
            return this;
        }

        /** Resume the study if the storage already has one with this name (Optuna's load_if_exists). */
        public Builder loadIfExists() {
            this.loadIfExists = true;
            return this;
        }

        public Builder loadIfExists(boolean b) {
            this.loadIfExists = b;
            return this;
        }

        /**
         * For studies shared by several processes (PostgreSQL, or SQLite for a few local ones): while a trial runs,
         * a daemon thread records every {@code interval} that its worker is alive, and each worker, when it starts
         * a trial, fails the RUNNING trials whose heartbeat is older than {@code grace} (their worker died: killed,
         * crashed, lost its machine) with the reason "worker died (no heartbeat for Ns)". Optuna's
         * heartbeat_interval and grace_period. Trials of workers without heartbeats are never failed this way.
         */
        public Builder heartbeat(Duration interval, Duration grace) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("heartbeat interval must be positive, got " + interval + ": e.g. Duration.ofSeconds(10)");
            }
            if (grace == null || grace.compareTo(interval) <= 0) {
                throw new IllegalArgumentException("heartbeat grace (" + grace + ") must be longer than the interval (" + interval
                        + "): use two or three intervals, e.g. Duration.ofSeconds(30) for 10 s beats");
            }
            this.heartbeatInterval = interval;
            this.heartbeatGrace = grace;
            return this;
        }

        /**
         * With {@link #heartbeat}: a trial failed because its worker died is enqueued once more with the same
         * parameters (Optuna's RetryFailedTrialCallback with max_retry 1); the new trial's system attr
         * {@code failed_trial} is the number of the dead one. A retry that dies too is not retried again.
         */
        public Builder retryFailedTrials(boolean retry) {
            this.retryFailedTrials = retry;
            return this;
        }

        private Liveness liveness() {
            if (heartbeatInterval == null) {
                if (retryFailedTrials) throw new IllegalArgumentException("retryFailedTrials needs heartbeat(interval, grace): dead workers are found by their missing heartbeats");
                return null;
            }
            return new Liveness(heartbeatInterval, heartbeatGrace, retryFailedTrials);
        }

        /** Creates the study (or loads it with {@link #loadIfExists()}); the default direction is minimize. */
        public Study create() {
            Liveness live = liveness(); // checked before anything is written
            Storage st = storage != null ? storage : Storage.inMemory();
            List<Direction> dirs = directions != null ? directions : List.of(Direction.MINIMIZE);
            Optional<StudyInfo> existing = st.findStudy(name);
            StudyInfo info;
            if (existing.isPresent() && loadIfExists) {
                info = existing.get();
                if (directions != null && !info.directions().equals(dirs)) {
                    throw new IllegalArgumentException("study '" + name + "' in " + st.url() + " has directions " + info.directions()
                            + ", not " + dirs + ": use the stored directions or another study name");
                }
            } else if (loadIfExists) {
                try {
                    info = st.createStudy(name, dirs);
                } catch (org.tunebook.storage.DuplicateStudyException raced) {
                    // another worker created it meanwhile (many processes starting at once): resume it
                    info = st.findStudy(name).orElseThrow(() -> raced);
                    if (directions != null && !info.directions().equals(dirs)) {
                        throw new IllegalArgumentException("study '" + name + "' in " + st.url() + " has directions " + info.directions()
                                + ", not " + dirs + ": use the stored directions or another study name");
                    }
                }
            } else {
                info = st.createStudy(name, dirs);
            }
            return new Study(st, info, samplerOr(), pruner, live);
        }

        /** Loads an existing study; its directions come from the storage. */
        public Study load() {
            if (storage == null) throw new IllegalArgumentException("load() needs a storage: call storage(...) first");
            Liveness live = liveness();
            StudyInfo info = storage.findStudy(name).orElseThrow(() -> new IllegalArgumentException(
                    "no study '" + name + "' in " + storage.url() + ": known studies are "
                            + storage.studies().stream().map(StudyInfo::name).toList()));
            return new Study(storage, info, samplerOr(), pruner, live);
        }

        private Sampler samplerOr() {
            return sampler != null ? sampler : Samplers.defaultSampler();
        }
    }

    // ------------------------------------------------------------ identity

    public String name() {
        return info.name();
    }

    public long studyId() {
        return info.studyId();
    }

    public List<Direction> directions() {
        return info.directions();
    }

    /** The direction of a single-objective study. */
    public Direction direction() {
        if (info.directions().size() != 1) {
            throw new IllegalStateException("study '" + name() + "' has " + info.directions().size() + " objectives: use directions()");
        }
        return info.directions().get(0);
    }

    public boolean isMultiObjective() {
        return info.directions().size() > 1;
    }

    public Storage storage() {
        return storage;
    }

    public Sampler sampler() {
        return sampler;
    }

    public Pruner pruner() {
        return pruner;
    }

    /** Claims a key once across every worker sharing this study (see {@link Storage#tryClaim}). */
    public boolean tryClaim(String key) {
        return storage.tryClaim(info.studyId(), key);
    }

    // ------------------------------------------------------------ ask and tell

    /** Starts a trial (an enqueued one first); throws if the sampler's space is exhausted. */
    public Trial ask() {
        return tryAsk().orElseThrow(() -> new IllegalStateException(
                "the sampler " + sampler.name() + " has no point left: every grid point of study '" + name() + "' is taken"));
    }

    /** Starts a trial and suggests every dimension of a define-and-run space at once. */
    public Trial ask(Space space) {
        Trial t = ask();
        try {
            t.suggestAll(space);
        } catch (RuntimeException e) {
            finish(t, TrialState.FAIL, null, reason(e));
            throw e;
        }
        return t;
    }

    /** Starts a trial unless the sampler says the space is exhausted. */
    public Optional<Trial> tryAsk() {
        if (liveness != null) failStaleTrials();
        Optional<FrozenTrial> waiting = storage.popWaitingTrial(info.studyId(), heartbeat != null);
        FrozenTrial created;
        Map<String, Object> fixed;
        if (waiting.isPresent()) {
            created = waiting.get();
            fixed = fixedParamsOf(created);
        } else {
            TrialPlan plan = sampler.beforeTrial(this);
            if (plan.exhausted()) return Optional.empty();
            Map<String, Object> attrs = new LinkedHashMap<>(plan.systemAttrs());
            if (!plan.fixedParams().isEmpty()) attrs.put("fixed_params", plan.fixedParams());
            created = storage.createTrial(info.studyId(), attrs, heartbeat != null);
            fixed = plan.fixedParams();
        }
        if (heartbeat != null) heartbeat.add(created.trialId());
        Trial trial = new Trial(this, created, fixed);
        FrozenTrial snap = trial.snapshot();
        try {
            Map<String, Distribution> space = new LinkedHashMap<>(sampler.relativeSearchSpace(this, snap));
            space.keySet().removeAll(fixed.keySet());
            if (!space.isEmpty()) trial.setRelative(space, sampler.sampleRelative(this, snap, space));
        } catch (RuntimeException e) {
            ERR.println("[tunebook] sampler " + sampler.name() + " failed to propose trial #" + created.number()
                    + " jointly (" + reason(e) + "); its parameters are drawn independently");
        }
        return Optional.of(trial);
    }

    /**
     * Fails the trials of dead workers (no heartbeat within the grace period) and, if asked, enqueues each once
     * more. Called by every worker when it starts a trial; each dead trial is handled by exactly one worker.
     */
    private void failStaleTrials() {
        for (FrozenTrial dead : storage.failStaleTrials(info.studyId(), liveness.grace)) {
            String retried = "";
            if (liveness.retryFailed && !dead.systemAttrs().containsKey("failed_trial")) {
                Map<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("fixed_params", new LinkedHashMap<>(dead.params()));
                attrs.put("failed_trial", dead.number());
                FrozenTrial retry = storage.createWaitingTrial(info.studyId(), attrs);
                retried = "; its parameters are enqueued again as trial #" + retry.number();
            }
            ERR.println("[tunebook] trial #" + dead.number() + " of study '" + name() + "' failed: " + dead.failReason() + retried);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixedParamsOf(FrozenTrial t) {
        Object f = t.systemAttrs().get("fixed_params");
        return f instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Finishes a trial with its value; NaN or an infinite value makes it FAIL with that reason. */
    public FrozenTrial tell(Trial trial, double value) {
        return tell(trial, new double[]{value});
    }

    /** Finishes a trial of a multi-objective study with one value per direction. */
    public FrozenTrial tell(Trial trial, double... values) {
        if (values == null || values.length != info.directions().size()) {
            return finish(trial, TrialState.FAIL, null, "the objective returned " + (values == null ? "null" : values.length + " values")
                    + " but study '" + name() + "' has " + info.directions().size() + " directions");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return finish(trial, TrialState.FAIL, null, "the objective returned " + v + ": return a finite number");
            }
        }
        return finish(trial, TrialState.COMPLETE, values, null);
    }

    /** Finishes a trial as PRUNED (keeping its last intermediate value as its value) or FAIL. */
    public FrozenTrial tell(Trial trial, TrialState state) {
        if (state == TrialState.PRUNED) {
            Double last = trial.lastIntermediate();
            return finish(trial, TrialState.PRUNED, last == null || last.isNaN() ? null : new double[]{last}, null);
        }
        if (state == TrialState.FAIL) return finish(trial, TrialState.FAIL, null, "failed by tell()");
        throw new IllegalArgumentException("tell(trial, state) takes PRUNED or FAIL; give the value for COMPLETE");
    }

    /** Finishes a trial as FAIL with a reason. */
    public FrozenTrial fail(Trial trial, String reason) {
        return finish(trial, TrialState.FAIL, null, reason);
    }

    private FrozenTrial finish(Trial trial, TrialState state, double[] values, String failReason) {
        if (trial.study() != this && trial.study().studyId() != studyId()) {
            throw new IllegalArgumentException("trial #" + trial.number() + " belongs to study '" + trial.study().name() + "', not '" + name() + "'");
        }
        if (trial.isFinished()) throw new IllegalStateException("trial #" + trial.number() + " is already finished");
        if (state != TrialState.FAIL) {
            try {
                sampler.beforeFinish(this, trial.snapshot(), state);
            } catch (RuntimeException e) {
                state = TrialState.FAIL;
                values = null;
                failReason = "sampler " + sampler.name() + " failed as the trial finished: " + reason(e);
            }
        }
        trial.markFinished();
        if (heartbeat != null) heartbeat.remove(trial.trialId());
        FrozenTrial done;
        try {
            done = storage.finishTrial(trial.trialId(), state, values, failReason);
        } catch (IllegalStateException e) {
            // Another worker failed it meanwhile (no heartbeat within the grace period): keep what is stored.
            FrozenTrial stored = storage.trial(trial.trialId());
            if (!stored.state().isFinished()) throw e;
            ERR.println("[tunebook] trial #" + trial.number() + " was already finished as " + stored.state()
                    + (stored.failReason() != null ? " (" + stored.failReason() + ")" : "") + " by another worker; its outcome " + state + " is dropped");
            return stored;
        }
        if (state == TrialState.COMPLETE) rememberDistributions(done);
        try {
            sampler.afterTrial(this, done);
        } catch (RuntimeException e) {
            ERR.println("[tunebook] sampler " + sampler.name() + " failed after trial #" + done.number() + ": " + reason(e));
        }
        return done;
    }

    /**
     * Queues a point to evaluate before the sampler's own proposals (skopt's x0, Optuna's enqueue_trial).
     * Missing parameters are sampled as usual.
     */
    public void enqueueTrial(Map<String, ?> params) {
        if (params == null || params.isEmpty()) throw new IllegalArgumentException("enqueueTrial needs at least one parameter value");
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("fixed_params", new LinkedHashMap<>(params));
        storage.createWaitingTrial(info.studyId(), attrs);
    }

    /** Stops optimize() after the running trials finish (from a callback or another thread). */
    public void stop() {
        stopRequested = true;
    }

    // ------------------------------------------------------------ optimize

    /** Runs {@code nTrials} trials. */
    public void optimize(Objective objective, int nTrials) {
        optimize(objective, OptimizeOptions.trials(nTrials));
    }

    /** Runs at most {@code nTrials} trials (null: no limit) within {@code timeout} (null: none) on {@code nJobs} threads. */
    public void optimize(Objective objective, Integer nTrials, Duration timeout, int nJobs) {
        optimize(objective, OptimizeOptions.defaults().withTrials(nTrials).withTimeout(timeout).withJobs(nJobs));
    }

    public void optimize(Objective objective, OptimizeOptions options) {
        if (objective == null) throw new IllegalArgumentException("objective is null: pass a function of the trial");
        if (isMultiObjective()) {
            throw new IllegalStateException("study '" + name() + "' has " + directions().size()
                    + " objectives: use optimizeMulti with a function returning one value per direction");
        }
        run(t -> new double[]{objective.evaluate(t)}, options);
    }

    /** Multi-objective optimize: the objective returns one value per direction. */
    public void optimizeMulti(MultiObjective objective, int nTrials) {
        optimizeMulti(objective, OptimizeOptions.trials(nTrials));
    }

    public void optimizeMulti(MultiObjective objective, OptimizeOptions options) {
        if (objective == null) throw new IllegalArgumentException("objective is null: pass a function of the trial");
        run(objective, options);
    }

    /** What a worker hands to the calling thread. */
    private record Event(FrozenTrial trial, Throwable fatal) {
    }

    private void run(MultiObjective objective, OptimizeOptions o) {
        stopRequested = false;
        List<StudyListener> listeners = new ArrayList<>(o.listeners);
        if (!Boolean.FALSE.equals(o.showProgress)) {
            Optional<java.util.function.Function<Study, StudyListener>> f = StudyHooks.progressFactory();
            if (f.isPresent()) listeners.add(f.get().apply(this));
            else if (Boolean.TRUE.equals(o.showProgress)) listeners.add(new ConsoleProgress(System.out));
        }
        long deadline = o.timeout == null ? Long.MAX_VALUE : System.nanoTime() + o.timeout.toNanos();
        AtomicInteger started = new AtomicInteger();
        AtomicBoolean interrupted = new AtomicBoolean();
        notify(listeners, l -> l.onStart(this, o.nTrials, o.timeout));
        try {
            if (o.nJobs == 1) {
                runWorker(objective, o, deadline, started, interrupted, e -> dispatch(e, o, listeners));
            } else {
                runParallel(objective, o, deadline, started, interrupted, listeners);
            }
        } finally {
            notify(listeners, l -> l.onEnd(this, interrupted.get()));
        }
        if (interrupted.get()) {
            ERR.println("[tunebook] study '" + name() + "' interrupted; " + storage.countTrials(info.studyId(), TrialState.FINISHED)
                    + " finished trials are kept in " + storage.url());
        }
    }

    private interface Sink {
        void accept(Event e);
    }

    private void runParallel(MultiObjective objective, OptimizeOptions o, long deadline, AtomicInteger started,
                             AtomicBoolean interrupted, List<StudyListener> listeners) {
        LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(o.nJobs, r -> {
            Thread t = new Thread(r, "tunebook-" + name() + "-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger running = new AtomicInteger(o.nJobs);
        for (int i = 0; i < o.nJobs; i++) {
            pool.execute(() -> {
                try {
                    runWorker(objective, o, deadline, started, interrupted, events::add);
                } catch (Throwable fatal) {
                    events.add(new Event(null, fatal));
                } finally {
                    running.decrementAndGet();
                    events.add(new Event(null, null)); // wake the caller
                }
            });
        }
        pool.shutdown();
        Throwable fatal = null;
        try {
            while (running.get() > 0 || !events.isEmpty()) {
                Event e = events.poll(200, TimeUnit.MILLISECONDS);
                if (e == null) continue;
                if (e.fatal != null) {
                    stopRequested = true;
                    if (fatal == null) fatal = e.fatal;
                } else if (e.trial != null) {
                    try {
                        dispatch(e, o, listeners);
                    } catch (RuntimeException cb) {
                        stopRequested = true;
                        if (fatal == null) fatal = cb;
                    }
                }
            }
        } catch (InterruptedException ie) {
            interrupted.set(true);
            stopRequested = true;
            pool.shutdownNow(); // interrupts the workers: their running trials fail
            awaitQuietly(pool);
            Event e;
            while ((e = events.poll()) != null) {
                if (e.trial != null) dispatch(e, o, listeners);
            }
        }
        if (fatal instanceof Error err) throw err;
        if (fatal instanceof RuntimeException re) throw re;
        if (fatal != null) throw new IllegalStateException(fatal);
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean again = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) break;
            } catch (InterruptedException ignored) {
                again = true;
            }
        }
        if (again) Thread.currentThread().interrupt();
    }

    private void runWorker(MultiObjective objective, OptimizeOptions o, long deadline, AtomicInteger started,
                           AtomicBoolean interrupted, Sink sink) {
        while (!stopRequested) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted.set(true);
                stopRequested = true;
                Thread.interrupted(); // handled: the study ends here
                break;
            }
            if (System.nanoTime() >= deadline) break;
            if (o.nTrials != null && started.getAndIncrement() >= o.nTrials) break;
            Optional<Trial> next = tryAsk();
            if (next.isEmpty()) {
                stopRequested = true;
                break;
            }
            Trial trial = next.get();
            FrozenTrial done;
            try {
                double[] values = objective.evaluate(trial);
                if (trial.isFinished()) continue; // the objective told it itself
                done = tell(trial, values);
                if (Thread.interrupted()) {
                    interrupted.set(true);
                    stopRequested = true;
                }
            } catch (TrialPruned p) {
                done = tell(trial, TrialState.PRUNED);
            } catch (InterruptedException ie) {
                done = finishQuietly(trial, "interrupted");
                interrupted.set(true);
                stopRequested = true;
            } catch (Exception ex) {
                boolean wasInterrupted = Thread.interrupted();
                done = finishQuietly(trial, wasInterrupted ? "interrupted: " + reason(ex) : reason(ex));
                if (wasInterrupted) {
                    interrupted.set(true);
                    stopRequested = true;
                } else {
                    if (o.logFailures) ERR.println("[tunebook] trial #" + trial.number() + " failed: " + done.failReason());
                    if (!o.catchExceptions) {
                        sink.accept(new Event(done, null));
                        throw new ObjectiveException(trial.number(), ex);
                    }
                }
            } catch (Error err) {
                // ThreadDeath from a stopped kernel thread, OutOfMemoryError...: record, then let it go on
                finishQuietly(trial, (err.getClass().getSimpleName().equals("ThreadDeath") ? "interrupted (thread stopped)" : reason(err)));
                interrupted.set(err.getClass().getSimpleName().equals("ThreadDeath"));
                stopRequested = true;
                throw err;
            }
            if (done != null) sink.accept(new Event(done, null));
        }
    }

    private FrozenTrial finishQuietly(Trial trial, String why) {
        if (trial.isFinished()) return null;
        try {
            return finish(trial, TrialState.FAIL, null, why);
        } catch (RuntimeException e) {
            ERR.println("[tunebook] could not store the failure of trial #" + trial.number() + ": " + reason(e));
            return null;
        }
    }

    private void dispatch(Event e, OptimizeOptions o, List<StudyListener> listeners) {
        notify(listeners, l -> l.onTrialFinished(this, e.trial));
        for (StudyCallback cb : o.callbacks) cb.afterTrial(this, e.trial);
    }

    /** Listeners display progress: their failures are reported, never allowed to stop a study. */
    private void notify(List<StudyListener> listeners, java.util.function.Consumer<StudyListener> call) {
        for (StudyListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException | LinkageError e) {
                // a display compiled against another kernel version may throw NoSuchMethodError: never end the study
                ERR.println("[tunebook] progress display failed: " + reason(e));
            }
        }
    }

    static String reason(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    // ------------------------------------------------------------ results

    /** Every trial, ordered by number. */
    /** The study's trials in number order: a new list of your own (sort it, filter it). */
    public List<FrozenTrial> trials() {
        return trials(TrialState.ALL);
    }

    /** The study's trials in these states, in number order: a new list of your own. */
    public List<FrozenTrial> trials(Set<TrialState> states) {
        return new ArrayList<>(storage.trials(info.studyId(), states));
    }

    public List<FrozenTrial> completeTrials() {
        return trials(EnumSet.of(TrialState.COMPLETE));
    }

    /** The best COMPLETE trial of a single-objective study (the earliest among equals). */
    public FrozenTrial bestTrial() {
        return bestTrialIfAny().orElseThrow(() -> new IllegalStateException(
                Constraints.anyConstrained(completeTrials())
                        ? "study '" + name() + "' has no feasible COMPLETE trial yet (every one has a constraint value > 0; "
                          + describeCounts() + "): run more trials or relax the constraints"
                        : "study '" + name() + "' has no COMPLETE trial yet (" + describeCounts() + ")"));
    }

    /**
     * The best COMPLETE trial, or empty; in a study with constraints ({@link Trial#setConstraint}) the best
     * feasible one, empty when no complete trial is feasible.
     */
    public Optional<FrozenTrial> bestTrialIfAny() {
        Direction d = direction();
        List<FrozenTrial> complete = completeTrials();
        boolean constrained = Constraints.anyConstrained(complete);
        FrozenTrial best = null;
        for (FrozenTrial t : complete) {
            if (constrained && !t.isFeasible()) continue;
            if (best == null || d.isBetter(t.value(), best.value())) best = t;
        }
        return Optional.ofNullable(best);
    }

    public double bestValue() {
        return bestTrial().value();
    }

    public Map<String, Object> bestParams() {
        return bestTrial().params();
    }

    /** The Pareto front of COMPLETE trials (for one objective: the best trial and its ties). */
    /** The Pareto front of the COMPLETE trials; in a study with constraints, of the feasible ones. */
    public List<FrozenTrial> bestTrials() {
        List<FrozenTrial> complete = completeTrials();
        if (Constraints.anyConstrained(complete)) complete = complete.stream().filter(FrozenTrial::isFeasible).toList();
        return ParetoFront.of(complete, directions());
    }

    /** Trials as a Tablesaw table with the columns of Optuna's trials_dataframe. */
    public Table trialsTable() {
        return TrialsTable.of(this, trials());
    }

    /** Writes {@link #trialsTable()} as CSV. */
    public void writeCsv(Path file) {
        try {
            trialsTable().write().csv(file.toFile());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public void setUserAttr(String key, Object value) {
        storage.setStudyAttr(info.studyId(), true, key, value);
    }

    public Map<String, Object> userAttrs() {
        return storage.studyAttrs(info.studyId(), true);
    }

    public void setSystemAttr(String key, Object value) {
        storage.setStudyAttr(info.studyId(), false, key, value);
    }

    public Map<String, Object> systemAttrs() {
        return storage.studyAttrs(info.studyId(), false);
    }

    /** Counts of trials by state, e.g. "12 COMPLETE, 1 FAIL". */
    public String describeCounts() {
        Map<TrialState, Integer> counts = new LinkedHashMap<>();
        for (FrozenTrial t : trials()) counts.merge(t.state(), 1, Integer::sum);
        if (counts.isEmpty()) return "no trials";
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(n + " " + s));
        return String.join(", ", parts);
    }

    // ------------------------------------------------------------ distribution compatibility

    /** Throws if {@code name} was used with a distribution of another kind in this study. */
    void checkCompatible(String name, Distribution d) {
        if (knownLoaded.compareAndSet(false, true)) {
            for (FrozenTrial t : completeTrials()) rememberDistributions(t);
        }
        Distribution known = knownDistributions.putIfAbsent(name, d);
        if (known != null && !known.compatibleWith(d)) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + known.spec() + " in earlier trials of study '" + name()
                    + "' but " + d.spec() + " now: keep one kind of distribution per name, or use another name");
        }
    }

    private void rememberDistributions(FrozenTrial t) {
        t.distributions().forEach(knownDistributions::putIfAbsent);
    }

    @Override
    public String toString() {
        String best = "";
        if (!isMultiObjective()) {
            best = bestTrialIfAny().map(b -> ", best " + b.value() + " " + b.params() + " (#" + b.number() + ")").orElse("");
        }
        return "Study '" + name() + "' " + directions() + " in " + storage.url() + " with " + sampler.name() + ": " + describeCounts() + best;
    }
}
