package org.tunebook.space;

/** An integer range {@code low..high} (inclusive): uniform, log-uniform or every {@code step}-th value. */
public record IntDistribution(int low, int high, boolean log, int step) implements Distribution {

    public IntDistribution {
        if (low >= high) {
            throw new IllegalArgumentException("low (" + low + ") must be less than high (" + high + "): swap them or widen the range");
        }
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1, got " + step);
        }
        if (log && step != 1) {
            throw new IllegalArgumentException("step and log cannot be combined: drop one of them");
        }
        if (log && low < 1) {
            throw new IllegalArgumentException("a log range needs low >= 1, got low=" + low + ": use low = 1 or drop log");
        }
        if ((high - (long) low) % step != 0) {
            long below = low + (high - (long) low) / step * step;
            throw new IllegalArgumentException("high - low = " + (high - (long) low) + " is not a multiple of step " + step
                    + ": use high = " + below + " or high = " + (below + step));
        }
    }

    public static IntDistribution uniform(int low, int high) {
        return new IntDistribution(low, high, false, 1);
    }

    public static IntDistribution logUniform(int low, int high) {
        return new IntDistribution(low, high, true, 1);
    }

    public static IntDistribution stepped(int low, int high, int step) {
        return new IntDistribution(low, high, false, step);
    }

    /** Number of values in the range. */
    public long size() {
        return (high - (long) low) / step + 1;
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Number n)) {
            throw new IllegalArgumentException("value " + external + " is not an integer for " + spec());
        }
        double v = n.doubleValue();
        if (v != Math.rint(v) || !contains(v)) {
            throw new IllegalArgumentException("value " + external + " is outside " + spec());
        }
        return v;
    }

    @Override
    public Object toExternal(double internal) {
        double v = Math.min(high, Math.max(low, internal));
        long k = Math.round((v - low) / step);
        return (int) Math.min(high, low + k * step);
    }

    @Override
    public boolean contains(double v) {
        if (Double.isNaN(v) || v < low || v > high || v != Math.rint(v)) return false;
        return ((long) v - low) % step == 0;
    }

    @Override
    public boolean isSingle() {
        return false;
    }

    @Override
    public String spec() {
        StringBuilder s = new StringBuilder("int(").append(low).append(',').append(high);
        if (log) s.append(",log");
        if (step != 1) s.append(",step=").append(step);
        return s.append(')').toString();
    }
}
