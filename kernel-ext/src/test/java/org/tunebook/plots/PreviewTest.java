package org.tunebook.plots;

import org.junit.jupiter.api.Test;
import org.tunebook.study.Study;

import java.util.List;
import java.util.Map;

/** Renders every plot kind once (with -Dtunebook.plots.preview=DIR the PNGs are kept to look at). */
class PreviewTest {
    @Test
    void rendersEveryKind() {
        Study r = Fixtures.random(80, 1L);
        Study g = Fixtures.grid();
        Fixtures.png(Plots.history(r), "history-random");
        Fixtures.png(Plots.history(g), "history-grid");
        Fixtures.png(Plots.convergence(r), "convergence-one");
        Fixtures.png(Plots.convergence(Map.of("random", List.of(Fixtures.random(40, 2L), Fixtures.random(40, 3L), Fixtures.random(40, 4L)))), "convergence-runs");
        Fixtures.png(Plots.slice(r), "slice-random");
        Fixtures.png(Plots.slice(r, "lr"), "slice-lr");
        Fixtures.png(Plots.contour(r, "x", "lr"), "contour-x-lr");
        Fixtures.png(Plots.contour(r), "contour-matrix");
        Fixtures.png(Plots.contour(g, "x", "act"), "contour-grid-x-act");
        Fixtures.png(Plots.parallelCoordinates(r), "parallel-random");
        Fixtures.png(Plots.importance(r), "importance-random");
        Fixtures.png(Plots.intermediateValues(Fixtures.curves(5L)), "intermediate");
        Fixtures.png(Plots.paretoFront(Fixtures.multi(2, 3L)), "pareto-2");
        Fixtures.png(Plots.paretoFront(Fixtures.multi(3, 3L)), "pareto-3");
        Fixtures.png(Plots.objective(SurrogateResult.fromStudy(r), 20, 60), "objective-forest");
        Fixtures.png(Plots.evaluations(r), "evaluations-random");
    }
}
