package org.tunebook.kernel.ijava;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.tunebook.kernel.Tunebook;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IJava adapter against the real jupyter-jvm-basekernel 2.3.0 classes. */
class IJavaBridgeTest {

    /** Shaped like IJava's JavaKernel: a BaseKernel with getMagics() and evalRaw(String). */
    public static final class IJavaLikeKernel extends BaseKernel {
        private final Magics magics = new Magics();

        public Magics getMagics() {
            return magics;
        }

        public Object evalRaw(String code) {
            if (code.contains("boom")) {
                throw new IllegalArgumentException("boom in " + code);
            }
            return code.length();
        }

        @Override
        public DisplayData eval(String expr) {
            return getRenderer().render(evalRaw(expr));
        }

        @Override
        public LanguageInfo getLanguageInfo() {
            return new LanguageInfo.Builder("java").version("17").build();
        }
    }

    @Test
    void installRegistersRenderersThatProduceAllThreeBundles() {
        IJavaLikeKernel kernel = new IJavaLikeKernel();
        Tunebook.install(new IJavaBridge(kernel));

        XYChart chart = new XYChartBuilder().width(320).height(200).title("conv").build();
        chart.addSeries("best", new double[]{1, 2, 3}, new double[]{1, 0.5, 0.25});
        DisplayData c = kernel.getRenderer().render(chart);
        assertTrue(c.hasDataForType(MIMEType.IMAGE_PNG));
        assertTrue(c.hasDataForType(MIMEType.TEXT_HTML));
        assertEquals("XYChart 'conv' (1 series, 320x200)", c.getData(MIMEType.TEXT_PLAIN));

        DisplayData t = kernel.getRenderer().render(Table.create("t", IntColumn.create("x", 1, 2, 3)));
        String html = String.valueOf(t.getData(MIMEType.TEXT_HTML));
        assertEquals(4, html.split("<tr>", -1).length - 1, "header and three rows");
    }

    @org.junit.jupiter.api.AfterEach
    void uninstall() {
        Tunebook.uninstall();
    }

    @Test
    void installRegistersTheMagicsInIJavasRegistry() throws Exception {
        IJavaLikeKernel kernel = new IJavaLikeKernel();
        Tunebook.install(new IJavaBridge(kernel));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream oldErr = System.err;
        java.io.PrintStream oldOut = System.out;
        System.setErr(new java.io.PrintStream(err, true));
        System.setOut(new java.io.PrintStream(out, true));
        try {
            assertNull(kernel.getMagics().applyLineMagic("trials", List.of("--sortt", "value")));
            assertNull(kernel.getMagics().applyCellMagic("search", List.of("--help"), ""));
            assertNull(kernel.getMagics().applyCellMagic("search", List.of("random", "--param", "x=real(0,)"), "x"));
            assertNull(kernel.getMagics().applyLineMagic("plot", List.of()));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        String e = err.toString();
        assertTrue(e.contains("%trials: unknown option --sortt"), e);
        assertTrue(e.contains("%%search: --param x=real(0,): empty value"), e);
        assertTrue(e.contains("%plot: name a plot kind"), e);
        assertTrue(out.toString().startsWith("%%search SAMPLER"), out.toString());
    }

    @Test
    void evalGoesThroughTheKernelsEvalRawAndKeepsItsExceptions() throws Exception {
        IJavaBridge bridge = new IJavaBridge(new IJavaLikeKernel());
        assertEquals(3, bridge.eval("1+2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bridge.eval("boom()"));
        assertTrue(e.getMessage().contains("boom"));
    }

    @Test
    void aKernelWithoutIJavasMethodsIsRejectedWithAClearMessage() {
        BaseKernel plain = new BaseKernel() {
            @Override
            public DisplayData eval(String expr) {
                return null;
            }

            @Override
            public LanguageInfo getLanguageInfo() {
                return null;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new IJavaBridge(plain));
        assertTrue(e.getMessage().contains("getMagics"), e.getMessage());
    }

    @Test
    void noIJavaInThisJvm() {
        assertNull(IJavaBridge.ofNotebook());
    }
}
