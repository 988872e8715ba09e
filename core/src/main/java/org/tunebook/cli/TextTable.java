package org.tunebook.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Renders a Tablesaw table as aligned plain text and sorts its rows with missing values last. */
final class TextTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TextTable() {
    }

    /** The rows of {@code table} ordered by one column; missing cells always come last. */
    static Table sorted(Table table, String column, boolean descending) {
        Column<?> c = table.column(column);
        Comparator<Integer> byValue = (a, b) -> compare(c.get(a), c.get(b));
        if (descending) byValue = byValue.reversed();
        Comparator<Integer> order = Comparator.<Integer, Boolean>comparing(c::isMissing).thenComparing(byValue);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) rows.add(i);
        rows.sort(order);
        Table out = table.emptyCopy();
        for (int r : rows) out.addRow(r, table); // table.rows(...) would keep the original order
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
        if (a instanceof Comparable ca && a.getClass().isInstance(b)) return ca.compareTo(b);
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** Aligned text: a header line, a rule, one line per row; numbers right-aligned. */
    static String render(Table table, List<String> extraHeader, List<List<String>> extraCells) {
        List<String> header = new ArrayList<>(table.columnNames());
        header.addAll(extraHeader);
        List<List<String>> cells = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (Column<?> c : table.columns()) numeric.add(c.type().name().matches("INTEGER|DOUBLE|LONG|FLOAT|SHORT"));
        for (int i = 0; i < extraHeader.size(); i++) numeric.add(false);
        for (int r = 0; r < table.rowCount(); r++) {
            List<String> row = new ArrayList<>();
            for (Column<?> c : table.columns()) row.add(c.isMissing(r) ? "" : cell(c.get(r)));
            if (extraCells != null) row.addAll(extraCells.get(r));
            cells.add(row);
        }
        int[] width = new int[header.size()];
        for (int k = 0; k < header.size(); k++) width[k] = header.get(k).length();
        for (List<String> row : cells) for (int k = 0; k < row.size(); k++) width[k] = Math.max(width[k], row.get(k).length());
        StringBuilder b = new StringBuilder();
        line(b, header, width, numeric);
        int total = 0;
        for (int w : width) total += w + 2;
        b.append("-".repeat(Math.max(0, total - 2))).append('\n');
        for (List<String> row : cells) line(b, row, width, numeric);
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> row, int[] width, List<Boolean> numeric) {
        StringBuilder l = new StringBuilder();
        for (int k = 0; k < row.size(); k++) {
            String s = row.get(k);
            String pad = " ".repeat(width[k] - s.length());
            l.append(numeric.get(k) ? pad + s : s + pad);
            if (k < row.size() - 1) l.append("  ");
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    static String cell(Object v) {
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.format(Locale.ROOT, "%.1f", d);
            return String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e");
        }
        if (v instanceof LocalDateTime t) return t.format(TIME);
        return String.valueOf(v);
    }
}
