package org.tunebook.kernel.magic;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tunebook.kernel.Bundle;
import org.tunebook.kernel.Session;
import org.tunebook.kernel.render.Renderers;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.study.Study;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The line magics on a real in-memory study. */
class TrialsMagicTest {

    @AfterEach
    void forget() {
        Session.clear();
    }

    static Study study(String name, boolean maximize) {
        Study s = (maximize ? Study.builder(name).maximize() : Study.builder(name).minimize())
                .sampler(new RandomSampler(5L)).create();
        s.optimize(t -> {
            double x = t.suggestFloat("x", -3, 3);
            return x * x;
        }, 12);
        Session.remember(s);
        return s;
    }

    @Test
    void sortValueIsBestFirstForTheStudysDirection() throws Exception {
        Study min = study("min", false);
        Table t = (Table) new TrialsMagic().run(List.of("--sort", "value", "--top", "3"));
        assertEquals(3, t.rowCount());
        assertEquals(min.bestValue(), t.doubleColumn("value").get(0), 0.0);
        assertTrue(t.doubleColumn("value").get(0) <= t.doubleColumn("value").get(1));

        Study max = study("max", true);
        Table u = (Table) new TrialsMagic().run(List.of("max", "--sort", "value"));
        assertEquals(12, u.rowCount());
        assertEquals(max.bestValue(), u.doubleColumn("value").get(0), 0.0);
        Table byX = (Table) new TrialsMagic().run(List.of("min", "--sort", "x", "--desc"));
        assertTrue(byX.doubleColumn("params_x").get(0) >= byX.doubleColumn("params_x").get(11));
    }

    @Test
    void unknownStudyOrColumnIsExplained() {
        study("known", false);
        MagicUsageException e = assertThrows(MagicUsageException.class, () -> new TrialsMagic().run(List.of("nope")));
        assertTrue(e.getMessage().contains("no study named 'nope'") && e.getMessage().contains("known"), e.getMessage());
        e = assertThrows(MagicUsageException.class, () -> new TrialsMagic().run(List.of("--sort", "loss")));
        assertTrue(e.getMessage().startsWith("%trials: no column 'loss' to sort on; columns: number, value"), e.getMessage());
    }

    @Test
    void plotAndStudySummaryRenderPng() throws Exception {
        Study s = study("plotted", false);
        Bundle chart = Renderers.bundle(new PlotMagic().run(List.of("convergence")));
        assertTrue(chart.has(Bundle.PNG));
        Bundle summary = Renderers.bundle(new StudyMagic().run(List.of()));
        assertTrue(summary.has(Bundle.PNG) && summary.has(Bundle.HTML));
        assertTrue(summary.get(Bundle.HTML).contains("<b>plotted</b>"));
        assertTrue(summary.text().contains("12 COMPLETE"), summary.text());
        Bundle trial = Renderers.bundle(s.bestTrial());
        assertTrue(trial.get(Bundle.HTML).contains("#" + s.bestTrial().number()));
        assertNull(new PlotMagic().run(List.of("--help")));
        for (String kind : List.of("history", "slice", "parallel", "importance", "evaluations", "objective")) {
            assertTrue(Renderers.bundle(new PlotMagic().run(List.of(kind))).has(Bundle.PNG), kind);
        }
        MagicUsageException one = assertThrows(MagicUsageException.class, () -> new PlotMagic().run(List.of("contour")));
        assertTrue(one.getMessage().contains("a contour plot needs two parameters"), one.getMessage());
        MagicUsageException e = assertThrows(MagicUsageException.class, () -> new PlotMagic().run(List.of("slices")));
        assertTrue(e.getMessage().contains("unknown plot kind 'slices'"), e.getMessage());
    }

    @Test
    void studyLoadReadsASqliteStudy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String url = "sqlite:" + dir.resolve("s.db");
        Study s = Study.builder("stored").storage(url).sampler(new RandomSampler(1L)).create();
        s.optimize(t -> t.suggestInt("k", 0, 9), 4);
        Study loaded = (Study) new StudyMagic().run(List.of("load", "stored", "--storage", url));
        assertEquals(4, loaded.trials().size());
        assertEquals("stored", Session.current().orElseThrow().name());
        Table list = (Table) new StudyMagic().run(List.of("list", "--storage", url));
        assertEquals(1, list.rowCount());
        MagicUsageException e = assertThrows(MagicUsageException.class, () -> new StudyMagic().run(List.of("load", "stored")));
        assertTrue(e.getMessage().contains("--storage URL"), e.getMessage());
    }
}
