package org.tunebook.kernel.magic;

import org.tunebook.kernel.Session;
import org.tunebook.study.Study;

/** Finding the study a magic is about: a name known to this notebook, or the current study. */
final class StudyArgs {
    private StudyArgs() {
    }

    static Study study(String magic, String name) throws MagicUsageException {
        if (name == null) {
            return Session.current().orElseThrow(() -> new MagicUsageException(magic
                    + ": no study yet in this notebook: run %%search or study.optimize(...), or %study load NAME --storage URL"));
        }
        return Session.get(name).orElseThrow(() -> new MagicUsageException(magic + ": no study named '" + name
                + "' in this notebook" + known() + "; load a stored one with %study load " + name + " --storage URL"));
    }

    private static String known() {
        var names = Session.all().stream().map(Study::name).toList();
        return names.isEmpty() ? "" : " (known: " + String.join(", ", names) + ")";
    }
}
