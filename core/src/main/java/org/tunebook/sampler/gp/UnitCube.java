package org.tunebook.sampler.gp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;

/**
 * Maps points of a search space (internal values, one per parameter) to the unit cube the GP works in, and
 * back. Every point the acquisition optimizer scores is first <em>projected</em> onto the set of points the
 * space can actually take, so the acquisition is a function of real configurations: two candidates that
 * would round to the same configuration score the same, and "already evaluated" is decided exactly.
 * <ul>
 *   <li>Real ranges: one column, {@code (v - low) / (high - low)}; log ranges in log space.</li>
 *   <li>Integer ranges and stepped real ranges with m values: one column, value index / (m - 1); log integer
 *       ranges in log space, projected to the nearest integer. Random draws give every value the same chance
 *       (not the ends half of it, as rounding a uniform draw would).</li>
 *   <li>Categoricals: <b>one-hot</b>, one column per choice (one column for two choices; none for one),
 *       decoded by argmax. This is what scikit-optimize 0.10's {@code gp_minimize} does too (its older versions
 *       used one ordinal column {@code index / (k - 1)}). One-hot is chosen because an ordinal column invents
 *       an order and a distance between choices ('sigmoid' would be "between" 'tanh' and 'relu', and the first
 *       and last choices would look most different) that the Matern kernel would then smooth over; with
 *       one-hot every pair of choices is equally far apart and each choice's relevance gets its own fitted
 *       length scale. The price, a few more columns, is small for the choice counts of hyperparameter search.</li>
 * </ul>
 */
public final class UnitCube {
    private enum Kind { CONTINUOUS, LOG_CONTINUOUS, GRID, LOG_INT, BINARY, ONE_HOT, CONSTANT }

    private final List<String> names;
    private final List<Distribution> distributions;
    private final Kind[] kind;
    private final int[] offset;
    private final int[] width;
    private final int[] levels; // number of values of GRID dims / choices of categoricals
    private final int columns;

    public UnitCube(Map<String, Distribution> space) {
        this.names = List.copyOf(space.keySet());
        this.distributions = List.copyOf(space.values());
        int k = names.size();
        kind = new Kind[k];
        offset = new int[k];
        width = new int[k];
        levels = new int[k];
        int col = 0;
        for (int i = 0; i < k; i++) {
            Distribution d = distributions.get(i);
            if (d instanceof FloatDistribution f) {
                if (f.step() != null) {
                    kind[i] = Kind.GRID;
                    levels[i] = (int) Math.min(Integer.MAX_VALUE, f.gridSize());
                } else {
                    kind[i] = f.log() ? Kind.LOG_CONTINUOUS : Kind.CONTINUOUS;
                }
                width[i] = 1;
            } else if (d instanceof IntDistribution in) {
                kind[i] = in.log() ? Kind.LOG_INT : Kind.GRID;
                levels[i] = (int) Math.min(Integer.MAX_VALUE, in.size());
                width[i] = 1;
            } else {
                int c = ((CategoricalDistribution) d).choices().size();
                levels[i] = c;
                kind[i] = c == 1 ? Kind.CONSTANT : c == 2 ? Kind.BINARY : Kind.ONE_HOT;
                width[i] = c == 1 ? 0 : c == 2 ? 1 : c;
            }
            offset[i] = col;
            col += width[i];
        }
        this.columns = col;
    }

    /** Parameter names in order. */
    public List<String> names() {
        return names;
    }

    public List<Distribution> distributions() {
        return distributions;
    }

    /** Number of parameters. */
    public int parameters() {
        return names.size();
    }

    /** Number of unit-cube columns (the GP's input dimension). */
    public int columns() {
        return columns;
    }

    /** Whether parameter {@code i} takes a continuum of values. */
    boolean isContinuous(int i) {
        return kind[i] == Kind.CONTINUOUS || kind[i] == Kind.LOG_CONTINUOUS;
    }

    /** The parameters that are not constant. */
    int[] variableParameters() {
        return java.util.stream.IntStream.range(0, kind.length).filter(i -> kind[i] != Kind.CONSTANT).toArray();
    }

    // ------------------------------------------------------------ encoding

    /** Unit-cube coordinates of a point given as internal values (categorical index). */
    public double[] encode(double[] internal) {
        double[] u = new double[columns];
        for (int i = 0; i < kind.length; i++) encodeOne(i, internal[i], u);
        return u;
    }

    /** Encodes named internal values (as stored in trials). */
    public double[] encode(Map<String, Double> internal) {
        double[] v = new double[names.size()];
        for (int i = 0; i < v.length; i++) v[i] = internal.get(names.get(i));
        return encode(v);
    }

    private void encodeOne(int i, double v, double[] u) {
        Distribution d = distributions.get(i);
        int o = offset[i];
        switch (kind[i]) {
            case CONTINUOUS -> {
                FloatDistribution f = (FloatDistribution) d;
                u[o] = clamp01((v - f.low()) / (f.high() - f.low()));
            }
            case LOG_CONTINUOUS -> {
                FloatDistribution f = (FloatDistribution) d;
                u[o] = clamp01(Math.log(v / f.low()) / Math.log(f.high() / f.low()));
            }
            case GRID -> u[o] = levels[i] <= 1 ? 0 : clamp01(gridIndex(i, v) / (double) (levels[i] - 1));
            case LOG_INT -> {
                IntDistribution in = (IntDistribution) d;
                u[o] = clamp01(Math.log(v / in.low()) / Math.log((double) in.high() / in.low()));
            }
            case BINARY -> u[o] = v >= 0.5 ? 1 : 0;
            case ONE_HOT -> {
                for (int c = 0; c < width[i]; c++) u[o + c] = 0;
                u[o + (int) Math.rint(v)] = 1;
            }
            case CONSTANT -> {
            }
        }
    }

    private double gridIndex(int i, double v) {
        Distribution d = distributions.get(i);
        if (d instanceof IntDistribution in) return Math.rint((v - in.low()) / in.step());
        FloatDistribution f = (FloatDistribution) d;
        return Math.rint((v - f.low()) / f.step());
    }

    /** Internal values (one per parameter, on the space's grid) of a unit-cube point; the point need not be projected. */
    public double[] decode(double[] u) {
        double[] v = new double[kind.length];
        for (int i = 0; i < kind.length; i++) {
            Distribution d = distributions.get(i);
            int o = offset[i];
            v[i] = switch (kind[i]) {
                case CONTINUOUS -> {
                    FloatDistribution f = (FloatDistribution) d;
                    yield Math.min(f.high(), Math.max(f.low(), f.low() + clamp01(u[o]) * (f.high() - f.low())));
                }
                case LOG_CONTINUOUS -> {
                    FloatDistribution f = (FloatDistribution) d;
                    yield Math.min(f.high(), Math.max(f.low(), f.low() * Math.exp(clamp01(u[o]) * Math.log(f.high() / f.low()))));
                }
                case GRID -> {
                    long idx = Math.round(clamp01(u[o]) * (levels[i] - 1));
                    if (d instanceof IntDistribution in) yield in.low() + idx * (double) in.step();
                    FloatDistribution f = (FloatDistribution) d;
                    yield (Double) f.toExternal(f.low() + idx * f.step());
                }
                case LOG_INT -> {
                    IntDistribution in = (IntDistribution) d;
                    double raw = in.low() * Math.exp(clamp01(u[o]) * Math.log((double) in.high() / in.low()));
                    double lo = Math.max(in.low(), Math.floor(raw)), hi = Math.min(in.high(), Math.ceil(raw));
                    // nearest in log space
                    yield Math.abs(Math.log(raw / lo)) <= Math.abs(Math.log(hi / raw)) ? lo : hi;
                }
                case BINARY -> u[o] >= 0.5 ? 1 : 0;
                case ONE_HOT -> {
                    int best = 0;
                    for (int c = 1; c < width[i]; c++) if (u[o + c] > u[o + best]) best = c;
                    yield best;
                }
                case CONSTANT -> 0;
            };
        }
        return v;
    }

    /** Snaps a unit-cube point in place onto the encoding of the configuration it decodes to. */
    public void project(double[] u) {
        boolean discrete = false;
        for (int i = 0; i < kind.length && !discrete; i++) discrete = !isContinuous(i) && kind[i] != Kind.CONSTANT;
        for (int i = 0; i < kind.length; i++) {
            if (isContinuous(i)) u[offset[i]] = clamp01(u[offset[i]]);
        }
        if (!discrete) return;
        double[] v = decode(u);
        for (int i = 0; i < kind.length; i++) {
            if (!isContinuous(i)) encodeOne(i, v[i], u);
        }
    }

    /** Named internal values of a unit-cube point. */
    public Map<String, Double> toParams(double[] u) {
        double[] v = decode(u);
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) m.put(names.get(i), v[i]);
        return Collections.unmodifiableMap(m);
    }

    /** A key identifying the configuration a (projected) unit point stands for. */
    String key(double[] u) {
        double[] v = decode(u);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (isContinuous(i)) {
                s.append(Math.round(u[offset[i]] * 1e10));
            } else {
                s.append((long) Math.rint(v[i] * 1e6));
            }
            s.append('|');
        }
        return s.toString();
    }

    // ------------------------------------------------------------ sampling

    /** A uniform random configuration (log ranges log-uniform; every discrete value equally likely), encoded. */
    public double[] random(SplittableRandom rng) {
        double[] v = new double[kind.length];
        for (int i = 0; i < kind.length; i++) {
            v[i] = kind[i] == Kind.CONSTANT ? 0 : RandomSampler.sample(distributions.get(i), rng);
        }
        return encode(v);
    }

    /**
     * The configuration for a point of an initial design ({@code w}: one coordinate per parameter in [0, 1)):
     * continuous parameters map linearly (or in log space); a parameter with m values takes value
     * {@code floor(w * m)}, so space-filling designs spread over the values evenly.
     */
    public double[] fromDesign(double[] w) {
        double[] v = new double[kind.length];
        for (int i = 0; i < kind.length; i++) {
            double t = Math.min(Math.max(w[i], 0), Math.nextDown(1.0));
            Distribution d = distributions.get(i);
            v[i] = switch (kind[i]) {
                case CONTINUOUS, LOG_CONTINUOUS -> {
                    double[] u = new double[columns];
                    u[offset[i]] = t;
                    yield decode(u)[i];
                }
                case GRID -> {
                    long idx = (long) Math.floor(t * levels[i]);
                    if (d instanceof IntDistribution in) yield in.low() + idx * (double) in.step();
                    FloatDistribution f = (FloatDistribution) d;
                    yield (Double) f.toExternal(f.low() + idx * f.step());
                }
                case LOG_INT -> {
                    IntDistribution in = (IntDistribution) d;
                    double lo = Math.log(in.low() - 0.5), hi = Math.log(in.high() + 0.5);
                    yield Math.min(in.high(), Math.max(in.low(), Math.round(Math.exp(lo + t * (hi - lo)))));
                }
                case BINARY, ONE_HOT -> Math.floor(t * levels[i]);
                case CONSTANT -> 0;
            };
        }
        return encode(v);
    }

    /** The unit-cube neighbours of a discrete parameter's value: adjacent grid values, or every other choice. */
    List<double[]> discreteNeighbours(double[] u, int i) {
        List<double[]> out = new ArrayList<>();
        double[] v = decode(u);
        switch (kind[i]) {
            case GRID, LOG_INT -> {
                Distribution d = distributions.get(i);
                double step = d instanceof IntDistribution in ? in.step() : ((FloatDistribution) d).step();
                for (int s = -1; s <= 1; s += 2) {
                    double nv = v[i] + s * step;
                    if (d.contains(nv) || (d instanceof FloatDistribution f && nv >= f.low() - 1e-12 && nv <= f.high() + 1e-12)) {
                        double[] w = u.clone();
                        encodeOne(i, d instanceof FloatDistribution f ? (Double) f.toExternal(nv) : nv, w);
                        out.add(w);
                    }
                }
            }
            case BINARY, ONE_HOT -> {
                for (int c = 0; c < levels[i]; c++) {
                    if (c == (int) v[i]) continue;
                    double[] w = u.clone();
                    encodeOne(i, c, w);
                    out.add(w);
                }
            }
            default -> {
            }
        }
        return out;
    }

    int offset(int i) {
        return offset[i];
    }

    private static double clamp01(double t) {
        return t < 0 ? 0 : t > 1 ? 1 : Double.isNaN(t) ? 0 : t;
    }

    @Override
    public String toString() {
        return "UnitCube" + names + " (" + columns + " columns)";
    }
}
