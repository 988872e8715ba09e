package org.tunebook.plots;

/** JavaScript string literals for the plots' pages; HTML escaping comes from the renderers. */
final class Html {
    private Html() {
    }

    /** HTML escaping: the renderers' helper. */
    static String escape(String s) {
        return org.tunebook.kernel.render.Html.escape(s);
    }

    /** A JavaScript string literal (double-quoted), safe inside a script element. */
    static String jsString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\'' -> b.append("\\u0027");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
