package org.tunebook.kernel.magic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses a magic's arguments: positional words, {@code --name value} / {@code --name=value} options
 * (repeatable ones collect every value) and {@code --flag}s. The kernels split the line on spaces
 * (honouring double quotes, which they drop); a value with unbalanced parentheses, like
 * {@code act=cat(relu,"leaky relu")}, is joined back from the following words.
 */
public final class MagicArgs {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final Set<String> flags = new TreeSet<>();

    private MagicArgs() {
    }

    /**
     * @param magic        the magic's name as typed, for messages ("%trials")
     * @param valueOptions options that take a value
     * @param flagOptions  options without a value ("help" is always known)
     */
    public static MagicArgs parse(String magic, List<String> args, Set<String> valueOptions, Set<String> flagOptions)
            throws MagicUsageException {
        MagicArgs out = new MagicArgs();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-h") || a.equals("--help")) {
                out.flags.add("help");
                continue;
            }
            if (!a.startsWith("--") || a.length() == 2) {
                out.positional.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagOptions.contains(name)) {
                if (value != null) {
                    throw new MagicUsageException(magic + ": --" + name + " takes no value (remove '=" + value + "')");
                }
                out.flags.add(name);
            } else if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new MagicUsageException(magic + ": --" + name + " needs a value, e.g. --" + name + " "
                                + example(name) + " (see " + magic + " --help)");
                    }
                    value = args.get(++i);
                }
                while (depth(value) > 0 && i + 1 < args.size()) {
                    value = value + " " + args.get(++i);
                }
                out.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                Set<String> known = new TreeSet<>(valueOptions);
                known.addAll(flagOptions);
                known.add("help");
                throw new MagicUsageException(magic + ": unknown option --" + name + "; known options: --"
                        + String.join(", --", known) + " (see " + magic + " --help)");
            }
        }
        return out;
    }

    private static int depth(String s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') d++;
            else if (c == ')') d--;
        }
        return d;
    }

    private static String example(String name) {
        return switch (name) {
            case "trials", "top" -> "20";
            case "seed" -> "42";
            case "direction" -> "maximize";
            case "storage" -> "sqlite:studies.db";
            case "param" -> "lr=real(1e-4,1e-1,log)";
            case "sort" -> "value";
            case "timeout" -> "60";
            default -> "VALUE";
        };
    }

    public List<String> positional() {
        return positional;
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public boolean help() {
        return flags.contains("help");
    }

    /** The last value given for an option, or null. */
    public String option(String name) {
        List<String> v = options.get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** Every value given for a repeatable option, in order. */
    public List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** A positive whole number option, or {@code dflt}. */
    public Integer positiveInt(String magic, String name, Integer dflt) throws MagicUsageException {
        String v = option(name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v.strip());
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new MagicUsageException(magic + ": --" + name + " must be a positive whole number, got '" + v
                + "' (e.g. --" + name + " " + example(name) + ")");
    }

    /** A whole number option, or null. */
    public Long longOption(String magic, String name) throws MagicUsageException {
        String v = option(name);
        if (v == null) return null;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new MagicUsageException(magic + ": --" + name + " must be a whole number, got '" + v + "' (e.g. --"
                    + name + " " + example(name) + ")");
        }
    }

    /** A positive number option, or null. */
    public Double positiveDouble(String magic, String name) throws MagicUsageException {
        String v = option(name);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v.strip());
            if (d > 0 && Double.isFinite(d)) return d;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new MagicUsageException(magic + ": --" + name + " must be a positive number, got '" + v + "' (e.g. --"
                + name + " " + example(name) + ")");
    }

    /** Throws unless there are at most {@code max} positional words. */
    public void atMostPositional(String magic, int max, String usage) throws MagicUsageException {
        if (positional.size() > max) {
            throw new MagicUsageException(magic + ": unexpected '" + String.join(" ", positional.subList(max, positional.size()))
                    + "'; usage: " + usage);
        }
    }
}
