package org.tunebook.sampler;

import java.util.Locale;
import org.tunebook.sampler.nsga.NsgaIISampler;
import org.tunebook.sampler.tpe.TpeSampler;
import org.tunebook.space.Space;

/** Samplers by name, for the CLI and the notebook magics. */
public final class Samplers {
    private Samplers() {
    }

    /** The sampler a study gets when none is given: TPE with Optuna's defaults, as in Optuna. */
    public static Sampler defaultSampler() {
        return new TpeSampler();
    }

    /**
     * A sampler by name over a define-and-run space.
     *
     * @param seed null for unseeded
     */
    public static Sampler byName(String name, Space space, Long seed) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "random" -> new RandomSampler(seed);
            case "grid" -> GridSampler.of(space);
            case "gp" -> org.tunebook.sampler.gp.GpSampler.of(space, seed);
            case "ga" -> org.tunebook.evolution.Evolution.of(space).elitism().seed(seed).sampler();
            case "tpe" -> TpeSampler.builder().seed(seed).build();
            case "nsga2", "nsgaii" -> NsgaIISampler.builder().seed(seed).build();
            default -> throw new IllegalArgumentException("unknown sampler '" + name + "': use one of " + NAMES);
        };
    }

    /** The names {@link #byName} understands. */
    public static final String NAMES = "ga, gp, grid, nsga2, random, tpe";
}
