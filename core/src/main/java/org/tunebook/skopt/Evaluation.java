package org.tunebook.skopt;

import java.util.List;

/** One row of {@link OptimizeResult#sorted()}: a function value and the point it was measured at. */
public record Evaluation(double funcVal, List<Object> x) {
    public Evaluation {
        x = List.copyOf(x);
    }

    @Override
    public String toString() {
        return "(" + funcVal + ", " + x + ")";
    }
}
