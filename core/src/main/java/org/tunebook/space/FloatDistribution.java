package org.tunebook.space;

/**
 * A real range: uniform, log-uniform ({@code log}) or on a grid {@code low, low+step, ..., high}.
 *
 * @param step the grid spacing, or {@code null} for a continuous range
 */
public record FloatDistribution(double low, double high, boolean log, Double step) implements Distribution {

    public FloatDistribution {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("low and high must be finite numbers, got low=" + low + ", high=" + high);
        }
        if (!(low < high)) {
            throw new IllegalArgumentException("low (" + low + ") must be less than high (" + high + "): swap them or widen the range");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException("a log range needs low > 0, got low=" + low + ": use a positive lower bound such as 1e-6, or drop log");
        }
        if (step != null) {
            if (log) {
                throw new IllegalArgumentException("step and log cannot be combined: drop one of them");
            }
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("step must be a positive number, got " + step);
            }
            double n = (high - low) / step;
            if (Math.abs(n - Math.rint(n)) > 1e-8 * Math.max(1, n)) {
                double below = low + Math.floor(n) * step;
                throw new IllegalArgumentException("high - low = " + (high - low) + " is not a multiple of step " + step
                        + ": use high = " + Stepped.clean(below) + " or high = " + Stepped.clean(below + step));
            }
        }
    }

    public static FloatDistribution uniform(double low, double high) {
        return new FloatDistribution(low, high, false, null);
    }

    public static FloatDistribution logUniform(double low, double high) {
        return new FloatDistribution(low, high, true, null);
    }

    public static FloatDistribution stepped(double low, double high, double step) {
        return new FloatDistribution(low, high, false, step);
    }

    /** Number of grid points for a stepped range; -1 for a continuous one. */
    public long gridSize() {
        return step == null ? -1 : Math.round((high - low) / step) + 1;
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Number n)) {
            throw new IllegalArgumentException("value " + external + " is not a number for " + spec());
        }
        double v = n.doubleValue();
        if (!contains(v)) {
            throw new IllegalArgumentException("value " + v + " is outside " + spec());
        }
        return v;
    }

    @Override
    public Object toExternal(double internal) {
        double v = Math.min(high, Math.max(low, internal));
        if (step != null) {
            v = Stepped.clean(low + Math.rint((v - low) / step) * step);
            v = Math.min(high, Math.max(low, v));
        }
        return v;
    }

    @Override
    public boolean contains(double v) {
        double tol = 1e-12 * Math.max(1, Math.abs(high - low));
        if (Double.isNaN(v) || v < low - tol || v > high + tol) {
            return false;
        }
        if (step == null) {
            return true;
        }
        double k = (v - low) / step;
        return Math.abs(k - Math.rint(k)) < 1e-8 * Math.max(1, k);
    }

    @Override
    public boolean isSingle() {
        return false;
    }

    @Override
    public String spec() {
        StringBuilder s = new StringBuilder("real(").append(low).append(',').append(high);
        if (log) s.append(",log");
        if (step != null) s.append(",step=").append(step);
        return s.append(')').toString();
    }
}
