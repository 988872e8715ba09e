package org.tunebook.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.TrialState;
import org.tunebook.util.Json;

/**
 * Differential test against Optuna 5.0.0's TPESampler on one fixed history (fixture written by
 * bench/python/tpe_fixture.py from Optuna's own internals): float, log float, int, stepped float, log int and
 * categorical parameters; COMPLETE trials with tied values, PRUNED trials, and another worker's RUNNING trial with
 * published joint values (constant liar). The same history goes through Tunebook's TpeSampler internals, and the
 * below/above split, the mixture weights, every kernel's centre and bandwidth (or categorical probabilities), and
 * log l(x), log g(x) at 25 fixed candidates must match.
 */
class TpeOptunaFixtureTest {

    private static JsonNode fixture() throws Exception {
        try (InputStream in = TpeOptunaFixtureTest.class.getResourceAsStream("/tpe/optuna-fixture.json")) {
            assertNotNull(in, "fixture missing: run bench/python/tpe_fixture.py");
            return Json.MAPPER.readTree(in);
        }
    }

    private static Distribution distribution(JsonNode s) {
        return switch (s.get("kind").asText()) {
            case "cat" -> {
                List<Object> choices = new ArrayList<>();
                s.get("choices").forEach(c -> choices.add(c.asText()));
                yield new CategoricalDistribution(choices);
            }
            case "int" -> new IntDistribution(s.get("low").asInt(), s.get("high").asInt(), s.get("log").asBoolean(), s.get("step").asInt());
            default -> new FloatDistribution(s.get("low").asDouble(), s.get("high").asDouble(), s.get("log").asBoolean(),
                    s.get("step").isNull() ? null : s.get("step").asDouble());
        };
    }

    private static Object external(Distribution d, JsonNode v) {
        if (d instanceof CategoricalDistribution) return v.asText();
        if (d instanceof IntDistribution) return v.asInt();
        return v.asDouble();
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asDouble();
        return out;
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asInt();
        return out;
    }

    private static void assertClose(double[] want, double[] got, double tol, String what) {
        assertEquals(want.length, got.length, what + ": length");
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], tol * Math.max(1, Math.abs(want[i])), what + " [" + i + "]");
        }
    }

    /**
     * Bandwidths kernel by kernel, except that kernels with the same centre may swap theirs: numpy's default argsort
     * does not keep the order of ties (Tunebook's does, by trial number), so which of two equal observations counts
     * as the outer one is arbitrary on Optuna's side. Per centre, the bandwidths must be the same multiset.
     */
    private static void assertSameBandwidths(double[] mu, double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what + ": kernels");
        Map<Double, List<Double>> w = new TreeMap<>(), g = new TreeMap<>();
        for (int k = 0; k < mu.length; k++) {
            w.computeIfAbsent(mu[k], x -> new ArrayList<>()).add(want[k]);
            g.computeIfAbsent(mu[k], x -> new ArrayList<>()).add(got[k]);
        }
        for (Double c : w.keySet()) {
            double[] a = w.get(c).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] b = g.get(c).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            assertClose(a, b, 1e-12, what + " sigma of the kernels at " + c);
        }
    }

    @Test
    void sameSplitKernelsAndDensitiesAsOptuna() throws Exception {
        JsonNode fx = fixture();
        List<String> names = new ArrayList<>();
        List<Distribution> dists = new ArrayList<>();
        for (JsonNode s : fx.get("space")) {
            names.add(s.get("name").asText());
            dists.add(distribution(s));
        }
        Map<String, Distribution> byName = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) byName.put(names.get(j), dists.get(j));

        List<FrozenTrial> trials = new ArrayList<>();
        for (JsonNode t : fx.get("trials")) {
            int number = t.get("number").asInt();
            TrialState state = TrialState.valueOf(t.get("state").asText());
            Map<String, Object> params = new LinkedHashMap<>();
            Map<String, Distribution> ds = new LinkedHashMap<>();
            Map<String, Object> sys = new LinkedHashMap<>();
            TreeMap<Integer, Double> inter = new TreeMap<>();
            List<Double> values = List.of();
            if (state == TrialState.RUNNING) {
                Map<String, Object> relative = new LinkedHashMap<>(); // Tunebook publishes internal values
                t.get("relative").fields().forEachRemaining(e -> relative.put(e.getKey(),
                        byName.get(e.getKey()).toInternal(external(byName.get(e.getKey()), e.getValue()))));
                sys.put(TpeSampler.RELATIVE_PARAMS_KEY, relative);
            } else {
                t.get("params").fields().forEachRemaining(e -> {
                    params.put(e.getKey(), external(byName.get(e.getKey()), e.getValue()));
                    ds.put(e.getKey(), byName.get(e.getKey()));
                });
                if (state == TrialState.COMPLETE) values = List.of(t.get("value").asDouble());
                if (t.has("intermediate")) t.get("intermediate").fields().forEachRemaining(e -> inter.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
                if (state == TrialState.PRUNED) values = List.of(inter.lastEntry().getValue());
            }
            trials.add(new FrozenTrial(number, 100 + number, state, values, params, ds, Map.of(), sys, inter, Instant.EPOCH,
                    state == TrialState.RUNNING ? null : Instant.EPOCH, null));
        }
        int currentNumber = fx.get("current").asInt();
        FrozenTrial current = new FrozenTrial(currentNumber, 100 + currentNumber, TrialState.RUNNING, List.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), new TreeMap<>(), Instant.EPOCH, null, null);
        trials.add(current);

        TpeSampler sampler = TpeSampler.seeded(0);
        TpeSampler.Estimators e = sampler.estimators(new TpeHistory("fixture"), org.tunebook.study.TrialList.of(trials), current, names, dists, List.of(Direction.MINIMIZE));
        assertArrayEquals(ints(fx.get("below")), e.groups().belowNumbers, "below trials");
        assertArrayEquals(ints(fx.get("above")), e.groups().aboveNumbers, "above trials");

        for (String side : List.of("l", "g")) {
            ParzenEstimator pe = side.equals("l") ? e.l() : e.g();
            JsonNode want = fx.get(side);
            assertClose(doubles(want.get("weights")), pe.weights(), 1e-12, side + " weights");
            for (int j = 0; j < names.size(); j++) {
                JsonNode p = want.get("params").get(names.get(j));
                if (p.has("probs")) {
                    double[][] got = pe.probabilities(j);
                    assertEquals(p.get("probs").size(), got.length, side + " " + names.get(j) + " kernels");
                    for (int k = 0; k < got.length; k++) {
                        assertClose(doubles(p.get("probs").get(k)), got[k], 1e-12, side + " " + names.get(j) + " kernel " + k);
                    }
                } else {
                    double[][] got = pe.kernels(j);
                    double[] mu = doubles(p.get("mu"));
                    assertClose(mu, got[0], 1e-12, side + " " + names.get(j) + " mu");
                    assertSameBandwidths(mu, doubles(p.get("sigma")), got[1], side + " " + names.get(j));
                }
            }
        }

        int m = fx.get("log_l").size();
        double[][] x = new double[m][names.size()];
        for (int j = 0; j < names.size(); j++) {
            double[] col = doubles(fx.get("candidates").get(names.get(j)));
            for (int i = 0; i < m; i++) x[i][j] = col[i];
        }
        // densities, against Optuna with ties ordered by trial number (see assertSameBandwidths): Optuna's erf and
        // Tunebook's erfc approximation differ by ~1e-7 relative
        for (String side : List.of("l", "g")) { // those estimators differ from the stock ones only by swaps of tied kernels
            ParzenEstimator pe = side.equals("l") ? e.l() : e.g();
            JsonNode want = fx.get(side + "_stable");
            for (int j = 0; j < names.size(); j++) {
                JsonNode p = want.get("params").get(names.get(j));
                if (p.has("sigma")) assertClose(doubles(p.get("sigma")), pe.kernels(j)[1], 1e-12, side + " (stable ties) " + names.get(j) + " sigma");
            }
        }
        assertClose(doubles(fx.get("log_l_stable")), e.l().logPdf(x), 1e-6, "log l");
        assertClose(doubles(fx.get("log_g_stable")), e.g().logPdf(x), 1e-6, "log g");
        double[] ll = e.l().logPdf(x), lg = e.g().logPdf(x);
        double[] wl = doubles(fx.get("log_l_stable")), wg = doubles(fx.get("log_g_stable"));
        int bestJava = 0, bestOptuna = 0;
        for (int i = 1; i < m; i++) {
            if (ll[i] - lg[i] > ll[bestJava] - lg[bestJava]) bestJava = i;
            if (wl[i] - wg[i] > wl[bestOptuna] - wg[bestOptuna]) bestOptuna = i;
        }
        assertEquals(bestOptuna, bestJava, "the candidate maximising log l - log g");
    }
}
