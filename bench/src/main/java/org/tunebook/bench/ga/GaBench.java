package org.tunebook.bench.ga;

import static org.tunebook.evolution.Operators.polynomialBounded;
import static org.tunebook.evolution.Operators.sbxBounded;
import static org.tunebook.evolution.Operators.tournament;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tunebook.bench.BenchFunction;
import org.tunebook.bench.Functions;
import org.tunebook.evolution.Algorithms;
import org.tunebook.evolution.Engine;
import org.tunebook.evolution.Evolution;
import org.tunebook.evolution.EvolutionRun;
import org.tunebook.evolution.Genome;
import org.tunebook.evolution.Rng;
import org.tunebook.evolution.Statistics;
import org.tunebook.storage.Storage;

/**
 * The GA benchmark of issue 5, Tunebook's side: the seed's GA settings (eaSimpleWithElitism, tournament 2, SBX
 * eta 10 p 0.8, polynomial mutation eta 10 indpb 1/n p 0.2, hall of fame 2) at population 7 x 3 generations
 * (the seed) and 20 x 20, minimizing each benchmark function, seeds 1..N. Three ways of running: "study" (the
 * Evolution front-end, every evaluation an in-memory trial), "engine" (Algorithms without a study) and
 * "sqlite" (the front-end on an SQLite file; fewer seeds). Writes one TSV line per run: impl, mode, config,
 * function, seed, best, evaluations, wall ns, process CPU ns, wall ns inside the function; and per function a
 * "fcost" line with the function's CPU ns per call (in the cpu_ns column), measured alone.
 * <p>
 * Usage: GaBench SEEDS SQLITE_SEEDS OUT.tsv WORKDIR
 */
public final class GaBench {
    record Config(String name, int population, int generations) {
    }

    static final List<Config> CONFIGS = List.of(new Config("seed-7x3", 7, 3), new Config("20x20", 20, 20));

    private GaBench() {
    }

    static Evolution settings(BenchFunction f, Config c, long seed) {
        Genome g = Genome.of(f.space());
        return Evolution.of(g).population(c.population())
                .select(tournament(2)).mate(sbxBounded(10.0), 0.8).mutate(polynomialBounded(10.0, 1.0 / g.size()), 0.2)
                .hallOfFame(2).elitism().statistics("min", "avg").seed(seed).progress(false);
    }

    record Result(double best, int evaluations, long totalNs, long cpuNs, long fitnessNs) {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** CPU time of this process (all threads, so garbage collection counts): robust to other load on the machine. */
    static long cpu() {
        return OS.getProcessCpuTime();
    }

    /** CPU ns per call of a function on uniform random points of its space, after a warm-up. */
    static double functionCost(BenchFunction f) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        List<java.util.Map<String, Object>> points = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
            for (var d : f.space()) p.put(d.name(), d.distribution().toExternal(org.tunebook.sampler.RandomSampler.sample(d.distribution(), r)));
            points.add(p);
        }
        double sink = 0;
        for (int i = 0; i < 200_000; i++) sink += f.apply(points.get(i % 1000));
        int n = 1_000_000;
        long t0 = cpu();
        for (int i = 0; i < n; i++) sink += f.apply(points.get(i % 1000));
        long dt = cpu() - t0;
        if (sink == 42.4242) System.out.print("");
        return dt / (double) n;
    }

    static Result study(BenchFunction f, Config c, long seed, Storage storage) {
        long[] inFitness = new long[1];
        long t0 = System.nanoTime(), c0 = cpu();
        Evolution e = settings(f, c, seed);
        if (storage != null) e.storage(storage).name(f.name() + "-" + c.name() + "-" + seed);
        EvolutionRun run = e.minimize(genes -> {
            var params = genes.params();
            long a = System.nanoTime();
            double v = f.apply(params);
            inFitness[0] += System.nanoTime() - a;
            return v;
        }, c.generations());
        long total = System.nanoTime() - t0, cpu = cpu() - c0;
        return new Result(run.best().value(), run.study().trials().size(), total, cpu, inFitness[0]);
    }

    static Result engine(BenchFunction f, Config c, long seed) {
        long[] inFitness = new long[1];
        int[] evals = new int[1];
        long t0 = System.nanoTime(), c0 = cpu();
        Genome g = Genome.of(f.space());
        Algorithms.Toolbox tb = new Algorithms.Toolbox(g, tournament(2), sbxBounded(10.0), polynomialBounded(10.0, 1.0 / g.size()),
                x -> {
                    var params = g.decode(x);
                    long a = System.nanoTime();
                    double v = f.apply(params);
                    inFitness[0] += System.nanoTime() - a;
                    evals[0]++;
                    return new double[]{v};
                }, new double[]{-1}, Rng.python(seed));
        Engine e = Algorithms.eaSimpleWithElitism(tb, c.population(), 0.8, 0.2, c.generations(),
                Statistics.fitness().register("min", "avg"), 2, 1);
        long total = System.nanoTime() - t0, cpu = cpu() - c0;
        return new Result(e.hallOfFame().get(0).value(), evals[0], total, cpu, inFitness[0]);
    }

    /**
     * Overhead batches: every seed run again, repeatedly until at least a second of process CPU has passed (the
     * process CPU clock is too coarse for a single sub-millisecond run). One line: mode-batch, repetitions in the
     * seed column, total evaluations, total CPU ns.
     */
    private static void batch(PrintWriter w, String mode, Config c, BenchFunction f, int seeds) {
        long evals = 0;
        int reps = 0;
        long c0 = cpu();
        do {
            for (long s = 1; s <= seeds; s++) evals += (mode.equals("engine") ? engine(f, c, s) : study(f, c, s, null)).evaluations();
            reps++;
        } while (cpu() - c0 < 1_000_000_000L);
        long dt = cpu() - c0;
        w.println(String.format(Locale.ROOT, "tunebook\t%s-batch\t%s\t%s\t%d\t0\t%d\t0\t%d\t0", mode, c.name(), f.name(), reps, evals, dt));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) throw new IllegalArgumentException("usage: GaBench SEEDS SQLITE_SEEDS OUT.tsv WORKDIR");
        int seeds = Integer.parseInt(args[0]);
        int sqliteSeeds = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Path work = Path.of(args[3]);
        Files.createDirectories(work);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("impl\tmode\tconfig\tfunction\tseed\tbest\tevals\ttotal_ns\tcpu_ns\tfitness_ns");
            for (BenchFunction f : Functions.ALL) {
                w.println(String.format(Locale.ROOT, "tunebook\tfcost\t-\t%s\t0\t0\t0\t0\t%.1f\t0", f.name(), functionCost(f)));
            }
            // warm-up (JIT): every function, settings and mode, for at least 5 s, not recorded
            long warmEnd = System.nanoTime() + 5_000_000_000L;
            for (int round = 0; round < 3 || System.nanoTime() < warmEnd; round++) {
                for (BenchFunction f : Functions.ALL) {
                    for (Config c : CONFIGS) {
                        study(f, c, 1000 + round, null);
                        engine(f, c, 1000 + round);
                    }
                }
            }
            for (Config c : CONFIGS) {
                for (BenchFunction f : Functions.ALL) {
                    for (long s = 1; s <= seeds; s++) {
                        line(w, "study", c, f, s, study(f, c, s, null));
                        line(w, "engine", c, f, s, engine(f, c, s));
                    }
                    for (long s = 1; s <= sqliteSeeds; s++) {
                        Path db = work.resolve("ga-" + f.name() + "-" + c.name() + "-" + s + ".db");
                        Files.deleteIfExists(db);
                        try (Storage st = Storage.sqlite(db)) {
                            line(w, "sqlite", c, f, s, study(f, c, s, st));
                        }
                        Files.deleteIfExists(db);
                    }
                }
            }
            // overhead: after every quality run, two passes; the report keeps the lower of the two
            for (int pass = 0; pass < 2; pass++) {
                for (Config c : CONFIGS) {
                    for (BenchFunction f : Functions.ALL) {
                        batch(w, "engine", c, f, seeds);
                        batch(w, "study", c, f, seeds);
                    }
                }
            }
        }
    }

    private static void line(PrintWriter w, String mode, Config c, BenchFunction f, long seed, Result r) {
        w.println(String.format(Locale.ROOT, "tunebook\t%s\t%s\t%s\t%d\t%.17g\t%d\t%d\t%d\t%d", mode, c.name(), f.name(), seed, r.best(),
                r.evaluations(), r.totalNs(), r.cpuNs(), r.fitnessNs()));
    }
}
