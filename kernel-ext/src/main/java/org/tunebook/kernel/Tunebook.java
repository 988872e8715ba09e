package org.tunebook.kernel;

import org.tunebook.kernel.ijava.IJavaBridge;
import org.tunebook.kernel.jjava.JJavaBridge;
import org.tunebook.kernel.render.Renderers;

import java.util.Optional;

/**
 * Entry point of the notebook face.
 * <ul>
 *   <li>JJava: nothing to call; adding the jar ({@code %classpath}, {@code %jars}, {@code %maven})
 *       installs everything through JJava's extension mechanism.</li>
 *   <li>IJava: call {@code org.tunebook.kernel.Tunebook.install();} once after {@code %jars}.</li>
 * </ul>
 * Installing registers the renderers (XChart charts, Tablesaw tables, studies, trials), the magics
 * ({@code %%search}, {@code %trials}, {@code %plot}, {@code %study}) and makes live progress the
 * default display of {@code Study.optimize} in the notebook.
 */
public final class Tunebook {
    static final String JJAVA_KERNEL_CLASS = "org.dflib.jjava.jupyter.kernel.BaseKernel";
    static final String IJAVA_CLASS = "io.github.spencerpark.ijava.IJava";

    private static volatile KernelBridge bridge;
    private static volatile Object installedKernel;

    private Tunebook() {
    }

    /**
     * Finds the running kernel (JJava, then IJava) and installs Tunebook into it; safe to call again.
     *
     * @return the kernel's name ("JJava" or "IJava")
     * @throws IllegalStateException outside a Java notebook kernel
     */
    public static String install() {
        KernelBridge found = detect();
        if (found == null) {
            throw new IllegalStateException("no Java notebook kernel found in this JVM: Tunebook.install() is for "
                    + "IJava or JJava notebooks (plain Java programs need no install; progress prints to the console)");
        }
        install(found);
        return found.name();
    }

    /** Installs into the given kernel; a second install into the same kernel does nothing. */
    public static synchronized void install(KernelBridge kernel) {
        Object identity = identity(kernel);
        if (bridge != null && installedKernel == identity) {
            return;
        }
        for (Renderers.Entry<?> e : Renderers.entries()) {
            register(kernel, e);
        }
        Installer.installExtras(kernel);
        bridge = kernel;
        installedKernel = identity;
    }

    /** Forgets the kernel (JJava calls this at shutdown). */
    public static synchronized void uninstall() {
        Installer.uninstallExtras();
        bridge = null;
        installedKernel = null;
    }

    /** The kernel Tunebook is installed in, if any. */
    public static Optional<KernelBridge> kernel() {
        return Optional.ofNullable(bridge);
    }

    /** Shows {@code value} below the running cell with Tunebook's renderers; returns the display id. */
    public static String display(Object value) {
        KernelBridge k = requireKernel();
        return k.display(Renderers.bundle(value));
    }

    /** Replaces an earlier display with {@code value}. */
    public static void updateDisplay(String displayId, Object value) {
        requireKernel().updateDisplay(displayId, Renderers.bundle(value));
    }

    /** The display bundle Tunebook makes for {@code value} (works without a kernel). */
    public static Bundle render(Object value) {
        return Renderers.bundle(value);
    }

    private static KernelBridge requireKernel() {
        KernelBridge k = bridge;
        if (k == null) {
            k = detect();
            if (k == null) {
                throw new IllegalStateException("no notebook kernel: display() needs a JJava or IJava notebook "
                        + "(on IJava call Tunebook.install() first)");
            }
            install(k);
        }
        return k;
    }

    static KernelBridge detect() {
        if (present(JJAVA_KERNEL_CLASS)) {
            KernelBridge k = JJavaBridge.ofNotebook();
            if (k != null) {
                return k;
            }
        }
        if (present(IJAVA_CLASS)) {
            return IJavaBridge.ofNotebook();
        }
        return null;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Tunebook.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Object identity(KernelBridge k) {
        return k.identity();
    }

    private static <T> void register(KernelBridge kernel, Renderers.Entry<T> e) {
        kernel.registerRenderer(e.type(), e.renderer());
    }
}
