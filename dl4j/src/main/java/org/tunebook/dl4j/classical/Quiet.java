package org.tunebook.dl4j.classical;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences LibSVM and LibLinear, which print their optimization progress to standard output, and Tribuo's
 * INFO log lines, so notebook cells show only what the user prints.
 */
final class Quiet {
    private static volatile boolean installed;
    // strong references: java.util.logging keeps loggers weakly
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    private static final Logger OLCUT = Logger.getLogger("com.oracle.labs.mlrg.olcut");

    private Quiet() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        libsvm.svm.svm_set_print_string_function(s -> { });
        de.bwaldvogel.liblinear.Linear.setDebugOutput(new PrintStream(OutputStream.nullOutputStream()));
        TRIBUO.setLevel(Level.WARNING);
        OLCUT.setLevel(Level.WARNING);
        installed = true;
    }

    static <T> T call(Supplier<T> body) {
        install();
        return body.get();
    }
}
