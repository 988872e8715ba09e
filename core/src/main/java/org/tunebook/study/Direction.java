package org.tunebook.study;

/** Whether a study minimizes or maximizes its objective. */
public enum Direction {
    MINIMIZE, MAXIMIZE;

    /** True when {@code a} is strictly better than {@code b} in this direction. */
    public boolean isBetter(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    /** The worst possible value, a neutral start for "best so far". */
    public double worst() {
        return this == MINIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** Parses minimize / maximize (also min / max), case-insensitively. */
    public static Direction parse(String s) {
        String t = s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "minimize", "min" -> MINIMIZE;
            case "maximize", "max" -> MAXIMIZE;
            default -> throw new IllegalArgumentException("direction '" + s + "' is not minimize or maximize");
        };
    }
}
