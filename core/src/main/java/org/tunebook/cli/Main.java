package org.tunebook.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code tunebook} command line: optimize, studies, trials, best. Exit codes: 0 success, 1 a failure
 * (no trial completed, a storage error), 2 a bad command line. Errors are one message, never a stack trace
 * (set TUNEBOOK_DEBUG=1 to see one).
 */
@Command(name = "tunebook", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Hyperparameter search from the command line; studies persist in SQLite (default sqlite:tunebook.db).",
        synopsisSubcommandLabel = "(optimize | studies | trials | best)",
        footer = {"", "Run 'tunebook COMMAND --help' for the options of a command."})
public final class Main implements Runnable {
    static final int USAGE = 2;

    private final Io io;

    private Main(Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        throw new UsageError("missing command: use optimize, studies, trials or best (tunebook --help lists them)");
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (OptimizeCommand.shutdownInProgress) return; // Ctrl-C: the JVM is already exiting
        System.exit(code);
    }

    /** Runs the CLI with these streams and returns its exit code (the tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Io io = new Io(out, err);
        CommandLine cl = new CommandLine(new Main(io));
        cl.addSubcommand(new CommandLine(new OptimizeCommand(io)).setStopAtPositional(true));
        cl.addSubcommand(new StudiesCommand(io));
        cl.addSubcommand(new TrialsCommand(io));
        cl.addSubcommand(new BestCommand(io));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler(Main::badArguments);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, commandLine, err));
        return cl.execute(args);
    }

    private static int badArguments(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (ex instanceof UnmatchedArgumentException u && cmd.getParent() == null && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            err.println(cmd.getCommandName() + ": unknown command '" + u.getUnmatched().get(0) + "': use optimize, studies, trials or best");
        } else {
            err.println(cmd.getCommandName() + ": " + ex.getMessage());
        }
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return USAGE;
    }

    private static int failed(Exception ex, CommandLine cmd, PrintStream err) {
        if (System.getenv("TUNEBOOK_DEBUG") != null) ex.printStackTrace(err);
        if (ex instanceof UsageError) {
            err.println(cmd.getCommandName() + ": " + ex.getMessage());
            err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            return USAGE;
        }
        String m = ex.getMessage();
        err.println(cmd.getCommandName() + ": error: " + (m == null || m.isBlank() ? ex.getClass().getSimpleName() : m));
        return 1;
    }

    /** The version from the build (version.properties, filtered by Maven). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"tunebook " + version(), "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }

        static String version() {
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in == null) return "unknown";
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            } catch (java.io.IOException e) {
                return "unknown";
            }
        }
    }
}
