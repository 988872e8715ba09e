package org.tunebook.study;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.IntDistribution;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Trials as a Tablesaw table with the columns of Optuna's trials_dataframe: number, value (values_0, ...
 * for several objectives), datetime_start, datetime_complete, duration (seconds), params_NAME,
 * user_attrs_KEY, state. A parameter missing from a trial (conditional spaces) is a missing cell.
 */
public final class TrialsTable {
    private TrialsTable() {
    }

    public static Table of(Study study, List<FrozenTrial> trials) {
        return of(study.name(), study.directions().size(), trials);
    }

    public static Table of(String name, int nObjectives, List<FrozenTrial> trials) {
        Table t = Table.create(name);
        IntColumn number = IntColumn.create("number");
        List<DoubleColumn> values = new ArrayList<>();
        for (int i = 0; i < nObjectives; i++) values.add(DoubleColumn.create(nObjectives == 1 ? "value" : "values_" + i));
        DateTimeColumn start = DateTimeColumn.create("datetime_start");
        DateTimeColumn complete = DateTimeColumn.create("datetime_complete");
        DoubleColumn duration = DoubleColumn.create("duration");
        StringColumn state = StringColumn.create("state");

        Map<String, Distribution> params = new LinkedHashMap<>();
        Set<String> attrs = new LinkedHashSet<>();
        for (FrozenTrial f : trials) {
            f.distributions().forEach(params::putIfAbsent);
            attrs.addAll(f.userAttrs().keySet());
        }
        Map<String, Column<?>> paramCols = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : params.entrySet()) {
            paramCols.put(e.getKey(), columnFor("params_" + e.getKey(), e.getValue()));
        }
        Map<String, Column<?>> attrCols = new LinkedHashMap<>();
        for (String a : attrs) {
            boolean numeric = trials.stream().map(f -> f.userAttrs().get(a)).allMatch(v -> v == null || v instanceof Number);
            attrCols.put(a, numeric ? DoubleColumn.create("user_attrs_" + a) : StringColumn.create("user_attrs_" + a));
        }

        for (FrozenTrial f : trials) {
            number.append(f.number());
            for (int i = 0; i < nObjectives; i++) {
                if (i < f.values().size()) values.get(i).append(f.values().get(i));
                else values.get(i).appendMissing();
            }
            append(start, f.datetimeStart());
            append(complete, f.datetimeComplete());
            if (f.duration() != null) duration.append(f.duration().toNanos() / 1e9);
            else duration.appendMissing();
            for (Map.Entry<String, Column<?>> e : paramCols.entrySet()) appendValue(e.getValue(), f.params().get(e.getKey()));
            for (Map.Entry<String, Column<?>> e : attrCols.entrySet()) appendValue(e.getValue(), f.userAttrs().get(e.getKey()));
            state.append(f.state().name());
        }
        t.addColumns(number);
        for (DoubleColumn v : values) t.addColumns(v);
        t.addColumns(start, complete, duration);
        for (Column<?> c : paramCols.values()) t.addColumns(c);
        for (Column<?> c : attrCols.values()) t.addColumns(c);
        t.addColumns(state);
        return t;
    }

    private static Column<?> columnFor(String name, Distribution d) {
        if (d instanceof IntDistribution) return IntColumn.create(name);
        if (d instanceof CategoricalDistribution c) {
            boolean numeric = c.choices().stream().allMatch(v -> v instanceof Number);
            return numeric ? DoubleColumn.create(name) : StringColumn.create(name);
        }
        return DoubleColumn.create(name);
    }

    private static void append(DateTimeColumn c, java.time.Instant i) {
        if (i == null) c.appendMissing();
        else c.append(LocalDateTime.ofInstant(i, ZoneId.systemDefault()));
    }

    private static void appendValue(Column<?> c, Object v) {
        if (v == null) {
            c.appendMissing();
        } else if (c instanceof IntColumn ic) {
            ic.append(((Number) v).intValue());
        } else if (c instanceof DoubleColumn dc) {
            if (v instanceof Number n) dc.append(n.doubleValue());
            else dc.appendMissing();
        } else {
            ((StringColumn) c).append(String.valueOf(v));
        }
    }
}
