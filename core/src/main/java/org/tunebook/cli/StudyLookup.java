package org.tunebook.cli;

import org.tunebook.storage.Storage;
import org.tunebook.storage.StudyInfo;
import org.tunebook.study.Studies;
import org.tunebook.study.Study;

/** Loads a study named on the command line, with an error listing the known ones. */
final class StudyLookup {
    private StudyLookup() {
    }

    static Study load(String name, Storage storage) {
        if (storage.findStudy(name).isEmpty()) {
            String known = String.join(", ", storage.studies().stream().map(StudyInfo::name).toList());
            throw UsageError.of("--study " + name, "no such study in " + storage.url() + ": "
                    + (known.isEmpty() ? "it has no studies yet (run `tunebook optimize` first)" : "use one of " + known));
        }
        return Studies.load(name, storage);
    }
}
