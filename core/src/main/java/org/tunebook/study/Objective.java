package org.tunebook.study;

/** A single-objective function of a trial: suggest parameters on the trial, return the value. */
@FunctionalInterface
public interface Objective {
    double evaluate(Trial trial) throws Exception;
}
