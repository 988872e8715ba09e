package org.tunebook.study;

import java.util.List;
import org.tunebook.storage.Storage;
import org.tunebook.storage.StudyInfo;

/** Short forms of {@link Study#builder(String)} for the common cases. */
public final class Studies {
    private Studies() {
    }

    /** A new study in memory. */
    public static Study create(String name, Direction direction) {
        return Study.builder(name).direction(direction).create();
    }

    /** A new study, or the existing one of this name (resumed). */
    public static Study create(String name, Direction direction, Storage storage) {
        return Study.builder(name).direction(direction).storage(storage).loadIfExists().create();
    }

    /** An existing study. */
    public static Study load(String name, Storage storage) {
        return Study.builder(name).storage(storage).load();
    }

    /** Names and directions of the studies in a storage. */
    public static List<StudyInfo> list(Storage storage) {
        return storage.studies();
    }
}
