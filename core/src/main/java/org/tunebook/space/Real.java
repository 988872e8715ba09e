package org.tunebook.space;

/** Factories for real-valued dimensions (skopt's Real). */
public final class Real {
    private Real() {
    }

    public static Dimension uniform(String name, double low, double high) {
        return new Dimension(name, Dimension.named(name, () -> FloatDistribution.uniform(low, high)));
    }

    public static Dimension logUniform(String name, double low, double high) {
        return new Dimension(name, Dimension.named(name, () -> FloatDistribution.logUniform(low, high)));
    }

    /** Values {@code low, low+step, ..., high} (Optuna's discrete_uniform). */
    public static Dimension stepped(String name, double low, double high, double step) {
        return new Dimension(name, Dimension.named(name, () -> FloatDistribution.stepped(low, high, step)));
    }
}
