package org.tunebook.pruner;

import java.util.Locale;

/** Pruners by name with Optuna's defaults, for the CLI and the notebook magics. */
public final class Pruners {
    private Pruners() {
    }

    /** The names {@link #byName} understands. */
    public static final String NAMES = "none, median, percentile25, successive-halving, hyperband";

    public static Pruner byName(String name) {
        String n = name == null ? "none" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "", "none", "nop" -> Pruner.none();
            case "median" -> new MedianPruner();
            case "percentile25", "percentile" -> new PercentilePruner(25.0);
            case "successive-halving", "successivehalving", "sha", "asha" -> new SuccessiveHalvingPruner();
            case "hyperband" -> new HyperbandPruner();
            default -> throw new IllegalArgumentException("unknown pruner '" + name + "': use one of " + NAMES);
        };
    }
}
