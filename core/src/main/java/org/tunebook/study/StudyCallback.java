package org.tunebook.study;

/** Called after each finished trial of optimize(), on the thread that called optimize() (Optuna's callbacks). */
@FunctionalInterface
public interface StudyCallback {
    void afterTrial(Study study, FrozenTrial trial);
}
