package org.tunebook.pruner;

import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;

/** The pruner that never prunes (the default). */
public final class NopPruner implements Pruner {
    public static final NopPruner INSTANCE = new NopPruner();

    private NopPruner() {
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        return false;
    }

    @Override
    public String toString() {
        return "none";
    }
}
