package org.tunebook.bench.plots;

import org.tunebook.bench.BenchFunction;
import org.tunebook.bench.Functions;
import org.tunebook.plots.Plot;
import org.tunebook.plots.Plots;
import org.tunebook.plots.SurrogateResult;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.space.Space;
import org.tunebook.study.Direction;
import org.tunebook.study.Study;
import org.tunebook.study.Trial;
import org.tunebook.study.TrialPruned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rendering time of every static plot for a 1,000-trial study (random sampler on the mixed function of
 * {@link Functions#MIXED}): building the plot from the study and encoding it as PNG, median of several runs after
 * warm-up. Prints a Markdown table; bench/run-plots.sh puts it into bench/results/plots.md.
 * Usage: PlotsBench [trials] [repeats]
 */
public final class PlotsBench {
    private PlotsBench() {
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        BenchFunction f = Functions.MIXED;
        Space space = f.space();
        Study study = Study.builder("plots-bench").minimize().sampler(new RandomSampler(0L)).create();
        study.optimize(t -> {
            Map<String, Object> p = t.suggestAll(space);
            double v = f.apply(p);
            // learning curve towards the final value; the worst quarter stops at step 3
            for (int step = 0; step < 10; step++) {
                t.report(v * (1 + 2.0 / (step + 1)), step);
                if (step == 3 && v > 20) throw new TrialPruned();
            }
            return v;
        }, trials);
        Study multi = Study.builder("plots-bench-mo").directions(Direction.MINIMIZE, Direction.MINIMIZE).sampler(new RandomSampler(1L)).create();
        multi.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 2);
            double y = t.suggestFloat("y", 0, 1);
            return new double[]{x * x + y, (x - 2) * (x - 2) + y};
        }, trials);
        List<Study> runs = new ArrayList<>();
        for (long seed = 10; seed < 15; seed++) {
            Study s = Study.builder("run-" + seed).minimize().sampler(new RandomSampler(seed)).create();
            s.optimize(t -> f.apply(t.suggestAll(space)), trials / 5);
            runs.add(s);
        }
        SurrogateResult forest = SurrogateResult.fromStudy(study);

        Map<String, Supplier<Plot>> plots = new LinkedHashMap<>();
        plots.put("history", () -> Plots.history(study));
        plots.put("convergence (1 study)", () -> Plots.convergence(study));
        plots.put("convergence (5 runs, mean + band)", () -> Plots.convergence(Map.of("random", runs)));
        plots.put("slice (4 params)", () -> Plots.slice(study));
        plots.put("contour (x, lr)", () -> Plots.contour(study, "x", "lr"));
        plots.put("contour matrix (4 params)", () -> Plots.contour(study));
        plots.put("parallel coordinates", () -> Plots.parallelCoordinates(study));
        plots.put("importance (forest fit + permutation)", () -> Plots.importance(study));
        plots.put("intermediate values", () -> Plots.intermediateValues(study));
        plots.put("Pareto front (2 objectives)", () -> Plots.paretoFront(multi));
        plots.put("evaluations matrix (4 params)", () -> Plots.evaluations(study));
        plots.put("objective matrix (12 points x 50 samples)", () -> Plots.objective(forest, 12, 50));
        plots.put("objective matrix (skopt default 40 x 250)", () -> Plots.objective(forest));

        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.println("| plot (" + trials + " trials) | median wall ms | min wall ms | median CPU ms | PNG KB | size |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        for (Map.Entry<String, Supplier<Plot>> e : plots.entrySet()) {
            int reps = e.getKey().contains("40 x 250") ? Math.max(2, repeats / 3) : repeats;
            for (int w = 0; w < 2; w++) e.getValue().get().toPngBytes(); // warm-up
            double[] ms = new double[reps];
            double[] cpuMs = new double[reps];
            int bytes = 0;
            Plot last = null;
            for (int r = 0; r < reps; r++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                last = e.getValue().get();
                bytes = last.toPngBytes().length;
                ms[r] = (System.nanoTime() - t0) / 1e6;
                cpuMs[r] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(cpuMs);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %d | %dx%d |%n", e.getKey(), ms[reps / 2], ms[0], cpuMs[reps / 2], bytes / 1024,
                    last.width(), last.height());
        }
        long t0 = System.nanoTime();
        String svg = Plots.history(study).toSvg();
        System.out.printf(Locale.ROOT, "%nSVG of the history plot: %.0f ms, %d KB (text drawn as shapes).%n",
                (System.nanoTime() - t0) / 1e6, svg.length() / 1024);
    }
}
