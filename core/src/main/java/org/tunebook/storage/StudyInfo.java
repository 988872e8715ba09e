package org.tunebook.storage;

import java.time.Instant;
import java.util.List;
import org.tunebook.study.Direction;

/** A stored study: its identifier, unique name and directions. */
public record StudyInfo(long studyId, String name, List<Direction> directions, Instant created) {
    public StudyInfo {
        directions = List.copyOf(directions);
    }
}
