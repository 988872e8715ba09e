package org.tunebook.space;

/** Rounding helpers for grids, so that 0.1 * 3 prints as 0.3. */
final class Stepped {
    private Stepped() {
    }

    /** Rounds away binary noise below 12 significant digits. */
    static double clean(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }
}
