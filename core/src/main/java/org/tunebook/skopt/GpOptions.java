package org.tunebook.skopt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tunebook.sampler.gp.Acquisition;
import org.tunebook.sampler.gp.GpSampler;
import org.tunebook.sampler.gp.InitialPoints;
import org.tunebook.storage.Storage;

/**
 * The settings of {@link Skopt#gpMinimize}, named and defaulted as scikit-optimize's {@code gp_minimize}:
 * nCalls 100, nInitialPoints 10, initialPointGenerator "random", acqFunc "gp_hedge", xi 0.01, kappa 1.96,
 * noise "gaussian" (fitted), no x0 / y0, randomState none, nJobs 1. Tunebook additions: a storage and study
 * name to keep the run (e.g. in SQLite, resumable), and {@link Builder#resumeFrom} for a checkpoint file.
 */
public final class GpOptions {
    final int nCalls;
    /** The GP's settings (acquisition, xi, kappa, noise, initial points, seed, candidates, model queue), validated there. */
    final GpSampler.Builder gp;
    final List<List<Object>> x0;
    final List<Double> y0;
    final List<SkoptCallback> callbacks;
    final int nJobs;
    final Storage storage;
    final String studyName;
    final Path resumeFrom;
    final Boolean showProgress;

    private GpOptions(Builder b) {
        this.nCalls = b.nCalls;
        this.gp = b.gp.copy();
        this.x0 = b.x0 == null ? null : List.copyOf(b.x0);
        this.y0 = b.y0 == null ? null : List.copyOf(b.y0);
        this.callbacks = List.copyOf(b.callbacks);
        this.nJobs = b.nJobs;
        this.storage = b.storage;
        this.studyName = b.studyName;
        this.resumeFrom = b.resumeFrom;
        this.showProgress = b.showProgress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults of gp_minimize. */
    public static GpOptions defaults() {
        return builder().build();
    }

    /** The settings as a map (for OptimizeResult.specs). */
    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n_calls", nCalls);
        m.put("n_initial_points", gp.nInitialPoints());
        m.put("initial_point_generator", gp.initialPoints().name().toLowerCase(Locale.ROOT));
        m.put("acq_func", gp.acquisition() == Acquisition.GP_HEDGE ? "gp_hedge" : gp.acquisition().name());
        m.put("xi", gp.xi());
        m.put("kappa", gp.kappa());
        m.put("noise", gp.noise() == null ? "gaussian" : gp.noise());
        m.put("random_state", gp.seed());
        m.put("x0", x0);
        m.put("y0", y0);
        m.put("callback", callbacks.stream().map(Object::toString).toList());
        m.put("n_jobs", nJobs);
        m.put("storage", storage == null ? "memory" : storage.url());
        m.put("study_name", studyName);
        m.put("resume_from", resumeFrom == null ? null : resumeFrom.toString());
        return m;
    }

    @Override
    public String toString() {
        return "GpOptions" + asMap();
    }

    /** Builder of {@link GpOptions}. */
    public static final class Builder {
        private int nCalls = 100;
        // gp_minimize's defaults where they differ from GpSampler's: acq_func gp_hedge
        private final GpSampler.Builder gp = GpSampler.builder().acquisition(Acquisition.GP_HEDGE);
        private List<List<Object>> x0;
        private List<Double> y0;
        private final List<SkoptCallback> callbacks = new ArrayList<>();
        private int nJobs = 1;
        private Storage storage;
        private String studyName;
        private Path resumeFrom;
        private Boolean showProgress;

        private Builder() {
        }

        /** Total number of calls to the objective (x0 points without y0 included). */
        public Builder nCalls(int n) {
            if (n < 1) throw new IllegalArgumentException("nCalls must be >= 1, got " + n);
            this.nCalls = n;
            return this;
        }

        /** Points from the initial point generator before the GP is used. */
        public Builder nInitialPoints(int n) {
            gp.nInitialPoints(n);
            return this;
        }

        public Builder initialPointGenerator(InitialPoints g) {
            gp.initialPoints(g);
            return this;
        }

        /** "random", "lhs", "sobol" or "halton". */
        public Builder initialPointGenerator(String g) {
            return initialPointGenerator(InitialPoints.parse(g));
        }

        public Builder acqFunc(Acquisition a) {
            if (a == null) throw new IllegalArgumentException("acqFunc is null: use EI, PI, LCB or GP_HEDGE");
            gp.acquisition(a);
            return this;
        }

        /** "EI", "PI", "LCB" or "gp_hedge". */
        public Builder acqFunc(String a) {
            return acqFunc(Acquisition.parse(a));
        }

        public Builder xi(double xi) {
            gp.xi(xi);
            return this;
        }

        public Builder kappa(double kappa) {
            gp.kappa(kappa);
            return this;
        }

        /** A known noise variance of the objective (in its units); the default "gaussian" fits it. */
        public Builder noise(double variance) {
            if (!(variance >= 0) || !Double.isFinite(variance)) {
                throw new IllegalArgumentException("noise must be a finite variance >= 0 (or \"gaussian\" to fit it), got " + variance);
            }
            gp.noise(variance);
            return this;
        }

        /** "gaussian" (fit the noise level, the default). */
        public Builder noise(String kind) {
            if (!"gaussian".equalsIgnoreCase(kind == null ? "" : kind.strip())) {
                throw new IllegalArgumentException("noise '" + kind + "' is unknown: use \"gaussian\" (fitted) or a variance such as 1e-10");
            }
            gp.noise(null);
            return this;
        }

        /** Seed for reproducible runs (scikit-optimize's random_state). */
        public Builder randomState(long seed) {
            gp.seed(seed);
            return this;
        }

        /** One initial point, values in dimension order (e.g. {@code x0(0.01, 3, 16, "relu")}). */
        public Builder x0(Object... point) {
            if (point == null || point.length == 0) throw new IllegalArgumentException("x0 needs the point's values in dimension order");
            if (point.length > 0 && point[0] instanceof List<?>) {
                List<List<Object>> pts = new ArrayList<>();
                for (Object p : point) pts.add(new ArrayList<>((List<?>) p));
                this.x0 = pts;
                return this;
            }
            this.x0 = List.of(Collections.unmodifiableList(Arrays.asList(point.clone())));
            return this;
        }

        /** Several initial points. */
        public Builder x0(List<? extends List<?>> points) {
            if (points == null || points.isEmpty()) throw new IllegalArgumentException("x0 needs at least one point");
            List<List<Object>> pts = new ArrayList<>();
            for (List<?> p : points) {
                if (p == null) throw new IllegalArgumentException("x0 contains a null point");
                pts.add(Collections.unmodifiableList(new ArrayList<>(p)));
            }
            this.x0 = pts;
            return this;
        }

        /** The objective's values at the x0 points (they are then not evaluated again). */
        public Builder y0(double... values) {
            if (values == null || values.length == 0) throw new IllegalArgumentException("y0 needs one value per x0 point");
            List<Double> l = new ArrayList<>();
            for (double v : values) l.add(v);
            this.y0 = l;
            return this;
        }

        public Builder y0(List<? extends Number> values) {
            if (values == null || values.isEmpty()) throw new IllegalArgumentException("y0 needs one value per x0 point");
            List<Double> l = new ArrayList<>();
            for (Number v : values) l.add(v.doubleValue());
            this.y0 = l;
            return this;
        }

        /** Adds a callback (DeltaYStopper, DeadlineStopper, CheckpointSaver or your own). */
        public Builder callback(SkoptCallback... cbs) {
            for (SkoptCallback cb : cbs) {
                if (cb == null) throw new IllegalArgumentException("a callback is null");
                callbacks.add(cb);
            }
            return this;
        }

        /** Parallel evaluations (threads; -1: one per core); proposals for running points use a constant liar. */
        public Builder nJobs(int n) {
            if (n == 0 || n < -1) throw new IllegalArgumentException("nJobs must be >= 1, or -1 for one per core; got " + n);
            this.nJobs = n == -1 ? Runtime.getRuntime().availableProcessors() : n;
            return this;
        }

        /** Keeps the run in a storage (e.g. {@code Storage.sqlite("gp.db")}); rerunning with the same study name resumes it. */
        public Builder storage(Storage s) {
            this.storage = s;
            return this;
        }

        public Builder studyName(String name) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("studyName must be a non-blank name");
            this.studyName = name;
            return this;
        }

        /**
         * Continues from a {@link CheckpointSaver} file if it exists (else starts afresh): its evaluations are reused
         * and count toward nCalls, so rerunning an interrupted cell completes the original budget.
         */
        public Builder resumeFrom(Path checkpoint) {
            this.resumeFrom = checkpoint;
            return this;
        }

        public Builder resumeFrom(String checkpoint) {
            return resumeFrom(Path.of(checkpoint));
        }

        /** Keep only the last n fitted models in the result (default: all). */
        public Builder modelQueueSize(int n) {
            gp.modelQueueSize(n);
            return this;
        }

        /** Random candidates scored per acquisition step (default 2000; local candidates and refinement come on top). */
        public Builder candidates(int n) {
            gp.candidates(n);
            return this;
        }

        /** Live progress on or off (default: on in a notebook with the Tunebook extension). */
        public Builder showProgress(boolean show) {
            this.showProgress = show;
            return this;
        }

        public GpOptions build() {
            return new GpOptions(this);
        }
    }

    boolean hasCheckpoint() {
        return resumeFrom != null && Files.exists(resumeFrom);
    }
}
