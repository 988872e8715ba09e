package org.tunebook.space;

import java.util.List;

/** Factories for categorical dimensions (skopt's Categorical). */
public final class Categorical {
    private Categorical() {
    }

    public static Dimension of(String name, Object... choices) {
        return new Dimension(name, Dimension.named(name, () -> CategoricalDistribution.of(choices)));
    }

    public static Dimension of(String name, List<?> choices) {
        return new Dimension(name, Dimension.named(name, () -> new CategoricalDistribution(List.copyOf(choices))));
    }
}
