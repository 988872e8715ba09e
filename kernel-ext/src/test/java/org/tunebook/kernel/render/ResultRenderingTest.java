package org.tunebook.kernel.render;

import org.junit.jupiter.api.Test;
import org.tunebook.evolution.Evolution;
import org.tunebook.evolution.Logbook;
import org.tunebook.kernel.Bundle;
import org.tunebook.skopt.GpOptions;
import org.tunebook.skopt.OptimizeResult;
import org.tunebook.skopt.Skopt;
import org.tunebook.space.Real;
import org.tunebook.space.Space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The renderers of core's scikit-optimize and DEAP style results, on real (small) runs. */
class ResultRenderingTest {

    @Test
    void optimizeResultShowsFunXTheBestEvaluationsAndAConvergenceChart() {
        Space space = Space.of(Real.uniform("a", -2, 2), Real.uniform("b", -2, 2));
        OptimizeResult r = Skopt.gpMinimize(p -> {
            double a = p.getDouble("a"), b = p.getDouble("b");
            return (a - 1) * (a - 1) + b * b;
        }, space, GpOptions.builder().nCalls(11).nInitialPoints(8).randomState(3L).build());
        Bundle bundle = Renderers.bundle(r);
        assertTrue(bundle.has(Bundle.PNG));
        String html = bundle.get(Bundle.HTML);
        assertTrue(html.contains("<b>fun</b> = " + r.fun()), html);
        assertTrue(html.contains("11 evaluations"), html);
        assertTrue(html.contains("<th title=\"click to sort\">func_val</th><th title=\"click to sort\">a</th>"), html);
        assertEquals(10, html.split("<tbody>", 2)[1].split("</tbody>", 2)[0].split("<tr>", -1).length - 1);
        assertEquals(r.toString(), bundle.text());
    }

    @Test
    void logbookShowsDeapsTableAndItsCurves() {
        Logbook log = Evolution.bounded(new double[]{-1, -1}, new double[]{1, 1}).population(8).seed(5L).elitism()
                .maximize(g -> -(g.value(0) * g.value(0) + g.value(1) * g.value(1)), 4).logbook();
        Bundle bundle = Renderers.bundle(log);
        assertTrue(bundle.has(Bundle.PNG));
        String html = bundle.get(Bundle.HTML);
        assertTrue(html.contains(">gen</th>") && html.contains(">nevals</th>"), html);
        assertEquals(log.size(), html.split("<tbody>", 2)[1].split("</tbody>", 2)[0].split("<tr>", -1).length - 1);
        assertEquals(log.toString(), bundle.text());
    }
}
