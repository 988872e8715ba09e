package org.tunebook.sampler.gp;

import java.util.Locale;

/**
 * Acquisition functions for minimization, written so that larger is better:
 * <ul>
 *   <li>EI: {@code (y* - xi - mu) Phi(z) + sigma phi(z)}, {@code z = (y* - xi - mu) / sigma};</li>
 *   <li>PI: {@code Phi(z)};</li>
 *   <li>LCB: scikit-optimize minimizes {@code mu - kappa sigma}; here its negation {@code kappa sigma - mu} is maximized;</li>
 *   <li>GP_HEDGE: a portfolio of the three, one chosen per step by softmax(eta * gains), each acquisition's
 *       gain being reduced by the model mean at its last proposal (Hoffman, Brochu and de Freitas 2011, as in
 *       scikit-optimize).</li>
 * </ul>
 * Where sigma is 0, EI and PI are 0 (as scikit-optimize).
 */
public enum Acquisition {
    EI, PI, LCB, GP_HEDGE;

    /** Parses "EI", "pi", "lcb", "gp_hedge" (case and '-' / '_' insensitive). */
    public static Acquisition parse(String s) {
        String n = s == null ? "" : s.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Acquisition a : values()) if (a.name().equals(n)) return a;
        throw new IllegalArgumentException("acqFunc '" + s + "' is unknown: use EI, PI, LCB or gp_hedge");
    }

    /** Expected improvement below {@code best - xi}. */
    public static double expectedImprovement(double mu, double sigma, double best, double xi) {
        if (!(sigma > 0)) return 0;
        double imp = best - xi - mu;
        double z = imp / sigma;
        return imp * cdf(z) + sigma * pdf(z);
    }

    /** Probability of improving on {@code best - xi}. */
    public static double probabilityOfImprovement(double mu, double sigma, double best, double xi) {
        if (!(sigma > 0)) return 0;
        return cdf((best - xi - mu) / sigma);
    }

    /** scikit-optimize's lower confidence bound {@code mu - kappa sigma} (to be minimized). */
    public static double lowerConfidenceBound(double mu, double sigma, double kappa) {
        return mu - kappa * sigma;
    }

    /** The score to maximize for a single acquisition (not GP_HEDGE). */
    double score(double mu, double sigma, double best, double xi, double kappa) {
        return switch (this) {
            case EI -> expectedImprovement(mu, sigma, best, xi);
            case PI -> probabilityOfImprovement(mu, sigma, best, xi);
            case LCB -> -lowerConfidenceBound(mu, sigma, kappa);
            case GP_HEDGE -> throw new IllegalStateException("gp_hedge is a portfolio: score EI, LCB and PI");
        };
    }

    static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /** Standard normal CDF (erfc-based, accurate in the tails). */
    static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** Complementary error function, relative error below 1.2e-7 everywhere (Numerical Recipes' erfcc form). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
