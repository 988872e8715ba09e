package org.tunebook.kernel.jjava;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.tunebook.kernel.Tunebook;

/**
 * JJava's extension hook, listed in META-INF/services: adding the Tunebook jar to a JJava notebook
 * ({@code %classpath}, {@code %jars}, {@code %maven}) installs renderers, magics and live progress.
 */
public final class TunebookExtension implements Extension {
    @Override
    public void install(BaseKernel kernel) {
        Tunebook.install(new JJavaBridge(kernel));
    }

    @Override
    public void uninstall(BaseKernel kernel) {
        Tunebook.uninstall();
    }
}
