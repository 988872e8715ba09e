package org.tunebook.study;

/** A multi-objective function: one value per direction of the study. */
@FunctionalInterface
public interface MultiObjective {
    double[] evaluate(Trial trial) throws Exception;
}
