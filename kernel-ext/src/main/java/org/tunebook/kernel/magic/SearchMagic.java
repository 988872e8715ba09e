package org.tunebook.kernel.magic;

import org.tunebook.kernel.KernelBridge;
import org.tunebook.kernel.Session;
import org.tunebook.sampler.Samplers;
import org.tunebook.space.Dimension;
import org.tunebook.space.ParamSpec;
import org.tunebook.space.Space;
import org.tunebook.storage.Storage;
import org.tunebook.study.Direction;
import org.tunebook.study.Objective;
import org.tunebook.study.OptimizeOptions;
import org.tunebook.study.Study;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code %%search SAMPLER [--trials N] [--timeout S] [--seed S] [--direction D] [--study NAME] [--storage URL]
 * --param SPEC ...}: the cell body is the objective, compiled once by the notebook's own shell.
 */
public final class SearchMagic {
    static final String NAME = "%%search";
    static final String USAGE = "%%search SAMPLER [--trials N] [--timeout SECONDS] [--seed S] [--direction minimize|maximize]"
            + " [--study NAME] [--storage URL] --param SPEC [--param SPEC ...]";
    static final String HELP = USAGE + "\n"
            + "Runs a study whose objective is the cell body. Each --param becomes a variable of the body\n"
            + "(real -> double, int -> int, cat -> int, double, boolean or String); 'trial' is the live trial\n"
            + "(trial.report(v, step), trial.shouldPrune()). The last expression, or a return, is the value.\n"
            + "  SAMPLER            one of " + Samplers.NAMES + "\n"
            + "  --param SPEC       " + ParamSpec.SYNTAX + "\n"
            + "  --trials N         number of trials (default 20; a grid runs until exhausted)\n"
            + "  --timeout SECONDS  stop starting trials after this time\n"
            + "  --seed S           seed of the sampler\n"
            + "  --direction D      minimize (default) or maximize\n"
            + "  --study NAME       study name (default search-1, search-2, ...); an existing one resumes\n"
            + "  --storage URL      memory (default), sqlite:PATH or jdbc:postgresql://...\n"
            + "Example:\n"
            + "  %%search random --trials 30 --seed 1 --param x=real(-5,5) --param n=int(1,4)\n"
            + "  (x - 2) * (x - 2) + n";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final KernelBridge kernel;

    public SearchMagic(KernelBridge kernel) {
        this.kernel = kernel;
    }

    public Object run(List<String> args, String body) throws Exception {
        MagicArgs a = MagicArgs.parse(NAME, args,
                Set.of("trials", "timeout", "seed", "direction", "study", "storage", "param"), Set.of());
        if (a.help()) {
            System.out.println(HELP);
            return null;
        }
        if (a.positional().isEmpty()) {
            throw new MagicUsageException(NAME + ": name a sampler (" + Samplers.NAMES + "); usage: " + USAGE);
        }
        a.atMostPositional(NAME, 1, USAGE);
        String samplerName = a.positional().get(0);
        if (a.all("param").isEmpty()) {
            throw new MagicUsageException(NAME + ": give at least one --param, e.g. --param lr=real(1e-4,1e-1,log); usage: " + USAGE);
        }
        List<Dimension> dims = new ArrayList<>();
        for (String p : a.all("param")) {
            try {
                dims.add(ParamSpec.parse(p));
            } catch (IllegalArgumentException e) {
                throw new MagicUsageException(NAME + ": --param " + p + ": " + e.getMessage());
            }
        }
        ObjectiveSource.checkNames(NAME, dims);
        Space space;
        try {
            space = Space.of(dims);
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(NAME + ": " + e.getMessage());
        }
        Integer trials = a.positiveInt(NAME, "trials", null);
        Double timeout = a.positiveDouble(NAME, "timeout");
        Long seed = a.longOption(NAME, "seed");
        Direction direction;
        try {
            direction = a.option("direction") == null ? Direction.MINIMIZE : Direction.parse(a.option("direction"));
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(NAME + ": " + e.getMessage() + " (use --direction minimize or --direction maximize)");
        }
        var sampler = samplerOf(samplerName, space, seed);
        if (body == null || body.isBlank()) {
            throw new MagicUsageException(NAME + ": the cell body is empty: write the objective below the magic line, "
                    + "ending with the value to " + direction.name().toLowerCase() + ", e.g. (x - 2) * (x - 2)");
        }
        Storage storage = storageOf(a.option("storage"));
        String name = a.option("study") != null ? a.option("study") : "search-" + COUNTER.incrementAndGet();

        SearchObjective compiled = compile(body, dims);
        Study study;
        try {
            study = Study.builder(name).direction(direction).storage(storage).sampler(sampler).loadIfExists().create();
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(NAME + ": " + e.getMessage());
        }
        Session.remember(study);
        if (trials == null && timeout == null && !samplerName.strip().equalsIgnoreCase("grid")) {
            trials = 20;
        }
        OptimizeOptions options = OptimizeOptions.defaults().withTrials(trials)
                .withTimeout(timeout == null ? null : Duration.ofMillis(Math.round(timeout * 1000)));
        Objective objective = trial -> {
            Map<String, Object> values = trial.suggestAll(space);
            Object v = compiled.evaluate(trial, values);
            if (v instanceof Number num) return num.doubleValue();
            throw new IllegalArgumentException(v == null
                    ? "the cell body gave no value: end it with an expression or a return of the objective value"
                    : "the cell body gave " + v + " (a " + v.getClass().getSimpleName() + "), not a number");
        };
        study.optimize(objective, options);
        return study;
    }

    private static org.tunebook.sampler.Sampler samplerOf(String name, Space space, Long seed) throws MagicUsageException {
        try {
            return Samplers.byName(name, space, seed);
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(NAME + ": " + e.getMessage());
        }
    }

    static Storage storageOf(String url) throws MagicUsageException {
        if (url == null) return Storage.inMemory();
        try {
            return Storage.open(url);
        } catch (RuntimeException e) {
            throw new MagicUsageException("--storage " + url + ": " + e.getMessage());
        }
    }

    /**
     * Compiles the body in the notebook's shell: first with its last expression returned, else as written
     * (a body that returns its value itself). The compiler messages shown are those of the attempt that
     * matches the body: the first, unless it failed only because the last statement has no value.
     */
    private SearchObjective compile(String body, List<Dimension> dims) throws Exception {
        String implicit = ObjectiveSource.withImplicitReturn(body, dims);
        String written = ObjectiveSource.asWritten(body, dims);
        int header = ObjectiveSource.headerLines(dims);
        String firstError;
        try {
            return asObjective(kernel.eval(implicit));
        } catch (MagicUsageException e) {
            throw e;
        } catch (Exception e) {
            firstError = kernel.describeError(e, header);
        }
        String error = firstError;
        if (!written.equals(implicit)) {
            try {
                return asObjective(kernel.eval(written));
            } catch (MagicUsageException e) {
                throw e;
            } catch (Exception e) {
                if (firstError.contains("'void' type not allowed")) {
                    error = kernel.describeError(e, header);
                }
            }
        }
        throw new MagicUsageException(NAME + ": the cell body does not compile as an objective (it must end with "
                + "the value: an expression, or a return):\n" + error.stripTrailing());
    }

    private static SearchObjective asObjective(Object o) throws MagicUsageException {
        if (o instanceof SearchObjective s) return s;
        throw new MagicUsageException(NAME + ": the notebook shell returned " + o + " for the objective; "
                + "is Tunebook on the notebook's classpath twice?");
    }
}
