package org.tunebook.kernel.magic;

import org.tunebook.kernel.Session;
import org.tunebook.storage.Storage;
import org.tunebook.storage.StudyInfo;
import org.tunebook.study.Studies;
import org.tunebook.study.Study;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Set;

/** {@code %study load NAME --storage URL}, {@code %study list [--storage URL]}, {@code %study [NAME]}. */
public final class StudyMagic {
    static final String NAME = "%study";
    static final String USAGE = "%study load NAME --storage URL | %study list [--storage URL] | %study [NAME]";
    static final String HELP = USAGE + "\n"
            + "  load NAME --storage URL  loads a stored study and makes it the current one\n"
            + "  list [--storage URL]     the studies of this notebook, or of a storage\n"
            + "  [NAME]                   the summary of a study (the current one by default)\n"
            + "URL: memory, sqlite:PATH or jdbc:postgresql://HOST:PORT/DB?user=U\n"
            + "Example: %study load mnist --storage sqlite:studies.db";

    public Object run(List<String> args) throws MagicUsageException {
        MagicArgs a = MagicArgs.parse(NAME, args, Set.of("storage"), Set.of());
        if (a.help()) {
            System.out.println(HELP);
            return null;
        }
        List<String> p = a.positional();
        if (p.isEmpty()) {
            return StudyArgs.study(NAME, null);
        }
        switch (p.get(0)) {
            case "load" -> {
                if (p.size() != 2) {
                    throw new MagicUsageException(NAME + ": load needs one study name, e.g. %study load mnist --storage sqlite:studies.db");
                }
                if (a.option("storage") == null) {
                    throw new MagicUsageException(NAME + ": load needs --storage URL, e.g. --storage sqlite:studies.db");
                }
                Storage storage = SearchMagic.storageOf(a.option("storage"));
                Study s;
                try {
                    s = Studies.load(p.get(1), storage);
                } catch (IllegalArgumentException e) {
                    throw new MagicUsageException(NAME + ": " + e.getMessage());
                }
                Session.remember(s);
                return s;
            }
            case "list" -> {
                a.atMostPositional(NAME, 1, USAGE);
                return a.option("storage") == null ? sessionTable() : storageTable(a.option("storage"));
            }
            default -> {
                a.atMostPositional(NAME, 1, USAGE);
                return StudyArgs.study(NAME, p.get(0));
            }
        }
    }

    private static Table sessionTable() {
        StringColumn name = StringColumn.create("study");
        StringColumn dirs = StringColumn.create("directions");
        IntColumn n = IntColumn.create("trials");
        StringColumn best = StringColumn.create("best");
        StringColumn storage = StringColumn.create("storage");
        for (Study s : Session.all()) {
            name.append(s.name());
            dirs.append(s.directions().toString());
            n.append(s.trials().size());
            best.append(s.isMultiObjective() ? "" : s.bestTrialIfAny().map(b -> b.value() + " (#" + b.number() + ")").orElse(""));
            storage.append(s.storage().url());
        }
        return Table.create("studies in this notebook", name, dirs, n, best, storage);
    }

    private static Table storageTable(String url) throws MagicUsageException {
        Storage storage = SearchMagic.storageOf(url);
        StringColumn name = StringColumn.create("study");
        StringColumn dirs = StringColumn.create("directions");
        StringColumn created = StringColumn.create("created");
        for (StudyInfo info : Studies.list(storage)) {
            name.append(info.name());
            dirs.append(info.directions().toString());
            created.append(String.valueOf(info.created()));
        }
        return Table.create("studies in " + storage.url(), name, dirs, created);
    }
}
