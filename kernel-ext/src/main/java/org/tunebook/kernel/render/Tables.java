package org.tunebook.kernel.render;

import org.tunebook.kernel.Bundle;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Tablesaw tables as display bundles: a styled HTML table whose headers sort the shown rows when
 * clicked (a few lines of inline script; the table reads fine without it), limited to
 * {@link #rowLimit()} rows with a note saying how many more there are, and the same as text/plain.
 */
public final class Tables {
    /** System property overriding the default row limit (50). */
    public static final String ROW_LIMIT_PROPERTY = "tunebook.table.rows";
    private static final int DEFAULT_ROW_LIMIT = 50;
    private static final AtomicLong IDS = new AtomicLong();
    private static volatile Integer rowLimit;

    private Tables() {
    }

    /** How many rows a table shows: {@link #setRowLimit}, else -Dtunebook.table.rows, else 50. */
    public static int rowLimit() {
        Integer set = rowLimit;
        if (set != null) {
            return set;
        }
        String prop = System.getProperty(ROW_LIMIT_PROPERTY);
        if (prop != null) {
            try {
                int n = Integer.parseInt(prop.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        return DEFAULT_ROW_LIMIT;
    }

    public static void setRowLimit(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("row limit must be at least 1, got " + rows);
        }
        rowLimit = rows;
    }

    public static Bundle bundle(Table table) {
        return bundle(table, rowLimit());
    }

    public static Bundle bundle(Table table, int limit) {
        return Bundle.builder().html(html(table, limit)).text(text(table, limit)).build();
    }

    public static String text(Table table, int limit) {
        int shown = Math.min(limit, table.rowCount());
        String body = table.print(shown);
        int more = table.rowCount() - shown;
        return more > 0 ? body + "\n" + moreNote(more, shown, table.rowCount()) : body;
    }

    public static String html(Table table, int limit) {
        int rows = table.rowCount();
        int shown = Math.min(limit, rows);
        String id = "tunebook-table-" + Long.toHexString(System.nanoTime()) + "-" + IDS.incrementAndGet();
        StringBuilder b = new StringBuilder(256 + shown * table.columnCount() * 24);
        b.append("<div class=\"tunebook-table\">");
        b.append("<style>")
                .append('#').append(id).append("{border-collapse:collapse;font-size:12px;font-family:sans-serif}")
                .append('#').append(id).append(" th,#").append(id)
                .append(" td{border:1px solid #ddd;padding:2px 8px}")
                .append('#').append(id).append(" th{background:#f3f3f3;cursor:pointer;user-select:none}")
                .append('#').append(id).append(" td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append('#').append(id).append(" tbody tr:nth-child(even){background:#fafafa}")
                .append('#').append(id).append(" th[data-dir=asc]:after{content:' \\25B2'}")
                .append('#').append(id).append(" th[data-dir=desc]:after{content:' \\25BC'}")
                .append("</style>");
        if (table.name() != null && !table.name().isEmpty()) {
            b.append("<div style=\"font:bold 12px sans-serif;margin:2px 0\">").append(Html.escape(table.name()))
                    .append("</div>");
        }
        b.append("<table id=\"").append(id).append("\"><thead><tr>");
        for (String name : table.columnNames()) {
            b.append("<th title=\"click to sort\">").append(Html.escape(name)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (int r = 0; r < shown; r++) {
            b.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                Column<?> col = table.column(c);
                if (col instanceof NumericColumn<?> num) {
                    if (num.isMissing(r)) {
                        b.append("<td class=\"n\" data-v=\"\"></td>");
                    } else {
                        b.append("<td class=\"n\" data-v=\"").append(num.getDouble(r)).append("\">")
                                .append(Html.escape(col.getString(r))).append("</td>");
                    }
                } else {
                    b.append("<td>").append(Html.escape(col.getString(r))).append("</td>");
                }
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
        if (rows > shown) {
            b.append("<div style=\"font:italic 12px sans-serif;color:#666\">")
                    .append(Html.escape(moreNote(rows - shown, shown, rows))).append("</div>");
        }
        b.append("<script>(function(){var t=document.getElementById('").append(id).append("');")
                .append("if(!t)return;var hs=t.tHead.rows[0].cells;")
                .append("Array.prototype.forEach.call(hs,function(h,i){h.addEventListener('click',function(){")
                .append("var asc=h.getAttribute('data-dir')!=='asc';")
                .append("Array.prototype.forEach.call(hs,function(o){o.removeAttribute('data-dir');});")
                .append("h.setAttribute('data-dir',asc?'asc':'desc');")
                .append("var body=t.tBodies[0],rs=Array.prototype.slice.call(body.rows);")
                .append("function key(r){var c=r.cells[i];return c.hasAttribute('data-v')?c.getAttribute('data-v'):c.textContent;}")
                .append("rs.sort(function(x,y){var a=key(x),c=key(y),na=parseFloat(a),nc=parseFloat(c);")
                .append("var d=(a===''||c==='')?(a===''?1:0)-(c===''?1:0):(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c);")
                .append("return asc||a===''||c===''?d:-d;});")
                .append("rs.forEach(function(r){body.appendChild(r);});});});})();</script>");
        b.append("</div>");
        return b.toString();
    }

    private static String moreNote(int more, int shown, int total) {
        return more + " more rows (showing the first " + shown + " of " + total + ")";
    }
}
