package org.tunebook.kernel;

import org.tunebook.kernel.magic.TunebookMagics;
import org.tunebook.kernel.progress.NotebookProgress;
import org.tunebook.study.StudyHooks;

/** Installs what builds on the core engine: magics and live progress as the default of optimize(). */
final class Installer {
    private Installer() {
    }

    static void installExtras(KernelBridge kernel) {
        TunebookMagics.register(kernel);
        StudyHooks.setProgressFactory(study -> {
            Session.remember(study);
            return new NotebookProgress(kernel);
        });
    }

    static void uninstallExtras() {
        StudyHooks.setProgressFactory(null);
        Session.clear();
    }
}
