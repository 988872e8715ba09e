package org.tunebook.kernel.magic;

import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Dimension;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;

import javax.lang.model.SourceVersion;
import java.util.List;

/**
 * Turns the body of a {@code %%search} cell into Java source of a {@link SearchObjective} lambda that
 * the notebook's shell compiles once: each parameter becomes a typed local variable, {@code trial} is
 * the live trial, and the value is the body's last expression (or what it returns).
 */
public final class ObjectiveSource {
    static final String PARAMS = "__tunebook_params";

    private ObjectiveSource() {
    }

    /** The lambda source with the last expression returned (when the body ends with one). */
    public static String withImplicitReturn(String body, List<Dimension> params) {
        return lambda(implicitReturn(body), params);
    }

    /** The lambda source with the body as written (it must return the value itself). */
    public static String asWritten(String body, List<Dimension> params) {
        return lambda(body, params);
    }

    /** How many lines the generated header adds before the body (to map compiler lines back). */
    public static int headerLines(List<Dimension> params) {
        return 1 + params.size();
    }

    /** Throws unless every parameter name can be a Java variable. */
    public static void checkNames(String magic, List<Dimension> params) throws MagicUsageException {
        for (Dimension d : params) {
            String n = d.name();
            if (!SourceVersion.isIdentifier(n) || SourceVersion.isKeyword(n) || n.equals("trial") || n.startsWith("__tunebook")) {
                throw new MagicUsageException(magic + ": parameter name '" + n + "' cannot be a Java variable in the cell body"
                        + (n.equals("trial") ? " ('trial' is the live trial)" : "") + ": use a name like "
                        + suggestName(n));
            }
        }
    }

    private static String suggestName(String n) {
        String s = n.replaceAll("[^A-Za-z0-9_]", "_");
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) s = "p_" + s;
        if (SourceVersion.isKeyword(s) || s.equals("trial")) s = s + "_";
        return s;
    }

    private static String lambda(String body, List<Dimension> params) {
        StringBuilder b = new StringBuilder();
        b.append("(org.tunebook.kernel.magic.SearchObjective) (trial, ").append(PARAMS).append(") -> {\n");
        for (Dimension d : params) {
            b.append(javaType(d.distribution())).append(' ').append(d.name()).append(" = ")
                    .append(javaValue(d.distribution(), "__tunebook_params.get(\"" + d.name() + "\")")).append(";\n");
        }
        b.append(body);
        if (!body.endsWith("\n")) b.append('\n');
        b.append("}");
        return b.toString();
    }

    /** The Java type a parameter has in the cell body. */
    static String javaType(Distribution d) {
        if (d instanceof FloatDistribution) return "double";
        if (d instanceof IntDistribution) return "int";
        if (d instanceof CategoricalDistribution c) {
            List<Object> ch = c.choices();
            if (ch.stream().allMatch(o -> o instanceof Integer)) return "int";
            if (ch.stream().allMatch(o -> o instanceof Number)) return "double";
            if (ch.stream().allMatch(o -> o instanceof Boolean)) return "boolean";
            if (ch.stream().allMatch(o -> o instanceof String)) return "String";
        }
        return "Object";
    }

    private static String javaValue(Distribution d, String expr) {
        return switch (javaType(d)) {
            case "double" -> "((Number) " + expr + ").doubleValue()";
            case "int" -> "((Number) " + expr + ").intValue()";
            case "boolean" -> "(Boolean) " + expr;
            case "String" -> "(String) " + expr;
            default -> expr;
        };
    }

    /**
     * Rewrites the body so its last expression is returned: {@code a + b} becomes {@code return (a + b);}.
     * A body ending with a statement ({@code ...;} or {@code }}) is returned unchanged unless that last
     * statement is an expression statement, which is then returned too ({@code acc;} or {@code x = f();}).
     */
    static String implicitReturn(String body) {
        Scan s = scan(body);
        String tail = body.substring(s.lastBoundary, s.lastSignificantEnd).strip();
        if (!tail.isEmpty()) {
            return body.substring(0, s.lastBoundary) + leadingSpace(body, s.lastBoundary) + "return (" + tail + ");"
                    + body.substring(s.lastSignificantEnd);
        }
        if (s.lastBoundary > 0 && body.charAt(s.lastBoundary - 1) == ';') {
            String last = body.substring(s.previousBoundary, s.lastBoundary - 1).strip();
            if (!last.isEmpty() && !startsWithKeyword(last)) {
                return body.substring(0, s.previousBoundary) + leadingSpace(body, s.previousBoundary) + "return (" + last + ");"
                        + body.substring(s.lastBoundary);
            }
        }
        return body;
    }

    /** The whitespace from {@code from} to the next significant character (keeps line numbers). */
    private static String leadingSpace(String body, int from) {
        int i = from;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) i++;
        String ws = body.substring(from, i);
        return ws.isEmpty() && from > 0 ? " " : ws;
    }

    private static boolean startsWithKeyword(String stmt) {
        String first = stmt.split("[^A-Za-z0-9_$]", 2)[0];
        return switch (first) {
            case "return", "throw", "if", "for", "while", "do", "try", "switch", "break", "continue", "var", "final",
                 "int", "long", "double", "float", "boolean", "char", "byte", "short", "assert", "yield", "synchronized",
                 "class", "record", "interface", "enum" -> true;
            default -> looksLikeDeclaration(stmt);
        };
    }

    /** "Type name = ..." or "Type<..> name = ...": a local variable declaration, not an expression. */
    private static boolean looksLikeDeclaration(String stmt) {
        return stmt.matches("(?s)[A-Za-z_$][\\w$.]*(<[^=]*>)?(\\[\\])*\\s+[A-Za-z_$][\\w$]*\\s*(=.*)?");
    }

    private record Scan(int previousBoundary, int lastBoundary, int lastSignificantEnd) {
    }

    /**
     * Finds statement boundaries at the top level (outside parentheses, brackets, braces, strings, text
     * blocks, characters and comments): after a {@code ;} or after a {@code }} that closes a top-level block
     * and ends its line.
     */
    private static Scan scan(String s) {
        int depth = 0;
        int prev = 0;
        int last = 0;
        int significantEnd = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == '"' && s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                significantEnd = i;
                continue;
            }
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    if (s.charAt(j) == '\\') j++;
                    j++;
                }
                i = Math.min(n, j + 1);
                significantEnd = i;
                continue;
            }
            if (!Character.isWhitespace(c)) significantEnd = i + 1;
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '}') {
                depth--;
                if (depth == 0 && endsLine(s, i + 1)) {
                    prev = last;
                    last = i + 1;
                }
            } else if (c == ';' && depth == 0) {
                prev = last;
                last = i + 1;
            }
            i++;
        }
        return new Scan(prev, last, Math.max(last, significantEnd));
    }

    private static boolean endsLine(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') return true;
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') return true;
            if (!Character.isWhitespace(c)) return false;
        }
        return true;
    }
}
