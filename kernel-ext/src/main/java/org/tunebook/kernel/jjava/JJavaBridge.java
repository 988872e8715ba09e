package org.tunebook.kernel.jjava;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.tunebook.kernel.Bundle;
import org.tunebook.kernel.KernelBridge;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** The JJava kernel (org.dflib.jjava) behind Tunebook's {@link KernelBridge}. */
public final class JJavaBridge implements KernelBridge {
    private final BaseKernel kernel;

    public JJavaBridge(BaseKernel kernel) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
    }

    /** The running notebook's kernel, or null outside a JJava notebook. */
    public static JJavaBridge ofNotebook() {
        try {
            return new JJavaBridge(BaseKernel.notebookKernel());
        } catch (RuntimeException noKernel) {
            return null;
        }
    }

    public BaseKernel kernel() {
        return kernel;
    }

    @Override
    public Object identity() {
        return kernel;
    }

    @Override
    public String name() {
        return "JJava";
    }

    @Override
    public <T> void registerRenderer(Class<T> type, Function<? super T, Bundle> renderer) {
        kernel.getRenderer().createRegistration(type)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((value, ctx) -> {
                    Bundle bundle = renderer.apply(value);
                    for (Map.Entry<String, String> e : bundle.data().entrySet()) {
                        ctx.renderIfRequested(MIMEType.parse(e.getKey()), e::getValue);
                    }
                });
    }

    @Override
    public void registerLineMagic(String name, LineMagicFunction magic) {
        kernel.getMagicsRegistry().registerLineMagic(name, (k, args) -> magic.run(args));
    }

    @Override
    public void registerCellMagic(String name, CellMagicFunction magic) {
        kernel.getMagicsRegistry().registerCellMagic(name, (k, args, body) -> magic.run(args, body));
    }

    @Override
    public String display(Bundle bundle) {
        String id = UUID.randomUUID().toString();
        kernel.display(toDisplayData(bundle, id));
        return id;
    }

    @Override
    public void updateDisplay(String displayId, Bundle bundle) {
        kernel.getIO().display.updateDisplay(displayId, toDisplayData(bundle, displayId));
    }

    @Override
    public Object eval(String code) throws Exception {
        return kernel.evalRaw(code);
    }

    @Override
    public boolean isAttached() {
        return kernel.getIO().isAttached();
    }

    static DisplayData toDisplayData(Bundle bundle, String displayId) {
        DisplayData d = new DisplayData();
        bundle.data().forEach(d::putData);
        if (displayId != null) {
            d.setDisplayId(displayId);
        }
        return d;
    }
}
