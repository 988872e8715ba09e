package org.tunebook.skopt;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tunebook.sampler.gp.GpSampler;
import org.tunebook.sampler.gp.Surrogate;
import org.tunebook.space.Dimension;
import org.tunebook.space.Space;
import org.tunebook.storage.Storage;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.OptimizeOptions;
import org.tunebook.study.Study;
import org.tunebook.study.Trial;
import org.tunebook.study.TrialState;

/**
 * scikit-optimize's functions on Tunebook's study core.
 * <pre>
 * Space space = Space.of(Real.logUniform("learning_rate", 1e-4, 1e-1), Int.of("num_layers", 3, 10),
 *                        Int.of("num_nodes", 10, 300), Categorical.of("activation", "sigmoid", "tanh", "relu"));
 * OptimizeResult r = Skopt.gpMinimize(x -> -fitness(x.getDouble("learning_rate"), x.getInt(1), x.getInt(2), x.getString(3)),
 *         space, GpOptions.builder().acqFunc("EI").nCalls(50).x0(0.01, 3, 16, "relu").build());
 * r.sorted();   // (func_val, x) best first
 * </pre>
 */
public final class Skopt {
    static final String SOURCE = "skopt_source";

    private Skopt() {
    }

    /** {@code gp_minimize} with its defaults (100 calls, gp_hedge). */
    public static OptimizeResult gpMinimize(PointObjective func, Space space) {
        return gpMinimize(func, space, GpOptions.defaults());
    }

    /**
     * Bayesian optimization with a Gaussian process, as scikit-optimize's {@code gp_minimize}: evaluates x0 (unless
     * y0 gives their values), then nInitialPoints points of the initial design, then points that maximize the
     * acquisition on a GP fitted to every evaluation so far, nCalls evaluations in all. Every evaluation is a trial
     * of a study (in memory, or in {@link GpOptions.Builder#storage}), so a run can be stored, resumed and tabled.
     * An exception from the objective ends the run (as in scikit-optimize) after storing the failed trial.
     */
    public static OptimizeResult gpMinimize(PointObjective func, Space space, GpOptions o) {
        if (func == null) throw new IllegalArgumentException("func is null: pass the function to minimize, e.g. x -> loss(x)");
        if (space == null) throw new IllegalArgumentException("space is null: pass the dimensions, e.g. Space.of(Real.uniform(\"x\", -5, 10))");
        if (o == null) o = GpOptions.defaults();
        List<List<Object>> x0 = o.x0 == null ? List.of() : o.x0;
        if (o.y0 != null && o.x0 == null) {
            throw new IllegalArgumentException("y0 is given without x0: give the points x0 whose objective values y0 are, or drop y0");
        }
        if (o.y0 != null && o.y0.size() != x0.size()) {
            throw new IllegalArgumentException("x0 has " + x0.size() + " points but y0 has " + o.y0.size() + " values: give one value per point");
        }
        if (o.y0 != null) {
            for (int i = 0; i < o.y0.size(); i++) {
                if (!Double.isFinite(o.y0.get(i))) throw new IllegalArgumentException("y0[" + i + "] is " + o.y0.get(i) + ": give finite values");
            }
        }
        List<Map<String, Object>> x0Params = new ArrayList<>();
        for (int i = 0; i < x0.size(); i++) x0Params.add(checkPoint(space, x0.get(i), "x0" + (x0.size() > 1 || o.x0 != null ? "[" + i + "]" : "")));
        Checkpoint ckpt = o.hasCheckpoint() ? Checkpoint.load(o.resumeFrom) : null;
        List<Map<String, Object>> ckptParams = new ArrayList<>();
        if (ckpt != null) {
            if (!ckpt.space().equals(Checkpoint.specs(space))) {
                throw new IllegalArgumentException("the checkpoint " + o.resumeFrom + " is for the space " + ckpt.space() + ", not " + Checkpoint.specs(space)
                        + ": use the same dimensions, or another checkpoint file");
            }
            for (int i = 0; i < ckpt.xIters().size(); i++) ckptParams.add(checkPoint(space, ckpt.xIters().get(i), "checkpoint point " + i));
        }
        if (o.gp.nInitialPoints() == 0 && x0.isEmpty() && ckptParams.isEmpty()) {
            throw new IllegalArgumentException("nInitialPoints is 0 and no x0 is given: set nInitialPoints > 0 or give x0");
        }
        int required = o.gp.nInitialPoints() + (o.y0 == null ? x0.size() : 0);
        if (ckpt == null && o.nCalls < required) {
            String x0Part = o.y0 == null && !x0.isEmpty() ? " + " + x0.size() + " x0 point" + (x0.size() > 1 ? "s" : "") + " = " + required : "";
            throw new IllegalArgumentException("nCalls (" + o.nCalls + ") must be >= nInitialPoints (" + o.gp.nInitialPoints() + ")" + x0Part
                    + ": raise nCalls to at least " + required + " or lower nInitialPoints");
        }

        Storage storage = o.storage != null ? o.storage : Storage.inMemory();
        String name = o.studyName != null ? o.studyName : "gp_minimize-" + UUID.randomUUID().toString().substring(0, 8);
        boolean resumed = storage.findStudy(name).isPresent();
        int initial = resumed ? o.gp.nInitialPoints() : Math.max(0, o.gp.nInitialPoints() - ckptParams.size());
        GpSampler sampler = sampler(space, o, initial);
        Study study = Study.builder(name).minimize().storage(storage).sampler(sampler).loadIfExists().create();
        int used = 0;
        boolean told = false;
        if (resumed) {
            for (FrozenTrial t : study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.FAIL, TrialState.PRUNED))) {
                if (!"y0".equals(t.systemAttrs().get(SOURCE))) used++;
            }
        } else if (ckpt != null) {
            for (int i = 0; i < ckptParams.size(); i++) tell(study, space, ckptParams.get(i), ckpt.funcVals().get(i), "checkpoint");
            used = ckptParams.size();
            told = used > 0;
        } else if (o.y0 != null) {
            for (int i = 0; i < x0Params.size(); i++) tell(study, space, x0Params.get(i), o.y0.get(i), "y0");
            told = true;
        } else {
            for (Map<String, Object> p : x0Params) study.enqueueTrial(p);
        }
        for (SkoptCallback cb : o.callbacks) cb.onStart();
        Map<String, Object> specs = new LinkedHashMap<>();
        specs.put("function", "gp_minimize");
        specs.put("args", o.asMap());
        if (told && !o.callbacks.isEmpty() && callbacks(o, partial(study, space, sampler, specs))) {
            return result(study, space, sampler, specs);
        }
        int remaining = o.nCalls - used;
        if (remaining > 0) {
            final GpOptions opts = o;
            OptimizeOptions run = OptimizeOptions.trials(remaining).withJobs(o.nJobs).withCatchExceptions(false);
            if (o.showProgress != null) run = run.withProgress(o.showProgress);
            if (!o.callbacks.isEmpty()) {
                run = run.withCallback((st, t) -> {
                    if (callbacks(opts, partial(study, space, sampler, specs))) st.stop();
                });
            }
            study.optimize(trial -> func.evaluate(Point.of(space, trial.suggestAll(space))), run);
        }
        return result(study, space, sampler, specs);
    }

    /** The GP sampler gpMinimize uses for these options, for a study of your own ({@code Study.builder(...).sampler(...)}). */
    public static GpSampler sampler(Space space, GpOptions o) {
        return sampler(space, o, o.gp.nInitialPoints());
    }

    private static GpSampler sampler(Space space, GpOptions o, int nInitialPoints) {
        return o.gp.copy().space(space).nInitialPoints(nInitialPoints).build();
    }

    private static boolean callbacks(GpOptions o, OptimizeResult r) {
        boolean stop = false;
        for (SkoptCallback cb : o.callbacks) stop |= cb.afterCall(r);
        return stop;
    }

    /** Records an evaluation made elsewhere (y0, a checkpoint) as a COMPLETE trial, without calling the sampler. */
    private static void tell(Study study, Space space, Map<String, Object> params, double value, String source) {
        study.enqueueTrial(params);
        Trial t = study.ask();
        t.suggestAll(space);
        t.setSystemAttr(SOURCE, source);
        study.tell(t, value);
    }

    /** Checks a point given in dimension order and returns it as named values; errors name the point and the dimension. */
    static Map<String, Object> checkPoint(Space space, List<?> x, String what) {
        if (x.size() != space.size()) {
            throw new IllegalArgumentException(what + " = " + x + " has " + x.size() + " values but the space has " + space.size()
                    + " dimensions " + space.names() + ": give one value per dimension, in that order");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < x.size(); i++) {
            Dimension d = space.get(i);
            Object v = x.get(i);
            try {
                params.put(d.name(), d.distribution().toExternal(d.distribution().toInternal(v)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": dimension '" + d.name() + "' (" + d.distribution().spec() + ") cannot take " + v
                        + ": give a value inside the dimension, or widen it", e);
            }
        }
        return params;
    }

    private static OptimizeResult partial(Study study, Space space, GpSampler sampler, Map<String, Object> specs) {
        return new OptimizeResult(space, study, study.trials(), sampler.models(), specs);
    }

    private static OptimizeResult result(Study study, Space space, GpSampler sampler, Map<String, Object> specs) {
        List<Surrogate> models = new ArrayList<>(sampler.models());
        List<FrozenTrial> trials = study.trials();
        long complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
        if (complete >= 2) {
            Optional<Surrogate> last = sampler.fitSurrogate(study, sampler.relativeSearchSpace(study, null));
            last.ifPresent(models::add);
        }
        return new OptimizeResult(space, study, trials, models, specs);
    }
}
