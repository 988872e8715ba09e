package org.tunebook.kernel.render;

import org.junit.jupiter.api.Test;
import org.tunebook.kernel.Bundle;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TablesTest {

    static Table table(int rows) {
        IntColumn n = IntColumn.create("number");
        DoubleColumn v = DoubleColumn.create("value");
        StringColumn s = StringColumn.create("act");
        for (int i = 0; i < rows; i++) {
            n.append(i);
            v.append(i == 3 ? Double.NaN : 1.0 / (i + 1));
            s.append(i % 2 == 0 ? "relu" : "<tanh>");
        }
        return Table.create("trials", n, v, s);
    }

    static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int c = 0;
        while (m.find()) {
            c++;
        }
        return c;
    }

    @Test
    void htmlShowsAllRowsUnderTheLimitWithSortableHeaders() {
        Bundle b = Tables.bundle(table(7), 50);
        String html = b.get(Bundle.HTML);
        assertEquals(8, count(html, "<tr>"), "7 body rows and the header row");
        assertEquals(3, count(html, "<th "));
        assertTrue(html.contains("&lt;tanh&gt;"), "cell text is escaped");
        assertTrue(html.contains("addEventListener('click'"), "headers sort on click");
        assertFalse(html.contains("more rows"));
        assertTrue(b.text().contains("relu"));
        assertTrue(b.has(Bundle.TEXT) && b.has(Bundle.HTML));
    }

    @Test
    void rowLimitCutsRowsAndSaysHowManyMore() {
        Bundle b = Tables.bundle(table(120), 25);
        String html = b.get(Bundle.HTML);
        assertEquals(26, count(html, "<tr>"));
        assertTrue(html.contains("95 more rows (showing the first 25 of 120)"), html.substring(html.length() - 900));
        assertTrue(b.text().contains("95 more rows"));
    }

    @Test
    void numericCellsCarryTheirValueForSortingAndMissingStaysEmpty() {
        String html = Tables.html(table(5), 10);
        assertTrue(html.contains("data-v=\"0.5\""), "1/2 is sortable as a number");
        assertTrue(html.contains("<td class=\"n\" data-v=\"\"></td>"), "NaN is a missing value");
    }

    @Test
    void rowLimitMustBePositive() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Tables.setRowLimit(0));
        assertTrue(e.getMessage().contains("at least 1"));
    }
}
