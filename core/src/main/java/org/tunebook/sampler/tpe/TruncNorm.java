package org.tunebook.sampler.tpe;

import java.util.SplittableRandom;

/**
 * Standard-normal masses and truncated-normal draws in log space, stable far in the tails.
 * <p>
 * The upper tail uses the classical rational-exponential approximation of erfc (fractional error below
 * 1.2e-7 everywhere, including deep tails, because it is of the form {@code exp(-x^2 + poly(t))}); it is
 * about ten times faster than an incomplete-gamma erfc, which matters because TPE evaluates it for
 * every (candidate, kernel) pair of a discrete parameter. Relative errors of 1e-7 in a density do not
 * change which candidate maximises l/g.
 */
final class TruncNorm {
    private TruncNorm() {
    }

    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double INV_SQRT2 = 1 / Math.sqrt(2);
    private static final double LOG_HALF = Math.log(0.5);

    /** log erfc(x) for x >= 0. */
    private static double logErfcPositive(double x) {
        double t = 1 / (1 + 0.5 * x);
        double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return Math.log(t) - x * x + poly;
    }

    /** log of the upper tail Q(z) = P(Z > z) of the standard normal. */
    static double logQ(double z) {
        if (z >= 0) return LOG_HALF + logErfcPositive(z * INV_SQRT2);
        // Q(z) = 1 - Q(-z)
        return log1mSmall(Math.exp(LOG_HALF + logErfcPositive(-z * INV_SQRT2)));
    }

    /** Q(z) = P(Z > z) for z >= 0. */
    private static double q(double z) {
        double x = z * INV_SQRT2;
        double t = 1 / (1 + 0.5 * x);
        double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return 0.5 * t * Math.exp(-x * x + poly);
    }

    /** log(1 - x) for 0 <= x <= 1/2 without Math.log1p, which is slow in Java: a series below 1e-4, else plain log. */
    static double log1mSmall(double x) {
        return x < 1e-4 ? -x - 0.5 * x * x - x * x * x / 3 : Math.log(1 - x);
    }

    /** log(1 - exp(d)) for d <= 0. */
    static double log1mexp(double d) {
        return d > -0.6931471805599453 ? Math.log(-Math.expm1(d)) : log1mSmall(Math.exp(d));
    }

    /** log P(a < Z < b) for the standard normal, a < b. */
    static double logMass(double a, double b) {
        if (!(a < b)) return Double.NEGATIVE_INFINITY;
        double w = b - a;
        if (w < 0.05 && Math.abs(a) < 30) {
            // midpoint rule with its second-order correction: relative error below ~w^4 (m^4 + 1) / 1920, free of
            // cancellation (and of the erfc approximation's 1e-7 noise, which a difference of tails would amplify)
            double m = 0.5 * (a + b);
            double y = w * w * (m * m - 1) / 24;
            return Math.log(w) - 0.5 * m * m - LOG_SQRT_2PI + (Math.abs(y) < 1e-3 ? y - 0.5 * y * y + y * y * y / 3 : Math.log(1 + y));
        }
        if (a >= 0 || b <= 0) {
            double lo = a >= 0 ? a : -b, hi = a >= 0 ? b : -a; // the same mass on the upper side
            if (lo < 20) {
                double qa = q(lo), qb = q(hi); // no cancellation trouble: the interval is at least 0.05 wide
                return Math.log(qa - qb);
            }
            double la = logQ(lo), lb = logQ(hi);
            return la + log1mexp(lb - la);
        }
        // a tail beyond 9 standard deviations (< 1.2e-19) does not change the mass in double precision
        double tails = (a < -9 ? 0 : q(-a)) + (b > 9 ? 0 : q(b));
        return tails == 0 ? 0 : log1mSmall(tails);
    }

    /** A standard normal draw conditioned on (a, b); a <= 0 <= b is the common case and costs ~2 draws. */
    static double sample(double a, double b, SplittableRandom rng) {
        if (a <= 0 && b >= 0 || b - a > 0.5 && Math.min(Math.abs(a), Math.abs(b)) < 3) {
            for (int i = 0; i < 200; i++) {
                double z = rng.nextGaussian();
                if (z >= a && z <= b) return z;
            }
        }
        // inverse CDF on the side of the interval nearer to the centre, for numerical range
        if (a >= 0) {
            return -sampleLowerTail(-b, -a, rng);
        }
        return sampleLowerTail(a, b, rng);
    }

    /** Draw on (a, b) with b <= 0 or straddling, by inverting the lower CDF in log space. */
    private static double sampleLowerTail(double a, double b, SplittableRandom rng) {
        double la = logQ(-a), lb = logQ(-b); // log Phi(a), log Phi(b)
        double u = rng.nextDouble();
        // log(Phi(a) + u (Phi(b) - Phi(a)))
        double target = lb + Math.log(u + (1 - u) * Math.exp(la - lb));
        // solve log Phi(z) = target by bisection + Newton; bracket [a, b]
        double lo = a, hi = b, z = Math.max(a, Math.min(b, 0.5 * (a + b)));
        for (int i = 0; i < 100; i++) {
            double f = logQ(-z) - target;
            if (f > 0) hi = z;
            else lo = z;
            double logPdf = -0.5 * z * z - LOG_SQRT_2PI;
            double step = f * Math.exp(logQ(-z) - logPdf); // f / (d log Phi / dz)
            double next = z - step;
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.abs(next - z) < 1e-12 * Math.max(1, Math.abs(z))) return next;
            z = next;
        }
        return z;
    }
}
