package org.tunebook.kernel.progress;

import org.junit.jupiter.api.Test;
import org.tunebook.kernel.Bundle;
import org.tunebook.kernel.jjava.JJavaBridge;
import org.tunebook.kernel.jjava.JJavaBridgeTest;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.study.OptimizeOptions;
import org.tunebook.study.Study;
import org.tunebook.study.TrialPruned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The progress state on a real JJava kernel object outside a cell (nothing executing: no display is
 * sent, as the kernel would drop it); the messages themselves are checked in the notebook tests.
 */
class NotebookProgressTest {

    @Test
    void finalStateSummarisesTheRun() {
        NotebookProgress p = new NotebookProgress(new JJavaBridge(new JJavaBridgeTest.EchoKernel()));
        Study s = Study.builder("summary").maximize().sampler(new RandomSampler(11L)).create();
        s.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            if (t.number() == 2) throw new TrialPruned();
            return x;
        }, OptimizeOptions.trials(6).withProgress(false).withListener(p));
        assertNull(p.displayId(), "no cell executing: nothing displayed");
        assertEquals(0, p.updates());
        Bundle b = p.bundle(true);
        String text = b.text();
        assertTrue(text.startsWith("[tunebook] summary: done 6/6 trials | elapsed "), text);
        assertTrue(text.contains("| best " + NotebookProgress.number(s.bestValue()) + " (#" + s.bestTrial().number() + ")"), text);
        assertTrue(text.contains("5 COMPLETE, 1 PRUNED"), text);
        String html = b.get(Bundle.HTML);
        assertTrue(html.contains("width:100.0%"), "a finished run fills the bar");
        assertTrue(html.contains("best (max) <b>"), html);
    }

    @Test
    void numbersAndDurationsAreShort() {
        assertEquals("3", NotebookProgress.number(3.0));
        assertEquals("0.123457", NotebookProgress.number(0.1234567));
        assertEquals("4.2s", NotebookProgress.duration(4.2));
        assertEquals("2m05s", NotebookProgress.duration(125));
        assertEquals("1h01m", NotebookProgress.duration(3665));
    }
}
