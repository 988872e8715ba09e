package org.tunebook.evolution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;

/** A random stream that replays given numbers, so operator results can be computed by hand. */
final class ScriptedRng implements Rng {
    private final Deque<Double> uniforms = new ArrayDeque<>();
    private final Deque<Integer> ints = new ArrayDeque<>();
    private final Deque<Double> normals = new ArrayDeque<>();

    ScriptedRng uniforms(double... u) {
        for (double x : u) uniforms.add(x);
        return this;
    }

    ScriptedRng ints(int... k) {
        for (int x : k) ints.add(x);
        return this;
    }

    ScriptedRng normals(double... z) {
        for (double x : z) normals.add(x);
        return this;
    }

    @Override
    public double random() {
        Double u = uniforms.poll();
        if (u == null) throw new AssertionError("the operator drew more uniforms than scripted");
        return u;
    }

    @Override
    public int randbelow(int n) {
        Integer k = ints.poll();
        if (k == null) throw new AssertionError("the operator drew more integers than scripted");
        assertTrue(k >= 0 && k < n, "scripted " + k + " for randbelow(" + n + ")");
        return k;
    }

    @Override
    public double gauss(double mu, double sigma) {
        Double z = normals.poll();
        if (z == null) throw new AssertionError("the operator drew more normals than scripted");
        return mu + z * sigma;
    }

    boolean exhausted() {
        return uniforms.isEmpty() && ints.isEmpty() && normals.isEmpty();
    }
}
