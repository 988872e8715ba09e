package org.tunebook.bench.tpe;

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
import org.tunebook.moo.Hypervolume;
import org.tunebook.sampler.nsga.NsgaIISampler;
import org.tunebook.sampler.tpe.TpeSampler;
import org.tunebook.study.Direction;
import org.tunebook.study.OptimizeOptions;
import org.tunebook.study.Study;

/**
 * Tunebook's side of bench/run-tpe.sh (bench/python/tpe_bench.py is Optuna's side; both write the same JSON lines):
 * <pre>
 *   regret   TRIALS SEEDS OUT.jsonl [FUNCTIONS]   best-so-far regret of TPE at 50 and TRIALS trials, every function
 *                                                 (or the comma-separated FUNCTIONS)
 *   overhead FUNCTION TRIALS OUT.jsonl [WARMUP]   time between objective calls (ask + sample + tell) per trial,
 *                                                after an unrecorded warm-up run of WARMUP trials (300)
 *   nsga     PROBLEM TRIALS POP SEEDS OUT.jsonl   NSGA-II hypervolume on ZDT1 / ZDT2 (30 variables)
 * </pre>
 */
public final class TpeBench {
    private TpeBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) throw new IllegalArgumentException("usage: regret|overhead|nsga ...");
        switch (args[0]) {
            case "regret" -> regret(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]),
                    args.length > 4 ? java.util.Arrays.stream(args[4].split(",")).map(Functions::byName).toList() : Functions.ALL);
            case "overhead" -> overhead(Functions.byName(args[1]), Integer.parseInt(args[2]), Path.of(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 300);
            case "nsga" -> nsga(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0] + ": use regret, overhead or nsga");
        }
    }

    private static PrintWriter out(Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        return new PrintWriter(Files.newBufferedWriter(file));
    }

    private static Study study(String name, org.tunebook.sampler.Sampler sampler) {
        return Study.builder(name).minimize().sampler(sampler).create();
    }

    private static final OptimizeOptions QUIET = OptimizeOptions.defaults().withProgress(false);

    static void regret(int trials, int seeds, Path file, List<BenchFunction> functions) throws IOException {
        try (PrintWriter w = out(file)) {
            for (BenchFunction f : functions) {
                for (int seed = 0; seed < seeds; seed++) {
                    Study s = study(f.name(), TpeSampler.seeded(seed));
                    double[] best = {Double.POSITIVE_INFINITY};
                    List<Double> curve = new ArrayList<>();
                    long t0 = System.nanoTime();
                    s.optimize(t -> {
                        double v = f.apply(t.suggestAll(f.space()));
                        best[0] = Math.min(best[0], v);
                        curve.add(f.regret(best[0]));
                        return v;
                    }, QUIET.withTrials(trials));
                    double secs = (System.nanoTime() - t0) / 1e9;
                    w.printf(Locale.ROOT, "{\"impl\":\"tunebook\",\"fn\":\"%s\",\"seed\":%d,\"regret50\":%.10g,\"regret_final\":%.10g,\"trials\":%d,\"seconds\":%.4f}%n",
                            f.name(), seed, curve.get(Math.min(49, curve.size() - 1)), curve.get(curve.size() - 1), curve.size(), secs);
                    w.flush();
                }
            }
        }
    }

    /**
     * Wall time and CPU time (of the optimizing thread) per trial minus the time spent evaluating the function:
     * ask, sampling, storage and tell. CPU time is the robust figure on a shared, loaded machine.
     */
    static void overhead(BenchFunction f, int trials, Path file, int warmup) throws IOException {
        if (warmup > 0) runTimed(f, warmup, 99); // JIT warm-up, not recorded (the Python side warms up likewise)
        double[][] gaps = runTimed(f, trials, 0);
        double[] wall = gaps[0], cpu = gaps[1];
        try (PrintWriter w = out(file)) {
            w.printf(Locale.ROOT, "{\"impl\":\"tunebook\",\"fn\":\"%s\",\"trials\":%d,\"mean_ms\":%.5f,\"last100_ms\":%.5f,\"first100_ms\":%.5f,"
                            + "\"cpu_mean_ms\":%.5f,\"cpu_last100_ms\":%.5f,\"cpu_last100_median_ms\":%.5f}%n",
                    f.name(), trials, mean(wall, 0, trials) * 1e3, mean(wall, trials - 100, trials) * 1e3, mean(wall, 0, 100) * 1e3,
                    mean(cpu, 0, trials) * 1e3, mean(cpu, trials - 100, trials) * 1e3, median(cpu, trials - 100, trials) * 1e3);
        }
    }

    private static double[][] runTimed(BenchFunction f, int trials, long seed) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Study s = study(f.name(), TpeSampler.seeded(seed));
        double[] wall = new double[trials], cpu = new double[trials];
        long[] last = {System.nanoTime(), mx.getCurrentThreadCpuTime()};
        long[] inObjective = {0, 0};
        int[] i = {0};
        s.optimize(t -> {
            Map<String, Object> p = t.suggestAll(f.space()); // sampling happens here: it counts as overhead
            long w0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
            double v = f.apply(p);
            inObjective[0] = System.nanoTime() - w0;
            inObjective[1] = mx.getCurrentThreadCpuTime() - c0;
            return v;
        }, QUIET.withTrials(trials).withCallback((st, ft) -> {
            long now = System.nanoTime(), c = mx.getCurrentThreadCpuTime();
            wall[i[0]] = (now - last[0] - inObjective[0]) / 1e9;
            cpu[i[0]++] = (c - last[1] - inObjective[1]) / 1e9;
            last[0] = now;
            last[1] = c;
        }));
        return new double[][]{wall, cpu};
    }

    private static double median(double[] a, int from, int to) {
        double[] v = java.util.Arrays.copyOfRange(a, from, to);
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    private static double mean(double[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += a[i];
        return s / (to - from);
    }

    static void nsga(String problem, int trials, int pop, int seeds, Path file) throws IOException {
        try (PrintWriter w = out(file)) {
            for (int seed = 0; seed < seeds; seed++) {
                Study s = Study.builder(problem).directions(Direction.MINIMIZE, Direction.MINIMIZE)
                        .sampler(NsgaIISampler.builder().populationSize(pop).seed(seed).build()).create();
                long t0 = System.nanoTime();
                s.optimizeMulti(t -> {
                    double[] x = new double[30];
                    for (int i = 0; i < 30; i++) x[i] = t.suggestFloat("x" + i, 0, 1);
                    return zdt(problem, x);
                }, QUIET.withTrials(trials));
                double secs = (System.nanoTime() - t0) / 1e9;
                double hv = Hypervolume.ofTrials(s.trials(), s.directions(), new double[]{1.1, 1.1});
                w.printf(Locale.ROOT, "{\"impl\":\"tunebook\",\"problem\":\"%s\",\"seed\":%d,\"trials\":%d,\"hv\":%.10g,\"seconds\":%.4f}%n",
                        problem, seed, trials, hv, secs);
                w.flush();
            }
        }
    }

    static double[] zdt(String problem, double[] x) {
        double s = 0;
        for (int i = 1; i < x.length; i++) s += x[i];
        double g = 1 + 9 * s / (x.length - 1);
        double r = x[0] / g;
        double f2 = switch (problem) {
            case "zdt1" -> g * (1 - Math.sqrt(r));
            case "zdt2" -> g * (1 - r * r);
            default -> throw new IllegalArgumentException("unknown problem " + problem + ": use zdt1 or zdt2");
        };
        return new double[]{x[0], f2};
    }
}
