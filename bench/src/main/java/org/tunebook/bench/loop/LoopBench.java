package org.tunebook.bench.loop;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.storage.Storage;
import org.tunebook.study.Objective;
import org.tunebook.study.OptimizeOptions;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

/**
 * Study-loop overhead (issue 2): {@code Study.optimize} with random sampling over a trivial objective of two
 * parameters (a real and an integer; the value is x^2 + k), so that the time per trial is the engine's own cost:
 * asking, sampling, storing the parameters and the result. bench/python/loop_optuna.py runs the same loop with
 * Optuna; bench/run-loop.sh runs both and writes bench/results/loop.md.
 * <p>
 * Usage: {@code LoopBench memory|sqlite TRIALS RUNS [DB_FILE]}. Each run is a new study (a new file for SQLite)
 * in this JVM: run 1 is cold (it includes the JIT compiling the loop), later runs are warm, as in a notebook
 * kernel that has already run a study. Time is measured around optimize() only. Prints one JSON line per run:
 * {"impl", "storage", "run", "trials", "seconds", "cpu_seconds"}: wall-clock time, and CPU time of the whole
 * process over the same span (JIT and GC threads included).
 */
public final class LoopBench {
    private LoopBench() {
    }

    /** The objective both sides run: two suggestions and a little arithmetic. */
    static final Objective TRIVIAL = t -> {
        double x = t.suggestFloat("x", -10, 10);
        int k = t.suggestInt("k", 0, 10);
        return x * x + k;
    };

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LoopBench memory|sqlite TRIALS RUNS [DB_FILE]");
            System.exit(2);
        }
        String kind = args[0];
        int trials = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path db = Path.of(args.length > 3 ? args[3] : "loop-bench.db");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            Storage storage = switch (kind) {
                case "memory" -> Storage.inMemory();
                case "sqlite" -> {
                    for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) Files.deleteIfExists(Path.of(db + suffix));
                    yield Storage.sqlite(db);
                }
                default -> throw new IllegalArgumentException("storage '" + kind + "': use memory or sqlite");
            };
            try (storage) {
                Study study = Study.builder("loop").storage(storage).minimize().sampler(new RandomSampler((long) run)).create();
                OptimizeOptions options = OptimizeOptions.trials(trials).withProgress(false);
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                study.optimize(TRIVIAL, options);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (os.getProcessCpuTime() - c0) / 1e9;
                int complete = study.trials(EnumSet.of(TrialState.COMPLETE)).size();
                if (complete != trials) throw new IllegalStateException("expected " + trials + " COMPLETE trials, got " + complete);
                System.out.println(String.format(Locale.ROOT,
                        "{\"impl\": \"tunebook\", \"storage\": \"%s\", \"run\": %d, \"trials\": %d, \"seconds\": %.4f, \"cpu_seconds\": %.4f}",
                        kind, run, trials, seconds, cpuSeconds));
                System.out.flush();
            }
        }
    }
}
