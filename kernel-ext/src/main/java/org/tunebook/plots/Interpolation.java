package org.tunebook.plots;

/**
 * Scattered (x, y, z) trials onto a regular grid over the unit square, for contour plots.
 * <p>
 * Method: inverse-distance weighting (Shepard) with power 2 in the unit square of the two parameters
 * (log parameters in log10, categoricals as index / (k - 1)): z(g) = sum w_i z_i / sum w_i, w_i = 1 / d(g, p_i)^2;
 * a node closer than 1e-9 to a trial takes that trial's value. Among trials at the same (x, y) (other parameters
 * differ) their weights add, so the field shows their mean. It passes through every trial's value and stays within
 * the range of the values (no overshoot), at the price of flat "bull's eyes" around isolated trials.
 */
final class Interpolation {
    private Interpolation() {
    }

    /** An n x n grid [iy][ix] of IDW estimates at unit coordinates (ix / (n-1), iy / (n-1)). */
    static double[][] idw(double[] ux, double[] uy, double[] z, int n) {
        double[][] g = new double[n][n];
        int k = z.length;
        for (int iy = 0; iy < n; iy++) {
            double gy = n == 1 ? 0.5 : iy / (double) (n - 1);
            for (int ix = 0; ix < n; ix++) {
                double gx = n == 1 ? 0.5 : ix / (double) (n - 1);
                double num = 0;
                double den = 0;
                double exact = Double.NaN;
                int exactCount = 0;
                double exactSum = 0;
                for (int i = 0; i < k; i++) {
                    double dx = gx - ux[i];
                    double dy = gy - uy[i];
                    double d2 = dx * dx + dy * dy;
                    if (d2 < 1e-18) {
                        exactSum += z[i];
                        exactCount++;
                        continue;
                    }
                    double w = 1 / d2;
                    num += w * z[i];
                    den += w;
                }
                if (exactCount > 0) exact = exactSum / exactCount;
                g[iy][ix] = !Double.isNaN(exact) ? exact : num / den;
            }
        }
        return g;
    }
}
