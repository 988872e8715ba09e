package org.tunebook.kernel.ijava;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import org.tunebook.kernel.Bundle;
import org.tunebook.kernel.KernelBridge;
import org.tunebook.kernel.PrivateField;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The IJava kernel (io.github.spencerpark, on jupyter-jvm-basekernel 2.3) behind Tunebook's
 * {@link KernelBridge}. IJava's own jar is not on Maven Central, so its kernel is reached by
 * reflection: {@code io.github.spencerpark.ijava.IJava.getKernelInstance()}, and its
 * {@code getMagics()} / {@code evalRaw(String)} methods. Everything else is the base kernel API.
 */
public final class IJavaBridge implements KernelBridge {
    static final String IJAVA_CLASS = "io.github.spencerpark.ijava.IJava";

    private final BaseKernel kernel;
    /** Cell threads of the kernel's execution control are named with this prefix. */
    static final String CELL_THREAD_PREFIX = "IJava-executor-";
    /** DisplayStream's private reply environment: one per executing cell. */
    private final PrivateField env = new PrivateField("env");
    private final Magics magics;
    private final Method evalRaw;

    /**
     * Wraps an IJava-shaped kernel: a base kernel whose class has public {@code Magics getMagics()} and
     * {@code Object evalRaw(String)}, as IJava's JavaKernel does.
     */
    public IJavaBridge(BaseKernel kernel) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.magics = (Magics) invoke(method(kernel, "getMagics"), kernel);
        this.evalRaw = method(kernel, "evalRaw", String.class);
    }

    /** The running IJava kernel, or null when IJava is not running in this JVM. */
    public static IJavaBridge ofNotebook() {
        try {
            Class<?> ijava = Class.forName(IJAVA_CLASS, true, IJavaBridge.class.getClassLoader());
            Object kernel = ijava.getMethod("getKernelInstance").invoke(null);
            return kernel instanceof BaseKernel k ? new IJavaBridge(k) : null;
        } catch (ReflectiveOperationException | LinkageError notIJava) {
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
        return "IJava";
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
        magics.registerLineMagic(name, magic::run);
    }

    @Override
    public void registerCellMagic(String name, CellMagicFunction magic) {
        magics.registerCellMagic(name, magic::run);
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
        try {
            return evalRaw.invoke(kernel, code);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
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

    static DisplayData toDisplayData(Bundle bundle, String displayId) {
        DisplayData d = new DisplayData();
        bundle.data().forEach(d::putData);
        if (displayId != null) {
            // not setDisplayId: its return type changed between JJava releases (void -> DisplayData)
            d.putTransientData("display_id", displayId);
        }
        return d;
    }

    private static Method method(Object target, String name, Class<?>... params) {
        try {
            Method m = target.getClass().getMethod(name, params);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("this kernel (" + target.getClass().getName() + ") has no public " + name
                    + "(): Tunebook supports IJava 1.3 and JJava; on JJava the jar installs itself", e);
        }
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not call " + m.getName() + " on " + target.getClass().getName(), e);
        }
    }
}
