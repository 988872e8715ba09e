package org.tunebook.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tunebook.sampler.Sampler;
import org.tunebook.sampler.Samplers;
import org.tunebook.space.Space;
import org.tunebook.storage.Storage;
import org.tunebook.study.Direction;
import org.tunebook.study.OptimizeOptions;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "optimize", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
                "Runs COMMAND once per trial (no shell): {name} in its arguments becomes the trial's value of parameter name; "
                        + "the values are also in the environment as TUNEBOOK_PARAM_<NAME>, with TUNEBOOK_TRIAL_NUMBER and TUNEBOOK_STUDY. "
                        + "The last line of its standard output is the objective value; its standard error is passed through. "
                        + "A non-numeric last line, a non-zero exit or a --trial-timeout fails the trial with the reason.",
                "Running it again with the same --study and --storage resumes the study: the new trials are added to it.",
                ""},
        footer = {"", "Example:",
                "  tunebook optimize --study demo --sampler random --trials 20 --param 'x=real(-5,10)' --param 'y=int(0,15)' \\",
                "      -- python3 objective.py --x {x} --y {y}"})
final class OptimizeCommand implements Callable<Integer> {
    private final Io io;

    OptimizeCommand(Io io) {
        this.io = io;
    }

    @Option(names = "--study", paramLabel = "NAME", description = "Study name; an existing study of this name is resumed.")
    String studyName;

    @Mixin
    StorageOption storage = new StorageOption();

    @Option(names = "--sampler", paramLabel = "NAME", description = "grid, random, gp, tpe or ga (those built into this version: "
            + Samplers.NAMES + ").")
    String samplerName;

    @Option(names = "--trials", paramLabel = "N", description = "Trials to run now (required unless --sampler grid, which defaults to every "
            + "remaining point, or --timeout).")
    Integer trials;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the sampler, for reproducible runs (a resumed study uses S plus its "
            + "number of trials, so that it does not repeat its first points).")
    Long seed;

    @Option(names = "--direction", paramLabel = "minimize|maximize", description = "Default minimize for a new study; a resumed study keeps its own.")
    String direction;

    @Option(names = "--jobs", paramLabel = "K", defaultValue = "1", description = "Trials run in parallel (default ${DEFAULT-VALUE}).")
    int jobs = 1;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop starting trials after this time.")
    Double timeout;

    @Option(names = "--trial-timeout", paramLabel = "SECONDS", description = "Kill a trial's command (and its children) after this time; the trial fails.")
    Double trialTimeout;

    @Option(names = "--param", paramLabel = "SPEC", description = "A parameter, repeatable: name=real(low,high[,log][,step=S]), "
            + "name=int(low,high[,log][,step=S]) or name=cat(a,b,...).")
    List<String> params = new ArrayList<>();

    @Option(names = "--json", description = "At the end print one JSON object {\"best_value\", \"best_params\", \"trials\"} on standard output "
            + "(progress lines then go to standard error).")
    boolean json;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its arguments (after --).")
    List<String> command = new ArrayList<>();

    /** Set when a shutdown (Ctrl-C) interrupted the run: the JVM is exiting and must not be asked to exit again. */
    static volatile boolean shutdownInProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        checkRequired();
        Space space = parseSpace();
        checkNumbers();
        Direction dir = parseDirection();
        checkCommand();
        try (Storage st = storage.open()) {
            Sampler sampler = sampler(space, effectiveSeed(st));
            Study study = openStudy(st, sampler, dir);
            OptimizeOptions options = OptimizeOptions.defaults()
                    .withTrials(trials) // null: a grid runs until every point is taken
                    .withTimeout(timeout == null ? null : Duration.ofMillis(Math.round(timeout * 1000)))
                    .withJobs(jobs)
                    .withProgress(false)
                    .withLogFailures(false)
                    .withListener(new Progress(json ? io.err() : io.out()));
            CommandObjective objective = new CommandObjective(command, space,
                    trialTimeout == null ? null : Duration.ofMillis(Math.round(trialTimeout * 1000)), study.name(), io.err());
            int[] exit = {1};
            runInterruptibly(() -> {
                study.optimize(objective, options);
                if (json) io.out().println(JsonReport.of(study));
                else summary(study);
                io.out().flush();
                exit[0] = study.bestTrialIfAny().isPresent() ? 0 : 1;
            });
            return exit[0];
        }
    }

    private void summary(Study study) {
        String counts = study.describeCounts();
        study.bestTrialIfAny().ifPresentOrElse(
                b -> io.out().println("[tunebook] best trial " + b.number() + ": value=" + b.value() + " " + Progress.params(b.params())
                        + " (" + counts + ")"),
                () -> io.out().println("[tunebook] no trial completed (" + counts + "): see the reasons above"));
    }

    /**
     * Required options are checked here rather than by picocli: everything after the first positional argument is
     * the command, so a mistyped option must be reported as such, not as a missing one.
     */
    private void checkRequired() {
        if (!command.isEmpty() && command.get(0).startsWith("-")) {
            List<String> original = spec.commandLine().getParseResult().originalArgs();
            int dashes = original.indexOf("--");
            int first = original.indexOf(command.get(0));
            if (dashes < 0 || first < dashes) {
                throw UsageError.of(command.get(0), "unknown option: the options of optimize are "
                        + String.join(" ", spec.optionsMap().keySet().stream().filter(n -> n.startsWith("--")).sorted().toList())
                        + "; put -- before the command to run");
            }
        }
        if (studyName == null) throw UsageError.of("--study", "missing: name the study, e.g. --study demo");
        if (samplerName == null) throw UsageError.of("--sampler", "missing: use one of " + Samplers.NAMES);
        if (params.isEmpty()) throw UsageError.of("--param", "missing: give at least one, e.g. --param 'x=real(-5,10)'");
        if (command.isEmpty()) throw UsageError.of("COMMAND", "missing: put the command to run after --, e.g. -- python3 objective.py {x}");
    }

    private Space parseSpace() {
        try {
            return Space.parse(params);
        } catch (IllegalArgumentException e) {
            throw UsageError.of("--param", e.getMessage());
        }
    }

    private void checkNumbers() {
        if (trials != null && trials < 1) throw UsageError.of("--trials", "must be at least 1, got " + trials);
        if (jobs < 1) throw UsageError.of("--jobs", "must be at least 1, got " + jobs);
        if (timeout != null && !(timeout > 0)) throw UsageError.of("--timeout", "must be a positive number of seconds, got " + timeout);
        if (trialTimeout != null && !(trialTimeout > 0)) {
            throw UsageError.of("--trial-timeout", "must be a positive number of seconds, got " + trialTimeout);
        }
        if (studyName.isBlank()) throw UsageError.of("--study", "give a non-blank name");
        if (trials == null && timeout == null && !"grid".equalsIgnoreCase(samplerName.strip())) {
            throw UsageError.of("--trials", "missing: give --trials N (or --timeout SECONDS) for --sampler " + samplerName);
        }
    }

    private Direction parseDirection() {
        if (direction == null) return null;
        try {
            return Direction.parse(direction);
        } catch (IllegalArgumentException e) {
            throw UsageError.of("--direction", "'" + direction + "' is not minimize or maximize: use one of them");
        }
    }

    private void checkCommand() {
        String exe = command.get(0);
        if (exe.contains("{")) return;
        if (exe.contains(File.separator)) {
            Path p = Path.of(exe);
            if (!Files.isRegularFile(p)) throw UsageError.of("COMMAND", "no such file " + exe + ": check the path after --");
            if (!Files.isExecutable(p)) throw UsageError.of("COMMAND", exe + " is not executable: chmod +x it, or run it through its interpreter");
            return;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, exe);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return;
            }
        }
        throw UsageError.of("COMMAND", "'" + exe + "' is not found on PATH: give its path, or install it");
    }

    /**
     * The seed for this run: --seed itself for a new study; for a resumed one, --seed plus the number of its
     * trials, so that running the same command again continues the search instead of repeating its first points
     * (still reproducible: the same commands give the same trials).
     */
    private Long effectiveSeed(Storage st) {
        if (seed == null) return null;
        int earlier = st.findStudy(studyName).map(info -> st.countTrials(info.studyId(), TrialState.ALL)).orElse(0);
        return seed + earlier;
    }

    private Sampler sampler(Space space, Long samplerSeed) {
        try {
            return Samplers.byName(samplerName, space, samplerSeed);
        } catch (IllegalArgumentException e) {
            throw UsageError.of("--sampler " + samplerName, e.getMessage());
        }
    }

    private Study openStudy(Storage st, Sampler sampler, Direction dir) {
        Study.Builder b = Study.builder(studyName).storage(st).sampler(sampler).loadIfExists();
        if (dir != null) b.direction(dir);
        Study study;
        try {
            study = b.create();
        } catch (IllegalArgumentException e) {
            throw UsageError.of("--direction", e.getMessage());
        }
        if (study.isMultiObjective()) {
            throw UsageError.of("--study " + studyName, "is a multi-objective study: the CLI optimizes single-objective studies; use another name");
        }
        int running = study.trials(java.util.EnumSet.of(TrialState.RUNNING)).size();
        if (running > 0) {
            io.err().println("[tunebook] note: study '" + studyName + "' has " + running
                    + " RUNNING trial(s) from an earlier run that did not finish (another process, or one that was killed)");
        }
        return study;
    }

    /**
     * Runs the study so that Ctrl-C (SIGINT, SIGTERM) interrupts it like a notebook's stop button: the running
     * trials are failed and stored as "interrupted" before the JVM exits.
     */
    private void runInterruptibly(Runnable run) {
        Thread caller = Thread.currentThread();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            shutdownInProgress = true;
            caller.interrupt();
            try {
                done.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // exit anyway
            }
        }, "tunebook-shutdown");
        boolean hooked = false;
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            hooked = true;
        } catch (IllegalStateException | SecurityException ignored) {
            // already exiting, or not allowed: run without the hook
        }
        try {
            run.run();
        } finally {
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException exiting) {
                    shutdownInProgress = true;
                }
            }
            done.countDown();
        }
    }
}
