package org.tunebook.kernel.jjava;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.tunebook.kernel.Bundle;
import org.tunebook.kernel.KernelBridge;
import org.tunebook.kernel.PrivateField;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** The JJava kernel (org.dflib.jjava) behind Tunebook's {@link KernelBridge}. */
public final class JJavaBridge implements KernelBridge {
    private final BaseKernel kernel;
    /** Cell threads of the kernel's execution control are named with this prefix. */
    static final String CELL_THREAD_PREFIX = "jjava-exec-";
    /** DisplayStream's private reply environment: one per executing cell. */
    private final PrivateField env = new PrivateField("env");

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

    /**
     * The kernel's current reply environment (DisplayStream's private {@code env}), read reflectively:
     * each executing cell has its own. Falls back to the attached flag when the field is not there.
     */
    @Override
    public Object cellToken() {
        return env.read(kernel.getIO().display, KernelBridge.super::cellToken);
    }

    @Override
    public boolean isCellThread(Thread thread) {
        return thread.getName().startsWith(CELL_THREAD_PREFIX);
    }

    /** Compiler messages of a failed snippet, read from the kernel's JShell (JJava's JavaKernel.getJShell()). */
    @Override
    public String describeError(Exception error, int headerLines) {
        try {
            Object event = error.getClass().getMethod("getBadSnippetCompilation").invoke(error);
            JShell shell = (JShell) kernel.getClass().getMethod("getJShell").invoke(kernel);
            Snippet snippet = ((SnippetEvent) event).snippet();
            String src = snippet.source();
            List<String> lines = src.lines().toList();
            StringBuilder b = new StringBuilder();
            shell.diagnostics(snippet).forEach(d -> {
                int line = d.getStartPosition() < 0 ? -1 : lineOf(src, (int) d.getStartPosition());
                String msg = d.getMessage(Locale.ROOT).lines().filter(l -> !l.strip().startsWith("location:"))
                        .collect(Collectors.joining(" "));
                int bodyLine = line - headerLines;
                b.append(bodyLine > 0 ? "  line " + bodyLine + ": " : "  ").append(msg).append('\n');
                if (bodyLine > 0 && line <= lines.size()) {
                    b.append("      ").append(lines.get(line - 1).strip()).append('\n');
                }
            });
            return b.length() == 0 ? KernelBridge.super.describeError(error, headerLines) : b.toString();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return KernelBridge.super.describeError(error, headerLines);
        }
    }

    private static int lineOf(String s, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < s.length(); i++) {
            if (s.charAt(i) == '\n') line++;
        }
        return line;
    }

    static DisplayData toDisplayData(Bundle bundle, String displayId) {
        DisplayData d = new DisplayData();
        bundle.data().forEach(d::putData);
        if (displayId != null) {
            // not setDisplayId: its return type changed between JJava releases (void -> DisplayData)
            d.putTransientData("display_id", displayId);
        }
        return d;
    }
}
