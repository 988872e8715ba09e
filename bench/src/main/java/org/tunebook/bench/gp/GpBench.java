package org.tunebook.bench.gp;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tunebook.bench.BenchFunction;
import org.tunebook.bench.Functions;
import org.tunebook.sampler.gp.Acquisition;
import org.tunebook.sampler.gp.GpSampler;
import org.tunebook.skopt.GpOptions;
import org.tunebook.skopt.OptimizeResult;
import org.tunebook.skopt.Skopt;
import org.tunebook.study.Study;
import org.tunebook.study.Trial;

/**
 * Issue 3's benchmark, Java side (bench/python/gp_skopt.py is the scikit-optimize side; bench/run-gp.sh runs both).
 * <pre>
 *   regret   FUNCS SEEDS CALLS OUT.csv      final regret of gpMinimize(acqFunc EI) per function and seed
 *   overhead FUNCS SEEDS SIZES REPEATS OUT.csv   seconds per ask+tell at n observations (objective excluded)
 * </pre>
 * CSV columns: impl,function,seed,n,value,seconds,cpu_seconds (CPU time of the calling thread, which runs the sampler;
 * on a shared machine it is steadier than wall time).
 */
public final class GpBench {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private GpBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) throw new IllegalArgumentException("usage: regret FUNCS SEEDS CALLS OUT | overhead FUNCS SEEDS SIZES REPEATS OUT");
        List<BenchFunction> funcs = new ArrayList<>();
        for (String f : args[1].split(",")) funcs.add(Functions.byName(f));
        int seeds = Integer.parseInt(args[2]);
        Path out = Path.of(args[args.length - 1]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("impl,function,seed,n,value,seconds,cpu_seconds");
            if (args[0].equals("regret")) {
                int calls = Integer.parseInt(args[3]);
                regret(funcs, seeds, calls, w);
            } else {
                List<Integer> sizes = new ArrayList<>();
                for (String s : args[3].split(",")) sizes.add(Integer.parseInt(s));
                overhead(funcs, seeds, sizes, Integer.parseInt(args[4]), w);
            }
        }
    }

    private static void regret(List<BenchFunction> funcs, int seeds, int calls, PrintWriter w) {
        // warm up the JIT on a short run so the first measured run is not penalized
        Skopt.gpMinimize(x -> Functions.BRANIN.apply(x.asMap()), Functions.BRANIN.space(),
                GpOptions.builder().acqFunc("EI").nCalls(20).randomState(-1).showProgress(false).build());
        for (BenchFunction f : funcs) {
            for (int s = 0; s < seeds; s++) {
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                OptimizeResult r = Skopt.gpMinimize(x -> f.apply(x.asMap()), f.space(),
                        GpOptions.builder().acqFunc("EI").nCalls(calls).randomState(s).showProgress(false).build());
                double sec = (System.nanoTime() - t0) / 1e9;
                double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
                w.printf(Locale.ROOT, "tunebook,%s,%d,%d,%.10g,%.4f,%.4f%n", f.name(), s, calls, f.regret(r.fun()), sec, cpu);
                w.flush();
                System.err.printf(Locale.ROOT, "tunebook %s seed %d regret %.4g (%.1f s)%n", f.name(), s, f.regret(r.fun()), sec);
            }
        }
    }

    /**
     * Per-call optimizer time at n observations: a study with n random evaluations, then {@code repeats} timed
     * ask/tell calls with the GP (each call updates the model and maximizes EI). "cold" is the first call (no warm
     * start, a full hyperparameter fit with restarts: the work scikit-optimize does on every call); "steady" are the
     * later calls, of which 10 consecutive ones make one cycle of the refit schedule (one refit with restarts, one
     * from the warm start, eight O(n^2) extensions).
     */
    private static void overhead(List<BenchFunction> funcs, int seeds, List<Integer> sizes, int repeats, PrintWriter w) {
        for (int warm = 0; warm < 2; warm++) once(Functions.HARTMANN6, 30, 3, -1 - warm, null);
        for (BenchFunction f : funcs) {
            for (int n : sizes) {
                for (int s = 0; s < seeds; s++) once(f, n, repeats, s, w);
            }
        }
    }

    private static void once(BenchFunction f, int n, int repeats, int seed, PrintWriter w) {
        GpSampler sampler = GpSampler.builder().space(f.space()).acquisition(Acquisition.EI).nInitialPoints(n).seed((long) seed).build();
        Study study = Study.builder("overhead").minimize().sampler(sampler).create();
        for (int i = 0; i < n; i++) {
            Trial t = study.ask(f.space());
            study.tell(t, f.apply(t.params()));
        }
        for (int k = 0; k < repeats; k++) {
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            Trial t = study.ask(f.space());
            long t1 = System.nanoTime();
            long c1 = CPU.getCurrentThreadCpuTime();
            Map<String, Object> p = t.params();
            double v = f.apply(p);
            long t2 = System.nanoTime();
            long c2 = CPU.getCurrentThreadCpuTime();
            study.tell(t, v);
            long t3 = System.nanoTime();
            long c3 = CPU.getCurrentThreadCpuTime();
            double sec = ((t1 - t0) + (t3 - t2)) / 1e9;
            double cpu = ((c1 - c0) + (c3 - c2)) / 1e9;
            if (w != null) {
                w.printf(Locale.ROOT, "tunebook-%s,%s,%d,%d,%.10g,%.6f,%.6f%n", k == 0 ? "cold" : "steady", f.name(), seed, n + k, v, sec, cpu);
                w.flush();
                System.err.printf(Locale.ROOT, "tunebook %s n=%d seed %d call %d: %.4f s (cpu %.4f s)%n", f.name(), n + k, seed, k, sec, cpu);
            }
        }
    }
}
