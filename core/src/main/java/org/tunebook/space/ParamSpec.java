package org.tunebook.space;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the parameter syntax shared by the CLI and the notebook magics:
 * <pre>
 *   lr=real(1e-5,1e-1,log)      units=int(16,256,log)     dropout=real(0,0.5,step=0.1)
 *   layers=int(1,5)             batch=int(32,256,step=32) act=cat(relu,tanh,"leaky relu")
 * </pre>
 * {@code float(...)} is accepted for {@code real(...)} and {@code categorical(...)} for {@code cat(...)}.
 * Categorical tokens become Integer, Double or Boolean when they look like one; quote them to keep a string.
 */
public final class ParamSpec {
    private ParamSpec() {
    }

    public static final String SYNTAX = "name=real(low,high[,log][,step=S]) | name=int(low,high[,log][,step=S]) | name=cat(a,b,...)";

    public static Dimension parse(String text) {
        if (text == null) throw new IllegalArgumentException("empty parameter: expected " + SYNTAX);
        String s = text.strip();
        int eq = s.indexOf('=');
        int open = s.indexOf('(');
        if (eq <= 0 || open < eq || !s.endsWith(")")) {
            throw new IllegalArgumentException("cannot read parameter '" + text + "': expected " + SYNTAX);
        }
        String name = s.substring(0, eq).strip();
        String kind = s.substring(eq + 1, open).strip().toLowerCase(java.util.Locale.ROOT);
        List<String> args = split(s.substring(open + 1, s.length() - 1), text);
        Distribution d = Dimension.named(name, () -> switch (kind) {
            case "real", "float" -> real(args, text);
            case "int", "integer" -> integer(args, text);
            case "cat", "categorical" -> categorical(args);
            default -> throw new IllegalArgumentException("unknown kind '" + kind + "' in '" + text + "': use real, int or cat");
        });
        return new Dimension(name, d);
    }

    private static FloatDistribution real(List<String> args, String text) {
        if (args.size() < 2) throw new IllegalArgumentException("real needs low and high, e.g. real(0.001,0.1,log); got '" + text + "'");
        double low = number(args.get(0), "low"), high = number(args.get(1), "high");
        boolean log = false;
        Double step = null;
        for (String opt : args.subList(2, args.size())) {
            if (opt.equalsIgnoreCase("log")) log = true;
            else if (opt.toLowerCase(java.util.Locale.ROOT).startsWith("step=")) step = number(opt.substring(5), "step");
            else throw new IllegalArgumentException("unknown option '" + opt + "' in '" + text + "': use log or step=S");
        }
        return new FloatDistribution(low, high, log, step);
    }

    private static IntDistribution integer(List<String> args, String text) {
        if (args.size() < 2) throw new IllegalArgumentException("int needs low and high, e.g. int(1,5); got '" + text + "'");
        int low = whole(args.get(0), "low"), high = whole(args.get(1), "high");
        boolean log = false;
        int step = 1;
        for (String opt : args.subList(2, args.size())) {
            if (opt.equalsIgnoreCase("log")) log = true;
            else if (opt.toLowerCase(java.util.Locale.ROOT).startsWith("step=")) step = whole(opt.substring(5), "step");
            else throw new IllegalArgumentException("unknown option '" + opt + "' in '" + text + "': use log or step=S");
        }
        return new IntDistribution(low, high, log, step);
    }

    private static CategoricalDistribution categorical(List<String> args) {
        List<Object> choices = new ArrayList<>();
        for (String a : args) choices.add(token(a));
        return new CategoricalDistribution(choices);
    }

    /** A categorical token: quoted string, boolean, integer, real or bare string. */
    static Object token(String a) {
        if (a.length() >= 2 && (a.startsWith("\"") && a.endsWith("\"") || a.startsWith("'") && a.endsWith("'"))) {
            return a.substring(1, a.length() - 1);
        }
        if (a.equals("true") || a.equals("false")) return Boolean.parseBoolean(a);
        try {
            return Integer.parseInt(a);
        } catch (NumberFormatException ignored) {
            // not an integer
        }
        try {
            double d = Double.parseDouble(a);
            if (Double.isFinite(d) && !a.endsWith("d") && !a.endsWith("f") && !a.endsWith("D") && !a.endsWith("F")) return d;
        } catch (NumberFormatException ignored) {
            // a bare string
        }
        return a;
    }

    private static double number(String s, String what) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + s + "' is not a number");
        }
    }

    private static int whole(String s, String what) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + s + "' is not a whole number");
        }
    }

    /** Splits on commas outside quotes, trimming each argument. */
    private static List<String> split(String inner, String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (char c : inner.toCharArray()) {
            if (quote != 0) {
                cur.append(c);
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
                cur.append(c);
            } else if (c == ',') {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unclosed quote in '" + text + "'");
        out.add(cur.toString().strip());
        for (String a : out) {
            if (a.isEmpty()) throw new IllegalArgumentException("empty value in '" + text + "': remove the extra comma");
        }
        return out;
    }
}
