package org.tunebook.study;

import java.util.EnumSet;
import java.util.Set;

/** Life cycle of a trial: WAITING (enqueued) -> RUNNING -> COMPLETE | PRUNED | FAIL. */
public enum TrialState {
    WAITING, RUNNING, COMPLETE, PRUNED, FAIL;

    public static final Set<TrialState> FINISHED = EnumSet.of(COMPLETE, PRUNED, FAIL);
    public static final Set<TrialState> ALL = EnumSet.allOf(TrialState.class);

    public boolean isFinished() {
        return FINISHED.contains(this);
    }
}
