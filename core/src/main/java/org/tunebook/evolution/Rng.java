package org.tunebook.evolution;

import java.util.SplittableRandom;

/**
 * The random stream of an evolution: the few primitives DEAP's operators draw from Python's {@code random}
 * module. {@link #python(long)} reproduces CPython's stream exactly (so a seeded run matches DEAP's run with
 * {@code random.seed(seed)} draw for draw); {@link #splittable(long)} is an alternative fast stream.
 * A stream is used by one thread at a time.
 */
public interface Rng {

    /** A uniform double in [0, 1) (Python's {@code random.random()}). */
    double random();

    /** A uniform integer in [0, n) (Python's {@code random._randbelow(n)}), n >= 1. */
    int randbelow(int n);

    /** A normal deviate (Python's {@code random.gauss(mu, sigma)}, which caches its second deviate). */
    double gauss(double mu, double sigma);

    /** A uniform integer in [a, b], both inclusive (Python's {@code random.randint}). */
    default int randint(int a, int b) {
        if (b < a) throw new IllegalArgumentException("randint needs a <= b, got a=" + a + ", b=" + b);
        return a + randbelow(b - a + 1);
    }

    /** A uniform double in [a, b] (Python's {@code random.uniform}: {@code a + (b - a) * random()}). */
    default double uniform(double a, double b) {
        return a + (b - a) * random();
    }

    /** CPython's Mersenne Twister seeded as {@code random.seed(seed)}. */
    static Rng python(long seed) {
        return new PythonRandom(seed);
    }

    /** A {@link SplittableRandom} stream; not comparable draw for draw with DEAP. */
    static Rng splittable(long seed) {
        return new Splittable(seed);
    }

    /** The SplittableRandom-based stream; gauss uses CPython's Box-Muller form on top of it. */
    final class Splittable implements Rng {
        private final SplittableRandom r;
        private double gaussNext;
        private boolean hasGauss;

        Splittable(long seed) {
            this.r = new SplittableRandom(seed);
        }

        @Override
        public double random() {
            return r.nextDouble();
        }

        @Override
        public int randbelow(int n) {
            if (n < 1) throw new IllegalArgumentException("randbelow needs n >= 1, got " + n);
            return r.nextInt(n);
        }

        @Override
        public double gauss(double mu, double sigma) {
            double z;
            if (hasGauss) {
                z = gaussNext;
                hasGauss = false;
            } else {
                double x2pi = random() * 2 * Math.PI;
                double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - random()));
                z = Math.cos(x2pi) * g2rad;
                gaussNext = Math.sin(x2pi) * g2rad;
                hasGauss = true;
            }
            return mu + z * sigma;
        }
    }
}
