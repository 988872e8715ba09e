package org.tunebook.kernel.jjava;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JJava adapter against the real jjava-jupyter kernel classes (a minimal kernel without a JShell). */
public class JJavaBridgeTest {

    /** A real JJava BaseKernel whose evaluation echoes the code back (no JShell in a unit test). */
    public static final class EchoKernel extends BaseKernel {
        public EchoKernel() {
            super("echo", "1", new LanguageInfo("java", "17", "text/x-java", ".java", "java", "java", null), List.of(),
                    null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                    new MagicParser("(?<=(?:^|=))\\s*%", "%%", new MagicTranspiler()), new MagicsRegistry(), false,
                    new StringStyler.Builder().build());
        }

        @Override
        public Object evalRaw(String source) {
            return "evaluated: " + source;
        }

        @Override
        public DisplayData inspect(String code, int at, boolean extraDetail) {
            return null;
        }

        @Override
        public ReplacementOptions complete(String code, int at) {
            return null;
        }

        @Override
        public String isComplete(String code) {
            return IS_COMPLETE_YES;
        }
    }

    static Extension tunebookExtension() {
        List<Extension> found = ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e instanceof TunebookExtension).collect(Collectors.toList());
        assertEquals(1, found.size(), "META-INF/services lists the Tunebook extension once");
        return found.get(0);
    }

    @Test
    void extensionIsFoundByServiceLoaderAndRegistersRenderers() {
        EchoKernel kernel = new EchoKernel();
        tunebookExtension().install(kernel);

        Table t = Table.create("t", IntColumn.create("x", 1, 2, 3));
        DisplayData table = kernel.getRenderer().render(t);
        assertTrue(table.hasDataForType(MIMEType.TEXT_HTML));
        assertTrue(table.hasDataForType(MIMEType.TEXT_PLAIN));
        assertTrue(String.valueOf(table.getData(MIMEType.TEXT_HTML)).contains("<table"));

        XYChart chart = new XYChartBuilder().width(300).height(200).title("c").build();
        chart.addSeries("s", new double[]{1, 2}, new double[]{2, 1});
        DisplayData c = kernel.getRenderer().render(chart);
        assertTrue(c.hasDataForType(MIMEType.IMAGE_PNG));
        assertTrue(c.hasDataForType(MIMEType.TEXT_HTML));
        assertTrue(String.valueOf(c.getData(MIMEType.IMAGE_PNG)).startsWith("iVBORw0KGgo"), "base64 of a PNG");
    }

    @Test
    void bridgeEvaluatesThroughTheKernelAndBuildsDisplayData() throws Exception {
        EchoKernel kernel = new EchoKernel();
        JJavaBridge bridge = new JJavaBridge(kernel);
        assertEquals("evaluated: 1+1", bridge.eval("1+1"));
        DisplayData d = JJavaBridge.toDisplayData(org.tunebook.kernel.Bundle.builder().html("<b>x</b>").text("x").build(), "id-1");
        assertEquals("id-1", d.getDisplayId());
        assertEquals("<b>x</b>", d.getData(MIMEType.TEXT_HTML));
        assertNotNull(d.getData(MIMEType.TEXT_PLAIN));
    }
}
