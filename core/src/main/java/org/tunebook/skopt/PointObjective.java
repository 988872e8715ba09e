package org.tunebook.skopt;

/** The function {@link Skopt#gpMinimize} minimizes: a value for a point of the space (lower is better). */
@FunctionalInterface
public interface PointObjective {
    double evaluate(Point x) throws Exception;
}
