package org.tunebook.kernel.magic;

import org.tunebook.study.Direction;
import org.tunebook.study.Study;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Set;

/** {@code %trials [STUDY] [--sort COLUMN] [--asc|--desc] [--top K]}: the trials as a sortable table. */
public final class TrialsMagic {
    static final String NAME = "%trials";
    static final String USAGE = "%trials [STUDY] [--sort COLUMN] [--asc|--desc] [--top K]";
    static final String HELP = USAGE + "\n"
            + "Shows the trials of a study (the current one by default) as a table.\n"
            + "  --sort COLUMN  sort by a column: value (best first), number, duration, state, or a parameter name\n"
            + "  --asc, --desc  force the sort order\n"
            + "  --top K        only the first K rows after sorting\n"
            + "Example: %trials --sort value --top 10";

    public Object run(List<String> args) throws MagicUsageException {
        MagicArgs a = MagicArgs.parse(NAME, args, Set.of("sort", "top"), Set.of("asc", "desc"));
        if (a.help()) {
            System.out.println(HELP);
            return null;
        }
        a.atMostPositional(NAME, 1, USAGE);
        if (a.flag("asc") && a.flag("desc")) {
            throw new MagicUsageException(NAME + ": give --asc or --desc, not both");
        }
        Study study = StudyArgs.study(NAME, a.positional().isEmpty() ? null : a.positional().get(0));
        Integer top = a.positiveInt(NAME, "top", null);
        Table t = study.trialsTable();
        String sort = a.option("sort");
        if (sort != null) {
            String col = column(t, sort);
            boolean ascending;
            if (a.flag("asc")) ascending = true;
            else if (a.flag("desc")) ascending = false;
            else if (col.equals("value") || col.startsWith("values_")) ascending = study.directions().get(0) == Direction.MINIMIZE;
            else ascending = true;
            t = ascending ? t.sortAscendingOn(col) : t.sortDescendingOn(col);
            if (col.equals("value") || col.startsWith("values_")) {
                t = missingLast(t, col);
            }
        }
        if (top != null) {
            t = t.first(top);
        }
        t.setName(study.name() + " (" + study.describeCounts() + ")");
        return t;
    }

    private static Table missingLast(Table t, String col) {
        Table present = t.where(t.numberColumn(col).isNotMissing());
        Table missing = t.where(t.numberColumn(col).isMissing());
        return present.append(missing);
    }

    private static String column(Table t, String name) throws MagicUsageException {
        for (String c : t.columnNames()) {
            if (c.equalsIgnoreCase(name)) return c;
        }
        for (String c : t.columnNames()) {
            if (c.equalsIgnoreCase("params_" + name)) return c;
        }
        throw new MagicUsageException(NAME + ": no column '" + name + "' to sort on; columns: "
                + String.join(", ", t.columnNames()));
    }
}
