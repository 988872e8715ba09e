package org.tunebook.kernel.magic;

import org.tunebook.study.Trial;

import java.util.Map;

/** The compiled body of a {@code %%search} cell: the trial and its parameter values to the objective value. */
@FunctionalInterface
public interface SearchObjective {
    Object evaluate(Trial trial, Map<String, Object> params) throws Exception;
}
