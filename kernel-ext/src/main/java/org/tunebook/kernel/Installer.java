package org.tunebook.kernel;

/** Installs what depends on the core engine: magics and the default live progress. */
final class Installer {
    private Installer() {
    }

    static void installExtras(KernelBridge kernel) {
    }

    static void uninstallExtras() {
    }
}
