package org.tunebook.plots;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.tunebook.space.Real;
import org.tunebook.space.Space;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every plot kind from real studies (random and grid samplers, pruned trials, several objectives), rendered to PNG. */
class PlotsTest {
    static Study random;
    static Study grid;

    @BeforeAll
    static void studies() {
        random = Fixtures.random(80, 1L);
        grid = Fixtures.grid();
    }

    static XYSeries series(Chart<?, ?> c, String name) {
        XYSeries s = ((XYChart) c).getSeriesMap().get(name);
        assertTrue(s != null, "no series '" + name + "' in " + c.getSeriesMap().keySet());
        return s;
    }

    @Test
    void historyShowsEveryValueAndTheRunningBest() {
        for (Study s : List.of(random, grid)) {
            Plot p = Plots.history(s);
            XYChart c = (XYChart) p.chart();
            double[] y = series(c, "Objective value").getYData();
            double[] best = series(c, "Best value").getYData();
            assertEquals(s.completeTrials().size(), y.length);
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < y.length; i++) {
                min = Math.min(min, y[i]);
                assertEquals(min, best[i], 1e-12, "running minimum at " + i);
            }
            assertEquals(s.bestValue(), best[best.length - 1], 1e-12);
            assertEquals("Trial", c.getXAxisTitle());
            Fixtures.png(p, "history-" + s.name());
        }
    }

    @Test
    void convergenceOverlaysRunsWithMeanAndSpread() {
        Study a = Fixtures.random(30, 2L);
        Study b = Fixtures.random(30, 3L);
        Plot p = Plots.convergence(Map.of("random", List.of(a, b), "grid", List.of(grid)));
        XYChart c = (XYChart) p.chart();
        double[] mean = series(c, "random mean of 2 runs").getYData();
        double[] ba = Convergence.bestSoFar(Convergence.values(a), org.tunebook.study.Direction.MINIMIZE);
        double[] bb = Convergence.bestSoFar(Convergence.values(b), org.tunebook.study.Direction.MINIMIZE);
        for (int i = 0; i < 30; i++) assertEquals((ba[i] + bb[i]) / 2, mean[i], 1e-12);
        XYSeries band = series(c, "random range of 2 runs");
        assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle());
        assertEquals(Math.max(ba[0], bb[0]), band.getYData()[0], 1e-12);
        assertEquals(Math.min(ba[0], bb[0]), band.getYData()[59], 1e-12);
        series(c, "grid");
        Fixtures.png(p, "convergence-groups");
        Plot one = Convergence.builder().add("one", random).trueMinimum(0.0).plot();
        series(one.chart(), "true minimum");
        Fixtures.png(one, "convergence-one");
    }

    @Test
    void sliceHasOnePanelPerParameterWithLogAndCategoricalAxes() {
        Plot p = Plots.slice(random);
        assertEquals(4, p.charts().size());
        assertEquals(2, p.rows());
        LabelledXYChart lr = (LabelledXYChart) p.cell(0, 1);
        assertEquals("lr (log)", lr.getXAxisTitle());
        assertTrue(lr.getStyler().isXAxisLogarithmic());
        LabelledXYChart act = (LabelledXYChart) p.cell(1, 1);
        assertEquals(List.of("relu", "tanh", "sigmoid"), act.xCategories());
        int points = act.getSeriesMap().values().stream().mapToInt(s -> s.getXData().length).sum();
        assertEquals(80, points);
        Fixtures.png(p, "slice-random");
        Plot g = Plots.slice(grid, "x", "act");
        assertEquals(2, g.charts().size());
        Fixtures.png(g, "slice-grid");
        Fixtures.png(Plots.slice(random, "lr"), "slice-one");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.slice(random, "nope"));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("lr"), e.getMessage());
    }

    @Test
    void contourInterpolatesBetweenTrialsAndMarksTheBest() {
        Plot p = Plots.contour(random, "x", "lr");
        ContourChart c = assertInstanceOf(ContourChart.class, p.chart());
        assertEquals(StudyPlots.CONTOUR_GRID, c.field().length);
        double lo = random.completeTrials().stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
        double hi = random.completeTrials().stream().mapToDouble(FrozenTrial::value).max().orElseThrow();
        assertTrue(c.zMin() >= lo - 1e-9 && c.zMax() <= hi + 1e-9, "IDW stays within the trial values");
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertEquals(80, series(c, "trials").getXData().length);
        series(c, "best trial #" + random.bestTrial().number());
        Fixtures.png(p, "contour-x-lr");
        Plot m = Plots.contour(random);
        assertEquals(3, m.rows());
        assertEquals(6, m.charts().size());
        assertNull(m.cell(0, 1));
        Fixtures.png(m, "contour-matrix");
        Plot g = Plots.contour(grid, "x", "act");
        assertEquals(List.of("relu", "tanh", "sigmoid"), ((ContourChart) g.chart()).yCategories());
        Fixtures.png(g, "contour-grid");
    }

    @Test
    void idwPassesThroughTrialsAndAveragesTies() {
        double[][] f = Interpolation.idw(new double[]{0, 1, 1}, new double[]{0, 1, 1}, new double[]{2, 4, 6}, 5);
        assertEquals(2, f[0][0], 1e-12);
        assertEquals(5, f[4][4], 1e-12);
        assertTrue(f[2][2] > 2 && f[2][2] < 5);
    }

    @Test
    void parallelCoordinatesDrawOneLinePerTrial() {
        Plot p = Plots.parallelCoordinates(grid);
        LabelledXYChart c = (LabelledXYChart) p.chart();
        assertEquals(List.of("objective", "x", "lr", "units", "act"), c.xCategories());
        long lines = c.getSeriesMap().values().stream().filter(s -> s.getName().contains("\u2013"))
                .mapToLong(s -> java.util.Arrays.stream(s.getXData()).filter(Double::isNaN).count()).sum();
        assertEquals(grid.completeTrials().size(), lines);
        Fixtures.png(p, "parallel-grid");
        Fixtures.png(Plots.parallelCoordinates(random, "x", "act"), "parallel-random");
    }

    @Test
    void importanceRanksTheParametersThatDriveTheObjective() {
        ParamImportance.Result r = ParamImportance.evaluate(random);
        assertEquals(1.0, r.importances().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        List<String> order = new ArrayList<>(r.importances().keySet());
        assertEquals(List.of("x", "lr"), List.copyOf(new java.util.TreeSet<>(order.subList(0, 2))).stream().sorted(java.util.Comparator.reverseOrder()).toList());
        assertTrue(r.importances().get("x") + r.importances().get("lr") > 0.8, r.importances().toString());
        assertEquals(r, ParamImportance.evaluate(random), "deterministic");
        Plot p = Plots.importance(grid);
        CategoryChart c = assertInstanceOf(CategoryChart.class, p.chart());
        assertEquals(4, c.getSeriesMap().get("importance").getXData().size());
        Fixtures.png(p, "importance-grid");
    }

    @Test
    void intermediateValuesSeparatePrunedFromComplete() {
        Study s = Fixtures.curves(5L);
        long pruned = s.trials().stream().filter(t -> t.state() == org.tunebook.study.TrialState.PRUNED).count();
        assertTrue(pruned > 0 && pruned < 40, "fixture prunes some trials: " + pruned);
        Plot p = Plots.intermediateValues(s);
        series(p.chart(), "pruned (" + pruned + ")");
        series(p.chart(), "complete (" + (40 - pruned) + ")");
        assertEquals(pruned, series(p.chart(), "pruned at").getXData().length);
        Fixtures.png(p, "intermediate");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.intermediateValues(random));
        assertTrue(e.getMessage().contains("trial.report"), e.getMessage());
    }

    @Test
    void paretoFrontHighlightsNonDominatedTrials() {
        Study two = Fixtures.multi(2, 3L);
        Plot p = Plots.paretoFront(two, "cost", "error");
        int front = two.bestTrials().size();
        assertEquals(front, series(p.chart(), "Pareto front (" + front + ")").getXData().length);
        assertEquals("cost (minimize)", ((XYChart) p.chart()).getXAxisTitle());
        Fixtures.png(p, "pareto-2");
        Plot three = Plots.paretoFront(Fixtures.multi(3, 3L));
        assertEquals(3, three.charts().size());
        Fixtures.png(three, "pareto-3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.paretoFront(random));
        assertTrue(e.getMessage().contains("one objective"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.history(two));
        Fixtures.png(Plots.history(two, 1), "history-objective-1");
    }

    @Test
    void plotObjectiveFindsThePartialDependenceMinimum() {
        Space space = Space.of(Real.uniform("a", 0, 10), Real.logUniform("b", 1e-3, 1e1));
        List<List<Object>> xs = List.of(List.of(3.0, 1.0), List.of(1.0, 0.01), List.of(8.0, 5.0));
        // a real surrogate: a smooth bowl in unit coordinates, minimum at a = 3 (u = 0.3), b = 1 (u = 0.75)
        SurrogateResult r = SurrogateResult.of(space, xs, new double[]{0.0, 1.0, 2.0},
                u -> Math.pow(u[0] - 0.3, 2) + Math.pow(u[1] - 0.75, 2));
        Plot p = Plots.objective(r, 41, 20);
        assertEquals(3, p.charts().size());
        double[] x = series(p.cell(0, 0), "partial dependence").getXData();
        double[] y = series(p.cell(0, 0), "partial dependence").getYData();
        int arg = 0;
        for (int i = 1; i < y.length; i++) if (y[i] < y[arg]) arg = i;
        assertEquals(3.0, x[arg], 1e-9);
        ContourChart pair = assertInstanceOf(ContourChart.class, p.cell(1, 0));
        assertTrue(pair.getStyler().isYAxisLogarithmic());
        assertEquals(List.of(3.0, 1.0), r.x());
        Fixtures.png(p, "objective-bowl");
        Plot forest = Plots.objective(SurrogateResult.fromStudy(random), 12, 30);
        assertEquals(10, forest.charts().size());
        Fixtures.png(forest, "objective-forest");
    }

    @Test
    void plotEvaluationsCountsEverySample() {
        Plot p = Plots.evaluations(random);
        assertEquals(10, p.charts().size());
        double[] ys = series(p.cell(3, 3), "count").getYData();
        double total = 0;
        for (int i = 1; i < ys.length; i += 4) total += ys[i];
        assertEquals(80, total, 1e-9);
        Fixtures.png(p, "evaluations-random");
        Fixtures.png(Plots.evaluations(grid), "evaluations-grid");
    }

    @Test
    void logbookFromTableAndRecords() {
        Table t = Table.create("ga", IntColumn.create("gen", 0, 1, 2, 3), IntColumn.create("nevals", 7, 5, 6, 4),
                DoubleColumn.create("max", 0.8, 0.85, 0.9, 0.9), DoubleColumn.create("avg", 0.6, 0.7, 0.8, 0.85),
                DoubleColumn.create("std", 0.1, 0.08, 0.05, 0.03));
        Plot p = Plots.logbook(t);
        assertEquals(4, series(p.chart(), "max").getXData().length);
        series(p.chart(), "avg \u00b1 std");
        assertTrue(p.toString().contains("22 evaluations"), p.toString());
        Fixtures.png(p, "logbook");
        Plot q = Plots.logbook(List.of(Map.of("gen", 0, "min", 1.0), Map.of("gen", 1, "min", 0.5)));
        assertEquals(0.5, series(q.chart(), "min").getYData()[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.logbook(List.of(Map.of("gen", 0))));
        assertTrue(e.getMessage().contains("max"), e.getMessage());
    }

    @Test
    void savesPngSvgAndHtml(@TempDir Path dir) throws Exception {
        Plot p = Plots.contour(random);
        Path png = p.savePng(dir.resolve("out/contour.png"));
        assertTrue(Files.size(png) > 10_000);
        Path svg = p.saveSvg(dir.resolve("contour.svg"));
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.contains("</svg>"));
        Path html = Plots.importance(random).saveHtml(dir.resolve("importance.html"));
        assertTrue(Files.readString(html).contains("data:image/png;base64,"));
        assertFalse(Plots.importance(random).hasInteractive());
        assertThrows(UnsupportedOperationException.class, () -> Plots.importance(random).interactive());
        var b = p.bundle();
        assertTrue(b.has(org.tunebook.kernel.Bundle.PNG) && b.has(org.tunebook.kernel.Bundle.HTML));
    }
}
