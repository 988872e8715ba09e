package org.tunebook.kernel.render;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.tunebook.kernel.plot.ConvergenceChart;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.study.Direction;
import org.tunebook.study.Study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvergenceChartTest {

    @Test
    void bestLineFollowsTheDirectionAndDotsAreThinned() {
        Study s = Study.builder("conv").maximize().sampler(new RandomSampler(3L)).create();
        s.optimize(t -> t.suggestFloat("x", 0, 1), 50);
        XYChart all = ConvergenceChart.of("c", Direction.MAXIMIZE, s.trials(), 400, 200);
        XYSeries dots = all.getSeriesMap().get("value");
        XYSeries best = all.getSeriesMap().get("best so far");
        assertEquals(50, dots.getXData().length);
        double[] by = best.getYData();
        for (int i = 1; i < by.length; i++) {
            assertTrue(by[i] >= by[i - 1], "the best of a maximized study never decreases");
        }
        assertEquals(s.bestValue(), by[by.length - 1], 0.0);
        assertEquals(49.0, best.getXData()[best.getXData().length - 1], 0.0, "the line reaches the last trial");

        XYChart thin = ConvergenceChart.of("c", Direction.MAXIMIZE, s.trials(), 400, 200, 10);
        assertEquals(10, thin.getSeriesMap().get("value").getXData().length);
        assertEquals(by.length, thin.getSeriesMap().get("best so far").getYData().length);
    }

    @Test
    void noValuesNoChart() {
        Study s = Study.builder("empty").create();
        assertNull(ConvergenceChart.of("c", Direction.MINIMIZE, s.trials(), 400, 200));
    }
}
