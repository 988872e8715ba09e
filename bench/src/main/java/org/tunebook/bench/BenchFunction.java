package org.tunebook.bench;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.tunebook.space.Space;

/**
 * A test function for the benchmarks: its search space, its formula on named parameters and its known
 * global minimum. The same functions exist in bench/python/functions.py for the anchors.
 */
public record BenchFunction(String name, Space space, ToDoubleFunction<Map<String, Object>> formula, double minimum) {

    public double apply(Map<String, Object> params) {
        return formula.applyAsDouble(params);
    }

    /** Regret of a value: distance above the global minimum. */
    public double regret(double value) {
        return value - minimum;
    }
}
