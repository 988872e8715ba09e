package org.tunebook.space;

/** Factories for integer dimensions (skopt's Integer). */
public final class Int {
    private Int() {
    }

    public static Dimension of(String name, int low, int high) {
        return new Dimension(name, Dimension.named(name, () -> IntDistribution.uniform(low, high)));
    }

    public static Dimension logUniform(String name, int low, int high) {
        return new Dimension(name, Dimension.named(name, () -> IntDistribution.logUniform(low, high)));
    }

    public static Dimension stepped(String name, int low, int high, int step) {
        return new Dimension(name, Dimension.named(name, () -> IntDistribution.stepped(low, high, step)));
    }
}
