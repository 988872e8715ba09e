package org.tunebook.pruner;

import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;

/** Decides from a running trial's intermediate values whether to stop it early. */
@FunctionalInterface
public interface Pruner {
    boolean prune(Study study, FrozenTrial trial);

    /** Never prunes. */
    static Pruner none() {
        return NopPruner.INSTANCE;
    }
}
