package org.tunebook.evolution;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * One row per generation: gen, nevals (evaluations in that generation) and the statistics' columns, as DEAP's
 * Logbook. {@link #toString()} prints DEAP's text layout (tab-separated, left-aligned, floats with six
 * significant digits); {@link #toTable()} gives a Tablesaw table for notebooks and plots.
 */
public final class Logbook {
    private final List<String> header;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    public Logbook(List<String> statFields) {
        List<String> h = new ArrayList<>(List.of("gen", "nevals"));
        h.addAll(statFields);
        this.header = List.copyOf(h);
    }

    /** Appends a row. */
    public void record(int gen, int nevals, Map<String, Double> stats) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("gen", gen);
        row.put("nevals", nevals);
        row.putAll(stats);
        rows.add(Collections.unmodifiableMap(row));
    }

    public List<String> header() {
        return header;
    }

    public List<Map<String, Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    public int size() {
        return rows.size();
    }

    /** The values of one column, in generation order (DEAP's {@code logbook.select(name)}). */
    public List<Object> select(String column) {
        if (!header.contains(column)) throw new IllegalArgumentException("no column '" + column + "' in the logbook: columns are " + header);
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> r : rows) out.add(r.get(column));
        return out;
    }

    /** A numeric column as doubles. */
    public double[] column(String column) {
        List<Object> v = select(column);
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) v.get(i)).doubleValue();
        return out;
    }

    /** The logbook as a table: gen and nevals as integer columns, statistics as double columns. */
    public Table toTable() {
        Table t = Table.create("logbook");
        for (String h : header) {
            if (h.equals("gen") || h.equals("nevals")) {
                IntColumn c = IntColumn.create(h);
                for (Map<String, Object> r : rows) c.append((Integer) r.get(h));
                t.addColumns(c);
            } else {
                DoubleColumn c = DoubleColumn.create(h);
                for (Map<String, Object> r : rows) c.append(((Number) r.get(h)).doubleValue());
                t.addColumns(c);
            }
        }
        return t;
    }

    /** DEAP's text layout. */
    @Override
    public String toString() {
        List<List<String>> cols = new ArrayList<>();
        for (String h : header) {
            List<String> c = new ArrayList<>();
            c.add(h);
            for (Map<String, Object> r : rows) c.add(format(r.get(h)));
            cols.add(c);
        }
        int[] w = new int[cols.size()];
        for (int i = 0; i < w.length; i++) for (String s : cols.get(i)) w[i] = Math.max(w[i], s.length());
        StringBuilder b = new StringBuilder();
        for (int line = 0; line <= rows.size(); line++) {
            if (line > 0) b.append('\n');
            for (int i = 0; i < cols.size(); i++) {
                if (i > 0) b.append('\t');
                String s = cols.get(i).get(line);
                b.append(s).append(" ".repeat(w[i] - s.length()));
            }
        }
        return b.toString();
    }

    /** Python's {@code format(x, "n")} for a float in the C locale: like {@code %g} with 6 significant digits. */
    static String format(Object v) {
        if (!(v instanceof Double d)) return String.valueOf(v);
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        BigDecimal r = new BigDecimal(d).round(new MathContext(6, java.math.RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        if (exp >= -4 && exp < 6) {
            String s = r.setScale(Math.max(0, 5 - exp), java.math.RoundingMode.HALF_EVEN).toPlainString();
            if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
        BigDecimal mant = r.movePointLeft(exp);
        String m = mant.setScale(5, java.math.RoundingMode.HALF_EVEN).toPlainString().replaceAll("0+$", "").replaceAll("\\.$", "");
        return m + (exp < 0 ? "e-" : "e+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
}
