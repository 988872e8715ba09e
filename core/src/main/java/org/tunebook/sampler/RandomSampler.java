package org.tunebook.sampler;

import java.util.SplittableRandom;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;

/** Independent uniform sampling (log-uniform for log ranges); reproducible with a seed. */
public final class RandomSampler implements Sampler {
    private final SplittableRandom rng;
    private final Long seed;

    public RandomSampler() {
        this(null);
    }

    /** @param seed null for a fresh random stream */
    public RandomSampler(Long seed) {
        this.seed = seed;
        this.rng = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
    }

    @Override
    public synchronized double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        return sample(distribution, rng);
    }

    /** A uniform draw from a distribution, as an internal value. Used by every sampler's start-up phase. */
    public static double sample(Distribution d, SplittableRandom rng) {
        if (d instanceof FloatDistribution f) {
            if (f.step() != null) {
                return (double) f.toExternal(f.low() + rng.nextLong(f.gridSize()) * f.step());
            }
            if (f.log()) {
                double v = Math.exp(Math.log(f.low()) + rng.nextDouble() * (Math.log(f.high()) - Math.log(f.low())));
                return Math.min(f.high(), Math.max(f.low(), v));
            }
            return f.low() + rng.nextDouble() * (f.high() - f.low());
        }
        if (d instanceof IntDistribution i) {
            if (i.log()) {
                // log-uniform over [low - 0.5, high + 0.5] so that every integer has its share of log space
                double lo = Math.log(i.low() - 0.5), hi = Math.log(i.high() + 0.5);
                double v = Math.exp(lo + rng.nextDouble() * (hi - lo));
                return Math.min(i.high(), Math.max(i.low(), Math.round(v)));
            }
            return i.low() + (double) rng.nextLong(i.size()) * i.step();
        }
        return rng.nextInt(((CategoricalDistribution) d).choices().size());
    }

    @Override
    public String name() {
        return seed == null ? "random" : "random(seed=" + seed + ")";
    }
}
