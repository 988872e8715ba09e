package org.tunebook.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.tunebook.space.Space;
import org.tunebook.study.Objective;
import org.tunebook.study.Trial;

/**
 * Runs an external command once per trial (no shell): {@code {name}} in its arguments becomes the trial's
 * value of that parameter, the values are also in the environment as {@code TUNEBOOK_PARAM_<NAME>}, and the
 * last non-blank line of the command's standard output is the objective value. Standard error is passed
 * through. A non-zero exit, a non-numeric last line or a per-trial timeout (the process tree is killed)
 * fails the trial with a {@link CommandFailed} whose message is the stored reason.
 */
final class CommandObjective implements Objective {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int STDERR_TAIL_LINES = 5;
    private static final int REASON_MAX_CHARS = 400;

    private final List<String> template;
    private final Space space;
    private final Duration trialTimeout;
    private final String studyName;
    private final PrintStream err;

    /** @param trialTimeout null for no per-trial limit */
    CommandObjective(List<String> template, Space space, Duration trialTimeout, String studyName, PrintStream err) {
        if (template.isEmpty()) throw new IllegalArgumentException("no command to run");
        this.template = List.copyOf(template);
        this.space = space;
        this.trialTimeout = trialTimeout;
        this.studyName = studyName;
        this.err = err;
    }

    /** Why a trial's command did not produce a value; its message is the trial's fail reason. */
    static final class CommandFailed extends Exception {
        CommandFailed(String message) {
            super(message);
        }
    }

    @Override
    public double evaluate(Trial trial) throws Exception {
        Map<String, Object> params = trial.suggestAll(space);
        List<String> command = substitute(template, params);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        params.forEach((name, value) -> env.put(envName(name), format(value)));
        env.put("TUNEBOOK_TRIAL_NUMBER", Integer.toString(trial.number()));
        env.put("TUNEBOOK_STUDY", studyName);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new CommandFailed("cannot start " + command.get(0) + ": " + e.getMessage());
        }
        p.getOutputStream().close(); // the command reads no input
        Tail stdout = new Tail(3, null);
        Tail stderr = new Tail(STDERR_TAIL_LINES, this::passThrough);
        Thread outReader = stdout.start(p.getInputStream(), "tunebook-stdout-" + trial.number());
        Thread errReader = stderr.start(p.getErrorStream(), "tunebook-stderr-" + trial.number());
        boolean done;
        try {
            done = trialTimeout == null ? waitFully(p) : p.waitFor(trialTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(p);
            throw e;
        }
        if (!done) {
            killTree(p);
            join(outReader, errReader);
            throw new CommandFailed("timed out after " + seconds(trialTimeout) + " s (--trial-timeout): the command and its child processes were killed"
                    + stderr.describe());
        }
        join(outReader, errReader);
        int code = p.exitValue();
        if (code != 0) {
            throw new CommandFailed("exit code " + code + stderr.describe());
        }
        String last = stdout.lastLine();
        if (last == null) {
            throw new CommandFailed("the command printed nothing on standard output: print the objective value as its last line");
        }
        return parseValue(last);
    }

    private static boolean waitFully(Process p) throws InterruptedException {
        p.waitFor();
        return true;
    }

    /** Parses the objective value; nan and inf are numbers here, and the study fails them as non-finite. */
    static double parseValue(String line) throws CommandFailed {
        String s = line.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        if (!NUMBER.matcher(s).matches()) {
            throw new CommandFailed("the last line of standard output is '" + abbreviate(s, 80)
                    + "', not a number: print the objective value as the last line");
        }
        return Double.parseDouble(s);
    }

    /** Replaces {name} in every argument by the parameter's value. */
    static List<String> substitute(List<String> template, Map<String, Object> params) {
        List<String> out = new ArrayList<>(template.size());
        for (String arg : template) {
            String a = arg;
            if (a.indexOf('{') >= 0) {
                for (Map.Entry<String, Object> e : params.entrySet()) a = a.replace("{" + e.getKey() + "}", format(e.getValue()));
            }
            out.add(a);
        }
        return out;
    }

    /** The environment variable of a parameter: TUNEBOOK_PARAM_ and the name in upper case, other characters as '_'. */
    static String envName(String param) {
        return "TUNEBOOK_PARAM_" + param.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    /** A value as a command-line word: reals in plain decimal notation (1.0E-5 becomes 0.00001), everything else as is. */
    static String format(Object value) {
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) return d.toString();
            if (d == 0) return "0";
            double abs = Math.abs(d);
            if (abs >= 1e-12 && abs < 1e15) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return d.toString();
        }
        if (value instanceof Float f) return format(f.doubleValue());
        return String.valueOf(value);
    }

    /** Kills a process and every descendant (listed first: a child whose parent died is no longer a descendant). */
    static void killTree(Process p) {
        List<ProcessHandle> all = new ArrayList<>();
        p.descendants().forEach(all::add);
        p.destroyForcibly();
        for (ProcessHandle h : all) h.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void passThrough(String line) {
        synchronized (err) {
            err.println(line);
        }
    }

    private static void join(Thread... readers) {
        for (Thread t : readers) {
            try {
                t.join(5_000); // a grandchild may hold the pipe open: do not wait for it forever
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String seconds(Duration d) {
        return format(d.toMillis() / 1000.0);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /** Reads a stream line by line, keeping the last lines (and optionally copying each line somewhere). */
    private static final class Tail {
        private final int keep;
        private final Consumer<String> copy;
        private final Deque<String> lines = new ArrayDeque<>();

        Tail(int keep, Consumer<String> copy) {
            this.keep = keep;
            this.copy = copy;
        }

        Thread start(InputStream in, String name) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (copy != null) copy.accept(line);
                        if (line.isBlank()) continue;
                        synchronized (lines) {
                            lines.addLast(line);
                            if (lines.size() > keep) lines.removeFirst();
                        }
                    }
                } catch (IOException ignored) {
                    // the process was killed: keep what was read
                }
            }, name);
            t.setDaemon(true);
            t.start();
            return t;
        }

        String lastLine() {
            synchronized (lines) {
                return lines.peekLast();
            }
        }

        /** "; stderr: ..." with the last lines of standard error, or "" when there were none. */
        String describe() {
            synchronized (lines) {
                if (lines.isEmpty()) return "";
                String all = String.join(" | ", lines).strip();
                return "; stderr: " + (all.length() <= REASON_MAX_CHARS ? all : "..." + all.substring(all.length() - REASON_MAX_CHARS + 3));
            }
        }
    }
}
