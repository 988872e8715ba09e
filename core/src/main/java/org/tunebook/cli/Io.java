package org.tunebook.cli;

import java.io.PrintStream;

/** Where a command writes: results and progress to {@code out}, diagnostics to {@code err}. */
record Io(PrintStream out, PrintStream err) {
}
